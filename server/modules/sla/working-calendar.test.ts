/**
 * Tests of the working calendar and its seed. Every expected holiday and make-up date below was
 * checked against the data of the installed `chinese-days` 1.5.7 package
 * (node_modules/chinese-days/dist/chinese-days.json), which transcribes the State Council notices:
 * 2024 gov.cn/zhengce/content/202310/content_6911527.htm; 2025 国办发明电〔2024〕12号
 * (gov.cn/zhengce/zhengceku/202411/content_6986383.htm); 2026 gov.cn/zhengce/zhengceku/202511/content_7047091.htm.
 * The expected deadlines were recomputed independently from that JSON (weekday rule + overrides).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import chineseDays from "chinese-days";
import { CHINESE_DAYS_YEARS, calendarDaysFromChineseDays } from "./calendar-seed.ts";
import {
  addElapsedHours,
  addElapsedMinutes,
  type CalendarDay,
  chinaDateOf,
  chinaStartOfDay,
  type DayReason,
  formatChinaDeadline,
  WorkingCalendar,
} from "./working-calendar.ts";

const calendar = new WorkingCalendar(calendarDaysFromChineseDays([2024, 2025, 2026, 2027]));

/** The instant a working-day deadline ending on `date` returns: 00:00 +08:00 of the next day. */
function endOfChinaDay(date: string): Date {
  return new Date(chinaStartOfDay(date).getTime() + 86_400_000);
}

