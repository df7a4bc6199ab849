import type { Entitlement, EntitlementDetail, LedgerQuery } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, conflict, forbidden, notFound } from "../../platform/errors.ts";
import { isUuid } from "../../platform/ids.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { mayActFor, maySeeEntitlement } from "./entitlement.policy.ts";
import { type EntitlementRow, presentEntitlements } from "./entitlement.presenter.ts";
import { appendEntitlementEvent, entitlementEvents } from "./entitlement-events.ts";
import { explainEntitlement } from "./explain-entitlement.ts";
import { LEDGER_ACTIONS, type LedgerAction } from "./ledger-actions.ts";
import { queueNotice } from "./outbox.ts";

/**
 * The entitlements ledger (兑现台账): reading it (handlers see their department's subtree), and
 * the issuing department's status changes (confirm 确认, reject 退回 with a reason, disburse 兑付),
 * each with its event in the same transaction and a notice to the enterprise through the outbox.
 */

/** The ledger, filtered; handlers see only their department's subtree. Keyset pages by id. */
export async function listLedger(
  ctx: AppContext,
  user: AuthUser,
  f: LedgerQuery,
): Promise<{ items: Entitlement[]; nextCursor: string | null }> {
  const limit = f.limit ?? 50;
  let q = ctx.db.selectFrom("entitlements").selectAll();
  if (f.status) q = q.where("status", "=", f.status);
  if (f.policyId) q = q.where("policy_id", "=", f.policyId);
  if (f.uscc) q = q.where("uscc", "=", f.uscc);
  if (f.departmentId) q = q.where("department_id", "=", f.departmentId);
  if (user.role === "handler") {
    if (!user.departmentId) return { items: [], nextCursor: null };
    q = q.where("department_id", "in", ctx.directory.subtree(user.departmentId));
  }
  if (f.cursor) q = q.where("id", ">", f.cursor);
  const rows: EntitlementRow[] = await q
    .orderBy("id")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: await presentEntitlements(ctx, user, page),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** One entitlement as the user may see it (404 for a malformed id, or a handler outside its department). */
export async function getEntitlement(ctx: AppContext, user: AuthUser, id: string): Promise<Entitlement> {
  if (!isUuid(id)) throw notFound("entitlement", id);
  const row: EntitlementRow | undefined = await ctx.db
    .selectFrom("entitlements")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || !maySeeEntitlement(ctx, user, row.department_id)) throw notFound("entitlement", id);
  const [view] = await presentEntitlements(ctx, user, [row]);
  return view as Entitlement;
}

/** One entitlement with its history and the explanation of its decision (per condition, in Chinese). */
export async function getEntitlementDetail(
  ctx: AppContext,
  user: AuthUser,
  id: string,
): Promise<EntitlementDetail> {
  const view = await getEntitlement(ctx, user, id);
  return {
    ...view,
    events: await entitlementEvents(ctx.db, view.id),
    explanation: await explainEntitlement(ctx, view),
  };
}

/**
 * Applies one ledger action to several entitlements, all or nothing: 404 for an unknown id,
 * 403 when the user may not act for an entitlement's department, 409 naming every entitlement
 * in a state the action does not start from (or whose `version` is stale).
 */
export async function applyLedgerAction(
  ctx: AppContext,
  user: AuthUser,
  action: LedgerAction,
  items: { id: string; version?: number }[],
  reason: string | undefined,
): Promise<Entitlement[]> {
  const spec = LEDGER_ACTIONS[action];
  if (action === "reject" && !reason?.trim()) throw badField("body.reason", "a rejection needs a reason");
  const now = ctx.clock.now();
  const rows = await ctx.db.transaction().execute(async (tx) => {
    const ids = items.map((i) => i.id);
    const found: EntitlementRow[] = await tx
      .selectFrom("entitlements")
      .selectAll()
      .where("id", "in", ids)
      .forUpdate()
      .execute();
    const byId = new Map(found.map((r) => [r.id, r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) throw notFound("entitlement", missing.join(", "));
    const denied = found.filter((r) => !mayActFor(ctx, user, r.department_id));
    if (denied.length) {
      throw forbidden(
        `Only the issuing department's handlers (or an admin) may ${action} these entitlements.`,
        denied.map((r) => ({ id: r.id, departmentId: r.department_id })),
      );
    }
    const wrong = items
      .map((i) => ({ i, r: byId.get(i.id)! }))
      .filter(
        ({ i, r }) =>
          !(spec.from as readonly string[]).includes(r.status) ||
          (i.version !== undefined && i.version !== r.version),
      );
    if (wrong.length) {
      throw conflict(
        wrong.some(({ i, r }) => i.version !== undefined && i.version !== r.version)
          ? "STALE_VERSION"
          : "INVALID_TRANSITION",
        `Cannot ${action}: ${wrong.map(({ r }) => `${r.id} is ${r.status}`).join("; ")} (${action} needs ${spec.from.join(" or ")}).`,
        wrong.map(({ r }) => ({ id: r.id, status: r.status, version: r.version, allowedFrom: spec.from })),
      );
    }
    const out: EntitlementRow[] = [];
    for (const r of found) {
      const next = {
        status: spec.to,
        reason: action === "reject" ? (reason ?? null) : r.reason,
        version: r.version + 1,
        updated_at: now,
      };
      await tx
        .updateTable("entitlements")
        .set(next)
        .where("city_code", "=", r.city_code)
        .where("id", "=", r.id)
        .execute();
      await appendEntitlementEvent(tx, {
        city: r.city_code,
        id: r.id,
        type: action === "confirm" ? "confirmed" : action === "reject" ? "rejected" : "disbursed",
        from: r.status,
        to: spec.to,
        actor: { id: user.id, name: user.name },
        at: now,
        data: reason ? { reason } : {},
      });
      const title =
        (await tx.selectFrom("policies").select("title").where("id", "=", r.policy_id).executeTakeFirst())
          ?.title ?? r.policy_id;
      await queueNotice(ctx, tx, {
        city: r.city_code,
        uscc: r.uscc,
        topic: spec.topic,
        subject: `免申即享：${title} ${spec.verb}`,
        body: `「${title}」${Number(r.amount).toFixed(2)} 元${spec.verb}${action === "reject" ? `，原因：${reason}` : ""}。`,
      });
      out.push({ ...r, ...next });
    }
    return out;
  });
  return presentEntitlements(ctx, user, rows);
}
