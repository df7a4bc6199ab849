import { type CaseState, RESULT_STATUSES, type SubcaseCore } from "../../../common/case-state.ts";
import type { WorkingCalendar } from "../sla/working-calendar.ts";

/** One clock of a sub-case (法定时限 or 承诺时限), in working days on the working calendar. */
export interface ClockView {
  limitDays: number;
  dueAt: string | null;
  /** Working days used so far, suspensions excluded; null before dispatch. */
  usedDays: number | null;
  remainingDays: number | null;
  /** Stopped (不计时: 补正, 公示, 专家评审). */
  paused: boolean;
  /** Late: the result came, or now is, at or after the due instant (while paused: the pause began late). */
  overdue: boolean;
}

function clock(
  sub: SubcaseCore,
  limitDays: number,
  dueAt: string | null,
  now: Date,
  cal: WorkingCalendar,
): ClockView {
  const paused = sub.suspendedAt !== null;
  if (!sub.dispatchedAt || sub.status === "waiting") {
    return { limitDays, dueAt: null, usedDays: null, remainingDays: null, paused: false, overdue: false };
  }
  const end = new Date(sub.resultAt ?? sub.suspendedAt ?? now.toISOString());
  const used = Math.max(0, cal.workingDaysBetween(new Date(sub.dispatchedAt), end) - sub.suspendedDays);
  return {
    limitDays,
    dueAt,
    usedDays: used,
    remainingDays: limitDays - used,
    paused,
    overdue: dueAt !== null && end.getTime() >= Date.parse(dueAt),
  };
}

/** Both clocks of a sub-case as of `now`. */
export function clocksOf(
  sub: SubcaseCore,
  now: Date,
  cal: WorkingCalendar,
): { legal: ClockView; promised: ClockView } {
  return {
    legal: clock(sub, sub.legalDays, sub.legalDueAt, now, cal),
    promised: clock(sub, sub.promisedDays, sub.promisedDueAt, now, cal),
  };
}

/**
 * When each sub-case is expected to finish, and the case (the latest, along the critical path of
 * the dependency graph): a result is its date; a running sub-case its promised due date (or now,
 * when already late); a paused one now plus its remaining promised days; a waiting one the latest
 * of its predecessors plus its own promised days. Cancelled sub-cases do not count for the case.
 */
export function expectedFinish(
  s: CaseState,
  now: Date,
  cal: WorkingCalendar,
): { bySubcase: Record<string, string>; case: string | null } {
  const out: Record<string, string> = {};
  const byId = new Map(s.subcases.map((x) => [x.id, x]));
  const visit = (sub: SubcaseCore, depth: number): string => {
    if (out[sub.id]) return out[sub.id]!;
    let t: string;
    if (RESULT_STATUSES.has(sub.status)) t = sub.resultAt!;
    else if (sub.status === "waiting") {
      const preds = depth > s.subcases.length ? [] : sub.dependsOn.map((d) => byId.get(d)).filter((x) => !!x);
      const start = [now.toISOString(), ...preds.map((p) => visit(p!, depth + 1))].sort().at(-1)!;
      // 1 ms back: a predecessor due at midnight ends the day before, which must not count twice.
      t = cal.addWorkingDays(new Date(Date.parse(start) - 1), sub.promisedDays).toISOString();
    } else if (sub.suspendedAt) {
      const remaining = Math.max(
        0,
        clock(sub, sub.promisedDays, sub.promisedDueAt, now, cal).remainingDays ?? 0,
      );
      t = cal.addWorkingDays(now, remaining).toISOString();
    } else {
      // A running sub-case finishes by its promised date, or (already late) not before now.
      t = [sub.promisedDueAt ?? now.toISOString(), now.toISOString()].sort().at(-1)!;
    }
    out[sub.id] = t;
    return t;
  };
  for (const sub of s.subcases) visit(sub, 0);
  const counted = s.subcases.filter((x) => x.status !== "cancelled").map((x) => out[x.id]!);
  const last = counted.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  return { bySubcase: out, case: s.case.status === "completed" ? s.case.completedAt : last };
}
