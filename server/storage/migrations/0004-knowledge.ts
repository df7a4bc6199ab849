import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * The knowledge base (知识库): articles, their versions, and the misses agents flag.
 *
 * Keys: articles are province-wide reference data (at most tens of thousands of rows, one article
 * often applying to several cities), read by every city's agents; they get a plain uuid key and
 * would become a Citus *reference* table (replicated to every node), so no city code in the key.
 * Versions hang off their article with the same reasoning. Misses are tied to appeals and grow
 * with the appeal volume, so they carry `city_code` first in the key like the appeal tables.
 *
 * Usage (which article answered) is not a table of its own: it is read from the
 * `answered_directly` events (`data.articleId`), the single source, through a partial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create sequence knowledge_revision_seq;

    create table knowledge_articles (
      id uuid primary key,
      version integer not null check (version >= 1),
      status text not null check (status in ('draft','published','archived')),
      title text not null check (length(title) between 1 and 200),
      body text not null,
      body_text text not null,
      category_codes text[] not null default '{}',
      region_codes text[] not null default '{}',
      department_id text not null references departments(id),
      source_title text,
      source_url text,
      source_number text,
      effective_from date not null,
      effective_to date,
      review_by date,
      sample boolean not null default false,
      revision bigint not null default nextval('knowledge_revision_seq'),
      created_by uuid,
      updated_by uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (effective_to is null or effective_to >= effective_from)
    );
    create index knowledge_articles_revision on knowledge_articles(revision);
    create index knowledge_articles_department on knowledge_articles(department_id);

    create table knowledge_article_versions (
      article_id uuid not null references knowledge_articles(id),
      version integer not null check (version >= 1),
      status text not null,
      title text not null,
      body text not null,
      meta jsonb not null,
      editor_id uuid,
      editor_name text not null,
      at timestamptz not null,
      primary key (article_id, version)
    );

    create table knowledge_misses (
      city_code text not null,
      id uuid not null,
      appeal_id uuid,
      query text not null,
      shown_article_ids uuid[] not null default '{}',
      category_code text,
      region_code text,
      user_id uuid,
      user_name text not null,
      at timestamptz not null,
      primary key (city_code, id)
    );
    create index knowledge_misses_at on knowledge_misses(at);
    create index knowledge_misses_appeal on knowledge_misses(appeal_id);

    create index appeal_events_article on appeal_events ((data->>'articleId'))
      where type = 'answered_directly' and data->>'articleId' is not null;
    `,
  );
}
