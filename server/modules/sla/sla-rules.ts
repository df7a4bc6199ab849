/**
 * SLA rules as data, the choice of the rule that applies to an appeal, and the deadlines it gives:
 * when the department must sign (签收) and when it must reply (答复), on the Chinese working
 * calendar. Pure: no database, no clock; the caller passes rules, calendar and instants.
 */
import {
  addElapsedHours,
  addElapsedMinutes,
  chinaDateOf,
  type DayInfo,
  formatChinaDeadline,
  type WorkingCalendar,
} from "./working-calendar.ts";

/** Appeal kinds (诉求类型). Declared here for now; the same list as `common/appeal-state.ts`. */
export type AppealKind = "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";

/** All appeal kinds, in display order. */
export const SLA_APPEAL_KINDS: readonly AppealKind[] = [
  "consult",
  "help",
  "complaint",
  "report",
  "suggestion",
  "praise",
];

/** Urgency of an appeal; urgent appeals run on elapsed-time rules. */
export type SlaUrgency = "normal" | "urgent";

/** Which deadline a rule sets: `sign` counts from dispatch, `reply` from receipt (or reopen). */
export type SlaClock = "sign" | "reply";

/** How a rule's amount is counted: working days on the calendar, or elapsed clock time. */
export type SlaUnit = "working_days" | "hours" | "minutes";

/** One deadline rule, as stored in `sla_rules`. Null scope fields are wildcards. */
export interface SlaRule {
  id: string;
  /** The rule set it belongs to, e.g. "guangdong". */
  profile: string;
  clock: SlaClock;
  kind: AppealKind | null;
  urgency: SlaUrgency | null;
  /** Matches appeals whose category code starts with it. */
  categoryPrefix: string | null;
  unit: SlaUnit;
  amount: number;
  /** Why: the regulation it comes from, in English with the Chinese name. */
  source: string;
}

/** The facts of an appeal that select its rules. */
export interface SlaAppealFacts {
  kind: AppealKind;
  urgency: SlaUrgency;
  /** The appeal's category code (事项分类), or null while it is not classified. */
  categoryCode: string | null;
}

/** The input of {@link computeDeadlines}. */
export interface ComputeDeadlinesInput {
  rules: readonly SlaRule[];
  calendar: WorkingCalendar;
  /** Only rules of this profile are considered. */
  profile: string;
  appeal: SlaAppealFacts;
  receivedAt: Date;
  /** The latest dispatch (a re-dispatch after a return restarts the sign clock); null before dispatch. */
  dispatchedAt: Date | null;
  /** Sum of approved extensions of the current reply window, in working days (integer >= 0). */
  extensionDays: number;
  /** The latest reopen (重办), if any: the reply window restarts from it. */
  reopenedAt?: Date | null;
}

/** The deadlines of one appeal. Each is the first instant that is late (on time iff `t < deadline`). */
export interface Deadlines {
  /** Sign-by, from `dispatchedAt`; null until dispatched. */
  signBy: Date | null;
  /** Reply-by, extensions included. */
  replyBy: Date;
  /** When the supervisor is warned: 80 % of the reply window (start to `replyBy`) in elapsed time. */
  warnAt: Date;
  /** Human-readable lines, Chinese first then English, one per decision. */
  explanation: string[];
}

/** One problem found by {@link validateRule} or {@link validateRuleSet}. */
export interface RuleProblem {
  /** The offending field, e.g. "amount" or "rules[3].kind". */
  field: string;
  /** Chinese / English message for the admin. */
  message: string;
}

/** Thrown by {@link computeDeadlines} when no rule of the profile matches an appeal. */
export class NoSlaRuleError extends Error {
  /** The clock that has no rule. */
  readonly clock: SlaClock;
  /** The profile searched. */
  readonly profile: string;

  /** @param clock the clock without a rule; @param profile the profile searched; @param appeal the facts. */
  constructor(clock: SlaClock, profile: string, appeal: SlaAppealFacts) {
    super(
      `no ${clock} SLA rule in profile "${profile}" for kind=${appeal.kind} urgency=${appeal.urgency} ` +
        `category=${appeal.categoryCode ?? "none"}`,
    );
    this.name = "NoSlaRuleError";
    this.clock = clock;
    this.profile = profile;
  }
}

