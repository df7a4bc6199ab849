/** An SLA rule (时限规则) as the API presents it (common/contracts/sla.ts), and the values of its enums. */
import type { SlaRuleDto } from "../../../../../common/contracts/sla.ts";
import { enumValues } from "../../../shared/enum-values.ts";

export type SlaRule = SlaRuleDto;
export type SlaUnit = SlaRule["unit"];
export type SlaClock = SlaRule["clock"];
export const SLA_UNITS = enumValues<SlaUnit>({ working_days: true, hours: true, minutes: true });
export const SLA_CLOCKS = enumValues<SlaClock>({ sign: true, reply: true });
/** "Any" in the form's selects: a null field of the rule. */
export const ANY = "*";
