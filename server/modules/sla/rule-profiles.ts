/**
 * The shipped rule sets (profiles), read from their data files in `profiles/` and validated on load:
 * a malformed or incomplete profile fails at start-up, naming each problem, instead of giving wrong
 * deadlines later. A city changes its rules in `sla_rules` (seeded from the default profile).
 */
import guangdong from "./profiles/guangdong.json" with { type: "json" };
import type { RuleProblem, SlaRule } from "./sla-rule.types.ts";
import { validateRule, validateRuleSet } from "./validate-rules.ts";

/** The default profile: Guangdong's (广东省 12345 热线 time limits). */
export const DEFAULT_SLA_PROFILE = "guangdong";

/** The `settings` key of the profile in force; its row also marks the SLA data as seeded. */
export const SLA_PROFILE_SETTING = "sla.profile";

/** Why a rule has its figure: the profile's regulation itself, or a documented project default. */
const BASES: readonly string[] = ["measures", "project-default"];

/** Thrown when a profile's data file is not a valid rule set. */
export class RuleProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly RuleProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
    this.name = "RuleProfileError";
  }
}

/**
 * The rules of a profile data file (`{ profile, rules: [{ id, basis, clock, kind, urgency,
 * categoryPrefix, unit, amount, source }] }`, other top-level keys being notes for readers), each
 * given the file's profile. The `basis` of a rule is checked and dropped; it is for reviewers.
 * @throws RuleProfileError naming every problem (shape, fields, and the rule set as a whole).
 */
export function loadRuleProfile(data: unknown, file: string): SlaRule[] {
  const fail = (field: string, message: string) => new RuleProfileError(file, [{ field, message }]);
  if (typeof data !== "object" || data === null) throw fail("", "a profile must be an object");
  const { profile, rules } = data as { profile?: unknown; rules?: unknown };
  if (typeof profile !== "string") throw fail("profile", "must be a string");
  if (!Array.isArray(rules)) throw fail("rules", "must be an array");
  const problems: RuleProblem[] = [];
  const out: SlaRule[] = rules.map((entry: unknown, i) => {
    const { basis, ...fields } = (typeof entry === "object" && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    if (typeof basis !== "string" || !BASES.includes(basis)) {
      problems.push({ field: `rules[${i}].basis`, message: `must be one of ${BASES.join(", ")}` });
    }
    const rule = { ...fields, profile };
    for (const p of validateRule(rule))
      problems.push({ field: `rules[${i}].${p.field}`, message: p.message });
    const known = new Set([
      "id",
      "profile",
      "clock",
      "kind",
      "urgency",
      "categoryPrefix",
      "unit",
      "amount",
      "source",
    ]);
    for (const key of Object.keys(rule)) {
      if (!known.has(key)) problems.push({ field: `rules[${i}].${key}`, message: "is not a known field" });
    }
    return rule as SlaRule;
  });
  if (problems.length === 0) problems.push(...validateRuleSet(out));
  if (problems.length > 0) throw new RuleProfileError(file, problems);
  return out;
}

/**
 * The default rules of the "guangdong" profile (`profiles/guangdong.json`). Reply limits for
 * consult, help, suggestion, complaint and report are those of 《广东省12345政务服务便民热线管理办法》;
 * praise, signing and urgent appeals are project defaults (the Measures set no figure for them)
 * that a city may override in `sla_rules`. Each rule's `source` says which.
 */
export const GUANGDONG_DEFAULT_RULES: readonly SlaRule[] = loadRuleProfile(
  guangdong,
  "profiles/guangdong.json",
);