/** The warning point, as a fraction of the reply window. */
export const WARN_FRACTION = 0.8;

/**
 * 《广东省12345政务服务便民热线管理办法》, issued by the General Office of the Guangdong Provincial
 * People's Government on 2022-06-27, in force 2022-09-01. Its reply limits count working days "from
 * the day of receipt" (自收到之日起).
 */
const GD_MEASURES =
  "Guangdong Province 12345 Government Service Hotline Administrative Measures " +
  "《广东省12345政务服务便民热线管理办法》 (Guangdong Provincial Government General Office, 2022, in force 2022-09-01)";

/**
 * The default rules of the "guangdong" profile. Reply limits for consult, help, suggestion,
 * complaint and report are the Measures' own; praise, signing and urgent appeals are project
 * defaults (the Measures set no figure for them) that a city may override in `sla_rules`.
 */
export const GUANGDONG_DEFAULT_RULES: readonly SlaRule[] = [
  {
    id: "gd-sign-default",
    profile: "guangdong",
    clock: "sign",
    kind: null,
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 1,
    // Project default: signing (签收) within 1 working day of dispatch is common 12345 practice.
    source:
      "Project default: departments sign for (签收) a dispatched appeal within 1 working day, the common " +
      "practice of 12345 work rules (工单办理规范); the Measures set no signing limit — check the city's rules",
  },
  {
    id: "gd-sign-urgent",
    profile: "guangdong",
    clock: "sign",
    kind: null,
    urgency: "urgent",
    categoryPrefix: null,
    unit: "minutes",
    amount: 30,
    // Project default: urgent appeals (紧急诉求) are signed within 30 minutes, elapsed time.
    source:
      "Project default for urgent appeals (紧急诉求): sign within 30 minutes of dispatch, elapsed time, as " +
      "in common municipal 12345 rules; not a figure of the Measures — check the city's rules",
  },
  {
    id: "gd-reply-urgent",
    profile: "guangdong",
    clock: "reply",
    kind: null,
    urgency: "urgent",
    categoryPrefix: null,
    unit: "hours",
    amount: 24,
    // Project default: urgent appeals are answered within 24 hours of receipt, elapsed time.
    source:
      "Project default for urgent appeals (紧急诉求): reply within 24 hours of receipt, elapsed time, as in " +
      "common municipal 12345 rules; not a figure of the Measures — check the city's rules",
  },
  {
    id: "gd-reply-consult",
    profile: "guangdong",
    clock: "reply",
    kind: "consult",
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 2,
    // The Measures: consultations (咨询类) within 2 working days.
    source: `${GD_MEASURES}: consultations (咨询类) are handled and answered within 2 working days of receipt`,
  },
  {
    id: "gd-reply-help",
    profile: "guangdong",
    clock: "reply",
    kind: "help",
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 10,
    // The Measures: requests for help (求助类) within 10 working days.
    source: `${GD_MEASURES}: requests for help (求助类) are handled and answered within 10 working days of receipt`,
  },
  {
    id: "gd-reply-suggestion",
    profile: "guangdong",
    clock: "reply",
    kind: "suggestion",
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 10,
    // The Measures: suggestions (建议类) within 10 working days.
    source: `${GD_MEASURES}: suggestions (建议类) are handled and answered within 10 working days of receipt`,
  },
  {
    id: "gd-reply-complaint",
    profile: "guangdong",
    clock: "reply",
    kind: "complaint",
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 15,
    // The Measures: complaints (投诉类) within 15 working days.
    source: `${GD_MEASURES}: complaints (投诉类) are handled and answered within 15 working days of receipt`,
  },
  {
    id: "gd-reply-report",
    profile: "guangdong",
    clock: "reply",
    kind: "report",
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 15,
    // The Measures: reports (举报类) within 15 working days.
    source: `${GD_MEASURES}: reports (举报类) are handled and answered within 15 working days of receipt`,
  },
  {
    id: "gd-reply-praise",
    profile: "guangdong",
    clock: "reply",
    kind: "praise",
    urgency: null,
    categoryPrefix: null,
    unit: "working_days",
    amount: 10,
    // Project default: praise is not a kind of the Measures; it needs no investigation, only
    // forwarding to the praised unit and feedback, like a suggestion, so it takes the suggestion limit.
    source:
      `Project default: the Measures (${GD_MEASURES}) set no limit for praise (表扬类); praise needs no ` +
      "investigation, only forwarding to the praised unit and feedback, so it takes the 10 working days of " +
      "suggestions (建议类), the nearest kind",
  },
];

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

