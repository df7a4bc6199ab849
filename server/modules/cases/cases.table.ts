import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** `cases`: one row per parent case (一件事 today), its current state beside its events. */
export interface CasesTable {
  city_code: string;
  id: string;
  kind: string;
  case_no: string;
  secret_hash: string;
  definition_id: string;
  definition_version: number;
  lead_department_id: string;
  status: string;
  version: number;
  applicant_name: string;
  /** What the applicant submitted: answers, form values, materials, contact (the module's shape). */
  application: Json;
  pending_materials: string[];
  supply_by: Timestamp | null;
  reason: string | null;
  submitted_at: Timestamp;
  accepted_at: Timestamp | null;
  completed_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by_id: string | null;
  updated_at: Timestamp;
}

/** `subcases`: one row per procedure (事项) or module of a case, with its two clocks. */
export interface SubcasesTable {
  city_code: string;
  case_id: string;
  id: string;
  position: number;
  name: string;
  department_id: string;
  depends_on: string[];
  status: string;
  version: number;
  legal_days: number;
  promised_days: number;
  dispatched_at: Timestamp | null;
  legal_due_at: Timestamp | null;
  promised_due_at: Timestamp | null;
  suspended_at: Timestamp | null;
  suspension_reason: string | null;
  suspended_days: Generated<number>;
  correction_count: Generated<number>;
  result_at: Timestamp | null;
  result_no: string | null;
  reason: string | null;
  updated_at: Timestamp;
}

/** `case_events`: the history, one row per event, written with the state it produced. */
export interface CaseEventsTable {
  city_code: string;
  case_id: string;
  seq: number;
  subcase_id: string | null;
  type: string;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string | null;
  data: Json;
}

/** `case_counters`: the per-city, per-day counter behind case numbers. */
export interface CaseCountersTable {
  city_code: string;
  day: string;
  n: number;
}

/** `appeal_case_links`: an appeal (12345) that started a case on the caller's behalf (帮办代办). */
export interface AppealCaseLinksTable {
  city_code: string;
  appeal_id: string;
  case_city_code: string;
  case_id: string;
  created_by_id: string | null;
  created_at: Timestamp;
}
