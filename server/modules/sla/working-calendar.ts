/**
 * The Chinese working calendar (工作日历): Monday–Friday are working days and Saturday/Sunday are
 * rest days, unless an override row says otherwise — a public holiday (法定节假日) or a 调休
 * make-up working day (补班, usually a Saturday or Sunday). Override rows come from data (the
 * `calendar_days` table, seeded from the State Council notices and extendable by an admin).
 *
 * All day arithmetic is done in China time, Asia/Shanghai, which is a fixed UTC+08:00 with no
 * daylight saving time. Nothing here reads the machine's local time zone.
 */
import { CHINA_OFFSET_MS, chinaDate } from "../../platform/china-time.ts";

/** Milliseconds in one day. */
const DAY_MS = 86_400_000;
/** Milliseconds in one hour. */
const HOUR_MS = 3_600_000;
/** Milliseconds in one minute. */
const MINUTE_MS = 60_000;
/** Guard against an admin calendar that marks (almost) everything as holidays. */
const MAX_CONSECUTIVE_REST_DAYS = 3_660;

/** What an override row does to its date. */
export type CalendarDayType = "holiday" | "workday";

/**
 * One override of the default rule (Mon–Fri work, Sat/Sun rest), as stored in `calendar_days`.
 * `holiday`: a rest day (e.g. 春节 on a Tuesday); `workday`: a make-up working day (e.g. 春节调休 on a
 * Sunday).
 */
export interface CalendarDay {
  /** Civil date in China, `YYYY-MM-DD`. */
  date: string;
  type: CalendarDayType;
  /** Chinese name: the holiday (春节, 国庆节, …) or the make-up day (春节调休, …). */
  name: string;
}

/** Why a day is or is not a working day. */
export type DayReason = "weekday" | "weekend" | "holiday" | "makeup_workday";

/** The resolved status of one civil date. */
export interface DayInfo {
  /** Civil date in China, `YYYY-MM-DD`. */
  date: string;
  working: boolean;
  reason: DayReason;
  /** The override's name, present when an override row applies. */
  name?: string;
}

/** `YYYY-MM-DD` with a plausible month and day; the exact calendar check is done by round trip. */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a civil date string; throws RangeError on a malformed or impossible date. */
function parseDayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (match === null) {
    throw new RangeError(`invalid date "${date}": expected YYYY-MM-DD`);
  }
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Date.UTC rolls 02-30 over to 03-02; the round trip rejects such dates.
  if (formatDayNumber(ms / DAY_MS) !== date) {
    throw new RangeError(`invalid date "${date}": no such calendar day`);
  }
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
function formatDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Throws RangeError unless `d` is a valid Date. */
function assertValidDate(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`${what} must be a valid Date`);
  }
}

/** The China civil day (days since 1970-01-01 in +08:00) that contains the instant. */
function chinaDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + CHINA_OFFSET_MS) / DAY_MS);
}

/** The instant 00:00:00 +08:00 at the start of a China day number. */
function startOfChinaDay(day: number): Date {
  return new Date(day * DAY_MS - CHINA_OFFSET_MS);
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The civil date in China (`YYYY-MM-DD`, +08:00) of an instant, whatever the machine's time zone.
 * @example chinaDateOf(new Date("2024-09-30T16:30:00Z")) === "2024-10-01"
 */
export function chinaDateOf(instant: Date): string {
  assertValidDate(instant, "instant");
  return chinaDate(instant);
}

/**
 * The instant at which a China civil date starts, i.e. `YYYY-MM-DDT00:00:00+08:00`.
 * @throws RangeError on a malformed or impossible date.
 */
export function chinaStartOfDay(date: string): Date {
  return startOfChinaDay(parseDayNumber(date));
}

/**
 * Formats a deadline instant in China time as `YYYY-MM-DD HH:mm`. An instant at exactly 00:00 +08:00
 * is the END of the previous day and is written `YYYY-MM-DD 24:00` with the previous date, which
 * is how a working-day deadline reads in Chinese notices ("10月25日24时前").
 */
export function formatChinaDeadline(instant: Date): string {
  assertValidDate(instant, "instant");
  const local = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const iso = local.toISOString();
  // A midnight deadline reads better as 24:00 of the day it ends than as 00:00 of the next.
  if (iso.slice(11, 23) === "00:00:00.000") {
    return `${formatDayNumber(chinaDayNumber(instant) - 1)} 24:00`;
  }
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * `from` plus `hours` of elapsed clock time. Urgent rules (e.g. "reply within 24 hours") count
 * elapsed time, not working time: nights, weekends and holidays all count.
 * @throws RangeError when `hours` is negative or not finite, or `from` is invalid.
 */
export function addElapsedHours(from: Date, hours: number): Date {
  assertValidDate(from, "from");
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`hours must be a finite number >= 0, got ${hours}`);
  }
  return new Date(from.getTime() + Math.round(hours * HOUR_MS));
}

