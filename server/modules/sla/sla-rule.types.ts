/**
 * The vocabulary of SLA rules: what a rule says (clock, scope, unit, amount, source), the facts of an
 * appeal that select a rule, and what a rule set yields (deadlines with their explanation).
 */
import type { WorkingCalendar } from "./working-calendar.ts";

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

/** Chinese names of the kinds, as in 投诉类. */
export const KIND_ZH: Readonly<Record<AppealKind, string>> = {
  consult: "咨询类",
  help: "求助类",
  complaint: "投诉类",
  report: "举报类",
  suggestion: "建议类",
  praise: "表扬类",
};

/** English names of the kinds, plural. */
export const KIND_EN: Readonly<Record<AppealKind, string>> = {
  consult: "consultations",
  help: "requests for help",
  complaint: "complaints",
  report: "reports",
  suggestion: "suggestions",
  praise: "praise",
};

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

/** The input of `computeDeadlines` (compute-deadlines.ts). */
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

/** One problem found in a rule or a rule set (see `validate-rules.ts`). */
export interface RuleProblem {
  /** The offending field, e.g. "amount" or "rules[3].kind". */
  field: string;
  /** Chinese / English message for the admin. */
  message: string;
}

/** Thrown when no rule of the profile matches an appeal. */
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
