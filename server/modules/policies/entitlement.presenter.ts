import type { Entitlement, LedgerStatus } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { entitlementAbilities } from "./entitlement.policy.ts";

/** An `entitlements` row as read (the presenter's input). */
export type EntitlementRow = {
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

/**
 * Ledger rows as the API presents them: with the enterprise's name, the policy's title (one
 * query each for the whole page) and what `user` may do with each (`abilities`).
 */
export async function presentEntitlements(
  ctx: AppContext,
  user: AuthUser | null,
  rows: EntitlementRow[],
): Promise<Entitlement[]> {
  const usccs = [...new Set(rows.map((r) => r.uscc))];
  const pids = [...new Set(rows.map((r) => r.policy_id))];
  const names = new Map(
    usccs.length
      ? (
          await ctx.db.selectFrom("enterprises").select(["uscc", "name"]).where("uscc", "in", usccs).execute()
        ).map((e) => [e.uscc, e.name])
      : [],
  );
  const titles = new Map(
    pids.length
      ? (await ctx.db.selectFrom("policies").select(["id", "title"]).where("id", "in", pids).execute()).map(
          (p) => [p.id, p.title],
        )
      : [],
  );
  return rows.map((r) => {
    // The database's CHECK constraint holds the status to the ledger's states.
    const status = r.status as LedgerStatus;
    return {
      id: r.id,
      uscc: r.uscc,
      enterpriseName: names.get(r.uscc) ?? null,
      policyId: r.policy_id,
      policyTitle: titles.get(r.policy_id) ?? null,
      policyVersion: r.policy_version,
      departmentId: r.department_id,
      amount: Number(r.amount),
      status,
      reason: r.reason,
      version: r.version,
      inputs: (r.inputs as { attrs?: Record<string, unknown> }).attrs ?? {},
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      abilities: entitlementAbilities(ctx, user, { status, departmentId: r.department_id }),
    };
  });
}
