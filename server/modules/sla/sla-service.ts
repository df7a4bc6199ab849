import { sql } from "kysely";
import type { AppealKind, Urgency } from "../../../common/appeal-state.ts";
import type { Tx } from "../../storage/database.ts";
import { computeDeadlines, WARN_FRACTION } from "./compute-deadlines.ts";
import { DEFAULT_SLA_PROFILE, GUANGDONG_DEFAULT_RULES, SLA_PROFILE_SETTING } from "./rule-profiles.ts";
import type { SlaRule } from "./sla-rule.types.ts";
import { type CalendarDay, WorkingCalendar } from "./working-calendar.ts";

/** What deadlines depend on. */
export interface DeadlineSubject {
  kind: AppealKind;
  urgency: Urgency;
  categoryCode: string | null;
  receivedAt: Date | string;
  extensionDays: number;
}

/**
 * A fingerprint of everything {@link SlaService.load} reads (rules, calendar overrides, the active
 * profile): an md5 over the rows in key order, a few hundred rows, so cheap enough to compare every
 * minute. Any edit, from any instance or by hand in SQL, changes it.
 */
export async function readSlaStamp(db: Tx): Promise<string> {
  const row = await sql<{ stamp: string }>`
    select md5(
      coalesce((select string_agg(concat_ws('|', id, profile, clock, coalesce(kind, '*'), coalesce(urgency, '*'),
                  coalesce(category_prefix, '*'), unit, amount, source), chr(10) order by id) from sla_rules), '')
      || '#' || coalesce((select string_agg(date::text || '|' || type || '|' || name, chr(10) order by date)
                  from calendar_days), '')
      || '#' || coalesce((select value::text from settings where key = ${SLA_PROFILE_SETTING}), '')
    ) as stamp`.execute(db);
  return row.rows[0]?.stamp ?? "";
}

/**
 * Deadlines for the life cycle, from the rules and the working calendar held in memory (both are
 * rows an admin edits; {@link SlaService.load} reads them again after an edit in this process, and
 * the per-process `sla-refresh` job in every other process when their {@link readSlaStamp} changed).
 */
export class SlaService {
  constructor(
    readonly rules: readonly SlaRule[],
    readonly calendar: WorkingCalendar,
    readonly profile: string = DEFAULT_SLA_PROFILE,
    /** The {@link readSlaStamp} of the data this service was loaded from ("" when not from the database). */
    readonly stamp: string = "",
  ) {}

  /** Reads rules, calendar and the active profile from the database. */
  static async load(db: Tx): Promise<SlaService> {
    // The stamp first: an edit racing the load then only causes one more reload, never a missed one.
    const stamp = await readSlaStamp(db);
    const [rules, days, setting] = await Promise.all([
      db.selectFrom("sla_rules").selectAll().execute(),
      db
        .selectFrom("calendar_days")
        .select([sql<string>`date::text`.as("date"), "type", "name"])
        .execute(),
      db.selectFrom("settings").select("value").where("key", "=", SLA_PROFILE_SETTING).executeTakeFirst(),
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
      stamp,
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
