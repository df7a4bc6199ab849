import type { ColumnType } from "kysely";

/** `calendar_days`: holidays and 调休 make-up working days that override the weekend rule. */
export interface CalendarDaysTable {
  date: ColumnType<string, string, string>;
  type: string;
  name: string;
}

/** `sla_rules`: deadline rules as data, editable by an admin. */
export interface SlaRulesTable {
  id: string;
  profile: string;
  clock: string;
  kind: string | null;
  urgency: string | null;
  category_prefix: string | null;
  unit: string;
  amount: number;
  source: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
