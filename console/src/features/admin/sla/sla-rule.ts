/** An SLA rule (时限规则) as `GET /api/v1/sla-rules` answers it, and its units. */
export interface SlaRule {
  id: string;
  profile: string;
  clock: string;
  kind: string | null;
  urgency: string | null;
  categoryPrefix: string | null;
  unit: string;
  amount: number;
  source: string;
}

export const SLA_UNITS = ["working_days", "hours", "minutes"] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];
export const SLA_CLOCKS = ["sign", "reply"] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];
/** "Any" in the form's selects: a null field of the rule. */
export const ANY = "*";
