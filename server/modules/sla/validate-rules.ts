/**
 * Validation of SLA rules as an admin edits them and of whole rule sets (a profile's data file is
 * checked the same way when it loads): field shapes and bounds, duplicate ids, dead rules, and
 * kinds × urgencies left without a rule.
 */
import { selectRule } from "./select-rule.ts";
import { KIND_ZH, type RuleProblem, SLA_APPEAL_KINDS, type SlaRule, type SlaUnit } from "./sla-rule.types.ts";

/** The allowed values of the enum fields. */
const CLOCKS: readonly string[] = ["sign", "reply"];
const URGENCIES: readonly string[] = ["normal", "urgent"];
const UNITS: readonly string[] = ["working_days", "hours", "minutes"];

/** Sanity bounds per unit: a year of working days, a leap year of hours, a month of minutes. */
const AMOUNT_BOUNDS: Readonly<Record<SlaUnit, { min: number; max: number }>> = {
  // 0 working days is meaningful: the end of the day of receipt/dispatch (当日).
  working_days: { min: 0, max: 366 },
  hours: { min: 1, max: 24 * 366 },
  minutes: { min: 1, max: 60 * 24 * 31 },
};

/** Identifier shape for ids and profiles: letters, digits, dot, dash, underscore; 1–64 chars. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Category prefixes: no whitespace, 1–32 chars. */
const PREFIX_PATTERN = /^\S{1,32}$/;

/**
 * Checks one rule as edited by an admin (any shape accepted, e.g. a parsed request body). Returns
 * the problems found, empty when the rule is valid. Messages are Chinese / English.
 */
export function validateRule(rule: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (typeof rule !== "object" || rule === null) {
    return [{ field: "", message: "规则必须是对象 / a rule must be an object" }];
  }
  const r = rule as Record<string, unknown>;
  const add = (field: string, message: string) => problems.push({ field, message });

  if (typeof r.id !== "string" || !ID_PATTERN.test(r.id)) {
    add(
      "id",
      "编号须为 1–64 位字母、数字、点、横线或下划线 / id must be 1–64 letters, digits, '.', '-' or '_'",
    );
  }
  if (typeof r.profile !== "string" || !ID_PATTERN.test(r.profile)) {
    add(
      "profile",
      "规则集须为 1–64 位字母、数字、点、横线或下划线 / profile must be 1–64 letters, digits, '.', '-' or '_'",
    );
  }
  if (typeof r.clock !== "string" || !CLOCKS.includes(r.clock)) {
    add("clock", "时钟须为 sign 或 reply / clock must be sign or reply");
  }
  if (
    r.kind !== null &&
    (typeof r.kind !== "string" || !(SLA_APPEAL_KINDS as readonly string[]).includes(r.kind))
  ) {
    add(
      "kind",
      `诉求类型须为空或 ${SLA_APPEAL_KINDS.join("/")} / kind must be null or ${SLA_APPEAL_KINDS.join("/")}`,
    );
  }
  if (r.urgency !== null && (typeof r.urgency !== "string" || !URGENCIES.includes(r.urgency))) {
    add("urgency", "紧急程度须为空、normal 或 urgent / urgency must be null, normal or urgent");
  }
  if (
    r.categoryPrefix !== null &&
    (typeof r.categoryPrefix !== "string" || !PREFIX_PATTERN.test(r.categoryPrefix))
  ) {
    add(
      "categoryPrefix",
      "分类前缀须为空或 1–32 个非空白字符 / categoryPrefix must be null or 1–32 non-space characters",
    );
  }
  const unitOk = typeof r.unit === "string" && UNITS.includes(r.unit);
  if (!unitOk)
    add("unit", "单位须为 working_days、hours 或 minutes / unit must be working_days, hours or minutes");
  if (typeof r.amount !== "number" || !Number.isSafeInteger(r.amount)) {
    add("amount", "时限须为整数 / amount must be an integer");
  } else if (unitOk) {
    const bounds = AMOUNT_BOUNDS[r.unit as SlaUnit];
    if (r.amount < bounds.min || r.amount > bounds.max) {
      add(
        "amount",
        `时限须在 ${bounds.min}–${bounds.max} 之间 / amount must be within ${bounds.min}–${bounds.max} for ${String(r.unit)}`,
      );
    }
  }
  if (typeof r.source !== "string" || r.source.trim() === "") {
    add("source", "须注明依据（法规或文件名称） / source must name the regulation the rule comes from");
  }
  return problems;
}

/**
 * Checks a whole rule set: each rule ({@link validateRule}, fields prefixed `rules[i].`), duplicate
 * ids, rules that can never win (same profile, clock and scope as a rule with a smaller id), and, per
 * profile, every kind × urgency without a reply rule or a sign rule (for an uncategorized appeal).
 */
export function validateRuleSet(rules: readonly SlaRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  rules.forEach((rule, i) => {
    for (const p of validateRule(rule))
      problems.push({ field: `rules[${i}].${p.field}`, message: p.message });
  });

  const seenIds = new Map<string, number>();
  const seenScopes = new Map<string, SlaRule>();
  rules.forEach((rule, i) => {
    const firstIndex = seenIds.get(rule.id);
    if (firstIndex !== undefined) {
      problems.push({
        field: `rules[${i}].id`,
        message: `编号 ${rule.id} 与 rules[${firstIndex}] 重复 / id ${rule.id} duplicates rules[${firstIndex}]`,
      });
    } else {
      seenIds.set(rule.id, i);
    }
    const scope = JSON.stringify([rule.profile, rule.clock, rule.kind, rule.urgency, rule.categoryPrefix]);
    const other = seenScopes.get(scope);
    if (other === undefined) {
      seenScopes.set(scope, rule);
    } else if (other.id !== rule.id) {
      // Same scope: the smaller id always wins, so the other rule is dead.
      const [winner, loser] = other.id < rule.id ? [other, rule] : [rule, other];
      problems.push({
        field: `rules[${i}]`,
        message:
          `规则 ${loser.id} 与 ${winner.id} 适用范围相同，永不生效 / ` +
          `rule ${loser.id} has the same scope as ${winner.id} and never applies`,
      });
    }
  });

  for (const profile of new Set(rules.map((rule) => rule.profile))) {
    const own = rules.filter((rule) => rule.profile === profile);
    for (const clock of ["reply", "sign"] as const) {
      for (const kind of SLA_APPEAL_KINDS) {
        for (const urgency of ["normal", "urgent"] as const) {
          if (selectRule(own, clock, { kind, urgency, categoryCode: null }) === null) {
            problems.push({
              field: `profile:${profile}`,
              message:
                `规则集 ${profile} 缺少 ${KIND_ZH[kind]}（${urgency}）的${clock === "sign" ? "签收" : "答复"}规则 / ` +
                `profile ${profile} has no ${clock} rule for ${kind} (${urgency})`,
            });
          }
        }
      }
    }
  }
  return problems;
}