describe("calendarDaysFromChineseDays", () => {
  it("covers 2024–2026 from the package; 2027 is not in chinese-days 1.5.7", () => {
    for (const year of [2024, 2025, 2026]) assert.ok(CHINESE_DAYS_YEARS.includes(year));
    assert.ok(!CHINESE_DAYS_YEARS.includes(2027));
    assert.ok(calendar.coversYear(2026));
    assert.equal(calendar.coversYear(2027), false);
    assert.deepEqual(calendarDaysFromChineseDays([2027]), []);
  });

  it("names holidays and make-up days in Chinese, sorted by date", () => {
    const rows = calendarDaysFromChineseDays([2024]);
    assert.deepEqual(rows.slice(0, 3), [
      { date: "2024-01-01", type: "holiday", name: "元旦" },
      { date: "2024-02-04", type: "workday", name: "春节调休" },
      { date: "2024-02-10", type: "holiday", name: "春节" },
    ]);
    const names = new Set(rows.map((row) => row.name));
    for (const name of ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节调休"]) {
      assert.ok(names.has(name), name);
    }
    const dates = rows.map((row) => row.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(rows.every((row) => row.date.startsWith("2024-")));
  });

  it("rejects a non-integer year", () => {
    assert.throws(() => calendarDaysFromChineseDays([2024.5]), RangeError);
  });

  // The package's own isWorkday() reads dates in the machine's zone and is wrong west of UTC (e.g. it
  // calls 2024-01-01 a working day under TZ=America/New_York), so the cross-check runs only east of it.
  const westOfUtc = new Date(2024, 0, 1).getTimezoneOffset() > 0;
  it("agrees with chinese-days' own isWorkday on every day of 2024–2026", { skip: westOfUtc }, () => {
    for (const year of [2024, 2025, 2026]) {
      for (const day of calendar.year(year)) {
        const [y, m, d] = day.date.split("-").map(Number) as [number, number, number];
        assert.equal(day.working, chineseDays.isWorkday(new Date(y, m - 1, d, 12)), day.date);
      }
    }
  });
});

describe("WorkingCalendar day status", () => {
  // [date, working, reason, name] — source: chinese-days 1.5.7 JSON (see the file header).
  const cases: [string, boolean, DayReason, string | undefined][] = [
    // 2024 Spring Festival 02-10..17; make-up Sun 02-04 and Sun 02-18; 除夕 02-09 is a working Friday.
    ["2024-02-04", true, "makeup_workday", "春节调休"],
    ["2024-02-09", true, "weekday", undefined],
    ["2024-02-10", false, "holiday", "春节"],
    ["2024-02-12", false, "holiday", "春节"],
    ["2024-02-17", false, "holiday", "春节"],
    ["2024-02-18", true, "makeup_workday", "春节调休"],
    ["2024-02-19", true, "weekday", undefined],
    // 2024 Qingming 04-04..06 with make-up Sun 04-07; Labour Day 05-01..05 with 04-28 and 05-11.
    ["2024-04-05", false, "holiday", "清明节"],
    ["2024-04-07", true, "makeup_workday", "清明节调休"],
    ["2024-04-28", true, "makeup_workday", "劳动节调休"],
    ["2024-05-11", true, "makeup_workday", "劳动节调休"],
    ["2024-06-10", false, "holiday", "端午节"],
    // 2024 Mid-Autumn 09-15..17 with make-up Sat 09-14.
    ["2024-09-14", true, "makeup_workday", "中秋节调休"],
    ["2024-09-17", false, "holiday", "中秋节"],
    // 2024 National Day 10-01..07 with make-up Sun 09-29 and Sat 10-12.
    ["2024-09-29", true, "makeup_workday", "国庆节调休"],
    ["2024-10-01", false, "holiday", "国庆节"],
    ["2024-10-07", false, "holiday", "国庆节"],
    ["2024-10-08", true, "weekday", undefined],
    ["2024-10-12", true, "makeup_workday", "国庆节调休"],
    ["2024-10-13", false, "weekend", undefined],
    // 2025 New Year 01-01 (Wed, no make-up); Spring Festival 01-28..02-04 with Sun 01-26 and Sat 02-08.
    ["2025-01-01", false, "holiday", "元旦"],
    ["2025-01-26", true, "makeup_workday", "春节调休"],
    ["2025-01-27", true, "weekday", undefined],
    ["2025-01-28", false, "holiday", "春节"],
    ["2025-02-04", false, "holiday", "春节"],
    ["2025-02-05", true, "weekday", undefined],
    ["2025-02-08", true, "makeup_workday", "春节调休"],
    // 2025 Labour Day 05-01..05 with Sun 04-27; Dragon Boat 05-31..06-02.
    ["2025-04-27", true, "makeup_workday", "劳动节调休"],
    ["2025-05-05", false, "holiday", "劳动节"],
    ["2025-06-02", false, "holiday", "端午节"],
    // 2025 National Day + Mid-Autumn 10-01..08 (10-06 is 中秋节) with Sun 09-28 and Sat 10-11.
    ["2025-09-28", true, "makeup_workday", "国庆节调休"],
    ["2025-10-06", false, "holiday", "中秋节"],
    ["2025-10-08", false, "holiday", "国庆节"],
    ["2025-10-09", true, "weekday", undefined],
    ["2025-10-11", true, "makeup_workday", "国庆节调休"],
    ["2025-10-12", false, "weekend", undefined],
    // 2026 New Year 01-01..03 with Sun 01-04; Spring Festival 02-15..23 with Sat 02-14 and Sat 02-28.
    ["2026-01-02", false, "holiday", "元旦"],
    ["2026-01-04", true, "makeup_workday", "元旦调休"],
    ["2026-02-14", true, "makeup_workday", "春节调休"],
    ["2026-02-15", false, "holiday", "春节"],
    ["2026-02-23", false, "holiday", "春节"],
    ["2026-02-24", true, "weekday", undefined],
    ["2026-02-28", true, "makeup_workday", "春节调休"],
    // 2026 Qingming 04-04..06; Labour Day 05-01..05 with Sat 05-09; Dragon Boat 06-19..21.
    ["2026-04-06", false, "holiday", "清明节"],
    ["2026-05-05", false, "holiday", "劳动节"],
    ["2026-05-09", true, "makeup_workday", "劳动节调休"],
    ["2026-06-19", false, "holiday", "端午节"],
    // 2026 Mid-Autumn 09-25..27; National Day 10-01..07 with Sun 09-20 and Sat 10-10.
    ["2026-09-20", true, "makeup_workday", "国庆节调休"],
    ["2026-09-25", false, "holiday", "中秋节"],
    ["2026-10-01", false, "holiday", "国庆节"],
    ["2026-10-07", false, "holiday", "国庆节"],
    ["2026-10-08", true, "weekday", undefined],
    ["2026-10-10", true, "makeup_workday", "国庆节调休"],
    // No data for 2027: the default rule applies.
    ["2027-01-01", true, "weekday", undefined],
    ["2027-01-02", false, "weekend", undefined],
  ];

  for (const [date, working, reason, name] of cases) {
    it(`${date} is ${reason}${name !== undefined ? ` (${name})` : ""}`, () => {
      assert.equal(calendar.isWorkingDay(date), working);
      const info = calendar.dayInfo(date);
      assert.equal(info.date, date);
      assert.equal(info.working, working);
      assert.equal(info.reason, reason);
      assert.equal(info.name, name);
    });
  }

  it("counts the working days of each year (2024: 251, 2025: 248, 2026: 248)", () => {
    for (const [year, expected, length] of [
      [2024, 251, 366],
      [2025, 248, 365],
      [2026, 248, 365],
    ] as const) {
      const days = calendar.year(year);
      assert.equal(days.length, length);
      assert.equal(days[0]?.date, `${year}-01-01`);
      assert.equal(days.at(-1)?.date, `${year}-12-31`);
      assert.equal(days.filter((day) => day.working).length, expected, String(year));
    }
  });

  it("rejects malformed and impossible dates", () => {
    assert.throws(() => calendar.isWorkingDay("2024-2-1"), RangeError);
    assert.throws(() => calendar.isWorkingDay("2025-02-29"), RangeError);
    assert.throws(() => calendar.dayInfo("2024-13-01"), RangeError);
    assert.throws(() => calendar.year(2024.5), RangeError);
  });

  it("rejects contradicting override rows and unknown types", () => {
    const clash: CalendarDay[] = [
      { date: "2024-10-01", type: "holiday", name: "国庆节" },
      { date: "2024-10-01", type: "workday", name: "x" },
    ];
    assert.throws(() => new WorkingCalendar(clash), RangeError);
    const same: CalendarDay[] = [
      { date: "2024-10-01", type: "holiday", name: "国庆节" },
      { date: "2024-10-01", type: "holiday", name: "国庆" },
    ];
    assert.equal(new WorkingCalendar(same).dayInfo("2024-10-01").name, "国庆节");
    const bad = [{ date: "2024-10-01", type: "rest", name: "x" }] as unknown as CalendarDay[];
    assert.throws(() => new WorkingCalendar(bad), RangeError);
  });

  it("treats a workday override on a weekday as a plain weekday, and an admin-added holiday as a holiday", () => {
    const cal = new WorkingCalendar([
      { date: "2027-01-04", type: "workday", name: "redundant" },
      { date: "2027-01-05", type: "holiday", name: "台风停工" },
    ]);
    assert.deepEqual(cal.dayInfo("2027-01-04"), {
      date: "2027-01-04",
      working: true,
      reason: "weekday",
      name: "redundant",
    });
    assert.equal(cal.isWorkingDay("2027-01-05"), false);
    assert.equal(
      cal.addWorkingDays(new Date("2027-01-04T10:00:00+08:00"), 1).getTime(),
      endOfChinaDay("2027-01-06").getTime(),
    );
  });
});

describe("WorkingCalendar.addWorkingDays", () => {
  // [case, receivedAt (+08:00), n, the n-th working day (deadline = its 24:00 +08:00)]
  const cases: [string, string, number, string][] = [
    ["Friday evening receipt: Monday is day 1", "2024-03-08T20:00:00+08:00", 1, "2024-03-11"],
    ["Friday 23:30 China time (15:30 UTC) is still Friday", "2024-03-08T23:30:00+08:00", 1, "2024-03-11"],
    ["Saturday 00:00 China time is Saturday", "2024-03-09T00:00:00+08:00", 1, "2024-03-11"],
    [
      "receipt on a holiday (2024-10-03 国庆节): the first working day after is day 1",
      "2024-10-03T10:00:00+08:00",
      1,
      "2024-10-08",
    ],
    ["receipt on a holiday, n=2", "2024-10-03T10:00:00+08:00", 2, "2024-10-09"],
    [
      "receipt on a make-up Sunday (2024-09-29): the receipt day does not count",
      "2024-09-29T10:00:00+08:00",
      1,
      "2024-09-30",
    ],
    ["receipt on a make-up Sunday, n=2 spans National Day", "2024-09-29T10:00:00+08:00", 2, "2024-10-08"],
    ["receipt on a make-up Saturday (2024-10-12)", "2024-10-12T10:00:00+08:00", 1, "2024-10-14"],
    ["n=0 is the end of the receipt day", "2024-03-08T20:00:00+08:00", 0, "2024-03-08"],
    ["n=0 on a holiday is still the end of that day", "2024-10-03T10:00:00+08:00", 0, "2024-10-03"],
    ["2-day consult across 2025 Spring Festival", "2025-01-27T09:00:00+08:00", 2, "2025-02-06"],
    ["2-day consult across 2024 National Day", "2024-09-30T10:00:00+08:00", 2, "2024-10-09"],
    ["2-day consult counts the 2025-01-26 make-up Sunday", "2025-01-24T20:00:00+08:00", 2, "2025-01-27"],
    ["15-day complaint across 2024 National Day", "2024-09-27T20:00:00+08:00", 15, "2024-10-23"],
    ["15-day complaint across 2025 National Day/Mid-Autumn", "2025-09-26T15:00:00+08:00", 15, "2025-10-23"],
    [
      "3 days across 2024 Spring Festival with the 02-18 make-up Sunday",
      "2024-02-08T10:00:00+08:00",
      3,
      "2024-02-19",
    ],
    [
      "2 days across 2026 Spring Festival with the 02-14 make-up Saturday",
      "2026-02-13T18:00:00+08:00",
      2,
      "2026-02-24",
    ],
    ["10 days across 2026 Mid-Autumn and National Day", "2026-09-18T10:00:00+08:00", 10, "2026-10-09"],
    ["10 days across 2025 National Day from 09-30", "2025-09-30T10:00:00+08:00", 10, "2025-10-21"],
    [
      "5 days across 2026 Labour Day with the 05-09 make-up Saturday",
      "2026-04-30T10:00:00+08:00",
      5,
      "2026-05-11",
    ],
    ["across the year end and New Year's Day 2025", "2024-12-31T10:00:00+08:00", 1, "2025-01-02"],
  ];

  for (const [name, receivedAt, n, lastDay] of cases) {
    it(name, () => {
      const from = new Date(receivedAt);
      const deadline = calendar.addWorkingDays(from, n);
      assert.equal(deadline.toISOString(), endOfChinaDay(lastDay).toISOString());
      // The deadline is 00:00:00 +08:00, i.e. 16:00:00 UTC of the n-th working day.
      assert.equal(deadline.toISOString(), `${lastDay}T16:00:00.000Z`);
      assert.equal(formatChinaDeadline(deadline), `${lastDay} 24:00`);
      assert.equal(calendar.workingDaysBetween(from, deadline), n);
    });
  }

  it("validates n and from", () => {
    const from = new Date("2024-03-08T10:00:00+08:00");
    assert.throws(() => calendar.addWorkingDays(from, -1), RangeError);
    assert.throws(() => calendar.addWorkingDays(from, 1.5), RangeError);
    assert.throws(() => calendar.addWorkingDays(from, Number.NaN), RangeError);
    assert.throws(() => calendar.addWorkingDays(new Date("nope"), 1), RangeError);
  });

  it("refuses to search forever in a calendar without working days", () => {
    const rows: CalendarDay[] = calendar
      .year(2025)
      .map((day) => ({ date: day.date, type: "holiday", name: "x" }));
    const all = new WorkingCalendar([
      ...rows,
      ...[2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036].flatMap((year) =>
        calendar.year(year).map((day) => ({ date: day.date, type: "holiday" as const, name: "x" })),
      ),
    ]);
    assert.throws(() => all.addWorkingDays(new Date("2025-01-01T10:00:00+08:00"), 1), RangeError);
  });
});

describe("WorkingCalendar.workingDaysBetween", () => {
  it("counts a working day as soon as part of it has passed", () => {
    const monday = new Date("2024-03-11T10:00:00+08:00");
    assert.equal(calendar.workingDaysBetween(monday, new Date("2024-03-11T18:00:00+08:00")), 0);
    assert.equal(calendar.workingDaysBetween(monday, new Date("2024-03-13T15:00:00+08:00")), 2);
    assert.equal(calendar.workingDaysBetween(monday, new Date("2024-03-14T00:00:00+08:00")), 2);
    assert.equal(calendar.workingDaysBetween(monday, new Date("2024-03-14T00:00:00.001+08:00")), 3);
  });

  it("skips holidays and counts make-up days", () => {
    // 2024-09-27 Fri → 2024-10-12 Sat: 09-29 (make-up), 09-30, 10-08..11, 10-12 (make-up) = 7.
    const from = new Date("2024-09-27T10:00:00+08:00");
    assert.equal(calendar.workingDaysBetween(from, new Date("2024-10-12T12:00:00+08:00")), 7);
  });

  it("is antisymmetric", () => {
    const a = new Date("2024-09-27T10:00:00+08:00");
    const b = new Date("2024-10-12T12:00:00+08:00");
    assert.equal(calendar.workingDaysBetween(b, a), -calendar.workingDaysBetween(a, b));
  });
});

describe("elapsed time and China-time helpers", () => {
  it("adds elapsed hours and minutes through nights and holidays", () => {
    const from = new Date("2024-10-01T10:00:00+08:00");
    assert.equal(
      addElapsedHours(from, 24).toISOString(),
      new Date("2024-10-02T10:00:00+08:00").toISOString(),
    );
    assert.equal(
      addElapsedMinutes(from, 30).toISOString(),
      new Date("2024-10-01T10:30:00+08:00").toISOString(),
    );
    assert.throws(() => addElapsedHours(from, -1), RangeError);
    assert.throws(() => addElapsedMinutes(from, Number.POSITIVE_INFINITY), RangeError);
  });

  it("converts instants to China dates and back", () => {
    assert.equal(chinaDateOf(new Date("2024-09-30T16:30:00Z")), "2024-10-01");
    assert.equal(chinaDateOf(new Date("2024-09-30T15:59:59.999Z")), "2024-09-30");
    assert.equal(chinaStartOfDay("2024-10-01").toISOString(), "2024-09-30T16:00:00.000Z");
    assert.equal(formatChinaDeadline(new Date("2024-10-01T02:05:00Z")), "2024-10-01 10:05");
    assert.equal(formatChinaDeadline(new Date("2025-01-01T16:00:00Z")), "2025-01-01 24:00");
  });

  it("lists the overrides inside a window", () => {
    const days = calendar.overridesInWindow(
      new Date("2024-09-27T20:00:00+08:00"),
      calendar.addWorkingDays(new Date("2024-09-27T20:00:00+08:00"), 15),
    );
    assert.deepEqual(
      days.map((day) => day.date),
      [
        "2024-09-29",
        "2024-10-01",
        "2024-10-02",
        "2024-10-03",
        "2024-10-04",
        "2024-10-05",
        "2024-10-06",
        "2024-10-07",
        "2024-10-12",
      ],
    );
  });
});

describe("time-zone independence", { skip: process.env.HOTLINE_SLA_TZ_CHILD === "1" }, () => {
  // Rerun this whole file in child processes whose local zone is far from +08:00.
  for (const tz of ["UTC", "America/New_York", "Pacific/Kiritimati"]) {
    it(`passes with TZ=${tz}`, () => {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "--test", fileURLToPath(import.meta.url)],
        {
          // Without NODE_TEST_CONTEXT the child is a stand-alone run that reports through its exit status.
          env: { ...process.env, NODE_TEST_CONTEXT: undefined, TZ: tz, HOTLINE_SLA_TZ_CHILD: "1" },
          encoding: "utf8",
        },
      );
      assert.equal(child.status, 0, `TZ=${tz}\n${child.stdout}\n${child.stderr}`);
    });
  }

  it("the child really runs in another zone", () => {
    const child = spawnSync(
      process.execPath,
      ["-e", "console.log(new Date(2024, 6, 1).getTimezoneOffset())"],
      {
        env: { ...process.env, TZ: "America/New_York" },
        encoding: "utf8",
      },
    );
    assert.equal(child.stdout.trim(), "240");
  });
});
