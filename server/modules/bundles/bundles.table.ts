import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `bundles`: one row per 一件事, pointing at its published version. */
export interface BundlesTable {
  id: string;
  name: string;
  lead_department_id: string;
  sample: boolean;
  published_version: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `bundle_versions`: versioned definitions (one JSON document each); published ones never change. */
export interface BundleVersionsTable {
  bundle_id: string;
  version: number;
  status: string;
  definition: ColumnType<unknown, string, string>;
  created_by_id: string | null;
  created_at: Timestamp;
  published_by_id: string | null;
  published_at: Timestamp | null;
}
