import type { ArticleVersion, Article as ArticleWire } from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { Article } from "./article.repo.ts";
import { articleAbilities } from "./knowledge.policy.ts";
import { currencyOf } from "./search-index.ts";

/** One stored version of an article. */
export type ArticleVersionDto = ArticleVersion;

/** An article for the wire: its currency on today's date and what this user may do with it. */
export function presentArticle(
  ctx: AppContext,
  user: AuthUser,
  a: Article,
  versions?: ArticleVersionDto[],
): ArticleWire {
  const c = currencyOf(a, chinaDate(ctx.clock.now()));
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    title: a.title,
    body: a.body,
    categoryCodes: a.categoryCodes,
    regionCodes: a.regionCodes,
    departmentId: a.departmentId,
    departmentName: ctx.directory.departments.get(a.departmentId)?.name ?? null,
    source: a.source,
    effectiveFrom: a.effectiveFrom,
    effectiveTo: a.effectiveTo,
    reviewBy: a.reviewBy,
    expired: c.expired,
    needsReview: c.needsReview,
    current: c.current,
    sample: a.sample,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    abilities: articleAbilities(user, a.departmentId, ctx.directory),
    ...(versions ? { versions } : {}),
  };
}