/**
 * The deadline a rule sets for a clock started at `from`: working days on the calendar (end of the
 * n-th working day after the day of `from`), or elapsed hours/minutes.
 */
export function applyRule(rule: SlaRule, calendar: WorkingCalendar, from: Date): Date {
  switch (rule.unit) {
    case "working_days":
      return calendar.addWorkingDays(from, rule.amount);
    case "hours":
      return addElapsedHours(from, rule.amount);
    case "minutes":
      return addElapsedMinutes(from, rule.amount);
  }
}

/** Chinese labels of the kinds, as in 投诉类. */
const KIND_ZH: Readonly<Record<AppealKind, string>> = {
  consult: "咨询类",
  help: "求助类",
  complaint: "投诉类",
  report: "举报类",
  suggestion: "建议类",
  praise: "表扬类",
};

/** English labels of the kinds, plural. */
const KIND_EN: Readonly<Record<AppealKind, string>> = {
  consult: "consultations",
  help: "requests for help",
  complaint: "complaints",
  report: "reports",
  suggestion: "suggestions",
  praise: "praise",
};

/** The scope of a rule in words, e.g. 紧急诉求 / urgent appeals. */
function describeScope(rule: SlaRule): { zh: string; en: string } {
  let zh = rule.kind !== null ? KIND_ZH[rule.kind] : "诉求";
  let en = rule.kind !== null ? KIND_EN[rule.kind] : "appeals";
  if (rule.urgency === "urgent") {
    zh = `紧急${zh}`;
    en = `urgent ${en}`;
  } else if (rule.urgency === "normal") {
    zh = `一般${zh}`;
    en = `non-urgent ${en}`;
  }
  if (rule.categoryPrefix !== null) {
    zh = `${zh}（分类 ${rule.categoryPrefix}*）`;
    en = `${en} in category ${rule.categoryPrefix}*`;
  }
  if (rule.kind === null && rule.urgency === null && rule.categoryPrefix === null) {
    zh = "全部诉求";
    en = "all appeals";
  }
  return { zh, en };
}

/** A rule's amount in words, e.g. 15 个工作日 / 15 working days. */
function describeAmount(rule: SlaRule): { zh: string; en: string } {
  const n = rule.amount;
  switch (rule.unit) {
    case "working_days":
      return { zh: `${n} 个工作日`, en: `${n} working ${n === 1 ? "day" : "days"}` };
    case "hours":
      return { zh: `${n} 小时`, en: `${n} ${n === 1 ? "hour" : "hours"} of elapsed time` };
    case "minutes":
      return { zh: `${n} 分钟`, en: `${n} ${n === 1 ? "minute" : "minutes"} of elapsed time` };
  }
}

/** A run of consecutive holiday dates with their distinct names. */
interface HolidayRun {
  first: string;
  last: string;
  names: string[];
}

/** Groups holiday overrides into runs of consecutive dates (a run may mix names, e.g. 国庆节、中秋节). */
function holidayRuns(days: readonly DayInfo[]): HolidayRun[] {
  const runs: HolidayRun[] = [];
  let previous: string | null = null;
  for (const day of days) {
    if (day.reason !== "holiday") continue;
    const run = runs.at(-1);
    if (run !== undefined && previous !== null && nextDate(previous) === day.date) {
      run.last = day.date;
      if (day.name !== undefined && !run.names.includes(day.name)) run.names.push(day.name);
    } else {
      runs.push({ first: day.date, last: day.date, names: day.name !== undefined ? [day.name] : [] });
    }
    previous = day.date;
  }
  return runs;
}

