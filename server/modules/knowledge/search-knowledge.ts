import type { KnowledgeHit } from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import { badField, notFound } from "../../platform/errors.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import { canSeeAppeal } from "../appeals/appeal.policy.ts";
import { findAppeal } from "../appeals/appeal.repo.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { findArticle } from "./article.repo.ts";
import { knowledgeIndex } from "./knowledge-index.ts";
import { currencyOf, type IndexHit } from "./search-index.ts";

/** A search of the knowledge base, as the agent desk sends it. */
export interface KnowledgeSearch {
  q: string;
  categoryCode?: string | undefined;
  regionCode?: string | undefined;
  /** Published only by default; "any" for every status but archived. */
  status?: "draft" | "published" | "any" | undefined;
  includeExpired?: boolean | undefined;
  limit?: number | undefined;
}

/** A ranked hit as the API presents it. */
export function presentHit(h: IndexHit, today: string): KnowledgeHit {
  const a = h.article;
  const c = currencyOf(a, today);
  return {
    id: a.id,
    title: a.title,
    score: h.score,
    snippet: h.snippet,
    highlights: h.highlights,
    matchedWords: h.matched,
    status: a.status,
    categoryCodes: a.categoryCodes,
    regionCodes: a.regionCodes,
    departmentId: a.departmentId,
    version: a.version,
    expired: c.expired,
    needsReview: c.needsReview,
    current: c.current,
    sample: a.sample,
    updatedAt: a.updatedAt,
  };
}
export type { KnowledgeHit };

/**
 * Ranked articles for a query (BM25 over jieba words, title weighted), filtered by category
 * (prefix either way) and region (the article's region contains the caller's, or it is
 * province-wide). Current articles only unless `includeExpired`. Runs on the in-memory index.
 *
 * @example searchKnowledge(ctx, { q: "暖气不热找谁", regionCode: "210102", limit: 5 })
 */
export async function searchKnowledge(ctx: AppContext, s: KnowledgeSearch): Promise<KnowledgeHit[]> {
  const index = await knowledgeIndex(ctx);
  const today = chinaDate(ctx.clock.now());
  const statuses = s.status === "any" ? ["draft", "published"] : [s.status ?? "published"];
  const hits = index.search({
    q: s.q,
    today,
    categoryCode: s.categoryCode,
    regionCode: s.regionCode,
    statuses,
    includeExpired: s.includeExpired ?? false,
    limit: Math.min(Math.max(s.limit ?? 10, 1), 500),
  });
  return hits.map((h) => presentHit(h, today));
}

/** Appeal text beyond this many characters adds little to the ranking and only costs time. */
const SUGGEST_TEXT_LIMIT = 600;

/**
 * Articles for an appeal on the agent desk: its title and body as the query, its region as the
 * region filter; its category (when classified) lifts nothing out, so a misclassified appeal still
 * finds its article. Accepts an appeal id (the user must see the appeal) or free text.
 */
export async function suggestForAppeal(
  ctx: AppContext,
  appealOrText: { appealId: string; user: AuthUser } | { text: string; regionCode?: string },
  limit = 5,
): Promise<KnowledgeHit[]> {
  if ("text" in appealOrText) {
    return searchKnowledge(ctx, {
      q: appealOrText.text.slice(0, SUGGEST_TEXT_LIMIT),
      regionCode: appealOrText.regionCode,
      limit,
    });
  }
  const appeal = await findAppeal(ctx.db, appealOrText.appealId);
  if (!appeal || !canSeeAppeal(appealOrText.user, appeal, ctx.directory)) {
    throw notFound("appeal", appealOrText.appealId);
  }
  const text = `${appeal.title}。${appeal.body}`.slice(0, SUGGEST_TEXT_LIMIT);
  return searchKnowledge(ctx, { q: text, regionCode: appeal.regionCode ?? undefined, limit });
}

/**
 * The check of `answer-directly`'s `articleId`: the article must exist and be current today
 * (published, in effect, not past its review date). Named as the field of the action body.
 */
export async function requireCurrentArticle(tx: Tx, articleId: string, now: Date): Promise<void> {
  const field = "body.articleId";
  const a = isUuid(articleId) ? await findArticle(tx, articleId) : null;
  if (!a) throw badField(field, `there is no article ${articleId}`);
  const c = currencyOf(a, chinaDate(now));
  if (!c.current) {
    const why =
      a.status !== "published"
        ? `is ${a.status}`
        : c.expired
          ? "has expired"
          : c.notYetEffective
            ? "is not in effect yet"
            : "is past its review date";
    throw badField(field, `article ${articleId} ${why}; answer from a current article`);
  }
}
