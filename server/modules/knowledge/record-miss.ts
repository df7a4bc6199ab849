import type { KnowledgeMiss } from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, notFound } from "../../platform/errors.ts";
import { isUuid, newId } from "../../platform/ids.ts";
import { canSeeAppeal } from "../appeals/appeal.policy.ts";
import { findAppeal } from "../appeals/appeal.repo.ts";
import { Directory } from "../directory/directory-cache.ts";
import type { AuthUser } from "../users/auth-user.ts";

/** A recorded miss, as the API presents it. */
export type MissDto = KnowledgeMiss;

/**
 * "No article fitted" (一键标记无匹配知识): an agent's one click, kept with the appeal and what was
 * searched, so the owners see which questions the knowledge base cannot answer yet. Without a
 * query, the appeal's title stands for it. The miss belongs to the appeal's city (key city first).
 */
export async function recordMiss(
  ctx: AppContext,
  user: AuthUser,
  input: { appealId?: string | null; query?: string | undefined; shownArticleIds?: string[] | undefined },
): Promise<MissDto> {
  let appeal = null;
  if (input.appealId) {
    appeal = await findAppeal(ctx.db, input.appealId);
    if (!appeal || !canSeeAppeal(user, appeal, ctx.directory)) throw notFound("appeal", input.appealId);
  }
  const query = (input.query ?? "").trim() || appeal?.title || "";
  if (!query) throw badField("body.query", "say what was searched for (or flag the miss on an appeal)");
  const shown = [...new Set(input.shownArticleIds ?? [])];
  for (const id of shown)
    if (!isUuid(id)) throw badField("body.shownArticleIds", `${id} is not an article id`);
  const row = {
    city_code: appeal?.cityCode ?? Directory.cityCode(null),
    id: newId(),
    appeal_id: appeal?.id ?? null,
    query: query.slice(0, 500),
    shown_article_ids: shown,
    category_code: appeal?.categoryCode ?? null,
    region_code: appeal?.regionCode ?? null,
    user_id: user.id,
    user_name: user.name,
    at: ctx.clock.now(),
  };
  await ctx.db.insertInto("knowledge_misses").values(row).execute();
  return {
    id: row.id,
    at: row.at.toISOString(),
    appealId: row.appeal_id,
    query: row.query,
    shownArticleIds: shown,
    categoryCode: row.category_code,
    regionCode: row.region_code,
    userName: row.user_name,
  };
}
