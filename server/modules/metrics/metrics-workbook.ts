import type { MetricsRow } from "../../../common/contracts/metrics.ts";
import { xlsxWorkbook } from "../../platform/spreadsheet.ts";

/** The workbook's columns: field, and its bilingual header. */
const COLUMNS: readonly [keyof MetricsRow, string][] = [
  ["key", "编码 Key"],
  ["label", "名称 Name"],
  ["received", "受理量 Received"],
  ["closed", "办结量 Closed"],
  ["closureRate", "办结率 Closure"],
  ["onTimeRate", "按时答复率 On time"],
  ["responseRate", "响应率 Response"],
  ["resolutionRate", "解决率 Resolution"],
  ["satisfactionRate", "满意率 Satisfaction"],
  ["directAnswerRate", "直接答复率 Direct answer"],
  ["dispatched", "派单量 Dispatched"],
  ["autoDispatchRate", "智能派单率 Auto-dispatch"],
  ["firstTimeRightRate", "一次派准率 First-time right"],
  ["returned", "退单 Returned"],
  ["overdue", "超期 Overdue"],
  ["supervised", "督办 Supervised"],
];

/** The metrics rows as an Excel workbook (one sheet, `metrics`, headers in the first row). */
export async function metricsWorkbook(items: readonly MetricsRow[]): Promise<Buffer> {
  return xlsxWorkbook(
    "metrics",
    COLUMNS.map(([, h]) => h),
    items.map((it) => COLUMNS.map(([k]) => it[k])),
  );
}
