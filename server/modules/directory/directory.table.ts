import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `regions`: GB/T 2260 administrative divisions of Liaoning (province, cities, districts). */
export interface RegionsTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: number;
  lat: number | null;
  lng: number | null;
}

/** `categories`: the three-level taxonomy of subjects (事项分类). */
export interface CategoriesTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: number;
  sort: number;
}

/** `departments`: the tree of handling departments (承办单位). */
export interface DepartmentsTable {
  id: string;
  name: string;
  parent_id: string | null;
  region_code: string;
  kind: string;
  category_codes: string[];
  disabled: Generated<boolean>;
}

/** `routes`: the routing table an admin edits: category × region → department. */
export interface RoutesTable {
  category_code: string;
  region_code: string;
  department_id: string;
  note: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** `settings`: small typed key/value settings (e.g. the active SLA profile). */
export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

/** `job_runs`: one row per job and slot, so a scheduled run happens once across instances. */
export interface JobRunsTable {
  job: string;
  slot: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  result: ColumnType<unknown, string | null, string | null>;
}
