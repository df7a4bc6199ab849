import type {
  CalendarDayDto,
  CalendarYearDto,
  SlaRuleDto,
  SlaRulesResponse,
} from "../../../common/contracts/sla.ts";
import type { SlaRule } from "./sla-rule.types.ts";
import type { DayInfo, WorkingCalendar } from "./working-calendar.ts";

/** A rule on the wire: the same fields, named by the contract. */
export function presentRule(rule: SlaRule): SlaRuleDto {
  return {
    id: rule.id,
    profile: rule.profile,
    clock: rule.clock,
    kind: rule.kind,
    urgency: rule.urgency,
    categoryPrefix: rule.categoryPrefix,
    unit: rule.unit,
    amount: rule.amount,
    source: rule.source,
  };
}

/** The rule set and the profile in force. */
export function presentRules(profile: string, rules: readonly SlaRule[]): SlaRulesResponse {
  return { profile, items: rules.map(presentRule) };
}

/** One resolved date. */
export function presentDay(day: DayInfo): CalendarDayDto {
  return day.name === undefined
    ? { date: day.date, working: day.working, reason: day.reason }
    : { date: day.date, working: day.working, reason: day.reason, name: day.name };
}

/** A year of the working calendar, with the holidays and make-up working days picked out. */
export function presentCalendarYear(calendar: WorkingCalendar, year: number): CalendarYearDto {
  const days = calendar.year(year).map(presentDay);
  return {
    year,
    covered: calendar.coversYear(year),
    days,
    holidays: days.filter((d) => d.reason === "holiday"),
    makeupWorkdays: days.filter((d) => d.reason === "makeup_workday"),
    workingDays: days.filter((d) => d.working).length,
  };
}
