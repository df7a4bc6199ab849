import { sql } from "kysely";
import type { ListAppealsFilter } from "../../../common/contracts/appeals.ts";
import { normalizePhone } from "../../../common/phone.ts";
import type { AppContext } from "../../app-context.ts";
import { toTsQuery } from "../../platform/chinese-text.ts";
import { badField, forbidden, notFound } from "../../platform/errors.ts";
import { isUuid } from "../../platform/ids.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { APPEAL_STAFF, canRevealContact, canSeeAppeal } from "./appeal.policy.ts";
import { type AppealRecord, findAppeal, loadEvents, rowToRecord } from "./appeal.repo.ts";

interface Cursor {
  t: string;
  id: string;
}
/** 10000-01-01: cursor times are creation times, never this late. */
const MAX_CURSOR_MS = Date.UTC(10000, 0, 1);
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString()) as Cursor;
    // Only what encodeCursor makes: a UUID and a time PostgreSQL can hold (else the query fails).
    const ms = typeof c.t === "string" ? Date.parse(c.t) : Number.NaN;
    if (typeof c.id === "string" && isUuid(c.id) && ms >= 0 && ms < MAX_CURSOR_MS) return c;
  } catch {
    // fall through to the 400 below
  }
  throw badField("cursor", "not a cursor this server handed out");
}

/**
 * Lists appeals newest first with the contract's filters, keyset-paginated on (created_at, id).
 * Handlers see only their department's subtree (lead or co-handler).
 */
export async function listAppeals(
  ctx: AppContext,
  user: AuthUser,
  f: ListAppealsFilter,
): Promise<{ items: AppealRecord[]; nextCursor: string | null }> {
  if (!APPEAL_STAFF.includes(user.role))
    throw forbidden(`Your role (${user.role}) does not work on appeals.`);
  const limit = f.limit ?? 50;
  let q = ctx.db.selectFrom("appeals").selectAll();
  if (user.role === "handler") {
    const mine = ctx.directory.subtree(user.departmentId ?? "");
    q = q.where((eb) =>
      eb.or([
        eb("lead_department_id", "in", mine),
        sql<boolean>`co_department_ids && ${sql.val(mine)}::text[]`,
      ]),
    );
  }
  if (f.status) q = q.where("status", "=", f.status);
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.categoryCode) q = q.where("category_code", "like", `${f.categoryCode}%`);
  if (f.regionCode) q = q.where("region_code", "like", `${f.regionCode}%`);
  if (f.departmentId) {
    const deps = ctx.directory.subtree(f.departmentId);
    q = q.where("lead_department_id", "in", deps);
  }
  if (f.overdue !== undefined) q = q.where("overdue", "=", f.overdue);
  if (f.supervised !== undefined) q = q.where("supervised", "=", f.supervised);
  if (f.pendingExtension !== undefined)
    q = q.where("pending_extension", f.pendingExtension ? "is not" : "is", null);
  if (f.phone) q = q.where("citizen_phone", "=", normalizePhone(f.phone));
  if (f.from) q = q.where("created_at", ">=", new Date(f.from));
  if (f.to) q = q.where("created_at", "<", new Date(f.to));
  if (f.q) {
    const tsq = toTsQuery(f.q);
    if (tsq) q = q.where(sql<boolean>`to_tsvector('simple', search_tokens) @@ to_tsquery('simple', ${tsq})`);
  }
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    q = q.where((eb) =>
      eb.or([
        eb("created_at", "<", new Date(c.t)),
        eb.and([eb("created_at", "=", new Date(c.t)), eb("id", "<", c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(rowToRecord);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt, id: last.id }) : null,
  };
}

/** One appeal with its history and why its deadlines are what they are. */
export async function getAppeal(ctx: AppContext, user: AuthUser, id: string) {
  const rec = await findAppeal(ctx.db, id);
  if (!rec || !canSeeAppeal(user, rec, ctx.directory)) throw notFound("appeal", id);
  const events = await loadEvents(ctx.db, rec);
  const lastReopen = [...events]
    .reverse()
    .find(
      (e) =>
        e.event.type === "reopened" ||
        (e.event.type === "called_back" && e.event.data.satisfaction === "unsatisfied"),
    );
  const explanation = ctx.sla.explain(
    { ...rec, receivedAt: rec.createdAt },
    rec.status === "received" ? null : rec.dispatchedAt,
    rec.status === "reopened" || rec.reopenCount > 0 ? (lastReopen?.event.at ?? null) : null,
  );
  return { rec, events, explanation };
}

/**
 * 查看联系方式: the citizen's unmasked name and phone, for those allowed, written to the audit log
 * in the same transaction (no reveal without its audit row).
 */
export async function revealContact(
  ctx: AppContext,
  user: AuthUser,
  id: string,
  purpose: string | undefined,
) {
  return ctx.db.transaction().execute(async (tx) => {
    const rec = await findAppeal(tx, id);
    if (!rec || !canSeeAppeal(user, rec, ctx.directory)) throw notFound("appeal", id);
    if (!canRevealContact(user, rec, ctx.directory)) {
      throw forbidden(`Your role (${user.role}) may not reveal the citizen's contact.`);
    }
    await tx
      .insertInto("audit_log")
      .values({
        at: ctx.clock.now(),
        actor_id: user.id,
        action: "reveal_contact",
        target: `appeal:${rec.id}`,
        details: JSON.stringify({ ticketNo: rec.ticketNo, purpose: purpose ?? null, role: user.role }),
      })
      .execute();
    return { name: rec.citizenName, phone: rec.citizenPhone, anonymous: rec.citizenAnonymous };
  });
}
