/**
 * Deadline arithmetic: the sign-by (签收) and reply-by (答复) instants a rule set gives an appeal on
 * the Chinese working calendar, extensions (延期) and the 80 % warning. Pure: no database, no clock;
 * the caller passes rules, calendar and instants.
 */
import { describeWindow, explainRule } from "./explain-deadlines.ts";
import { selectRule } from "./select-rule.ts";
import {
  type ComputeDeadlinesInput,
  type Deadlines,
  NoSlaRuleError,
  type SlaRule,
} from "./sla-rule.types.ts";
import {
  addElapsedHours,
  addElapsedMinutes,
  chinaDateOf,
  formatChinaDeadline,
  type WorkingCalendar,
} from "./working-calendar.ts";

/** The warning point, as a fraction of the reply window. */
export const WARN_FRACTION = 0.8;

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