/** The civil date after `date` (`YYYY-MM-DD`). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A date range the way notices write it: 2024-10-01至07, 2025-01-28至02-04 (en: 2024-10-01..07). */
function formatRange(first: string, last: string, separator: string): string {
  if (first === last) return first;
  if (first.slice(0, 7) === last.slice(0, 7)) return `${first}${separator}${last.slice(8)}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `${first}${separator}${last.slice(5)}`;
  return `${first}${separator}${last}`;
}

/** What the calendar did inside a window, by date: holiday runs not counted, make-up days counted. */
function describeWindow(days: readonly DayInfo[]): { zh: string[]; en: string[] } {
  const items: { date: string; zh: string; en: string }[] = [];
  for (const run of holidayRuns(days)) {
    const names = run.names.join("、");
    items.push({
      date: run.first,
      zh: `${formatRange(run.first, run.last, "至")} ${names}不计`,
      en: `${formatRange(run.first, run.last, "..")} ${names} not counted`,
    });
  }
  for (const day of days) {
    if (day.reason !== "makeup_workday") continue;
    const name = day.name ?? "调休";
    items.push({
      date: day.date,
      zh: `${day.date} ${name}上班计入`,
      en: `make-up working day ${day.date} ${name} counted`,
    });
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { zh: items.map((item) => item.zh), en: items.map((item) => item.en) };
}

/**
 * One explanation line for a rule applied from `from`, e.g.
 * 答复期限: 投诉类 15 个工作日（自受理次日起算，2024-10-01至07 国庆节不计），截至 2024-10-25 24:00 /
 * reply within 15 working days for complaints (rule gd-reply-complaint; …), due 2024-10-25 24:00 +08:00
 */
function explainRule(
  rule: SlaRule,
  calendar: WorkingCalendar,
  from: Date,
  deadline: Date,
  start: { zh: string; en: string },
): string {
  const scope = describeScope(rule);
  const amount = describeAmount(rule);
  const clockZh = rule.clock === "sign" ? "签收期限" : "答复期限";
  const clockEn = rule.clock === "sign" ? "sign" : "reply";
  const due = formatChinaDeadline(deadline);
  if (rule.unit !== "working_days") {
    // Elapsed-time rules run through nights, weekends and holidays.
    return (
      `${clockZh}: ${scope.zh} ${amount.zh}（${start.zh}按自然时间连续计算，节假日照常计时），截至 ${due} / ` +
      `${clockEn} within ${amount.en} ${start.en} for ${scope.en} (rule ${rule.id}; ` +
      `nights, weekends and holidays count), due ${due} +08:00`
    );
  }
  const window = describeWindow(calendar.overridesInWindow(from, deadline));
  const detailZh = [`${start.zh}次日起算`, ...window.zh].join("，");
  const detailEn = [
    `rule ${rule.id}`,
    `counted from the day after ${start.en.replace(/^from /, "")}`,
    ...window.en,
  ].join("; ");
  return (
    `${clockZh}: ${scope.zh} ${amount.zh}（${detailZh}），截至 ${due} / ` +
    `${clockEn} within ${amount.en} ${start.en} for ${scope.en} (${detailEn}), due ${due} +08:00`
  );
}

/** Throws RangeError unless `d` is a valid Date. */
function assertValidDate(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} must be a valid Date`);
}

/**
 * The sign and reply deadlines of an appeal, with the reasons in words.
 *
 * - Rules: only those of `profile`; the most specific per clock (see {@link selectRule}).
 * - Reply: the reply rule applied from `receivedAt`, or from `reopenedAt` when the appeal was
 *   reopened (重办): a reopen gets a fresh, full window of the same rule.
 * - Extensions (延期): `extensionDays` working days are added AFTER the computed reply deadline:
 *   the deadline moves to the end of the `extensionDays`-th working day after the day on which it
 *   fell (for a working-day rule, the same as a rule `extensionDays` days longer).
 * - Sign: the sign rule applied from `dispatchedAt`; null until dispatched.
 * - Warning: at {@link WARN_FRACTION} (80 %) of the elapsed time from the window's start to the final
 *   `replyBy` (extensions included), rounded down to the millisecond.
 *
 * @throws NoSlaRuleError when the profile has no matching reply rule, or no sign rule for a
 *   dispatched appeal.
 * @throws RangeError on an invalid instant, a reopen before receipt, or `extensionDays` not an
 *   integer >= 0.
 */
