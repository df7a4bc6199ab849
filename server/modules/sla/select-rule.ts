/** Which rule of a rule set applies to an appeal: the most specific of those that match. */
import type { SlaAppealFacts, SlaClock, SlaRule } from "./sla-rule.types.ts";

/** Whether a rule's scope covers the appeal (null fields match anything). */
function ruleMatches(rule: SlaRule, clock: SlaClock, appeal: SlaAppealFacts): boolean {
  if (rule.clock !== clock) return false;
  if (rule.kind !== null && rule.kind !== appeal.kind) return false;
  if (rule.urgency !== null && rule.urgency !== appeal.urgency) return false;
  if (rule.categoryPrefix !== null) {
    // A category rule cannot apply to an appeal that has no category yet.
    if (appeal.categoryCode === null || !appeal.categoryCode.startsWith(rule.categoryPrefix)) return false;
  }
  return true;
}

/**
 * Orders rules from the most to the least specific: urgency given > longer category prefix > kind
 * given, then by id (code-unit order) so that the choice never depends on row order.
 */
function compareSpecificity(a: SlaRule, b: SlaRule): number {
  const urgency = Number(b.urgency !== null) - Number(a.urgency !== null);
  if (urgency !== 0) return urgency;
  const prefix = (b.categoryPrefix?.length ?? 0) - (a.categoryPrefix?.length ?? 0);
  if (prefix !== 0) return prefix;
  const kind = Number(b.kind !== null) - Number(a.kind !== null);
  if (kind !== 0) return kind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The rule of `clock` that applies to an appeal: among the rules whose non-null fields all match,
 * the most specific wins — a rule naming the urgency beats one with a longer category prefix, which
 * beats one naming the kind; ties go to the smallest id. Profiles are not looked at: pass the rules
 * of one profile. Returns null when no rule matches.
 */
export function selectRule(
  rules: readonly SlaRule[],
  clock: SlaClock,
  appeal: SlaAppealFacts,
): SlaRule | null {
  let best: SlaRule | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, clock, appeal)) continue;
    if (best === null || compareSpecificity(rule, best) < 0) best = rule;
  }
  return best;
}
