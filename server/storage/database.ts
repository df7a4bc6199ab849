import type { Kysely, Transaction } from "kysely";
import type {
  AppealEventsTable,
  AppealsTable,
  AuditLogTable,
  IdempotencyKeysTable,
  TicketCountersTable,
} from "../modules/appeals/appeals.table.ts";
import type {
  CategoriesTable,
  DepartmentsTable,
  JobRunsTable,
  RegionsTable,
  RoutesTable,
  SettingsTable,
} from "../modules/directory/directory.table.ts";
import type { CalendarDaysTable, SlaRulesTable } from "../modules/sla/sla.table.ts";
import type { ApiKeysTable, SessionsTable, UsersTable } from "../modules/users/users.table.ts";

/** The typed map of every table, assembled from the modules' `.table.ts` files. */
export interface Database {
  regions: RegionsTable;
  categories: CategoriesTable;
  departments: DepartmentsTable;
  routes: RoutesTable;
  settings: SettingsTable;
  job_runs: JobRunsTable;
  calendar_days: CalendarDaysTable;
  sla_rules: SlaRulesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  appeals: AppealsTable;
  appeal_events: AppealEventsTable;
  ticket_counters: TicketCountersTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Db = Kysely<Database>;
/** A database handle inside a transaction, or the database itself where no transaction is needed. */
export type Tx = Transaction<Database> | Kysely<Database>;
