import type {
  CaseEvent,
  CaseState,
  CaseStatus,
  SubcaseCore,
  SubcaseStatus,
  SuspensionReason,
} from "../../../common/case-state.ts";
import { chinaDate } from "../../platform/china-time.ts";
import type { Tx } from "../../storage/database.ts";

/** A case as the engine holds it: identity, the module's application, and the life-cycle state. */
export interface CaseRecord {
  cityCode: string;
  id: string;
  kind: "bundle";
  caseNo: string;
  definitionId: string;
  definitionVersion: number;
  leadDepartmentId: string;
  applicantName: string;
  /** The module's own data (a bundle case: answers, values, materials, contact). */
  application: unknown;
  createdById: string | null;
  state: CaseState;
}

/** Who caused an event (a user, or the system for follow-ups). */
export interface CaseEventActor {
  id: string | null;
  name: string;
  role: string;
}

/** An event as stored, with its sequence number and actor. */
export interface StoredCaseEvent {
  seq: number;
  event: CaseEvent;
  actor: CaseEventActor;
  fromStatus: string | null;
  toStatus: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

type CaseRow = {
  city_code: string;
  id: string;
  kind: string;
  case_no: string;
  definition_id: string;
  definition_version: number;
  lead_department_id: string;
  status: string;
  version: number;
  applicant_name: string;
  application: unknown;
  pending_materials: string[];
  supply_by: Date | null;
  reason: string | null;
  submitted_at: Date;
  accepted_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  created_by_id: string | null;
  updated_at: Date;
};

type SubcaseRow = {
  id: string;
  name: string;
  department_id: string;
  depends_on: string[];
  status: string;
  version: number;
  legal_days: number;
  promised_days: number;
  dispatched_at: Date | null;
  legal_due_at: Date | null;
  promised_due_at: Date | null;
  suspended_at: Date | null;
  suspension_reason: string | null;
  suspended_days: number;
  correction_count: number;
  result_at: Date | null;
  result_no: string | null;
  reason: string | null;
  updated_at: Date;
};

function subcaseOf(r: SubcaseRow): SubcaseCore {
  return {
    id: r.id,
    name: r.name,
    departmentId: r.department_id,
    dependsOn: r.depends_on,
    legalDays: r.legal_days,
    promisedDays: r.promised_days,
    status: r.status as SubcaseStatus,
    version: r.version,
    dispatchedAt: iso(r.dispatched_at),
    legalDueAt: iso(r.legal_due_at),
    promisedDueAt: iso(r.promised_due_at),
    suspendedAt: iso(r.suspended_at),
    suspensionReason: r.suspension_reason as SuspensionReason | null,
    suspendedDays: r.suspended_days,
    correctionCount: r.correction_count,
    resultAt: iso(r.result_at),
    resultNo: r.result_no,
    reason: r.reason,
    updatedAt: iso(r.updated_at)!,
  };
}

function recordOf(r: CaseRow, subs: SubcaseRow[]): CaseRecord {
  return {
    cityCode: r.city_code,
    id: r.id,
    kind: r.kind as "bundle",
    caseNo: r.case_no,
    definitionId: r.definition_id,
    definitionVersion: r.definition_version,
    leadDepartmentId: r.lead_department_id,
    applicantName: r.applicant_name,
    application: r.application,
    createdById: r.created_by_id,
    state: {
      case: {
        status: r.status as CaseStatus,
        version: r.version,
        submittedAt: iso(r.submitted_at)!,
        acceptedAt: iso(r.accepted_at),
        completedAt: iso(r.completed_at),
        closedAt: iso(r.closed_at),
        pendingMaterials: r.pending_materials,
        supplyBy: iso(r.supply_by),
        reason: r.reason,
        updatedAt: iso(r.updated_at)!,
      },
      subcases: subs.map(subcaseOf),
    },
  };
}

const CASE_COLUMNS = [
  "city_code",
  "id",
  "kind",
  "case_no",
  "definition_id",
  "definition_version",
  "lead_department_id",
  "status",
  "version",
  "applicant_name",
  "application",
  "pending_materials",
  "supply_by",
  "reason",
  "submitted_at",
  "accepted_at",
  "completed_at",
  "closed_at",
  "created_by_id",
  "updated_at",
] as const;

async function subcasesOf(tx: Tx, cityCode: string, ids: string[]): Promise<Map<string, SubcaseRow[]>> {
  const out = new Map<string, SubcaseRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await tx
    .selectFrom("subcases")
    .selectAll()
    .where("city_code", "=", cityCode)
    .where("case_id", "in", ids)
    .orderBy("case_id")
    .orderBy("position")
    .execute();
  for (const r of rows) out.get(r.case_id)?.push(r as SubcaseRow);
  return out;
}

/** One case with its sub-cases; `lock` takes the parent row lock every action serialises on. */
export async function findCase(tx: Tx, id: string, lock = false): Promise<CaseRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  let q = tx.selectFrom("cases").select(CASE_COLUMNS).where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const subs = await subcasesOf(tx, row.city_code, [row.id]);
  return recordOf(row as CaseRow, subs.get(row.id) ?? []);
}

