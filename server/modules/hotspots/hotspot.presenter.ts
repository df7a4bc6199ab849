import type { Selectable } from "kysely";
import type { AppealStatus } from "../../../common/appeal-state.ts";
import type {
  Hotspot,
  HotspotAppeal,
  HotspotDetail,
  HotspotStatus,
} from "../../../common/contracts/hotspots.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { hotspotAbilities } from "./hotspot.policy.ts";
import type { HotspotsTable } from "./hotspots.table.ts";

const iso = (d: Date | string) => new Date(d).toISOString();

/** A stored hot spot for the wire, with its member appeal ids (oldest first) and this user's abilities. */
export function presentHotspot(row: Selectable<HotspotsTable>, appealIds: string[], user: AuthUser): Hotspot {
  const status = row.status as HotspotStatus;
  return {
    id: row.id,
    status,
    heat: row.heat,
    size: row.size,
    callers: row.callers,
    votes: row.votes,
    regionCode: row.region_code,
    place: row.place,
    title: row.title,
    keywords: row.keywords,
    from: iso(row.first_at),
    to: iso(row.last_at),
    appealIds,
    warning: row.warning,
    warningReason: row.warning_reason,
    recent: row.recent,
    expected: row.expected,
    baseline: row.baseline as Hotspot["baseline"],
    trend: row.trend as Hotspot["trend"],
    scannedAt: iso(row.scanned_at),
    supervisedAppealId: row.supervised_appeal_id,
    supervisedAt: row.supervised_at === null ? null : iso(row.supervised_at),
    abilities: hotspotAbilities(user, { status }),
  };
}

/** What {@link presentHotspotAppeal} reads of a member appeal. */
export interface HotspotAppealRow {
  id: string;
  ticket_no: string;
  title: string;
  status: string;
  region_code: string | null;
  lat: number | null;
  lng: number | null;
  created_at: Date | string;
  merged_into: string | null;
  supervised: boolean;
}

/** A member appeal for the hot spot's table and map (no citizen data). */
export const presentHotspotAppeal = (a: HotspotAppealRow): HotspotAppeal => ({
  id: a.id,
  ticketNo: a.ticket_no,
  title: a.title,
  status: a.status as AppealStatus,
  regionCode: a.region_code,
  lat: a.lat,
  lng: a.lng,
  createdAt: iso(a.created_at),
  mergedInto: a.merged_into,
  supervised: a.supervised,
});

/** One hot spot with its appeals. */
export function presentHotspotDetail(
  row: Selectable<HotspotsTable>,
  appeals: HotspotAppealRow[],
  user: AuthUser,
): HotspotDetail {
  return {
    ...presentHotspot(
      row,
      appeals.map((a) => a.id),
      user,
    ),
    appeals: appeals.map(presentHotspotAppeal),
  };
}