export function computeDeadlines(input: ComputeDeadlinesInput): Deadlines {
  const { calendar, profile, appeal, receivedAt, dispatchedAt, extensionDays } = input;
  const reopenedAt = input.reopenedAt ?? null;
  assertValidDate(receivedAt, "receivedAt");
  if (dispatchedAt !== null) assertValidDate(dispatchedAt, "dispatchedAt");
  if (reopenedAt !== null) {
    assertValidDate(reopenedAt, "reopenedAt");
    if (reopenedAt.getTime() < receivedAt.getTime()) throw new RangeError("reopenedAt is before receivedAt");
  }
  if (!Number.isSafeInteger(extensionDays) || extensionDays < 0) {
    throw new RangeError(`extensionDays must be an integer >= 0, got ${extensionDays}`);
  }

  const rules = input.rules.filter((rule) => rule.profile === profile);
  const explanation: string[] = [];

  // Reply clock: from receipt, or afresh from the latest reopen.
  const replyRule = selectRule(rules, "reply", appeal);
  if (replyRule === null) throw new NoSlaRuleError("reply", profile, appeal);
  const replyStart = reopenedAt ?? receivedAt;
  const baseReplyBy = applyRule(replyRule, calendar, replyStart);
  const startWords =
    reopenedAt !== null ? { zh: "自重办", en: "from the reopen" } : { zh: "自受理", en: "from receipt" };
  explanation.push(explainRule(replyRule, calendar, replyStart, baseReplyBy, startWords));
  if (reopenedAt !== null) {
    const on = chinaDateOf(reopenedAt);
    explanation.push(
      `重办: ${on} 重办，按同一规则（${replyRule.id}）重新起算完整期限 / ` +
        `reopened on ${on}: a fresh full window of the same rule (${replyRule.id})`,
    );
  }

  // Extensions: working days after the computed deadline; 1 ms back so that a midnight deadline
  // counts from the day it ends, not from the next day.
  let replyBy = baseReplyBy;
  if (extensionDays > 0) {
    replyBy = calendar.addWorkingDays(new Date(baseReplyBy.getTime() - 1), extensionDays);
    const window = describeWindow(calendar.overridesInWindow(new Date(baseReplyBy.getTime() - 1), replyBy));
    const due = formatChinaDeadline(replyBy);
    const noteZh = window.zh.length > 0 ? `（${window.zh.join("，")}）` : "";
    const noteEn = window.en.length > 0 ? ` (${window.en.join("; ")})` : "";
    explanation.push(
      `延期: 已批准延期 ${extensionDays} 个工作日${noteZh}，答复期限顺延至 ${due} / ` +
        `approved extensions add ${extensionDays} working ${extensionDays === 1 ? "day" : "days"}${noteEn}, ` +
        `reply due ${due} +08:00`,
    );
  }

  // Warning: 80 % of the whole reply window, elapsed time.
  const warnAt = new Date(
    replyStart.getTime() + Math.floor((replyBy.getTime() - replyStart.getTime()) * WARN_FRACTION),
  );
  explanation.push(
    `预警: 答复时限过去 ${WARN_FRACTION * 100}% 时预警，即 ${formatChinaDeadline(warnAt)} / ` +
      `warning at ${WARN_FRACTION * 100}% of the reply window (elapsed time), ${formatChinaDeadline(warnAt)} +08:00`,
  );

  // Sign clock: from dispatch only.
  const signRule = selectRule(rules, "sign", appeal);
  let signBy: Date | null = null;
  if (dispatchedAt === null) {
    explanation.push(
      signRule !== null
        ? `签收期限: 尚未派单，派单后按规则 ${signRule.id} 起算 / sign clock starts at dispatch (rule ${signRule.id}); not dispatched yet`
        : "签收期限: 尚未派单 / sign clock starts at dispatch; not dispatched yet",
    );
  } else {
    if (signRule === null) throw new NoSlaRuleError("sign", profile, appeal);
    signBy = applyRule(signRule, calendar, dispatchedAt);
    explanation.push(
      explainRule(signRule, calendar, dispatchedAt, signBy, { zh: "自派单", en: "from dispatch" }),
    );
  }

  return { signBy, replyBy, warnAt, explanation };
}

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
