/**
 * The SLA module's wire contract: deadline rules (时限规则) and the working calendar (工作日历), for
 * `server/modules/sla/sla.routes.ts` and the console's administration screens.
 */
import { type Static, Type } from "@sinclair/typebox";
import { APPEAL_KINDS, URGENCIES } from "../appeal-state.ts";
import { Nullable, StringEnum } from "./shared.ts";

export const SLA_CLOCKS = ["sign", "reply"] as const;
export const SLA_UNITS = ["working_days", "hours", "minutes"] as const;
export const CALENDAR_DAY_TYPES = ["holiday", "workday"] as const;
export const DAY_REASONS = ["weekday", "weekend", "holiday", "makeup_workday"] as const;

const ruleFields = {
  profile: Type.String({ minLength: 1, maxLength: 40, description: "the rule set, e.g. guangdong" }),
  clock: StringEnum(SLA_CLOCKS, { description: "sign: from dispatch; reply: from receipt (or reopen)" }),
  kind: Nullable(StringEnum(APPEAL_KINDS)),
  urgency: Nullable(StringEnum(URGENCIES)),
  categoryPrefix: Nullable(Type.String({ pattern: "^[0-9]{2,6}$" })),
  unit: StringEnum(SLA_UNITS),
  amount: Type.Integer({ minimum: 0, maximum: 100000 }),
  source: Type.String({ minLength: 1, maxLength: 500, description: "the regulation the rule comes from" }),
};

/** `PUT /api/v1/sla-rules/{id}`: the rule's fields (null scope fields are wildcards). */
export const SlaRuleBody = Type.Object(ruleFields, { additionalProperties: false });
export type SlaRuleInput = Static<typeof SlaRuleBody>;

/** `{id}` of a rule. */
export const SlaRuleParams = Type.Object({ id: Type.String({ pattern: "^[a-z0-9-]{1,64}$" }) });

/** A deadline rule as the API presents it. */
export const SlaRuleDto = Type.Object({
  id: Type.String(),
  profile: Type.String(),
  clock: ruleFields.clock,
  kind: ruleFields.kind,
  urgency: ruleFields.urgency,
  categoryPrefix: Nullable(Type.String()),
  unit: ruleFields.unit,
  amount: Type.Integer(),
  source: Type.String(),
});
export type SlaRuleDto = Static<typeof SlaRuleDto>;

/** `GET /api/v1/sla-rules`: every rule, and the profile in force. */
export const SlaRulesResponse = Type.Object({ profile: Type.String(), items: Type.Array(SlaRuleDto) });
export type SlaRulesResponse = Static<typeof SlaRulesResponse>;

/** `{date}` of a calendar override. */
export const CalendarDateParams = Type.Object({ date: Type.String({ format: "date" }) });

/** `PUT /api/v1/calendar/days/{date}`: a holiday, or a 调休 make-up working day, with its name. */
export const CalendarDayBody = Type.Object(
  {
    type: StringEnum(CALENDAR_DAY_TYPES),
    name: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type CalendarDayInput = Static<typeof CalendarDayBody>;

/** One civil date resolved: working or not, and why. */
export const CalendarDayDto = Type.Object({
  date: Type.String({ description: "YYYY-MM-DD, China" }),
  working: Type.Boolean(),
  reason: StringEnum(DAY_REASONS),
  name: Type.Optional(Type.String({ description: "the override's name (春节, 春节调休, …)" })),
});
export type CalendarDayDto = Static<typeof CalendarDayDto>;

/** `{year}` of `GET /api/v1/calendar/{year}`. */
export const CalendarYearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

/** `GET /api/v1/calendar/{year}`: every day of the year, with the holidays and make-up days picked out. */
export const CalendarYearDto = Type.Object({
  year: Type.Integer(),
  /** Whether the calendar holds the State Council's arrangements for that year. */
  covered: Type.Boolean(),
  days: Type.Array(CalendarDayDto),
  holidays: Type.Array(CalendarDayDto),
  makeupWorkdays: Type.Array(CalendarDayDto),
  workingDays: Type.Integer(),
});
export type CalendarYearDto = Static<typeof CalendarYearDto>;
