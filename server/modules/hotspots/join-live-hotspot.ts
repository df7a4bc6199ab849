/**
 * Hot spots that move at intake (热点实时归集): every received appeal joins (or starts) a live
 * cluster in the same path that finds its duplicates, and the cluster's heat and early warning
 * (小苗头) are evaluated at once, so a burst shows in `GET /hotspots` as soon as its 8th appeal is
 * received instead of at the next 15-minute scan.
 *
 * Intake calls {@link joinLiveHotspot} inside the receipt's transaction, right after the insert:
 * - the receipt and its membership commit together (a receipt that rolls back leaves no member);
 * - receipts of one city are already serialised by the ticket counter's row lock (taken earlier
 *   in the same transaction), so two appeals of one burst never both start a cluster;
 * - it runs under a savepoint and never throws: a hot-spot failure must not refuse an appeal.
 *
 * Neighbours are the duplicate candidates (the near-duplicate index, the same caller, the same
 * street) linked by the scan's own rule ({@link linkedComponent}); the appeal joins the open or
 * supervised hot spot holding most of them, or starts one when it and its neighbours reach the
 * scan's `minSize`. A new cluster has no baseline until the scan compares it with history (kind
 * `none`: a burst of `warnMinCount` within `burstHours` warns); a joined one keeps the baseline its
 * last scan found. The scan re-scores and merges, and keeps the live cluster's id (it shares members).
 */
import { sql } from "kysely";
import type { AppContext } from "../../app-context.ts";
import { newId } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import type { AppealRecord } from "../appeals/appeal.repo.ts";
import { appealIndexOf } from "./appeal-index.ts";
import { type HotspotRecord, linkedComponent, scoreCluster } from "./cluster.ts";
import { callerAndPlaceCandidates, subjectOf } from "./duplicates.ts";
import { hotspotConfig, hotspotRecordOf, regionOf } from "./hotspot-records.ts";

const DAY = 86400_000;
/** Members read to re-score a live hot spot (a bigger one is re-scored by the scan). */
const MAX_MEMBERS = 2000;

const RECORD_COLUMNS = [
  "id",
  "city_code",
  "region_code",
  "address",
  "title",
  "body",
  "citizen_phone",
  "created_at",
] as const;

export interface LiveHotspotOutcome {
  hotspotId: string;
  created: boolean;
  size: number;
  warning: boolean;
}

/**
 * Joins a just-received appeal to its live hot spot (or starts one). Returns what it did, or null
 * (no neighbours, too old to be live, or a failure, which is logged and swallowed).
 */
export async function joinLiveHotspot(
  ctx: AppContext,
  tx: Tx,
  appeal: AppealRecord,
): Promise<LiveHotspotOutcome | null> {
  const now = ctx.clock.now();
  const cfg = await hotspotConfig(tx);
  const at = new Date(appeal.createdAt).getTime();
  // Back-dated imports and demo history: the scan clusters them; only live receipts move hot spots.
  if (now.getTime() - at > cfg.burstHours * 3600_000) return null;
  await sql`savepoint live_hotspot`.execute(tx);
  try {
    const out = await join(ctx, tx, appeal, now, cfg);
    await sql`release savepoint live_hotspot`.execute(tx);
    return out;
  } catch (err) {
    await sql`rollback to savepoint live_hotspot`.execute(tx);
    console.error(`live hot spot skipped for appeal ${appeal.id}:`, err);
    return null;
  }
}

