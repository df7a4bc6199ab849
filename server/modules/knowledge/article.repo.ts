import { type ExpressionBuilder, sql } from "kysely";
import { isUuid } from "../../platform/ids.ts";
import type { Database, Tx } from "../../storage/database.ts";
import type { IndexedArticle } from "./search-index.ts";

/** An article as the module works with it (dates as China calendar dates, YYYY-MM-DD). */
export interface Article {
  id: string;
  version: number;
  status: ArticleStatus;
  title: string;
  body: string;
  bodyText: string;
  categoryCodes: string[];
  regionCodes: string[];
  departmentId: string;
  source: { title: string | null; url: string | null; number: string | null };
  effectiveFrom: string;
  effectiveTo: string | null;
  reviewBy: string | null;
  sample: boolean;
  revision: number;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const ARTICLE_STATUSES = ["draft", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The columns of an article, dates as text so no driver turns them into local-time instants. */
export function articleColumns(eb: ExpressionBuilder<Database, "knowledge_articles">) {
  return [
    "id",
    "version",
    "status",
    "title",
    "body",
    "body_text",
    "category_codes",
    "region_codes",
    "department_id",
    "source_title",
    "source_url",
    "source_number",
    "sample",
    "created_by",
    "updated_by",
    "created_at",
    "updated_at",
    sql<string>`effective_from::text`.as("effective_from_text"),
    sql<string | null>`effective_to::text`.as("effective_to_text"),
    sql<string | null>`review_by::text`.as("review_by_text"),
    eb.cast<string>("revision", "text").as("revision_text"),
  ] as const;
}

type ArticleRow = {
  id: string;
  version: number;
  status: string;
  title: string;
  body: string;
  body_text: string;
  category_codes: string[];
  region_codes: string[];
  department_id: string;
  source_title: string | null;
  source_url: string | null;
  source_number: string | null;
  sample: boolean;
  created_by: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
  effective_from_text: string;
  effective_to_text: string | null;
  review_by_text: string | null;
  revision_text: string;
};

export function rowToArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    version: r.version,
    status: r.status as ArticleStatus,
    title: r.title,
    body: r.body,
    bodyText: r.body_text,
    categoryCodes: r.category_codes,
    regionCodes: r.region_codes,
    departmentId: r.department_id,
    source: { title: r.source_title, url: r.source_url, number: r.source_number },
    effectiveFrom: r.effective_from_text,
    effectiveTo: r.effective_to_text,
    reviewBy: r.review_by_text,
    sample: r.sample,
    revision: Number(r.revision_text),
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** Loads one article (optionally locking its row); null for an unknown or malformed id. */
export async function findArticle(tx: Tx, id: string, lock = false): Promise<Article | null> {
  if (!isUuid(id)) return null;
  let q = tx
    .selectFrom("knowledge_articles")
    .select((eb) => articleColumns(eb))
    .where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? rowToArticle(row as ArticleRow) : null;
}

/** Every article whose revision is above `after`, in revision order (the index's sync). */
export async function articlesChangedSince(tx: Tx, after: number, ids?: string[]): Promise<Article[]> {
  let q = tx.selectFrom("knowledge_articles").select((eb) => articleColumns(eb));
  q = ids ? q.where("id", "in", ids) : q.where("revision", ">", after);
  const rows = await q.orderBy("revision").execute();
  return rows.map((r) => rowToArticle(r as ArticleRow));
}

/** What the search index keeps of an article. */
export function toIndexed(a: Article): IndexedArticle {
  return {
    id: a.id,
    revision: a.revision,
    title: a.title,
    bodyText: a.bodyText,
    status: a.status,
    categoryCodes: a.categoryCodes,
    regionCodes: a.regionCodes,
    departmentId: a.departmentId,
    effectiveFrom: a.effectiveFrom,
    effectiveTo: a.effectiveTo,
    reviewBy: a.reviewBy,
    sample: a.sample,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
  };
}
