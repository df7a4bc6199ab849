import type { AppContext } from "../../app-context.ts";
import { badField, conflict, forbidden, notFound } from "../../platform/errors.ts";
import { newId, newSecret, sha256 } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../appeals/appeal.policy.ts";
import type { AttrValues } from "../enterprises/attributes.ts";
import type { DecisionTable } from "./decision-table.ts";
import { evaluateOne } from "./engine.ts";
import { type Explanation, explain, type RegionNamer } from "./explain.ts";
import { appendEntitlementEvent, chinaToday, compileStored, publishedSet, queueNotice } from "./matching.ts";

/**
 * The entitlements ledger (兑现台账): status changes by the issuing department (confirm 确认,
 * reject 退回 with a reason, disburse 兑付), each with its event in the same transaction and a
 * notification through the outbox; explanations on demand; the enterprise's public lookup.
 */

export const LEDGER_ACTIONS = {
  confirm: { from: ["pending"], to: "confirmed", topic: "entitlement.confirmed", verb: "已确认" },
  reject: {
    from: ["pending", "confirmed"],
    to: "rejected",
    topic: "entitlement.rejected",
    verb: "未通过确认",
  },
  disburse: { from: ["confirmed"], to: "disbursed", topic: "entitlement.disbursed", verb: "已兑付" },
} as const;
export type LedgerAction = keyof typeof LEDGER_ACTIONS;

/** Whether a user may act for a department: a handler of it or of a department above it, or an admin. */
export function mayActFor(ctx: AppContext, user: AuthUser, departmentId: string): boolean {
  if (user.role === "admin") return true;
  return (
    user.role === "handler" && !!user.departmentId && ctx.directory.isWithin(departmentId, user.departmentId)
  );
}

/** Region names for explanations: a district with its city ("沈阳市和平区"). */
export function regionNamer(ctx: AppContext): RegionNamer {
  return (code: string) => {
    const r = ctx.directory.regions.get(code);
    if (!r) return code;
    if (r.level === 3 && r.parentCode)
      return `${ctx.directory.regions.get(r.parentCode)?.name ?? ""}${r.name}`;
    return r.name;
  };
}

