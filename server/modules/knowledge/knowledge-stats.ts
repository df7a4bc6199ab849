import { sql } from "kysely";
import type {
  ArticleStats,
  DepartmentStats,
  KnowledgeMiss,
  KnowledgeStats,
  KnowledgeStatsInput,
} from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import { badField } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { currencyOf } from "./search-index.ts";

export type { ArticleStats, DepartmentStats };

const RECENT_MISSES = 50;

/**
 * What the owners of the knowledge base watch (`GET /api/v1/knowledge/stats`): per article and
 * per owning department, how often an article answered an appeal directly and how often agents
 * flagged "no article fitted" with it on screen; and the latest misses with what was searched,
 * to write the missing articles from. Handlers see their own department's subtree only.
 */
export async function knowledgeStats(
  ctx: AppContext,
  user: AuthUser,
  window: { from: Date; to: Date },
): Promise<KnowledgeStats> {
  const today = chinaDate(ctx.clock.now());
  const mine = (departmentId: string) =>
    user.role !== "handler" ||
    (!!user.departmentId && ctx.directory.isWithin(departmentId, user.departmentId));

  const [articles, uses, shownMisses] = await Promise.all([
    ctx.db
      .selectFrom("knowledge_articles")
      .select([
        "id",
        "title",
        "department_id",
        "status",
        sql<string>`effective_from::text`.as("effective_from"),
        sql<string | null>`effective_to::text`.as("effective_to"),
        sql<string | null>`review_by::text`.as("review_by"),
      ])
      .where("status", "<>", "archived")
      .execute(),
    ctx.db
      .selectFrom("appeal_events")
      .select([
        sql<string>`data->>'articleId'`.as("article_id"),
        sql<string>`count(*)::text`.as("n"),
        sql<Date>`max(at)`.as("last"),
      ])
      .where("type", "=", "answered_directly")
      .where(sql<boolean>`data->>'articleId' is not null`)
      .where("at", ">=", window.from)
      .where("at", "<=", window.to)
      .groupBy(sql`data->>'articleId'`)
      .execute(),
    ctx.db
      .selectFrom(
        ctx.db
          .selectFrom("knowledge_misses")
          .select(sql<string>`unnest(shown_article_ids)::text`.as("article_id"))
          .where("at", ">=", window.from)
          .where("at", "<=", window.to)
          .as("m"),
      )
      .select(["m.article_id", sql<string>`count(*)::text`.as("n")])
      .groupBy("m.article_id")
      .execute(),
  ]);
  const useBy = new Map(uses.map((u) => [u.article_id, u]));
  const missBy = new Map(shownMisses.map((m) => [m.article_id, Number(m.n)]));

  const perArticle: ArticleStats[] = [];
  const perDept = new Map<string, DepartmentStats>();
  for (const a of articles) {
    if (!mine(a.department_id)) continue;
    const c = currencyOf(
      {
        status: a.status,
        effectiveFrom: a.effective_from,
        effectiveTo: a.effective_to,
        reviewBy: a.review_by,
      },
      today,
    );
    const u = useBy.get(a.id);
    const s: ArticleStats = {
      id: a.id,
      title: a.title,
      departmentId: a.department_id,
      status: a.status as ArticleStats["status"],
      current: c.current,
      uses: u ? Number(u.n) : 0,
      lastUsedAt: u ? new Date(u.last).toISOString() : null,
      misses: missBy.get(a.id) ?? 0,
    };
    perArticle.push(s);
    let d = perDept.get(a.department_id);
    if (!d) {
      d = {
        departmentId: a.department_id,
        name: ctx.directory.departments.get(a.department_id)?.name ?? null,
        articles: 0,
        current: 0,
        needsAttention: 0,
        uses: 0,
        misses: 0,
      };
      perDept.set(a.department_id, d);
    }
    d.articles++;
    if (c.current) d.current++;
    else if (a.status === "published") d.needsAttention++;
    d.uses += s.uses;
    d.misses += s.misses;
  }
  perArticle.sort((x, y) => y.uses - x.uses || y.misses - x.misses || x.title.localeCompare(y.title));

  // A handler sees the misses about their department's subjects or with their articles on screen.
  const myArticleIds = new Set(perArticle.map((a) => a.id));
  const myCategories =
    user.role === "handler" && user.departmentId
      ? ctx.directory
          .subtree(user.departmentId)
          .flatMap((d) => ctx.directory.departments.get(d)?.categoryCodes ?? [])
      : null;
  const rows = await ctx.db
    .selectFrom("knowledge_misses as m")
    .leftJoin("appeals as a", (j) =>
      j.onRef("a.city_code", "=", "m.city_code").onRef("a.id", "=", "m.appeal_id"),
    )
    .select([
      "m.id",
      "m.at",
      "m.appeal_id",
      "m.query",
      "m.shown_article_ids",
      "m.category_code",
      "m.region_code",
      "m.user_name",
      "a.ticket_no",
    ])
    .where("m.at", ">=", window.from)
    .where("m.at", "<=", window.to)
    .orderBy("m.at", "desc")
    // A handler's misses are filtered below, so read further back for them.
    .limit(myCategories ? RECENT_MISSES * 20 : RECENT_MISSES)
    .execute();
  const recentMisses: (KnowledgeMiss & { ticketNo: string | null })[] = [];
  for (const r of rows) {
    if (myCategories) {
      const byCategory = !!r.category_code && myCategories.some((c) => r.category_code!.startsWith(c));
      const byArticle = r.shown_article_ids.some((id) => myArticleIds.has(id));
      if (!byCategory && !byArticle) continue;
    }
    recentMisses.push({
      id: r.id,
      at: new Date(r.at).toISOString(),
      appealId: r.appeal_id,
      ticketNo: r.ticket_no ?? null,
      query: r.query,
      shownArticleIds: r.shown_article_ids,
      categoryCode: r.category_code,
      regionCode: r.region_code,
      userName: r.user_name,
    });
    if (recentMisses.length >= RECENT_MISSES) break;
  }
  const missTotal = await ctx.db
    .selectFrom("knowledge_misses")
    .select(sql<string>`count(*)::text`.as("n"))
    .where("at", ">=", window.from)
    .where("at", "<=", window.to)
    .executeTakeFirstOrThrow();

  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    totals: {
      articles: perArticle.length,
      uses: perArticle.reduce((n, a) => n + a.uses, 0),
      /** Every miss in the window (for handlers: the ones listed, at most 50). */
      misses: myCategories ? recentMisses.length : Number(missTotal.n),
    },
    articles: perArticle,
    departments: [...perDept.values()].sort(
      (x, y) => y.uses - x.uses || x.departmentId.localeCompare(y.departmentId),
    ),
    recentMisses,
  };
}

/** The window of `GET /api/v1/knowledge/stats`: up to `to` (now), from `from` (30 days before). */
export function statsWindow(ctx: AppContext, q: KnowledgeStatsInput): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86400_000);
  if (from >= to) throw badField("querystring.from", "must be before to");
  return { from, to };
}