/** A case by its number (the city is its first four digits) with the hash of its tracking secret. */
export async function findCaseByNo(
  tx: Tx,
  caseNo: string,
): Promise<{ rec: CaseRecord; secretHash: string } | null> {
  const city = caseNo.slice(0, 4);
  const row = await tx
    .selectFrom("cases")
    .select([...CASE_COLUMNS, "secret_hash"])
    .where("city_code", "=", city)
    .where("case_no", "=", caseNo)
    .executeTakeFirst();
  if (!row) return null;
  const subs = await subcasesOf(tx, row.city_code, [row.id]);
  return { rec: recordOf(row as CaseRow, subs.get(row.id) ?? []), secretHash: row.secret_hash };
}

/** Filters of {@link listCases}; `departmentIds` limits to cases with a sub-case there (handlers). */
export interface CaseFilter {
  status?: CaseStatus;
  definitionId?: string;
  subcaseStatus?: SubcaseStatus;
  departmentIds?: string[];
  limit: number;
  /** Keyset cursor: the last row's `submitted_at|id`. */
  after?: { submittedAt: string; id: string };
}

/** Cases newest first, one page (limit + 1 read to know whether another page follows). */
export async function listCases(tx: Tx, f: CaseFilter): Promise<CaseRecord[]> {
  let q = tx.selectFrom("cases").select(CASE_COLUMNS);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.definitionId) q = q.where("definition_id", "=", f.definitionId);
  if (f.departmentIds || f.subcaseStatus) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("subcases as s")
          .select("s.id")
          .whereRef("s.city_code", "=", "cases.city_code")
          .whereRef("s.case_id", "=", "cases.id")
          .$if(!!f.departmentIds, (qq) => qq.where("s.department_id", "in", f.departmentIds!))
          .$if(!!f.subcaseStatus, (qq) => qq.where("s.status", "=", f.subcaseStatus!)),
      ),
    );
  }
  if (f.after) {
    const { submittedAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb("submitted_at", "<", new Date(submittedAt)),
        eb.and([eb("submitted_at", "=", new Date(submittedAt)), eb("id", "<", id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy("submitted_at", "desc")
    .orderBy("id", "desc")
    .limit(f.limit + 1)
    .execute();
  const byCity = new Map<string, string[]>();
  for (const r of rows) byCity.set(r.city_code, [...(byCity.get(r.city_code) ?? []), r.id]);
  const subs = new Map<string, SubcaseRow[]>();
  for (const [city, ids] of byCity) for (const [k, v] of await subcasesOf(tx, city, ids)) subs.set(k, v);
  return rows.map((r) => recordOf(r as CaseRow, subs.get(r.id) ?? []));
}

/** The next case number: `<city>-<yyyymmdd>-B<nnnnnn>` from a per-city-per-day counter (an upsert). */
export async function nextCaseNo(tx: Tx, cityCode: string, at: Date): Promise<string> {
  const day = chinaDate(at).replaceAll("-", "");
  const row = await tx
    .insertInto("case_counters")
    .values({ city_code: cityCode, day, n: 1 })
    .onConflict((oc) =>
      oc.columns(["city_code", "day"]).doUpdateSet((eb) => ({ n: eb("case_counters.n", "+", 1) })),
    )
    .returning("n")
    .executeTakeFirstOrThrow();
  return `${cityCode}-${day}-B${String(row.n).padStart(6, "0")}`;
}

/** Inserts a new case and its sub-cases in their initial state (the caller appends `submitted`). */
export async function insertCase(tx: Tx, rec: CaseRecord, secretHash: string): Promise<void> {
  const c = rec.state.case;
  await tx
    .insertInto("cases")
    .values({
      city_code: rec.cityCode,
      id: rec.id,
      kind: rec.kind,
      case_no: rec.caseNo,
      secret_hash: secretHash,
      definition_id: rec.definitionId,
      definition_version: rec.definitionVersion,
      lead_department_id: rec.leadDepartmentId,
      status: c.status,
      version: c.version,
      applicant_name: rec.applicantName,
      application: JSON.stringify(rec.application),
      pending_materials: c.pendingMaterials,
      supply_by: c.supplyBy,
      reason: c.reason,
      submitted_at: c.submittedAt,
      accepted_at: c.acceptedAt,
      completed_at: c.completedAt,
      closed_at: c.closedAt,
      created_by_id: rec.createdById,
      updated_at: c.updatedAt,
    })
    .execute();
  await tx
    .insertInto("subcases")
    .values(
      rec.state.subcases.map((s, i) => ({
        city_code: rec.cityCode,
        case_id: rec.id,
        id: s.id,
        position: i,
        name: s.name,
        department_id: s.departmentId,
        depends_on: s.dependsOn,
        status: s.status,
        version: s.version,
        legal_days: s.legalDays,
        promised_days: s.promisedDays,
        updated_at: s.updatedAt,
      })),
    )
    .execute();
}

/**
 * Stores a new state over the old one: the parent guarded by its version, each changed sub-case
 * guarded by its own. False when someone else wrote first (the caller answers 409).
 */
export async function saveState(tx: Tx, rec: CaseRecord, next: CaseState): Promise<boolean> {
  const before = rec.state;
  const c = next.case;
  const res = await tx
    .updateTable("cases")
    .set({
      status: c.status,
      version: c.version,
      pending_materials: c.pendingMaterials,
      supply_by: c.supplyBy,
      reason: c.reason,
      accepted_at: c.acceptedAt,
      completed_at: c.completedAt,
      closed_at: c.closedAt,
      updated_at: c.updatedAt,
    })
    .where("city_code", "=", rec.cityCode)
    .where("id", "=", rec.id)
    .where("version", "=", before.case.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  for (const s of next.subcases) {
    const old = before.subcases.find((x) => x.id === s.id);
    if (!old || old.version === s.version) continue;
    const r = await tx
      .updateTable("subcases")
      .set({
        status: s.status,
        version: s.version,
        dispatched_at: s.dispatchedAt,
        legal_due_at: s.legalDueAt,
        promised_due_at: s.promisedDueAt,
        suspended_at: s.suspendedAt,
        suspension_reason: s.suspensionReason,
        suspended_days: s.suspendedDays,
        correction_count: s.correctionCount,
        result_at: s.resultAt,
        result_no: s.resultNo,
        reason: s.reason,
        updated_at: s.updatedAt,
      })
      .where("city_code", "=", rec.cityCode)
      .where("case_id", "=", rec.id)
      .where("id", "=", s.id)
      .where("version", "=", old.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
  }
  return true;
}

/** Appends events numbered from `firstSeq`, each with the statuses it moved between. */
export async function appendEvents(
  tx: Tx,
  rec: CaseRecord,
  firstSeq: number,
  rows: { event: CaseEvent; actor: CaseEventActor; fromStatus: string | null; toStatus: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("case_events")
    .values(
      rows.map((r, i) => ({
        city_code: rec.cityCode,
        case_id: rec.id,
        seq: firstSeq + i,
        subcase_id: "subcaseId" in r.event ? r.event.subcaseId : null,
        type: r.event.type,
        at: r.event.at,
        actor_id: r.actor.id,
        actor_role: r.actor.role,
        actor_name: r.actor.name,
        from_status: r.fromStatus,
        to_status: r.toStatus,
        data: JSON.stringify(r.event.data),
      })),
    )
    .execute();
}

/** A case's history in order. */
export async function caseEvents(
  tx: Tx,
  rec: Pick<CaseRecord, "cityCode" | "id">,
): Promise<StoredCaseEvent[]> {
  const rows = await tx
    .selectFrom("case_events")
    .selectAll()
    .where("city_code", "=", rec.cityCode)
    .where("case_id", "=", rec.id)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    event: {
      type: r.type,
      at: new Date(r.at).toISOString(),
      ...(r.subcase_id ? { subcaseId: r.subcase_id } : {}),
      data: r.data,
    } as CaseEvent,
    actor: { id: r.actor_id, name: r.actor_name ?? "", role: r.actor_role ?? "" },
    fromStatus: r.from_status,
    toStatus: r.to_status,
  }));
}
