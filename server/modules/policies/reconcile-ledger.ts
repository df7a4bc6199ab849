import type { LedgerChanges } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { newId } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import { type Actor, appendEntitlementEvent } from "./entitlement-events.ts";
import { chinaToday, type Outcome, type Registry } from "./matching.ts";
import { cachedCompiled } from "./published-set.ts";

/**
 * Reconciling the ledger with fresh matching outcomes: new pending entitlements (with their
 * `granted` event and a notice in the outbox), recomputed amounts, withdrawn rows, all in the
 * caller's transaction.
 */

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
): Promise<LedgerChanges> {
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
    const cp = cachedCompiled(o.policyId, o.version);
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
