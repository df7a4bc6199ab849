import type { AppContext } from "../../app-context.ts";
import { newId } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import type { AttrValues } from "../enterprises/attributes.ts";
import type { DecisionTable } from "./decision-table.ts";
import {
  type CompiledPolicy,
  compilePolicy,
  ELIGIBLE,
  type Frame,
  matchFrame,
  missingOf,
  NEEDS_DATA,
  newFrame,
  PolicySet,
  setRow,
} from "./engine.ts";
import { checkTable } from "./validate-table.ts";

/**
 * Matching against the registry: loading enterprises into a columnar frame, the published
 * policy set, and reconciling results with the ledger (new pending entitlements, recomputed
 * amounts, withdrawn ones) with their events and notifications in the same transaction.
 */

const compiledCache = new Map<string, CompiledPolicy>();

/** Compiles a stored version (cached by policy@version: a stored version never changes once published). */
export function compileStored(
  policyId: string,
  version: number,
  table: DecisionTable,
  cache = true,
): CompiledPolicy {
  const key = `${policyId}@${version}`;
  const hit = cache ? compiledCache.get(key) : undefined;
  if (hit) return hit;
  const { checked, problems } = checkTable(table);
  if (!checked) throw new Error(`stored policy ${key} no longer validates: ${problems[0]?.message}`);
  const p = compilePolicy(policyId, version, checked);
  if (cache) compiledCache.set(key, p);
  return p;
}

/** The published versions of every policy, compiled and indexed, for an evaluation date. */
export async function publishedSet(db: Tx, evalIso: string): Promise<PolicySet> {
  const rows = await db
    .selectFrom("policy_versions")
    .select(["policy_id", "version", "decision_table"])
    .where("status", "=", "published")
    .execute();
  return new PolicySet(
    rows.map((r) => compileStored(r.policy_id, r.version, r.decision_table as DecisionTable)),
    evalIso,
  );
}

/** The registry (or some enterprises of it) as a frame, with the USCC and city of every row. */
export interface Registry {
  frame: Frame;
  uscc: string[];
  city: string[];
  attrs: AttrValues[];
}

export async function loadRegistry(
  db: Tx,
  opts: { usccs?: string[]; onProgress?: (loaded: number) => void } = {},
): Promise<Registry> {
  const rows: { uscc: string; city_code: string; attrs: AttrValues }[] = [];
  if (opts.usccs) {
    for (let i = 0; i < opts.usccs.length; i += 1000) {
      const part = await db
        .selectFrom("enterprises")
        .select(["uscc", "city_code", "attrs"])
        .where("uscc", "in", opts.usccs.slice(i, i + 1000))
        .execute();
      rows.push(...(part as typeof rows));
    }
  } else {
    let after = "";
    for (;;) {
      const part = await db
        .selectFrom("enterprises")
        .select(["uscc", "city_code", "attrs"])
        .where("uscc", ">", after)
        .orderBy("uscc")
        .limit(5000)
        .execute();
      rows.push(...(part as typeof rows));
      opts.onProgress?.(rows.length);
      if (part.length < 5000) break;
      after = part[part.length - 1]!.uscc;
    }
  }
  const frame = newFrame(rows.length);
  for (const [i, r] of rows.entries()) setRow(frame, i, r.attrs);
  return {
    frame,
    uscc: rows.map((r) => r.uscc),
    city: rows.map((r) => r.city_code),
    attrs: rows.map((r) => r.attrs),
  };
}

/** The outcome of one policy for one enterprise (only eligible and needs-data are kept). */
export interface Outcome {
  row: number;
  policyId: string;
  version: number;
  status: "eligible" | "needs_data" | "error";
  amount: number;
  rule: number;
  missing: string[];
}

/** Matches a registry against a policy set; progress in rows. */
export function matchRegistry(
  set: PolicySet,
  reg: Registry,
  onProgress?: (done: number, total: number) => void,
): Outcome[] {
  const out: Outcome[] = [];
  const STEP = 2000;
  for (let from = 0; from < reg.frame.size; from += STEP) {
    const to = Math.min(reg.frame.size, from + STEP);
    matchFrame(set, reg.frame, from, to, (row, k, status, amount, rule, mask) => {
      const p = set.policies[k] as CompiledPolicy;
      out.push({
        row,
        policyId: p.policyId,
        version: p.version,
        status: status === ELIGIBLE ? "eligible" : status === NEEDS_DATA ? "needs_data" : "error",
        amount,
        rule,
        missing: status === NEEDS_DATA ? missingOf(p, mask) : [],
      });
    });
    onProgress?.(to, reg.frame.size);
  }
  return out;
}

