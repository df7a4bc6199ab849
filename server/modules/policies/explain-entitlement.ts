import type { Explanation } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import type { AttrValues } from "../enterprises/index.ts";
import type { DecisionTable } from "./decision-table.ts";
import { evaluateOne } from "./engine.ts";
import { explain, type RegionNamer } from "./explain.ts";
import { compileStored } from "./published-set.ts";

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

/**
 * Explains a ledger row from the inputs stored when it was granted (what the decision used), by
 * the policy version that granted it, not by today's data or today's version.
 */
export async function explainEntitlement(
  ctx: AppContext,
  r: { id: string; policyId: string; policyVersion: number },
): Promise<Explanation> {
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
