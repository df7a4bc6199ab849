/**
 * Deadlines in words: one bilingual line per decision (which rule, counted from when, which holidays
 * were skipped and which 调休 make-up days counted), as `deadlineExplanation` shows them.
 */
import { KIND_EN, KIND_ZH, type SlaRule } from "./sla-rule.types.ts";
import { type DayInfo, formatChinaDeadline, type WorkingCalendar } from "./working-calendar.ts";

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
export function describeWindow(days: readonly DayInfo[]): { zh: string[]; en: string[] } {
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
export function explainRule(
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
