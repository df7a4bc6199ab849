import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** `policies`: one row per policy (政策), pointing at its published version. */
export interface PoliciesTable {
  id: string;
  title: string;
  department_id: string;
  sample: Generated<boolean>;
  published_version: number | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * `policy_versions`: the decision table of each version (JSON), and its way to publication:
 * draft → (tests pass, preview made) → approved → published → superseded. A published
 * version's table is never changed; a change is a new version.
 */
export interface PolicyVersionsTable {
  policy_id: string;
  version: number;
  status: string;
  decision_table: Json<unknown>;
  test_report: Json<unknown> | null;
  preview: Json<unknown> | null;
  preview_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  published_by: string | null;
  published_at: Timestamp | null;
  created_by: string;
  /** The drafting user's id (null: the sample-data seeder, or drafted before four-eyes approval). */
  created_by_id: string | null;
  created_at: Timestamp;
}

/**
 * `entitlements`: the ledger (兑现台账): an enterprise entitled under a policy version, the amount,
 * the inputs used, and the status (pending → confirmed → disbursed, or rejected / withdrawn).
 * Keyed by `(city_code, id)` like the appeals, co-located with the enterprise's city.
 */
export interface EntitlementsTable {
  city_code: string;
  id: string;
  uscc: string;
  policy_id: string;
  policy_version: number;
  department_id: string;
  rule_index: number;
  amount: string;
  inputs: Json<Record<string, unknown>>;
  status: string;
  reason: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `entitlement_events`: the immutable history of every ledger row (append-only). */
export interface EntitlementEventsTable {
  city_code: string;
  entitlement_id: string;
  seq: number;
  type: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  at: Timestamp;
  data: Json<Record<string, unknown>>;
}

/** `outbox`: notifications to enterprises, written with the change that causes them. */
export interface OutboxTable {
  id: string;
  city_code: string;
  uscc: string;
  topic: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** After a failed attempt: not tried again before this time. */
  next_attempt_at: Timestamp | null;
}

/** `enterprise_inbox`: what the local outbox sender delivered (the enterprise's messages). */
export interface EnterpriseInboxTable {
  city_code: string;
  id: string;
  uscc: string;
  subject: string;
  body: string;
  delivered_at: Timestamp;
}
