import type { Selectable } from "kysely";
import type {
  AppealCore,
  AppealEvent,
  AppealKind,
  AppealStatus,
  Channel,
  ReplyOutcome,
  Satisfaction,
  Urgency,
} from "../../../common/appeal-state.ts";
import { isUuid } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import type { AppealsTable } from "./appeals.table.ts";

/** An appeal as the use cases see it: its fixed intake fields plus the moving {@link AppealCore}. */
export interface AppealRecord extends AppealCore {
  id: string;
  cityCode: string;
  ticketNo: string;
  kind: AppealKind;
  channel: Channel;
  urgency: Urgency;
  title: string;
  body: string;
  citizenName: string | null;
  citizenPhone: string | null;
  citizenAnonymous: boolean;
  enterpriseUscc: string | null;
  enterpriseName: string | null;
  businessEnvironment: boolean;
  regionCode: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categorySuggestions: { code: string; score: number }[];
  /** Dispatched by the platform (智能分拨), not by an agent. */
  autoDispatched: boolean;
  publicSecretHash: string | null;
  hasFollowers: boolean;
  createdAt: string;
}

/** Who did something: a user, or the system (jobs). */
export interface EventActor {
  id: string | null;
  name: string;
  role: string;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Maps a row to a record (timestamps as ISO UTC strings, so they compare as text). */
export function rowToRecord(r: Selectable<AppealsTable>): AppealRecord {
  return {
    id: r.id,
    cityCode: r.city_code,
    ticketNo: r.ticket_no,
    version: r.version,
    status: r.status as AppealStatus,
    kind: r.kind as AppealKind,
    channel: r.channel as Channel,
    urgency: r.urgency as Urgency,
    title: r.title,
    body: r.body,
    citizenName: r.citizen_name,
    citizenPhone: r.citizen_phone,
    citizenAnonymous: r.citizen_anonymous,
    enterpriseUscc: r.enterprise_uscc,
    enterpriseName: r.enterprise_name,
    businessEnvironment: r.business_environment,
    regionCode: r.region_code,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    categoryCode: r.category_code,
    categorySuggestions: (r.category_suggestions ?? []) as { code: string; score: number }[],
    autoDispatched: r.auto_dispatched ?? false,
    leadDepartmentId: r.lead_department_id,
    coDepartmentIds: r.co_department_ids ?? [],
    signBy: iso(r.sign_by),
    replyBy: iso(r.reply_by)!,
    warnAt: iso(r.warn_at),
    warned: r.warned,
    overdue: r.overdue,
    supervised: r.supervised,
    mergedInto: r.merged_into,
    answeredDirectly: r.answered_directly,
    replyText: r.reply_text,
    replyOutcome: r.reply_outcome as ReplyOutcome | null,
    satisfaction: r.satisfaction as Satisfaction | null,
    resolved: r.resolved,
    pendingExtension: (r.pending_extension ?? null) as AppealCore["pendingExtension"],
    extensionDays: r.extension_days,
    returnCount: r.return_count,
    transferCount: r.transfer_count,
    dispatchCount: r.dispatch_count,
    reopenCount: r.reopen_count,
    dispatchedAt: iso(r.dispatched_at),
    signedAt: iso(r.signed_at),
    repliedAt: iso(r.replied_at),
    closedAt: iso(r.closed_at),
    calledBackAt: iso(r.called_back_at),
    publicSecretHash: r.public_secret_hash,
    hasFollowers: r.has_followers,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** Picks the life-cycle part of a record. */
export function coreOf(r: AppealRecord): AppealCore {
  return {
    status: r.status,
    version: r.version,
    categoryCode: r.categoryCode,
    leadDepartmentId: r.leadDepartmentId,
    coDepartmentIds: r.coDepartmentIds,
    signBy: r.signBy,
    replyBy: r.replyBy,
    warnAt: r.warnAt,
    warned: r.warned,
    overdue: r.overdue,
    supervised: r.supervised,
    mergedInto: r.mergedInto,
    answeredDirectly: r.answeredDirectly,
    replyText: r.replyText,
    replyOutcome: r.replyOutcome,
    satisfaction: r.satisfaction,
    resolved: r.resolved,
    pendingExtension: r.pendingExtension,
    extensionDays: r.extensionDays,
    returnCount: r.returnCount,
    transferCount: r.transferCount,
    dispatchCount: r.dispatchCount,
    reopenCount: r.reopenCount,
    dispatchedAt: r.dispatchedAt,
    signedAt: r.signedAt,
    repliedAt: r.repliedAt,
    closedAt: r.closedAt,
    calledBackAt: r.calledBackAt,
    updatedAt: r.updatedAt,
  };
}

/** The columns a life-cycle change writes. */
function coreColumns(c: AppealCore) {
  return {
    status: c.status,
    version: c.version,
    category_code: c.categoryCode,
    lead_department_id: c.leadDepartmentId,
    co_department_ids: c.coDepartmentIds,
    sign_by: c.signBy,
    reply_by: c.replyBy,
    warn_at: c.warnAt,
    warned: c.warned,
    overdue: c.overdue,
    supervised: c.supervised,
    merged_into: c.mergedInto,
    answered_directly: c.answeredDirectly,
    reply_text: c.replyText,
    reply_outcome: c.replyOutcome,
    satisfaction: c.satisfaction,
    resolved: c.resolved,
    pending_extension: c.pendingExtension ? JSON.stringify(c.pendingExtension) : null,
    extension_days: c.extensionDays,
    return_count: c.returnCount,
    transfer_count: c.transferCount,
    dispatch_count: c.dispatchCount,
    reopen_count: c.reopenCount,
    dispatched_at: c.dispatchedAt,
    signed_at: c.signedAt,
    replied_at: c.repliedAt,
    closed_at: c.closedAt,
    called_back_at: c.calledBackAt,
    updated_at: c.updatedAt,
  };
}

/** Loads one appeal by id; `lock` takes a row lock for the rest of the transaction. */
export async function findAppeal(tx: Tx, id: string, lock = false): Promise<AppealRecord | null> {
  if (!isUuid(id)) return null;
  let q = tx.selectFrom("appeals").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? rowToRecord(row) : null;
}

/** Loads one appeal by ticket number. */
export async function findAppealByTicket(tx: Tx, ticketNo: string): Promise<AppealRecord | null> {
  const row = await tx.selectFrom("appeals").selectAll().where("ticket_no", "=", ticketNo).executeTakeFirst();
  return row ? rowToRecord(row) : null;
}

/**
 * Writes a new core if nobody changed the appeal since `expectedVersion`. Returns false when the
 * row moved on (the caller answers 409 STALE_VERSION and rolls back).
 */
export async function saveCore(
  tx: Tx,
  rec: Pick<AppealRecord, "cityCode" | "id">,
  expectedVersion: number,
  core: AppealCore,
): Promise<boolean> {
  const res = await tx
    .updateTable("appeals")
    .set(coreColumns(core))
    .where("city_code", "=", rec.cityCode)
    .where("id", "=", rec.id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Appends the event that moved an appeal to `version` (its sequence number is that version). */
export async function appendEvent(
  tx: Tx,
  rec: Pick<AppealRecord, "cityCode" | "id">,
  seq: number,
  ev: AppealEvent,
  actor: EventActor,
  fromStatus: AppealStatus | null,
  toStatus: AppealStatus,
): Promise<void> {
  await tx
    .insertInto("appeal_events")
    .values({
      city_code: rec.cityCode,
      appeal_id: rec.id,
      seq,
      type: ev.type,
      at: ev.at,
      actor_id: actor.id,
      actor_role: actor.role,
      actor_name: actor.name,
      from_status: fromStatus,
      to_status: toStatus,
      data: JSON.stringify(ev.data),
    })
    .execute();
}

/** An appeal's history, oldest first, as typed events. */
export async function loadEvents(tx: Tx, rec: Pick<AppealRecord, "cityCode" | "id">) {
  const rows = await tx
    .selectFrom("appeal_events")
    .selectAll()
    .where("city_code", "=", rec.cityCode)
    .where("appeal_id", "=", rec.id)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    event: { type: r.type, at: new Date(r.at).toISOString(), data: r.data } as AppealEvent,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "", role: r.actor_role ?? "" } : null,
    actorRole: r.actor_role,
    actorName: r.actor_name,
    fromStatus: r.from_status,
    toStatus: r.to_status,
  }));
}