/**
 * `from` plus `minutes` of elapsed clock time (e.g. "sign an urgent appeal within 30 minutes").
 * @throws RangeError when `minutes` is negative or not finite, or `from` is invalid.
 */
export function addElapsedMinutes(from: Date, minutes: number): Date {
  assertValidDate(from, "from");
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  }
  return new Date(from.getTime() + Math.round(minutes * MINUTE_MS));
}

/**
 * A working calendar built from override rows. Dates without a row follow the default rule:
 * Monday–Friday working, Saturday/Sunday rest. Immutable after construction.
 */
export class WorkingCalendar {
  /** Override rows by day number. */
  readonly #overrides = new Map<number, CalendarDay>();
  /** Years (China civil years) with at least one override row. */
  readonly #years = new Set<number>();

  /**
   * @param days override rows; a date may appear twice only with the same type (the first name wins).
   * @throws RangeError on a malformed date, an unknown type, or two rows of different types for one date.
   */
  constructor(days: readonly CalendarDay[]) {
    for (const row of days) {
      const day = parseDayNumber(row.date);
      if (row.type !== "holiday" && row.type !== "workday") {
        throw new RangeError(`calendar day ${row.date}: unknown type "${String(row.type)}"`);
      }
      const existing = this.#overrides.get(day);
      if (existing !== undefined) {
        // Contradicting rows would make deadlines depend on row order; refuse them.
        if (existing.type !== row.type) {
          throw new RangeError(`calendar day ${row.date} is both a holiday and a make-up workday`);
        }
        continue;
      }
      this.#overrides.set(day, { date: row.date, type: row.type, name: row.name });
      this.#years.add(Number(row.date.slice(0, 4)));
    }
  }

  /**
   * Whether any override row falls in `year`. A year without rows is almost certainly a year whose
   * State Council holiday notice has not been loaded yet (published each November for the next year).
   */
  coversYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** Whether a China civil date (`YYYY-MM-DD`) is a working day. */
  isWorkingDay(date: string): boolean {
    return this.#isWorkingDayNumber(parseDayNumber(date));
  }

  /** The status of a China civil date (`YYYY-MM-DD`) and why. */
  dayInfo(date: string): DayInfo {
    return this.#dayInfoOf(parseDayNumber(date));
  }

