/** The metrics module's wire contract: volumes and rates (三率 and more) by group. */
import { type Static, Type } from "@sinclair/typebox";
import { Nullable, StringEnum } from "./shared.ts";

export const METRICS_GROUPS = ["department", "region", "category", "day"] as const;
export type MetricsGroup = (typeof METRICS_GROUPS)[number];

/** `?from=&to=&groupBy=` of `GET /api/v1/metrics` and `/api/v1/metrics.xlsx` (default: the last 30 days). */
export const MetricsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
    groupBy: Type.Optional(StringEnum(METRICS_GROUPS)),
  },
  { additionalProperties: false },
);
export type MetricsQuery = Static<typeof MetricsQuery>;

const Rate = (description: string) =>
  Nullable(
    Type.Number({ minimum: 0, maximum: 1, description: `${description}; null when nothing to divide` }),
  );
const Count = (description: string) => Type.Integer({ minimum: 0, description });

/** One group's figures. Rates are fractions rounded to 4 places, null where their denominator is zero. */
export const MetricsRow = Type.Object({
  key: Type.String({ description: "department id, 4-digit city, 2-digit category, YYYY-MM-DD, or 'all'" }),
  label: Type.String(),
  received: Count("appeals received (受理量), merged ones left out"),
  closed: Count("closed (办结量)"),
  closureRate: Rate("closed ÷ received (办结率)"),
  onTimeRate: Rate("replied by the reply deadline ÷ replied (按时答复率)"),
  responseRate: Rate("signed by the sign deadline ÷ dispatched (响应率)"),
  resolutionRate: Rate("resolved at callback ÷ called back (解决率)"),
  satisfactionRate: Rate("satisfied or basically satisfied ÷ called back (满意率)"),
  directAnswerRate: Rate("answered directly ÷ received (直接答复率)"),
  dispatched: Count("dispatched at least once (派单量)"),
  autoDispatched: Count("dispatched by the platform itself (智能分拨)"),
  autoDispatchRate: Rate("autoDispatched ÷ dispatched (智能派单率)"),
  firstTimeRightRate: Rate(
    "replied after one dispatch with no return or transfer ÷ routing settled (一次派准率)",
  ),
  returned: Count("returns (退单), summed"),
  overdue: Count("overdue appeals (超期)"),
  supervised: Count("supervised appeals (督办)"),
});
export type MetricsRow = Static<typeof MetricsRow>;

/** `GET /api/v1/metrics`. */
export const MetricsResponse = Type.Object({ items: Type.Array(MetricsRow) });
export type MetricsResponse = Static<typeof MetricsResponse>;

/** `GET /api/v1/metrics.xlsx`: the same rows as an Excel workbook. */
export const MetricsWorkbook = Type.Unsafe<Uint8Array>({
  type: "string",
  format: "binary",
  description: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});