async function join(
  ctx: AppContext,
  tx: Tx,
  appeal: AppealRecord,
  now: Date,
  cfg: Awaited<ReturnType<typeof hotspotConfig>>,
): Promise<LiveHotspotOutcome | null> {
  const idx = appealIndexOf(ctx);
  await idx.sync(now, tx);
  idx.add({ ...appeal, createdAt: appeal.createdAt });
  const from = new Date(now.getTime() - cfg.windowDays * DAY);
  const lsh = idx.candidates(appeal, appeal.regionCode, {
    now,
    limit: 100,
    minEstimate: cfg.candidateEstimate,
    excludeId: appeal.id,
  });
  const more = await callerAndPlaceCandidates(tx, subjectOf(appeal), appeal.cityCode, from);
  const ids = [...new Set([...lsh.map((c) => c.id), ...more])].filter((id) => id !== appeal.id);
  if (!ids.length) return null;
  const me = hotspotRecordOf({
    id: appeal.id,
    city_code: appeal.cityCode,
    region_code: appeal.regionCode,
    address: appeal.address,
    title: appeal.title,
    body: appeal.body.slice(0, 600),
    citizen_phone: appeal.citizenPhone,
    created_at: appeal.createdAt,
  });
  const rows = await tx
    .selectFrom("appeals")
    .select([...RECORD_COLUMNS])
    .where("id", "in", ids)
    .where("city_code", "=", appeal.cityCode)
    .where("created_at", ">=", from)
    .execute();
  // The appeal's connected component among its candidates (the scan links chains the same way).
  const pool = [me, ...rows.map((r) => hotspotRecordOf({ ...r, body: r.body.slice(0, 600) }))];
  const neighbours = linkedComponent(pool, 0, cfg)
    .slice(1)
    .map((i) => pool[i]!);
  if (!neighbours.length) return null;

  const [home] = await tx
    .selectFrom("hotspot_members as m")
    .innerJoin("hotspots as h", (j) =>
      j.onRef("h.id", "=", "m.hotspot_id").onRef("h.city_code", "=", "m.city_code"),
    )
    .select(["h.id", "h.city_code", "h.baseline", (eb) => eb.fn.countAll<number>().as("n")])
    .where(
      "m.appeal_id",
      "in",
      neighbours.map((n) => n.id),
    )
    .where("h.status", "in", ["open", "supervised"])
    .groupBy(["h.id", "h.city_code", "h.baseline"])
    .orderBy("n", "desc")
    .orderBy("h.id")
    .limit(1)
    .execute();

  if (home) {
    await tx
      .insertInto("hotspot_members")
      .values({ city_code: home.city_code, hotspot_id: home.id, appeal_id: appeal.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const members = await tx
      .selectFrom("hotspot_members as m")
      .innerJoin("appeals as a", "a.id", "m.appeal_id")
      .select(RECORD_COLUMNS.map((c) => `a.${c}` as const))
      .where("m.city_code", "=", home.city_code)
      .where("m.hotspot_id", "=", home.id)
      .orderBy("a.created_at", "desc")
      .limit(MAX_MEMBERS)
      .execute();
    const records = members.map((r) => hotspotRecordOf({ ...r, body: r.body.slice(0, 600) }));
    const b = (home.baseline ?? {}) as {
      kind?: "season" | "trailing" | "none";
      days?: number;
      matches?: number;
    };
    const spot = scoreCluster(records, {
      now: now.getTime(),
      config: cfg,
      baseline: { kind: b.kind ?? "none", days: b.days ?? 0, matches: b.matches ?? 0 },
    });
    await tx
      .updateTable("hotspots")
      .set({
        size: spot.size,
        callers: spot.callers,
        votes: spot.votes,
        heat: spot.heat,
        recent: spot.recent,
        expected: spot.expected,
        warning: spot.warning,
        warning_reason: spot.warningReason,
        trend: JSON.stringify(spot.trend),
        first_at: new Date(spot.from),
        last_at: new Date(spot.to),
        scanned_at: now,
      })
      .where("city_code", "=", home.city_code)
      .where("id", "=", home.id)
      .execute();
    return { hotspotId: home.id, created: false, size: spot.size, warning: spot.warning };
  }

  const group: HotspotRecord[] = [me, ...neighbours];
  if (group.length < cfg.minSize) return null;
  const spot = scoreCluster(group, {
    now: now.getTime(),
    config: cfg,
    baseline: { kind: "none", days: 0, matches: 0 },
  });
  const id = newId();
  await tx
    .insertInto("hotspots")
    .values({
      city_code: appeal.cityCode,
      id,
      status: "open",
      title: spot.title.slice(0, 200),
      keywords: spot.keywords,
      region_code: regionOf(ctx, spot),
      place: spot.place,
      size: spot.size,
      callers: spot.callers,
      votes: spot.votes,
      heat: spot.heat,
      recent: spot.recent,
      expected: spot.expected,
      warning: spot.warning,
      warning_reason: spot.warningReason,
      baseline: JSON.stringify(spot.baseline),
      trend: JSON.stringify(spot.trend),
      first_at: new Date(spot.from),
      last_at: new Date(spot.to),
      scanned_at: now,
      created_at: now,
    })
    .execute();
  await tx
    .insertInto("hotspot_members")
    .values(group.map((r) => ({ city_code: appeal.cityCode, hotspot_id: id, appeal_id: r.id })))
    .execute();
  return { hotspotId: id, created: true, size: spot.size, warning: spot.warning };
}