  /**
   * The deadline "within `n` working days from receipt" (自受理之日起 n 个工作日内).
   *
   * - The day of `from` (in China time) never counts, whatever the hour: counting starts on the
   *   first working day AFTER it. A receipt on Friday evening, on a holiday or on a make-up Sunday
   *   all make the next working day day 1.
   * - The deadline is the END of the n-th working day, 24:00 +08:00, returned as the instant
   *   00:00:00+08:00 of the next calendar day. Presenters may display it as 23:59:59.
   * - `n = 0` gives the end of the receipt day itself (24:00 of the day of `from`).
   * - The instant returned is the first instant that is late: an action at `t` is on time iff
   *   `t < deadline`.
   *
   * @param from the receipt (or dispatch) instant.
   * @param n an integer >= 0.
   * @throws RangeError when `n` is not an integer >= 0 or `from` is invalid.
   */
  addWorkingDays(from: Date, n: number): Date {
    assertValidDate(from, "from");
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`n must be an integer >= 0, got ${n}`);
    }
    return startOfChinaDay(this.#nthWorkingDayAfter(chinaDayNumber(from), n) + 1);
  }

  /**
   * The number of working days between two instants, the inverse of {@link addWorkingDays}: the
   * working days strictly after the China date of `a` that have begun before `b`. Equivalently, the
   * smallest `n` with `addWorkingDays(a, n) >= b`, so `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   * A day counts as soon as any part of it has passed (a reply at Wednesday 15:00 to a Monday appeal
   * took 2 working days). When `b < a` the result is `-workingDaysBetween(b, a)`.
   */
  workingDaysBetween(a: Date, b: Date): number {
    assertValidDate(a, "a");
    assertValidDate(b, "b");
    if (b.getTime() < a.getTime()) {
      return -this.workingDaysBetween(b, a);
    }
    const first = chinaDayNumber(a) + 1;
    // The last day that has begun before b: midnight belongs to the day it ends.
    const last = chinaDayNumber(new Date(b.getTime() - 1));
    let count = 0;
    for (let day = first; day <= last; day++) {
      if (this.#isWorkingDayNumber(day)) count++;
    }
    return count;
  }

  /**
   * The days strictly after the China date of `from` up to the day that ends at or contains `until`
   * (midnight belongs to the day it ends) whose status comes from an override row: the holidays
   * skipped and the make-up working days counted by a deadline window. Sorted by date.
   */
  overridesInWindow(from: Date, until: Date): DayInfo[] {
    assertValidDate(from, "from");
    assertValidDate(until, "until");
    const first = chinaDayNumber(from) + 1;
    const last = chinaDayNumber(new Date(until.getTime() - 1));
    const result: DayInfo[] = [];
    for (let day = first; day <= last; day++) {
      if (this.#overrides.has(day)) result.push(this.#dayInfoOf(day));
    }
    return result;
  }

  /** Every day of a year (China civil calendar) with its status, January 1 to December 31. */
  year(year: number): DayInfo[] {
    if (!Number.isSafeInteger(year) || year < 1000 || year > 9998) {
      throw new RangeError(`year must be an integer in 1000..9998, got ${year}`);
    }
    const first = parseDayNumber(`${year}-01-01`);
    const end = parseDayNumber(`${year + 1}-01-01`);
    const result: DayInfo[] = [];
    for (let day = first; day < end; day++) result.push(this.#dayInfoOf(day));
    return result;
  }

  /** The day number of the n-th working day after `day` (`day` itself when n = 0). */
  #nthWorkingDayAfter(day: number, n: number): number {
    let current = day;
    let counted = 0;
    let restRun = 0;
    while (counted < n) {
      current++;
      if (this.#isWorkingDayNumber(current)) {
        counted++;
        restRun = 0;
      } else if (++restRun > MAX_CONSECUTIVE_REST_DAYS) {
        throw new RangeError(
          "working calendar has no working day in ten years; check the calendar_days rows",
        );
      }
    }
    return current;
  }

  /** Override first, then the weekend rule. */
  #isWorkingDayNumber(day: number): boolean {
    const override = this.#overrides.get(day);
    if (override !== undefined) return override.type === "workday";
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  }

  /** Resolves one day number to its {@link DayInfo}. */
  #dayInfoOf(day: number): DayInfo {
    const date = formatDayNumber(day);
    const weekday = weekdayOf(day);
    const weekend = weekday === 0 || weekday === 6;
    const override = this.#overrides.get(day);
    if (override === undefined) {
      return { date, working: !weekend, reason: weekend ? "weekend" : "weekday" };
    }
    if (override.type === "holiday") {
      return { date, working: false, reason: "holiday", name: override.name };
    }
    // A workday row on a Monday–Friday changes nothing; only a weekend one is a make-up day.
    return { date, working: true, reason: weekend ? "makeup_workday" : "weekday", name: override.name };
  }
}
