import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `appeals`: one row per appeal, its current state beside its events (same transaction). */
export interface AppealsTable {
  city_code: string;
  id: string;
  ticket_no: string;
  version: number;
  status: string;
  kind: string;
  channel: string;
  urgency: string;
  title: string;
  body: string;
  citizen_name: string | null;
  citizen_phone: string | null;
  citizen_anonymous: boolean;
  enterprise_uscc: string | null;
  enterprise_name: string | null;
  business_environment: boolean;
  region_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  category_code: string | null;
  category_suggestions: ColumnType<unknown, string, string>;
  lead_department_id: string | null;
  co_department_ids: string[];
  sign_by: Timestamp | null;
  reply_by: Timestamp;
  warn_at: Timestamp | null;
  warned: Generated<boolean>;
  overdue: Generated<boolean>;
  supervised: Generated<boolean>;
  merged_into: string | null;
  /** Set on a master when an appeal is merged into it: only then are followers looked up. */
  has_followers: Generated<boolean>;
  /** Dispatched by the platform itself (智能分拨), not by an agent. */
  auto_dispatched: Generated<boolean>;
  answered_directly: Generated<boolean>;
  reply_text: string | null;
  reply_outcome: string | null;
  satisfaction: string | null;
  resolved: boolean | null;
  pending_extension: ColumnType<unknown, string | null, string | null>;
  extension_days: Generated<number>;
  return_count: Generated<number>;
  transfer_count: Generated<number>;
  dispatch_count: Generated<number>;
  reopen_count: Generated<number>;
  dispatched_at: Timestamp | null;
  signed_at: Timestamp | null;
  replied_at: Timestamp | null;
  closed_at: Timestamp | null;
  called_back_at: Timestamp | null;
  public_secret_hash: string | null;
  search_tokens: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `appeal_events`: the history, appended with every change, kept forever. */
export interface AppealEventsTable {
  city_code: string;
  appeal_id: string;
  seq: number;
  type: string;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string | null;
  data: ColumnType<unknown, string, string>;
}

/** `ticket_counters`: per city and day, the last ticket number handed out. */
export interface TicketCountersTable {
  city_code: string;
  day: string;
  last: number;
}

/** `audit_log`: reveals of personal data and other sensitive reads and admin writes. */
export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  target: string;
  details: ColumnType<unknown, string, string>;
}

/** `idempotency_keys`: first results of creating writes, replayed for 24 h. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}
