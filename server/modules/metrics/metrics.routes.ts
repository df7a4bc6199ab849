import { Type } from "@sinclair/typebox";
import ExcelJS from "exceljs";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { StringEnum } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { badField } from "../../platform/errors.ts";
import { computeMetrics, type MetricsGroup } from "./compute-metrics.ts";

const Query = Type.Object(
  {
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
    groupBy: Type.Optional(StringEnum(["department", "region", "category", "day"] as const)),
  },
  { additionalProperties: false },
);

const COLUMNS: [keyof Awaited<ReturnType<typeof computeMetrics>>[number], string][] = [
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

async function metricsFor(ctx: AppContext, req: FastifyRequest) {
  await requireUser(ctx, req, ["supervisor", "admin", "agent"]);
  const q = req.query as { from?: string; to?: string; groupBy?: MetricsGroup };
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86400_000);
  if (from >= to) throw badField("from", "must be before to");
  return computeMetrics(ctx, { from, to, groupBy: q.groupBy });
}

/** `GET /api/v1/metrics` and its Excel twin. */
export async function metricsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/metrics",
    { schema: { tags: ["metrics"], summary: "Volumes and rates (三率)", querystring: Query } },
    async (req) => ({
      items: await metricsFor(ctx, req),
    }),
  );
  app.get(
    "/api/v1/metrics.xlsx",
    { schema: { tags: ["metrics"], summary: "The same as an Excel sheet", querystring: Query } },
    async (req, reply) => {
      const items = await metricsFor(ctx, req);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("metrics");
      ws.addRow(COLUMNS.map(([, h]) => h));
      for (const it of items) ws.addRow(COLUMNS.map(([k]) => it[k]));
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", 'attachment; filename="metrics.xlsx"')
        .send(buf);
    },
  );
}
