import type { Kysely, Transaction } from "kysely";
import type {
  AppealEventsTable,
  AppealsTable,
  AuditLogTable,
  IdempotencyKeysTable,
  TicketCountersTable,
} from "../modules/appeals/appeals.table.ts";
import type { BundlesTable, BundleVersionsTable } from "../modules/bundles/bundles.table.ts";
import type {
  AppealCaseLinksTable,
  CaseCountersTable,
  CaseEventsTable,
  CasesTable,
  SubcasesTable,
} from "../modules/cases/cases.table.ts";
import type { ClassifierModelsTable } from "../modules/classification/classification.table.ts";
import type {
  CategoriesTable,
  DepartmentsTable,
  JobRunsTable,
  RegionsTable,
  RoutesTable,
  SettingsTable,
} from "../modules/directory/directory.table.ts";
import type { EnterprisesTable, EnterpriseVersionsTable } from "../modules/enterprises/enterprises.table.ts";
import type { HotspotMembersTable, HotspotsTable } from "../modules/hotspots/hotspots.table.ts";
import type {
  KnowledgeArticlesTable,
  KnowledgeArticleVersionsTable,
  KnowledgeMissesTable,
} from "../modules/knowledge/knowledge.table.ts";
import type { Open311RequestsTable } from "../modules/open311/open311.table.ts";
import type {
  EnterpriseInboxTable,
  EntitlementEventsTable,
  EntitlementsTable,
  OutboxTable,
  PoliciesTable,
  PolicyVersionsTable,
} from "../modules/policies/policies.table.ts";
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
  hotspots: HotspotsTable;
  hotspot_members: HotspotMembersTable;
  classifier_models: ClassifierModelsTable;
  knowledge_articles: KnowledgeArticlesTable;
  knowledge_article_versions: KnowledgeArticleVersionsTable;
  knowledge_misses: KnowledgeMissesTable;
  open311_requests: Open311RequestsTable;
  enterprises: EnterprisesTable;
  enterprise_versions: EnterpriseVersionsTable;
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  entitlements: EntitlementsTable;
  entitlement_events: EntitlementEventsTable;
  outbox: OutboxTable;
  enterprise_inbox: EnterpriseInboxTable;
  bundles: BundlesTable;
  bundle_versions: BundleVersionsTable;
  cases: CasesTable;
  subcases: SubcasesTable;
  case_events: CaseEventsTable;
  case_counters: CaseCountersTable;
  appeal_case_links: AppealCaseLinksTable;
}

export type Db = Kysely<Database>;
/** A database handle inside a transaction, or the database itself where no transaction is needed. */
export type Tx = Transaction<Database> | Kysely<Database>;
