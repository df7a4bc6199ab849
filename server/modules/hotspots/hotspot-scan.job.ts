/**
 * The `hotspot-scan` job (every 15 minutes): clusters the appeals of the last `windowDays` with
 * {@link findHotspots} — the same pure function the 泰迪杯 report runs — against a baseline of the
 * same calendar weeks a year earlier (when the database reaches back that far) or else the trailing
 * `trailingDays` before the window, and stores the ranked clusters in `hotspots`.
 *
 * A cluster keeps its hot-spot id from scan to scan when it shares members with an open or
 * supervised hot spot (so a supervisor's decision sticks); open hot spots no scan finds any more
 * are marked expired. Thresholds come from {@link HOTSPOT_DEFAULTS} overridden by the settings row
 * `hotspots.config` (JSON), so an admin tunes them without a release.
 */
import { sql } from "kysely";
import type { AppContext } from "../../app-context.ts";
import { newId } from "../../platform/ids.ts";
import type { Db } from "../../storage/database.ts";
import { Directory } from "../directory/directory-cache.ts";
import {
  type Baseline,
  findHotspots,
  type Hotspot,
  type HotspotConfig,
  type HotspotRecord,
} from "./cluster.ts";
import { hotspotConfig, hotspotRecordOf, regionOf } from "./hotspot-records.ts";

const DAY = 86400_000;
const MAX_ROWS = 400_000;

export interface HotspotScanResult {
  appeals: number;
  clusters: number;
  warnings: number;
  baseline: Baseline["kind"];
  expired: number;
}

async function loadRecords(db: Db, from: Date, to: Date): Promise<HotspotRecord[]> {
  const rows = await db
    .selectFrom("appeals")
    .select([
      "id",
      "city_code",
      "region_code",
      "address",
      "title",
      sql<string>`left(body, 600)`.as("body"),
      "citizen_phone",
      "created_at",
    ])
    .where("created_at", ">=", from)
    .where("created_at", "<=", to)
    .orderBy("created_at")
    .limit(MAX_ROWS)
    .execute();
  return rows.map(hotspotRecordOf);
}

/** The history a scan compares with: the same weeks last year if the data reaches back, else the trailing weeks. */
async function loadBaseline(db: Db, now: Date, cfg: HotspotConfig): Promise<Baseline> {
  const yearAgo = now.getTime() - 365 * DAY;
  const seasonFrom = new Date(yearAgo - cfg.windowDays * DAY);
  const seasonTo = new Date(yearAgo);
  const older = await db
    .selectFrom("appeals")
    .select("id")
    .where("created_at", "<=", seasonFrom)
    .limit(1)
    .executeTakeFirst();
  if (older) {
    return {
      kind: "season",
      records: await loadRecords(db, seasonFrom, seasonTo),
      days: cfg.windowDays,
      from: seasonFrom.getTime(),
      to: seasonTo.getTime(),
    };
  }
  const to = new Date(now.getTime() - cfg.windowDays * DAY);
  const from = new Date(to.getTime() - cfg.trailingDays * DAY);
  return {
    kind: "trailing",
    records: await loadRecords(db, from, to),
    days: cfg.trailingDays,
    from: from.getTime(),
    to: to.getTime(),
  };
}

/** Runs one scan as of `now`. */
export async function runHotspotScan(ctx: AppContext, now: Date): Promise<HotspotScanResult> {
  const cfg = await hotspotConfig(ctx.db);
  const records = await loadRecords(ctx.db, new Date(now.getTime() - cfg.windowDays * DAY), now);
  const baseline = await loadBaseline(ctx.db, now, cfg);
  const spots = findHotspots(records, { now: now.getTime(), config: cfg, baseline });
  const expired = await saveHotspots(ctx, spots, now);
  return {
    appeals: records.length,
    clusters: spots.length,
    warnings: spots.filter((s) => s.warning).length,
    baseline: baseline.kind,
    expired,
  };
}

async function saveHotspots(ctx: AppContext, spots: Hotspot[], now: Date): Promise<number> {
  return ctx.db.transaction().execute(async (tx) => {
    const touched = new Set<string>();
    for (const h of spots) {
      const cityCode = /^\d{4}$/.test(h.city) ? h.city : Directory.cityCode(h.district);
      const prior = await tx
        .selectFrom("hotspot_members as m")
        .innerJoin("hotspots as h", (j) =>
          j.onRef("h.id", "=", "m.hotspot_id").onRef("h.city_code", "=", "m.city_code"),
        )
        .select(["h.id", "h.city_code", (eb) => eb.fn.countAll<number>().as("n")])
        .where("m.appeal_id", "in", h.memberIds)
        .where("h.status", "in", ["open", "supervised"])
        .groupBy(["h.id", "h.city_code"])
        .orderBy("n", "desc")
        .limit(5)
        .execute();
      const reuse = prior.find((p) => !touched.has(p.id));
      const values = {
        title: h.title.slice(0, 200),
        keywords: h.keywords,
        region_code: regionOf(ctx, h),
        place: h.place,
        size: h.size,
        callers: h.callers,
        votes: h.votes,
        heat: h.heat,
        recent: h.recent,
        expected: h.expected,
        warning: h.warning,
        warning_reason: h.warningReason,
        baseline: JSON.stringify(h.baseline),
        trend: JSON.stringify(h.trend),
        first_at: new Date(h.from),
        last_at: new Date(h.to),
        scanned_at: now,
      };
      let id: string;
      let city: string;
      if (reuse) {
        id = reuse.id;
        city = reuse.city_code;
        await tx
          .updateTable("hotspots")
          .set(values)
          .where("city_code", "=", city)
          .where("id", "=", id)
          .execute();
        // Members the scan no longer puts here leave; appeals that joined at intake after this
        // scan read the window (received after `now`) stay.
        await tx
          .deleteFrom("hotspot_members")
          .where("city_code", "=", city)
          .where("hotspot_id", "=", id)
          .where("appeal_id", "not in", h.memberIds)
          .where("appeal_id", "in", (eb) =>
            eb.selectFrom("appeals").select("id").where("created_at", "<=", now),
          )
          .execute();
      } else {
        id = newId();
        city = cityCode;
        await tx
          .insertInto("hotspots")
          .values({ city_code: city, id, status: "open", created_at: now, ...values })
          .execute();
      }
      touched.add(id);
      await tx
        .insertInto("hotspot_members")
        .values(h.memberIds.map((appeal_id) => ({ city_code: city, hotspot_id: id, appeal_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const stale = await tx
      .updateTable("hotspots")
      .set({ status: "expired" })
      .where("status", "=", "open")
      .where("scanned_at", "<", now)
      .executeTakeFirst();
    return Number(stale.numUpdatedRows ?? 0);
  });
}
