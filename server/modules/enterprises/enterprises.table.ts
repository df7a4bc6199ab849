import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/**
 * `enterprises`: the registry (企业库), one row per unified social credit code, as known now.
 * Keyed `(city_code, uscc)` so it can be distributed by city (Citus) and co-located with the
 * entitlements of the same enterprise.
 */
export interface EnterprisesTable {
  city_code: string;
  uscc: string;
  name: string;
  region_code: string | null;
  industry_code: string | null;
  size_class: string | null;
  /** Every attribute of the controlled list (attributes.ts), null = unknown. */
  attrs: Json<Record<string, string | number | boolean | null>>;
  synthetic: Generated<boolean>;
  version: number;
  /** SHA-256 of the verification code for the public lookup (查询码), or null when none issued. */
  lookup_code_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * `enterprise_versions`: what we knew, when. Every change appends the new state as a version
 * with `valid_from` and closes the previous one (`valid_to`); rows are never updated otherwise.
 */
export interface EnterpriseVersionsTable {
  city_code: string;
  uscc: string;
  version: number;
  name: string;
  attrs: Json<Record<string, string | number | boolean | null>>;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  source: string;
  changed_by: string;
}