/** Who made a change, for events. */
export interface Actor {
  id: string | null;
  name: string;
}

/** Appends an event to an entitlement's history. */
export async function appendEntitlementEvent(
  tx: Tx,
  ev: {
    city: string;
    id: string;
    type: string;
    from: string | null;
    to: string;
    actor: Actor;
    at: Date;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const last = await tx
    .selectFrom("entitlement_events")
    .select((eb) => eb.fn.max<number>("seq").as("seq"))
    .where("city_code", "=", ev.city)
    .where("entitlement_id", "=", ev.id)
    .executeTakeFirst();
  await tx
    .insertInto("entitlement_events")
    .values({
      city_code: ev.city,
      entitlement_id: ev.id,
      seq: (last?.seq ?? 0) + 1,
      type: ev.type,
      from_status: ev.from,
      to_status: ev.to,
      actor_id: ev.actor.id,
      actor_name: ev.actor.name,
      at: ev.at,
      data: JSON.stringify(ev.data ?? {}),
    })
    .execute();
}

/** Queues a notification to an enterprise (delivered by the outbox sender after commit). */
export async function queueNotice(
  ctx: AppContext,
  tx: Tx,
  n: { city: string; uscc: string; topic: string; subject: string; body: string },
): Promise<void> {
  await tx
    .insertInto("outbox")
    .values({
      id: newId(),
      city_code: n.city,
      uscc: n.uscc,
      topic: n.topic,
      subject: n.subject,
      body: n.body,
      created_at: ctx.clock.now(),
      delivered_at: null,
      last_error: null,
    })
    .execute();
}

const yuan = (n: number) =>
  `${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/**
 * Brings the ledger in line with fresh outcomes for the given (enterprise, policy) pairs:
 * eligible and not yet in the ledger → a pending entitlement; pending with another amount or
 * version → recomputed; pending but no longer eligible → withdrawn. Confirmed, disbursed and
 * rejected rows are history and stay as they are. `scope` lists every pair that was evaluated
 * (so a missing outcome means "not eligible" for it).
 */
export async function reconcileLedger(
  ctx: AppContext,
  tx: Tx,
  reg: Registry,
  outcomes: Outcome[],
  scope: { rows: number[] | "all"; policyIds: string[] },
  actor: Actor,
): Promise<{ created: number; recomputed: number; withdrawn: number }> {
  const now = ctx.clock.now();
  const policies = await tx
    .selectFrom("policies")
    .select(["id", "title", "department_id"])
    .where("id", "in", scope.policyIds.length ? scope.policyIds : ["-"])
    .execute();
  const policyById = new Map(policies.map((p) => [p.id, p]));
  const usccs = scope.rows === "all" ? null : scope.rows.map((r) => reg.uscc[r]!);
  let q = tx
    .selectFrom("entitlements")
    .select(["city_code", "id", "uscc", "policy_id", "policy_version", "status", "amount", "version"])
    .where("policy_id", "in", scope.policyIds.length ? scope.policyIds : ["-"])
    .where("status", "in", ["pending", "confirmed", "disbursed"]);
  if (usccs) q = q.where("uscc", "in", usccs.length ? usccs : ["-"]);
  const existing = await q.execute();
  const byKey = new Map<string, (typeof existing)[number][]>();
  for (const e of existing) {
    const k = `${e.uscc}|${e.policy_id}`;
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const eligible = new Map<string, Outcome>();
  for (const o of outcomes) if (o.status === "eligible") eligible.set(`${reg.uscc[o.row]}|${o.policyId}`, o);
  let created = 0;
  let recomputed = 0;
  let withdrawn = 0;
  const inserts = [];
  const events = [];
  const notices = [];
  for (const [k, o] of eligible) {
    const rows = byKey.get(k) ?? [];
    if (rows.some((r) => r.status !== "pending")) continue; // already confirmed or paid under this policy
    const uscc = reg.uscc[o.row]!;
    const city = reg.city[o.row]!;
    const pol = policyById.get(o.policyId);
    if (!pol) continue;
    const used: Record<string, unknown> = {};
    const cp = compiledCache.get(`${o.policyId}@${o.version}`);
    for (const a of cp?.used ?? []) used[a] = reg.attrs[o.row]?.[a] ?? null;
    const inputs = JSON.stringify({ attrs: used, evalDate: chinaToday(ctx) });
    const pending = rows.find((r) => r.status === "pending");
    if (pending) {
      if (Number(pending.amount) === o.amount && pending.policy_version === o.version) continue;
      await tx
        .updateTable("entitlements")
        .set({
          amount: o.amount.toFixed(2),
          policy_version: o.version,
          rule_index: o.rule,
          inputs,
          updated_at: now,
          version: pending.version + 1,
        })
        .where("city_code", "=", pending.city_code)
        .where("id", "=", pending.id)
        .execute();
      await appendEntitlementEvent(tx, {
        city: pending.city_code,
        id: pending.id,
        type: "recomputed",
        from: "pending",
        to: "pending",
        actor,
        at: now,
        data: { amount: o.amount, previousAmount: Number(pending.amount), policyVersion: o.version },
      });
      recomputed++;
      continue;
    }
    const id = newId();
    inserts.push({
      city_code: city,
      id,
      uscc,
      policy_id: o.policyId,
      policy_version: o.version,
      department_id: pol.department_id,
      rule_index: o.rule,
      amount: o.amount.toFixed(2),
      inputs,
      status: "pending",
      reason: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    events.push({
      city_code: city,
      entitlement_id: id,
      seq: 1,
      type: "granted",
      from_status: null,
      to_status: "pending",
      actor_id: actor.id,
      actor_name: actor.name,
      at: now,
      data: JSON.stringify({ amount: o.amount, policyVersion: o.version, rule: o.rule + 1 }),
    });
    notices.push({
      id: newId(),
      city_code: city,
      uscc,
      topic: "entitlement.granted",
      subject: `免申即享：${pol.title}`,
      body: `贵企业符合「${pol.title}」条件，拟享受 ${yuan(o.amount)}，待${ctx.directory.departments.get(pol.department_id)?.name ?? pol.department_id}确认后兑现，无需申请。`,
      created_at: now,
      delivered_at: null,
      last_error: null,
    });
    created++;
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await tx
      .insertInto("entitlements")
      .values(inserts.slice(i, i + 500))
      .execute();
    await tx
      .insertInto("entitlement_events")
      .values(events.slice(i, i + 500))
      .execute();
    await tx
      .insertInto("outbox")
      .values(notices.slice(i, i + 500))
      .execute();
  }
  // withdraw pending rows that are no longer eligible
  for (const [k, rows] of byKey) {
    if (eligible.has(k)) continue;
    for (const r of rows) {
      if (r.status !== "pending") continue;
      await tx
        .updateTable("entitlements")
        .set({
          status: "withdrawn",
          reason: "no longer eligible after a data or policy change",
          updated_at: now,
          version: r.version + 1,
        })
        .where("city_code", "=", r.city_code)
        .where("id", "=", r.id)
        .execute();
      await appendEntitlementEvent(tx, {
        city: r.city_code,
        id: r.id,
        type: "withdrawn",
        from: "pending",
        to: "withdrawn",
        actor,
        at: now,
        data: { reason: "no longer eligible" },
      });
      withdrawn++;
    }
  }
  return { created, recomputed, withdrawn };
}

/** Re-matches some enterprises (after a registry change) against every published policy. */
export async function rematchEnterprises(ctx: AppContext, tx: Tx, usccs: string[], actor: Actor) {
  if (usccs.length === 0) return { created: 0, recomputed: 0, withdrawn: 0 };
  const evalIso = chinaToday(ctx);
  const set = await publishedSet(tx, evalIso);
  const reg = await loadRegistry(tx, { usccs });
  const outcomes = matchRegistry(set, reg);
  return reconcileLedger(
    ctx,
    tx,
    reg,
    outcomes,
    { rows: reg.uscc.map((_, i) => i), policyIds: set.policies.map((p) => p.policyId) },
    actor,
  );
}

/** Re-matches the whole registry against every published policy (CLI `policies match --all`). */
export async function rematchAll(
  ctx: AppContext,
  actor: Actor,
  onProgress?: (done: number, total: number) => void,
) {
  return ctx.db.transaction().execute(async (tx) => {
    const set = await publishedSet(tx, chinaToday(ctx));
    const reg = await loadRegistry(tx);
    const outcomes = matchRegistry(set, reg, onProgress);
    const r = await reconcileLedger(
      ctx,
      tx,
      reg,
      outcomes,
      { rows: "all", policyIds: set.policies.map((p) => p.policyId) },
      actor,
    );
    return {
      enterprises: reg.frame.size,
      policies: set.policies.length,
      eligible: outcomes.filter((o) => o.status === "eligible").length,
      needsData: outcomes.filter((o) => o.status === "needs_data").length,
      ...r,
    };
  });
}

/** Today in China (UTC+8) as yyyy-mm-dd: the evaluation date of matching. */
export function chinaToday(ctx: AppContext): string {
  return new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
