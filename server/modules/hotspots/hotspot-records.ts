/**
 * What the scan and the live join at intake share: the configuration in force, an appeal row as
 * clustering sees it, and a cluster's region. Small and free of jobs and intake, so both import it.
 */
import type { AppContext } from "../../app-context.ts";
import { sha256 } from "../../platform/ids.ts";
import type { Db, Tx } from "../../storage/database.ts";
import { HOTSPOT_DEFAULTS, type Hotspot, type HotspotConfig, type HotspotRecord } from "./cluster.ts";

/** The configuration in force: defaults with the admin's overrides (settings `hotspots.config`). */
export async function hotspotConfig(db: Db | Tx): Promise<HotspotConfig> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "hotspots.config")
    .executeTakeFirst();
  const over = (row?.value ?? {}) as Partial<HotspotConfig>;
  return { ...HOTSPOT_DEFAULTS, ...over, weights: { ...HOTSPOT_DEFAULTS.weights, ...(over.weights ?? {}) } };
}

/** An appeal row as clustering sees it. */
export function hotspotRecordOf(r: {
  id: string;
  city_code: string;
  region_code: string | null;
  address: string | null;
  title: string;
  body: string;
  citizen_phone: string | null;
  created_at: Date | string;
}): HotspotRecord {
  return {
    id: r.id,
    title: r.title,
    text: r.body,
    city: r.city_code,
    district: r.region_code && r.region_code.length === 6 ? r.region_code : null,
    place: r.address,
    time: new Date(r.created_at).getTime(),
    // Distinct callers count by a hash of the number; the number itself never leaves the database.
    caller: r.citizen_phone ? sha256(`hotspot:${r.citizen_phone}`).slice(0, 16) : null,
  };
}

export function regionOf(ctx: Pick<AppContext, "directory">, h: Hotspot): string | null {
  if (h.district && ctx.directory.regions.has(h.district)) return h.district;
  const city = `${h.city}`;
  return ctx.directory.regions.has(city) ? city : null;
}
