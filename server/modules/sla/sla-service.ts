import { sql } from "kysely";
import type { AppealKind, Urgency } from "../../../common/appeal-state.ts";
import type { Tx } from "../../storage/database.ts";
import { computeDeadlines, GUANGDONG_DEFAULT_RULES, type SlaRule, WARN_FRACTION } from "./sla-rules.ts";
import { type CalendarDay, WorkingCalendar } from "./working-calendar.ts";

/** What deadlines depend on. */
export interface DeadlineSubject {
  kind: AppealKind;
  urgency: Urgency;
  categoryCode: string | null;
  receivedAt: Date | string;
  extensionDays: number;
}

/** The default rule set: Guangdong's (广东省 12345 热线 time limits). */
export const DEFAULT_SLA_PROFILE = "guangdong";

/**
 * Deadlines for the life cycle, from the rules and the working calendar held in memory (both are
 * rows an admin edits; {@link SlaService.load} reads them again after an edit).
 */
export class SlaService {
  constructor(
    readonly rules: readonly SlaRule[],
    readonly calendar: WorkingCalendar,
    readonly profile: string = DEFAULT_SLA_PROFILE,
  ) {}

  /** Reads rules, calendar and the active profile from the database. */
  static async load(db: Tx): Promise<SlaService> {
    const [rules, days, setting] = await Promise.all([
      db.selectFrom("sla_rules").selectAll().execute(),
      db
        .selectFrom("calendar_days")
        .select([sql<string>`date::text`.as("date"), "type", "name"])
        .execute(),
      db.selectFrom("settings").select("value").where("key", "=", "sla.profile").executeTakeFirst(),
    ]);
    const profile = typeof setting?.value === "string" ? setting.value : DEFAULT_SLA_PROFILE;
    return new SlaService(
      rules.map((r) => ({
        id: r.id,
        profile: r.profile,
        clock: r.clock as SlaRule["clock"],
        kind: r.kind as SlaRule["kind"],
        urgency: r.urgency as SlaRule["urgency"],
        categoryPrefix: r.category_prefix,
        unit: r.unit as SlaRule["unit"],
        amount: r.amount,
        source: r.source,
      })),
      new WorkingCalendar(
        days.map((d) => ({ date: d.date, type: d.type as CalendarDay["type"], name: d.name })),
      ),
      profile,
    );
  }

  /** A service over the shipped defaults (tests and first start). */
  static defaults(days: readonly CalendarDay[]): SlaService {
    return new SlaService(GUANGDONG_DEFAULT_RULES, new WorkingCalendar(days));
  }

  private compute(
    s: DeadlineSubject,
    dispatchedAt: Date | null,
    reopenedAt: Date | null,
    extensionDays: number,
  ) {
    return computeDeadlines({
      rules: this.rules,
      calendar: this.calendar,
      profile: this.profile,
      appeal: { kind: s.kind, urgency: s.urgency, categoryCode: s.categoryCode },
      receivedAt: new Date(s.receivedAt),
      dispatchedAt,
      extensionDays,
      reopenedAt,
    });
  }

  /** At receipt: the reply clock starts (sign clock waits for dispatch). */
  onReceive(s: Omit<DeadlineSubject, "extensionDays">): { replyBy: Date; warnAt: Date } {
    return this.compute({ ...s, extensionDays: 0 }, null, null, 0);
  }

  /** At dispatch: sign-by from now; reply-by from receipt with the (now known) category. */
  onDispatch(s: DeadlineSubject, at: Date): { signBy: Date; replyBy: Date; warnAt: Date } {
    const d = this.compute(s, at, null, s.extensionDays);
    return { signBy: d.signBy!, replyBy: d.replyBy, warnAt: d.warnAt };
  }

  /** Sign-by for a department that receives the appeal at `at` (transfer). */
  signBy(s: DeadlineSubject, at: Date): Date {
    return this.compute(s, at, null, 0).signBy!;
  }

  /** At a reopen (重办): a fresh full reply window of the same rule. */
  onReopen(s: DeadlineSubject, at: Date): { replyBy: Date; warnAt: Date } {
    return this.compute(s, null, at, 0);
  }

  /** An approved extension of `days` working days after the current reply-by. */
  extend(replyBy: Date | string, days: number, windowStart: Date | string): { replyBy: Date; warnAt: Date } {
    const base = new Date(replyBy);
    // 1 ms back so a midnight deadline counts from the day it ends, not from the next day.
    const next = this.calendar.addWorkingDays(new Date(base.getTime() - 1), days);
    const start = new Date(windowStart).getTime();
    return { replyBy: next, warnAt: new Date(start + Math.floor((next.getTime() - start) * WARN_FRACTION)) };
  }

  /** Why the deadlines are what they are, in Chinese and English, one line per decision. */
  explain(
    s: DeadlineSubject,
    dispatchedAt: Date | string | null,
    reopenedAt: Date | string | null,
  ): string[] {
    return this.compute(
      s,
      dispatchedAt ? new Date(dispatchedAt) : null,
      reopenedAt ? new Date(reopenedAt) : null,
      s.extensionDays,
    ).explanation;
  }
}
