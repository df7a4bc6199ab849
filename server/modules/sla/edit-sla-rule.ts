import type { SlaRuleInput } from "../../../common/contracts/sla.ts";
import type { AppContext } from "../../app-context.ts";
import { badInput } from "../../platform/errors.ts";
import type { SlaRule } from "./sla-rule.types.ts";
import { SlaService } from "./sla-service.ts";
import { validateRuleSet } from "./validate-rules.ts";

/**
 * Creates or changes one rule (admin). The whole rule set is checked as it would be after the
 * change (400 naming each problem, nothing written); then the row is upserted and this process's
 * SLA engine reloaded (other processes follow within a minute: `sla-refresh`).
 */
export async function putSlaRule(ctx: AppContext, id: string, input: SlaRuleInput): Promise<SlaRule> {
  const rule: SlaRule = { id, ...input };
  const next = [...ctx.sla.rules.filter((r) => r.id !== id), rule];
  const problems = validateRuleSet(next);
  if (problems.length) throw badInput("The rule set would be invalid.", problems);
  const row = {
    profile: rule.profile,
    clock: rule.clock,
    kind: rule.kind,
    urgency: rule.urgency,
    category_prefix: rule.categoryPrefix,
    unit: rule.unit,
    amount: rule.amount,
    source: rule.source,
    updated_at: ctx.clock.now(),
  };
  await ctx.db
    .insertInto("sla_rules")
    .values({ id, ...row })
    .onConflict((oc) => oc.column("id").doUpdateSet(row))
    .execute();
  ctx.sla = await SlaService.load(ctx.db);
  return rule;
}
