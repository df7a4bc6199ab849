import type { EnterpriseEntitlements } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { notFound } from "../../platform/errors.ts";
import type { AttrValues } from "../enterprises/index.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { evaluateOne } from "./engine.ts";
import { type EntitlementRow, presentEntitlements } from "./entitlement.presenter.ts";
import { explain } from "./explain.ts";
import { explainEntitlement, regionNamer } from "./explain-entitlement.ts";
import { chinaToday } from "./matching.ts";
import { publishedSet } from "./published-set.ts";

/**
 * What an enterprise is entitled to and why: its ledger rows with explanations, and the live
 * evaluation of every published policy that currently makes it eligible or needs its data.
 * `user` decides the rows' `abilities` (null for the public lookup: none).
 */
export async function enterpriseEntitlements(
  ctx: AppContext,
  user: AuthUser | null,
  uscc: string,
): Promise<EnterpriseEntitlements> {
  const e = await ctx.db
    .selectFrom("enterprises")
    .select(["uscc", "name", "attrs"])
    .where("uscc", "=", uscc)
    .executeTakeFirst();
  if (!e) throw notFound("enterprise", uscc);
  const attrs = e.attrs as AttrValues;
  const rows: EntitlementRow[] = await ctx.db
    .selectFrom("entitlements")
    .selectAll()
    .where("uscc", "=", uscc)
    .orderBy("created_at")
    .execute();
  const ledger = await presentEntitlements(ctx, user, rows);
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
