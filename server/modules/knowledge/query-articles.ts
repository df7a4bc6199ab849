import { sql } from "kysely";
import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import { badField, notFound } from "../../platform/errors.ts";
import type { ArticleVersionDto } from "./article.presenter.ts";
import { type Article, articleColumns, findArticle, rowToArticle } from "./article.repo.ts";

/** Filters of the unranked list (no `q`): what an owner browses. */
export interface ListArticlesFilter {
  categoryCode?: string | undefined;
  regionCode?: string | undefined;
  departmentId?: string | undefined;
  status?: "draft" | "published" | "archived" | "any" | undefined;
  includeExpired?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Articles without a query, the latest changed first, by offset cursor (the knowledge base is
 * small). Same filters as the search: category prefix either way, region containing the
 * caller's or province-wide, current only unless `includeExpired` (published only by default).
 */
export async function listArticles(
  ctx: AppContext,
  f: ListArticlesFilter,
): Promise<{ items: Article[]; nextCursor: string | null }> {
  const offset = f.cursor ? Number(f.cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw badField("querystring.cursor", "is not a cursor of this list");
  const today = chinaDate(ctx.clock.now());
  let q = ctx.db.selectFrom("knowledge_articles").select((eb) => articleColumns(eb));
  const status = f.status ?? "published";
  if (status !== "any") q = q.where("status", "=", status);
  if (f.departmentId) q = q.where("department_id", "=", f.departmentId);
  if (f.categoryCode) {
    const c = f.categoryCode;
    q = q.where(
      sql<boolean>`(cardinality(category_codes) = 0 or exists (select 1 from unnest(category_codes) x where x like ${`${c}%`} or ${c} like x || '%'))`,
    );
  }
  if (f.regionCode) {
    const r = f.regionCode;
    q = q.where(
      sql<boolean>`(cardinality(region_codes) = 0 or exists (select 1 from unnest(region_codes) x where ${r} like x || '%' or x like ${`${r}%`}))`,
    );
  }
  if (!f.includeExpired) {
    q = q
      .where(sql<boolean>`effective_from <= ${today}::date`)
      .where(sql<boolean>`(effective_to is null or effective_to >= ${today}::date)`)
      .where(sql<boolean>`(review_by is null or review_by >= ${today}::date)`);
  }
  const rows = await q
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(f.limit + 1)
    .offset(offset)
    .execute();
  const items = rows.slice(0, f.limit).map((r) => rowToArticle(r as never));
  return { items, nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
}

/** An article with every version, newest first. */
export async function getArticleWithVersions(
  ctx: AppContext,
  id: string,
): Promise<{ article: Article; versions: ArticleVersionDto[] }> {
  const article = await findArticle(ctx.db, id);
  if (!article) throw notFound("article", id);
  const rows = await ctx.db
    .selectFrom("knowledge_article_versions")
    .selectAll()
    .where("article_id", "=", id)
    .orderBy("version", "desc")
    .execute();
  const versions = rows.map((v) => ({
    version: v.version,
    status: v.status,
    title: v.title,
    body: v.body,
    meta: (typeof v.meta === "string" ? JSON.parse(v.meta) : v.meta) as Record<string, unknown>,
    editor: { id: v.editor_id, name: v.editor_name },
    at: new Date(v.at).toISOString(),
  }));
  return { article, versions };
}
