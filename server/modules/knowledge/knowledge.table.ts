import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read as the driver gives it (Date or string), written as YYYY-MM-DD. */
type DateCol = ColumnType<Date | string, string, string>;

/** `knowledge_articles`: the current version of each article (知识库文章). */
export interface KnowledgeArticlesTable {
  id: string;
  version: number;
  status: string;
  title: string;
  /** Sanitised HTML (see `sanitize-article.ts`). */
  body: string;
  /** The body as plain text: what the search index and the snippets read. */
  body_text: string;
  category_codes: string[];
  region_codes: string[];
  department_id: string;
  source_title: string | null;
  source_url: string | null;
  source_number: string | null;
  effective_from: DateCol;
  effective_to: DateCol | null;
  review_by: DateCol | null;
  sample: boolean;
  /** From `knowledge_revision_seq` on every write: the search index syncs by it. */
  revision: ColumnType<string | number, never, number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `knowledge_article_versions`: every version of every article, kept forever. */
export interface KnowledgeArticleVersionsTable {
  article_id: string;
  version: number;
  status: string;
  title: string;
  body: string;
  /** Everything else of that version (categories, regions, department, source, dates, sample). */
  meta: ColumnType<unknown, string, string>;
  editor_id: string | null;
  editor_name: string;
  at: Timestamp;
}

/** `knowledge_misses`: an agent found no article that fitted ("no article fitted"). */
export interface KnowledgeMissesTable {
  city_code: string;
  id: string;
  appeal_id: string | null;
  query: string;
  shown_article_ids: Generated<string[]>;
  category_code: string | null;
  region_code: string | null;
  user_id: string | null;
  user_name: string;
  at: Timestamp;
}
