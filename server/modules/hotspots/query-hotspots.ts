/**
 * Hot spots as supervisors see them: ranked list, one hot spot with its appeals (for the map and
 * the trend line), and "supervise" — turning a hot spot into supervised work (督办).
 */
import type { Selectable } from "kysely";
import type { AppContext } from "../../app-context.ts";
import { badField, conflict, notFound } from "../../platform/errors.ts";
import { isUuid } from "../../platform/ids.ts";
import type { AuthUser } from "../appeals/appeal.policy.ts";
import { rowToRecord } from "../appeals/appeal.repo.ts";
import { performAction } from "../appeals/perform-action.ts";
import type { HotspotsTable } from "./hotspots.table.ts";

export interface HotspotFilter {
  from?: string;
  to?: string;
  regionCode?: string;
  status?: "open" | "supervised" | "expired";
  warning?: boolean;
  limit?: number;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function present(row: Selectable<HotspotsTable>, appealIds: string[]) {
  return {
    id: row.id,
    status: row.status,
    heat: row.heat,
    size: row.size,
    callers: row.callers,
    votes: row.votes,
    regionCode: row.region_code,
    place: row.place,
    title: row.title,
    keywords: row.keywords,
    from: iso(row.first_at)!,
    to: iso(row.last_at)!,
    appealIds,
    warning: row.warning,
    warningReason: row.warning_reason,
    recent: row.recent,
    expected: row.expected,
    baseline: row.baseline,
    trend: row.trend as { day: string; count: number }[],
    scannedAt: iso(row.scanned_at)!,
    supervisedAppealId: row.supervised_appeal_id,
    supervisedAt: iso(row.supervised_at),
  };
}
export type HotspotDto = ReturnType<typeof present>;

async function membersOf(ctx: AppContext, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .selectFrom("hotspot_members as m")
    .innerJoin("appeals as a", "a.id", "m.appeal_id")
    .select(["m.hotspot_id", "m.appeal_id"])
    .where("m.hotspot_id", "in", ids)
    .orderBy("a.created_at")
    .execute();
  for (const r of rows) {
    const l = out.get(r.hotspot_id) ?? [];
    l.push(r.appeal_id);
    out.set(r.hotspot_id, l);
  }
  return out;
}

/** Hot spots overlapping [from, to], in a region (prefix), ranked by heat (open and supervised by default). */
export async function listHotspots(ctx: AppContext, f: HotspotFilter): Promise<HotspotDto[]> {
  const from = f.from ? new Date(f.from) : null;
  const to = f.to ? new Date(f.to) : null;
  if (from && to && from > to) throw badField("querystring.from", "must not be after to");
  let q = ctx.db.selectFrom("hotspots").selectAll();
  q = f.status ? q.where("status", "=", f.status) : q.where("status", "in", ["open", "supervised"]);
  if (from) q = q.where("last_at", ">=", from);
  if (to) q = q.where("first_at", "<=", to);
  if (f.regionCode) q = q.where("region_code", "like", `${f.regionCode}%`);
  if (f.warning !== undefined) q = q.where("warning", "=", f.warning);
  const rows = await q
    .orderBy("heat", "desc")
    .orderBy("size", "desc")
    .orderBy("id")
    .limit(f.limit ?? 50)
    .execute();
  const members = await membersOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, members.get(r.id) ?? []));
}

/** One hot spot with its appeals (number, title, status, place, coordinates for the map). */
export async function getHotspot(ctx: AppContext, id: string) {
  if (!isUuid(id)) throw notFound("hot spot", id);
  const row = await ctx.db.selectFrom("hotspots").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("hot spot", id);
  const appeals = await ctx.db
    .selectFrom("hotspot_members as m")
    .innerJoin("appeals as a", "a.id", "m.appeal_id")
    .select([
      "a.id",
      "a.ticket_no",
      "a.title",
      "a.status",
      "a.region_code",
      "a.lat",
      "a.lng",
      "a.created_at",
      "a.merged_into",
      "a.supervised",
    ])
    .where("m.hotspot_id", "=", id)
    .orderBy("a.created_at")
    .execute();
  return {
    ...present(
      row,
      appeals.map((a) => a.id),
    ),
    appeals: appeals.map((a) => ({
      id: a.id,
      ticketNo: a.ticket_no,
      title: a.title,
      status: a.status,
      regionCode: a.region_code,
      lat: a.lat,
      lng: a.lng,
      createdAt: iso(a.created_at)!,
      mergedInto: a.merged_into,
      supervised: a.supervised,
    })),
  };
}

/**
 * Supervise a hot spot (督办): every open, not-merged member appeal not yet supervised gets the
 * `supervise` action through {@link performAction} (role, state and version checks, its
 * `supervised` event), with a note naming the hot spot; the earliest such appeal is recorded as the
 * hot spot's master. Each appeal is its own transaction, like any action; one that moved meanwhile
 * is skipped and reported. The hot spot is marked supervised once at least one appeal was.
 */
export async function superviseHotspot(ctx: AppContext, user: AuthUser, id: string, note: string) {
  const spot = await getHotspot(ctx, id);
  if (spot.status === "expired")
    throw conflict("HOTSPOT_EXPIRED", "This hot spot is expired; a new scan lists the current ones.");
  const text = `热点督办 / hot spot ${spot.title.slice(0, 60)} (${spot.size}): ${note.trim()}`;
  const supervised: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const a of spot.appeals) {
    if (a.status === "closed" || a.mergedInto) {
      skipped.push({ id: a.id, reason: a.status === "closed" ? "closed" : "merged into another appeal" });
      continue;
    }
    if (a.supervised) {
      supervised.push(a.id);
      continue;
    }
    const row = await ctx.db.selectFrom("appeals").selectAll().where("id", "=", a.id).executeTakeFirst();
    if (!row) continue;
    const rec = rowToRecord(row);
    try {
      await performAction(ctx, user, rec.id, "supervise", {
        version: rec.version,
        note: text.slice(0, 1000),
      });
      supervised.push(rec.id);
    } catch (e) {
      skipped.push({ id: rec.id, reason: (e as Error).message });
    }
  }
  if (!supervised.length) {
    throw conflict(
      "NOTHING_TO_SUPERVISE",
      "No appeal of this hot spot is open and unmerged, so there is nothing to supervise.",
      skipped,
    );
  }
  const master = supervised[0]!;
  const now = ctx.clock.now();
  await ctx.db
    .updateTable("hotspots")
    .set({ status: "supervised", supervised_appeal_id: master, supervised_by: user.id, supervised_at: now })
    .where("id", "=", id)
    .execute();
  return { hotspot: await getHotspot(ctx, id), supervised, skipped };
}
