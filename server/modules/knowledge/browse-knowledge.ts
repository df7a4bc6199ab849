import type { KnowledgeSearchPageDto, SearchKnowledgeInput } from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { badField } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { presentArticle } from "./article.presenter.ts";
import { listArticles } from "./query-articles.ts";
import { searchKnowledge } from "./search-knowledge.ts";

/**
 * `GET /api/v1/knowledge`: with `q`, the ranked hits (no cursor: the ranking is the page); without
 * it, the latest changed articles with a cursor, each with this user's abilities.
 */
export async function browseKnowledge(
  ctx: AppContext,
  user: AuthUser,
  q: SearchKnowledgeInput,
): Promise<KnowledgeSearchPageDto> {
  const limit = q.limit ?? 20;
  if (q.q?.trim()) {
    if (q.status === "archived")
      throw badField("querystring.status", "archived articles are not searchable; list them without q");
    const hits = await searchKnowledge(ctx, {
      q: q.q,
      categoryCode: q.categoryCode,
      regionCode: q.regionCode,
      status: q.status,
      includeExpired: q.includeExpired,
      // The department filter runs on the ranked hits, so rank deeper when it is set.
      limit: q.departmentId ? 500 : limit,
    });
    const items = (q.departmentId ? hits.filter((h) => h.departmentId === q.departmentId) : hits).slice(
      0,
      limit,
    );
    return { items, nextCursor: null };
  }
  const page = await listArticles(ctx, { ...q, limit });
  return { items: page.items.map((a) => presentArticle(ctx, user, a)), nextCursor: page.nextCursor };
}
