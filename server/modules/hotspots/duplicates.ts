/**
 * Duplicates at intake (重复诉求): the open appeals probably about the same matter as an appeal (or
 * as text an agent is typing). Candidates come from three places: the near-duplicate index (LSH
 * candidates in the same city and time window), the same caller's appeals and the appeals naming
 * the same street or compound in the window (from the database, through the phone and full-text
 * indexes), so a reworded repeat by the same caller is found even when its text shares few bigrams.
 * Each is scored by {@link duplicateScore} (text, caller, address, category, time) and explained
 * by its `reasons`, most likely first. Merging them is the existing `merge` action (并案).
 */
import { sql } from "kysely";
import type {
  DuplicateCheckInput,
  DuplicateItem,
  DuplicateQueryInput,
} from "../../../common/contracts/hotspots.ts";
import { normalizePhone } from "../../../common/phone.ts";
import type { AppContext } from "../../app-context.ts";
import { queryWords } from "../../platform/chinese-text.ts";
import { badField, notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import { canSeeAppeal } from "../appeals/appeal.policy.ts";
import { type AppealRecord, findAppeal, rowToRecord } from "../appeals/appeal.repo.ts";
import { Directory } from "../directory/directory-cache.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { appealIndexOf, placeOf } from "./appeal-index.ts";
import {
  type DupSubject,
  duplicateScore,
  normaliseAddress,
  streetOf,
  textVector,
} from "./duplicate-score.ts";

/**
 * `?sameDistrict=` only appeals of the same district (default: the whole city); `minScore` the
 * smallest score shown (0–1, default 0.15: on the 泰迪杯 reference pairs precision 0.999); `limit` (default 10).
 */
export type DuplicateOptions = DuplicateQueryInput;

/** Appeals by the same caller, and naming the same street, looked up beside the index (each). */
const DB_CANDIDATES = 30;

/** An appeal as the duplicate score sees it. */
export function subjectOf(rec: AppealRecord): DupSubject {
  return {
    title: rec.title,
    body: rec.body,
    phone: rec.citizenPhone,
    address: rec.address,
    lat: rec.lat,
    lng: rec.lng,
    categoryCode: rec.categoryCode,
    time: new Date(rec.createdAt).getTime(),
  };
}

/**
 * Ids of the appeals of the same caller and of the same street or compound in the city's window
 * (newest first, open ones only), from the phone and full-text indexes.
 */
export async function callerAndPlaceCandidates(
  db: Tx,
  subject: DupSubject,
  cityCode: string,
  from: Date,
): Promise<string[]> {
  const ids: string[] = [];
  if (subject.phone) {
    const rows = await db
      .selectFrom("appeals")
      .select("id")
      .where("citizen_phone", "=", subject.phone)
      .where("city_code", "=", cityCode)
      .where("created_at", ">=", from)
      .where("status", "<>", "closed")
      .orderBy("created_at", "desc")
      .limit(DB_CANDIDATES)
      .execute();
    for (const r of rows) ids.push(r.id);
  }
  const street = streetOf(normaliseAddress(subject.address));
  const words = street ? queryWords(street) : [];
  if (words.length) {
    const rows = await db
      .selectFrom("appeals")
      .select("id")
      .where(sql<boolean>`to_tsvector('simple', search_tokens) @@ to_tsquery('simple', ${words.join(" & ")})`)
      .where("city_code", "=", cityCode)
      .where("created_at", ">=", from)
      .where("status", "<>", "closed")
      .orderBy("created_at", "desc")
      .limit(DB_CANDIDATES)
      .execute();
    for (const r of rows) ids.push(r.id);
  }
  return ids;
}

async function rankCandidates(
  ctx: AppContext,
  user: AuthUser,
  subject: DupSubject,
  regionCode: string | null,
  self: AppealRecord | null,
  o: DuplicateOptions,
): Promise<DuplicateItem[]> {
  const now = ctx.clock.now();
  const idx = appealIndexOf(ctx);
  await idx.sync(now);
  const limit = o.limit ?? 10;
  const sameDistrict = o.sameDistrict ?? false;
  const lsh = idx.candidates(subject, regionCode, {
    now,
    sameDistrict,
    limit: limit * 2,
    minEstimate: 0.15,
    ...(self ? { excludeId: self.id } : {}),
  });
  const from = new Date(now.getTime() - idx.options.windowDays * 86400_000);
  const cityCode = Directory.cityCode(regionCode);
  const more = await callerAndPlaceCandidates(ctx.db, subject, cityCode, from);
  const ids = [...new Set([...lsh.map((c) => c.id), ...more])].filter((id) => id !== self?.id);
  if (!ids.length) return [];
  const rows = await ctx.db.selectFrom("appeals").selectAll().where("id", "in", ids).execute();
  const { district } = placeOf(regionCode);
  const minScore = o.minScore ?? 0.15;
  const mine = textVector(subject.title, subject.body, idx.words);
  const items: DuplicateItem[] = [];
  for (const row of rows) {
    const rec = rowToRecord(row);
    if (rec.status === "closed" || !canSeeAppeal(user, rec, ctx.directory)) continue;
    if (rec.cityCode !== cityCode) continue;
    const recDistrict = placeOf(rec.regionCode).district;
    if (sameDistrict && district && recDistrict !== district) continue;
    // Already merged with this one: nothing left to decide.
    if (self && (rec.mergedInto === self.id || self.mergedInto === rec.id)) continue;
    const s = duplicateScore(subject, mine, subjectOf(rec), textVector(rec.title, rec.body, idx.words));
    if (s.score < minScore) continue;
    items.push({
      id: rec.id,
      ticketNo: rec.ticketNo,
      score: s.score,
      reasons: s.reasons,
      status: rec.status,
      title: rec.title,
      regionCode: rec.regionCode,
      createdAt: rec.createdAt,
      mergedInto: rec.mergedInto,
      sameDistrict: district !== 0 && recDistrict === district,
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
  return rankCandidates(ctx, user, subjectOf(appeal), appeal.regionCode, appeal, o);
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
  const subject: DupSubject = {
    title: input.title,
    body: input.body,
    phone: input.phone ? normalizePhone(input.phone) || null : null,
    address: input.address ?? null,
    lat: null,
    lng: null,
    categoryCode: input.categoryCode ?? null,
    time: ctx.clock.now().getTime(),
  };
  return rankCandidates(ctx, user, subject, regionCode, null, o);
}
