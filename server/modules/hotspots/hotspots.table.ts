import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `hotspots`: a cluster of similar recent appeals (热点), rescored by every `hotspot-scan`. */
export interface HotspotsTable {
  city_code: string;
  id: string;
  status: string;
  title: string;
  keywords: string[];
  region_code: string | null;
  place: string | null;
  size: number;
  callers: number;
  votes: number;
  heat: number;
  recent: number;
  expected: number;
  warning: boolean;
  warning_reason: string | null;
  baseline: ColumnType<unknown, string, string>;
  trend: ColumnType<unknown, string, string>;
  first_at: Timestamp;
  last_at: Timestamp;
  scanned_at: Timestamp;
  supervised_appeal_id: string | null;
  supervised_by: string | null;
  supervised_at: Timestamp | null;
  created_at: Timestamp;
}

/** `hotspot_members`: the appeals of a hot spot. */
export interface HotspotMembersTable {
  city_code: string;
  hotspot_id: string;
  appeal_id: string;
}
