/**
 * Duplicates at intake (重复诉求): the open appeals probably about the same matter as an appeal (or
 * as text an agent is typing), from the near-duplicate index (LSH candidates in the same city and
 * time window), scored by the exact shingle Jaccard of their texts, most similar first. Merging
 * them is the existing `merge` action (并案).
 */
import type {
  DuplicateCheckInput,
  DuplicateItem,
  DuplicateQueryInput,
} from "../../../common/contracts/hotspots.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, notFound } from "../../platform/errors.ts";
import { canSeeAppeal } from "../appeals/appeal.policy.ts";
import { type AppealRecord, findAppeal, rowToRecord } from "../appeals/appeal.repo.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { appealIndexOf, placeOf } from "./appeal-index.ts";
import { dedupText, jaccard, shingleSet } from "./minhash.ts";

/**
 * `?sameDistrict=` only appeals of the same district (default: the whole city); `minScore` the
 * smallest exact similarity shown (0–1, default 0.3); `limit` (default 10).
 */
export type DuplicateOptions = DuplicateQueryInput;

async function rankCandidates(
  ctx: AppContext,
  user: AuthUser,
  text: { title: string; body: string },
  regionCode: string | null,
  self: AppealRecord | null,
  o: DuplicateOptions,
): Promise<DuplicateItem[]> {
  const now = ctx.clock.now();
  const idx = appealIndexOf(ctx);
  await idx.sync(now);
  const limit = o.limit ?? 10;
  const cands = idx.candidates(text, regionCode, {
    now,
    sameDistrict: o.sameDistrict ?? false,
    limit: limit * 2,
    minEstimate: 0.15,
    ...(self ? { excludeId: self.id } : {}),
  });
  if (!cands.length) return [];
  const rows = await ctx.db
    .selectFrom("appeals")
    .selectAll()
    .where(
      "id",
      "in",
      cands.map((c) => c.id),
    )
    .execute();
  const mine = shingleSet(dedupText(text.title, text.body));
  const { district } = placeOf(regionCode);
  const minScore = o.minScore ?? 0.3;
  const items: DuplicateItem[] = [];
  for (const row of rows) {
    const rec = rowToRecord(row);
    if (rec.status === "closed" || !canSeeAppeal(user, rec, ctx.directory)) continue;
    // Already merged with this one: nothing left to decide.
    if (self && (rec.mergedInto === self.id || self.mergedInto === rec.id)) continue;
    const score = jaccard(mine, shingleSet(dedupText(rec.title, rec.body)));
    if (score < minScore) continue;
    items.push({
      id: rec.id,
      ticketNo: rec.ticketNo,
      score: Math.round(score * 1000) / 1000,
      status: rec.status,
      title: rec.title,
      regionCode: rec.regionCode,
      createdAt: rec.createdAt,
      mergedInto: rec.mergedInto,
      sameDistrict: district !== 0 && placeOf(rec.regionCode).district === district,
    });
  }
  return items
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.sameDistrict) - Number(a.sameDistrict) ||
        b.createdAt.localeCompare(a.createdAt),
    )
    .slice(0, limit);
}

/** `GET /appeals/{id}/duplicates`: open appeals like this one that the user may see. */
export async function findDuplicates(
  ctx: AppContext,
  user: AuthUser,
  appealId: string,
  o: DuplicateOptions = {},
): Promise<DuplicateItem[]> {
  const appeal = await findAppeal(ctx.db, appealId);
  if (!appeal || !canSeeAppeal(user, appeal, ctx.directory)) throw notFound("appeal", appealId);
  return rankCandidates(ctx, user, appeal, appeal.regionCode, appeal, o);
}

/** `POST /duplicates/check`: open appeals like text not yet received (the agent desk, while typing). */
export async function checkDuplicates(
  ctx: AppContext,
  user: AuthUser,
  input: DuplicateCheckInput,
  o: DuplicateOptions = {},
): Promise<DuplicateItem[]> {
  const regionCode = input.regionCode ?? null;
  if (regionCode !== null && !ctx.directory.regions.has(regionCode))
    throw badField("body.regionCode", `unknown region ${regionCode}`);
  if (!`${input.title}${input.body}`.trim()) throw badField("body.body", "title and body are both empty");
  // The address is not part of the text: stored appeals are compared on title and body alone.
  return rankCandidates(ctx, user, { title: input.title, body: input.body }, regionCode, null, o);
}
