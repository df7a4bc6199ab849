import type { FastifyInstance } from "fastify";
import { MetricsQuery, MetricsResponse, MetricsWorkbook } from "../../../common/contracts/metrics.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { requireUser } from "../users/request-user.ts";
import { metricsWorkbook } from "./metrics-workbook.ts";
import { readMetrics } from "./read-metrics.ts";

/** Who may read the metrics. */
const READERS = ["supervisor", "admin", "agent"] as const;

/** `GET /api/v1/metrics` and its Excel twin. */
export async function metricsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = typed(fastify);

  app.get(
    "/api/v1/metrics",
    {
      schema: {
        tags: ["metrics"],
        summary: "Volumes and rates (三率)",
        querystring: MetricsQuery,
        response: { 200: MetricsResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, READERS);
      return { items: await readMetrics(ctx, req.query) };
    },
  );

  app.get(
    "/api/v1/metrics.xlsx",
    {
      schema: {
        tags: ["metrics"],
        summary: "The same as an Excel sheet",
        querystring: MetricsQuery,
        response: { 200: MetricsWorkbook, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, READERS);
      const buf = await metricsWorkbook(await readMetrics(ctx, req.query));
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", 'attachment; filename="metrics.xlsx"')
        .send(buf);
    },
  );
}