export interface EntitlementView {
  id: string;
  uscc: string;
  enterpriseName: string | null;
  policyId: string;
  policyTitle: string | null;
  policyVersion: number;
  departmentId: string;
  amount: number;
  status: string;
  reason: string | null;
  version: number;
  inputs: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

type Row = {
  city_code: string;
  id: string;
  uscc: string;
  policy_id: string;
  policy_version: number;
  department_id: string;
  rule_index: number;
  amount: string;
  inputs: unknown;
  status: string;
  reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
};

function present(r: Row, names: Map<string, string>, titles: Map<string, string>): EntitlementView {
  const inputs = r.inputs as { attrs?: Record<string, unknown> };
  return {
    id: r.id,
    uscc: r.uscc,
    enterpriseName: names.get(r.uscc) ?? null,
    policyId: r.policy_id,
    policyTitle: titles.get(r.policy_id) ?? null,
    policyVersion: r.policy_version,
    departmentId: r.department_id,
    amount: Number(r.amount),
    status: r.status,
    reason: r.reason,
    version: r.version,
    inputs: inputs.attrs ?? {},
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function presentRows(db: Tx, rows: Row[]): Promise<EntitlementView[]> {
  const usccs = [...new Set(rows.map((r) => r.uscc))];
  const pids = [...new Set(rows.map((r) => r.policy_id))];
  const names = new Map(
    usccs.length
      ? (
          await db.selectFrom("enterprises").select(["uscc", "name"]).where("uscc", "in", usccs).execute()
        ).map((e) => [e.uscc, e.name])
      : [],
  );
  const titles = new Map(
    pids.length
      ? (await db.selectFrom("policies").select(["id", "title"]).where("id", "in", pids).execute()).map(
          (p) => [p.id, p.title],
        )
      : [],
  );
  return rows.map((r) => present(r, names, titles));
}

/** The ledger, filtered; handlers see only their department's subtree. Keyset pages by id. */
export async function listLedger(
  ctx: AppContext,
  user: AuthUser,
  f: {
    status?: string;
    policyId?: string;
    uscc?: string;
    departmentId?: string;
    limit: number;
    cursor?: string;
  },
) {
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
  const rows = (await q
    .orderBy("id")
    .limit(f.limit + 1)
    .execute()) as Row[];
  const page = rows.slice(0, f.limit);
  return {
    items: await presentRows(ctx.db, page),
    nextCursor: rows.length > f.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** One entitlement as the user may see it (404 for a handler outside its department). */
export async function getEntitlement(ctx: AppContext, user: AuthUser, id: string): Promise<EntitlementView> {
  const row = (await ctx.db.selectFrom("entitlements").selectAll().where("id", "=", id).executeTakeFirst()) as
    | Row
    | undefined;
  if (!row) throw notFound("entitlement", id);
  if (
    user.role === "handler" &&
    !(user.departmentId && ctx.directory.isWithin(row.department_id, user.departmentId))
  ) {
    throw notFound("entitlement", id);
  }
  const [view] = await presentRows(ctx.db, [row]);
  return view as EntitlementView;
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
): Promise<EntitlementView[]> {
  const spec = LEDGER_ACTIONS[action];
  if (action === "reject" && !reason?.trim()) throw badField("body.reason", "a rejection needs a reason");
  const now = ctx.clock.now();
  const rows = await ctx.db.transaction().execute(async (tx) => {
    const ids = items.map((i) => i.id);
    const found = (await tx
      .selectFrom("entitlements")
      .selectAll()
      .where("id", "in", ids)
      .forUpdate()
      .execute()) as Row[];
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
    const out: Row[] = [];
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
  return presentRows(ctx.db, rows);
}

/** The immutable history of one entitlement. */
export async function entitlementEvents(db: Tx, id: string) {
  const rows = await db
    .selectFrom("entitlement_events")
    .selectAll()
    .where("entitlement_id", "=", id)
    .orderBy("seq")
    .execute();
  return rows.map((e) => ({
    seq: e.seq,
    type: e.type,
    from: e.from_status,
    to: e.to_status,
    actor: e.actor_name,
    at: new Date(e.at).toISOString(),
    data: e.data,
  }));
}

/** Explains a ledger row from the inputs stored when it was granted (what the decision used). */
export async function explainEntitlement(ctx: AppContext, r: EntitlementView): Promise<Explanation> {
  const v = await ctx.db
    .selectFrom("policy_versions")
    .select("decision_table")
    .where("policy_id", "=", r.policyId)
    .where("version", "=", r.policyVersion)
    .executeTakeFirstOrThrow();
  const row = await ctx.db
    .selectFrom("entitlements")
    .select("inputs")
    .where("id", "=", r.id)
    .executeTakeFirstOrThrow();
  const inputs = row.inputs as { attrs: AttrValues; evalDate: string };
  const p = compileStored(r.policyId, r.policyVersion, v.decision_table as DecisionTable);
  const res = evaluateOne(p, inputs.attrs, inputs.evalDate);
  return explain(p.checked, res, inputs.attrs, inputs.evalDate, regionNamer(ctx));
}

/**
 * What an enterprise is entitled to and why: its ledger rows with explanations, and the live
 * evaluation of every published policy that currently makes it eligible or needs its data.
 */
export async function enterpriseEntitlements(ctx: AppContext, uscc: string) {
  const e = await ctx.db
    .selectFrom("enterprises")
    .select(["uscc", "name", "attrs"])
    .where("uscc", "=", uscc)
    .executeTakeFirst();
  if (!e) throw notFound("enterprise", uscc);
  const attrs = e.attrs as AttrValues;
  const rows = (await ctx.db
    .selectFrom("entitlements")
    .selectAll()
    .where("uscc", "=", uscc)
    .orderBy("created_at")
    .execute()) as Row[];
  const ledger = await presentRows(ctx.db, rows);
  const withWhy = [];
  for (const r of ledger) withWhy.push({ ...r, explanation: await explainEntitlement(ctx, r) });
  const evalIso = chinaToday(ctx);
  const set = await publishedSet(ctx.db, evalIso);
  const titles = new Map(
    (await ctx.db.selectFrom("policies").select(["id", "title"]).execute()).map((p) => [p.id, p.title]),
  );
  const current = [];
  for (const p of set.policies) {
    const res = evaluateOne(p, attrs, evalIso);
    if (res.status === "not_eligible") continue;
    current.push({
      policyId: p.policyId,
      policyTitle: titles.get(p.policyId) ?? p.policyId,
      policyVersion: p.version,
      status: res.status,
      amount: res.amount,
      missing: res.missing,
      explanation: explain(p.checked, res, attrs, evalIso, regionNamer(ctx)),
    });
  }
  return { uscc: e.uscc, name: e.name, evalDate: evalIso, entitlements: withWhy, current };
}

/** Issues a new verification code (查询码) for the public lookup; only its hash is stored. */
export async function issueLookupCode(ctx: AppContext, uscc: string): Promise<string> {
  const code = newSecret(9);
  const res = await ctx.db
    .updateTable("enterprises")
    .set({ lookup_code_hash: sha256(code) })
    .where("uscc", "=", uscc)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound("enterprise", uscc);
  return code;
}

/** The public lookup: nothing is revealed unless the code matches (same 404 either way). */
export async function publicLookup(ctx: AppContext, uscc: string, code: string) {
  const e = await ctx.db
    .selectFrom("enterprises")
    .select(["uscc", "name", "lookup_code_hash"])
    .where("uscc", "=", uscc)
    .executeTakeFirst();
  if (!e?.lookup_code_hash || e.lookup_code_hash !== sha256(code)) return null;
  const full = await enterpriseEntitlements(ctx, uscc);
  const inbox = await ctx.db
    .selectFrom("enterprise_inbox")
    .select(["subject", "body", "delivered_at"])
    .where("uscc", "=", uscc)
    .orderBy("delivered_at", "desc")
    .limit(50)
    .execute();
  return {
    uscc: full.uscc,
    name: full.name,
    entitlements: full.entitlements.map((r) => ({
      policyTitle: r.policyTitle,
      amount: r.amount,
      status: r.status,
      reason: r.reason,
      explanation: r.explanation.text,
      updatedAt: r.updatedAt,
    })),
    needsData: full.current
      .filter((c) => c.status === "needs_data")
      .map((c) => ({ policyTitle: c.policyTitle, explanation: c.explanation.text })),
    messages: inbox.map((m) => ({
      subject: m.subject,
      body: m.body,
      at: new Date(m.delivered_at).toISOString(),
    })),
  };
}

// ---- the outbox ----

/** Where notifications go: pluggable (SMS gateway, 政务服务网 message centre…). */
export interface OutboxSender {
  send(
    tx: Tx,
    msg: { id: string; cityCode: string; uscc: string; subject: string; body: string; at: Date },
  ): Promise<void>;
}

/** The default sender: delivers into the enterprise's local inbox table. */
export const localOutboxSender: OutboxSender = {
  async send(tx, msg) {
    await tx
      .insertInto("enterprise_inbox")
      .values({
        city_code: msg.cityCode,
        id: newId(),
        uscc: msg.uscc,
        subject: msg.subject,
        body: msg.body,
        delivered_at: msg.at,
      })
      .execute();
  },
};

/** Attempts a notification gets before it stays undelivered for an administrator to look at. */
export const OUTBOX_MAX_ATTEMPTS = 10;

/**
 * How long a notification waits after its n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours
 * (ten attempts span about 17 hours: a gateway down overnight does not lose a notice).
 */
export function outboxRetryDelayMs(failedAttempts: number): number {
  return Math.min(6 * 3600_000, 60_000 * 2 ** Math.max(0, failedAttempts - 1));
}

/** The sender's failure, carried out of the rolled-back transaction to be recorded after it. */
class SendFailed extends Error {
  constructor(
    readonly attempts: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** What one delivery round did. */
export interface OutboxRound {
  delivered: number;
  failed: number;
  /** Rows another delivery (another request or server instance) held: left to it. */
  skipped: number;
}

/**
 * Delivers pending outbox rows that are due (oldest first), each in its own transaction with the
 * row locked (`for update skip locked`), so concurrent rounds — after a request, from the
 * scheduled job, on several servers — deliver each notification once. A failure is recorded
 * with its error and retried after a back-off ({@link outboxRetryDelayMs}).
 */
export async function deliverOutboxRound(
  ctx: AppContext,
  sender: OutboxSender = localOutboxSender,
  limit = 1000,
): Promise<OutboxRound> {
  const now = ctx.clock.now();
  const pending = await ctx.db
    .selectFrom("outbox")
    .select(["city_code", "id"])
    .where("delivered_at", "is", null)
    .where("attempts", "<", OUTBOX_MAX_ATTEMPTS)
    .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now)]))
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  const round: OutboxRound = { delivered: 0, failed: 0, skipped: 0 };
  for (const { city_code: cityCode, id } of pending) {
    const outcome = await ctx.db
      .transaction()
      .execute(async (tx) => {
        const m = await tx
          .selectFrom("outbox")
          .selectAll()
          .where("city_code", "=", cityCode)
          .where("id", "=", id)
          .where("delivered_at", "is", null)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!m) return "skipped" as const;
        try {
          await sender.send(tx, {
            id: m.id,
            cityCode: m.city_code,
            uscc: m.uscc,
            subject: m.subject,
            body: m.body,
            at: ctx.clock.now(),
          });
        } catch (e) {
          // Thrown on, so the transaction rolls back whatever the sender wrote.
          throw new SendFailed(m.attempts + 1, String((e as Error).message).slice(0, 500));
        }
        await tx
          .updateTable("outbox")
          .set({ delivered_at: ctx.clock.now(), attempts: m.attempts + 1, next_attempt_at: null })
          .where("city_code", "=", cityCode)
          .where("id", "=", m.id)
          .execute();
        return "delivered" as const;
      })
      .catch((e: unknown) => {
        if (e instanceof SendFailed) return e;
        throw e;
      });
    if (outcome instanceof SendFailed) {
      await ctx.db
        .updateTable("outbox")
        .set({
          attempts: outcome.attempts,
          last_error: outcome.reason,
          next_attempt_at: new Date(ctx.clock.now().getTime() + outboxRetryDelayMs(outcome.attempts)),
        })
        .where("city_code", "=", cityCode)
        .where("id", "=", id)
        .where("delivered_at", "is", null)
        .execute();
      round.failed++;
    } else round[outcome]++;
  }
  return round;
}

/** {@link deliverOutboxRound}, counting the notifications delivered. */
export async function deliverOutbox(
  ctx: AppContext,
  sender: OutboxSender = localOutboxSender,
  limit = 1000,
): Promise<number> {
  return (await deliverOutboxRound(ctx, sender, limit)).delivered;
}
