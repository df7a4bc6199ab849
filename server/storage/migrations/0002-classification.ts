import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * Routing intelligence (智能分拨): trained classifier models kept in the database, versioned per
 * target (category or department), exactly one active per target; and a flag on appeals that the
 * platform dispatched by itself, for the auto-dispatch rate.
 *
 * `classifier_models` is small reference data (a handful of rows of a few MB): on Citus it would
 * be a reference table, so it is not keyed by city.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table classifier_models (
      id uuid primary key,
      target text not null check (target in ('category', 'department')),
      version integer not null check (version > 0),
      source text not null check (source in ('default', 'history', 'file')),
      created_at timestamptz not null,
      created_by text,
      sample_count integer not null check (sample_count >= 0),
      label_count integer not null check (label_count >= 0),
      metrics jsonb not null default '{}'::jsonb,
      bytes bytea not null,
      active boolean not null default false,
      unique (target, version)
    );
    create unique index classifier_models_one_active on classifier_models (target) where active;

    alter table appeals add column auto_dispatched boolean not null default false;
    `,
  );
}
