/**
 * Seed rows for `calendar_days` from the `chinese-days` package, which transcribes the State
 * Council General Office's yearly notices on public-holiday arrangements (国务院办公厅关于部分节假日
 * 安排的通知; e.g. 2024: gov.cn/zhengce/content/202310/content_6911527.htm, 2025: 国办发明电〔2024〕12号,
 * 2026: gov.cn/zhengce/zhengceku/202511/content_7047091.htm). The package data is read once, at import.
 */
import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import type { CalendarDay } from "./working-calendar.ts";

/** The package's maps: date → "English name,中文名,days-in-lieu". */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package data, narrowed to the two maps used here. */
const DATA: ChineseDaysData = chineseDays;

/**
 * Official Chinese names by the package's English key. The package abbreviates some (清明, 端午, 中秋);
 * the State Council notices write 清明节, 端午节, 中秋节, and so do we.
 */
const OFFICIAL_NAMES: Readonly<Record<string, string>> = {
  "New Year's Day": "元旦",
  "Spring Festival": "春节",
  "Tomb-sweeping Day": "清明节",
  "Labour Day": "劳动节",
  "Dragon Boat Festival": "端午节",
  "Mid-autumn Festival": "中秋节",
  "National Day": "国庆节",
};

/** Suffix of a make-up working day's name: 春节 → 春节调休 (the 调休 working day of 春节). */
const MAKEUP_SUFFIX = "调休";

/** The Chinese holiday name of a package value such as "Spring Festival,春节,4". */
function holidayName(value: string): string {
  const [english = "", chinese = ""] = value.split(",");
  // Prefer the official spelling; fall back to the package's own Chinese (e.g. the 2015 victory day).
  return OFFICIAL_NAMES[english] ?? (chinese !== "" ? chinese : english);
}

/** The years (ascending) for which the installed `chinese-days` package has holiday data. */
export const CHINESE_DAYS_YEARS: readonly number[] = [
  ...new Set(Object.keys(DATA.holidays).map((date) => Number(date.slice(0, 4)))),
].sort((a, b) => a - b);

/**
 * Override rows for the given years from the `chinese-days` package: every public-holiday date
 * (type `holiday`, named 春节, 国庆节, …; weekend dates inside a holiday run included, so that
 * explanations can name them) and every 调休 make-up working day (type `workday`, named 春节调休, …).
 * Sorted by date. Years the package does not cover yield no rows: check {@link CHINESE_DAYS_YEARS}
 * (or `WorkingCalendar.coversYear`) and load those years' rows by hand.
 * @throws RangeError when a year is not an integer.
 */
export function calendarDaysFromChineseDays(years: readonly number[]): CalendarDay[] {
  for (const year of years) {
    if (!Number.isSafeInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  }
  const wanted = new Set(years.map(String));
  const rows: CalendarDay[] = [];
  for (const [date, value] of Object.entries(DATA.holidays)) {
    if (wanted.has(date.slice(0, 4))) rows.push({ date, type: "holiday", name: holidayName(value) });
  }
  for (const [date, value] of Object.entries(DATA.workdays)) {
    if (wanted.has(date.slice(0, 4))) {
      rows.push({ date, type: "workday", name: `${holidayName(value)}${MAKEUP_SUFFIX}` });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
