import type { MetricsQuery, MetricsRow } from "../../../common/contracts/metrics.ts";
import type { AppContext } from "../../app-context.ts";
import { badField } from "../../platform/errors.ts";
import { computeMetrics } from "./compute-metrics.ts";

/** The window when none is asked for: the 30 days before `to` (default: now). */
const DEFAULT_WINDOW_MS = 30 * 86_400_000;

/**
 * The metrics a query asks for: the window [from, to) (default: the last 30 days up to now), grouped
 * as asked. 400 naming `from` when the window is empty or reversed.
 */
export async function readMetrics(ctx: AppContext, q: MetricsQuery): Promise<MetricsRow[]> {
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_WINDOW_MS);
  if (from >= to) throw badField("from", "must be before to");
  return computeMetrics(ctx, { from, to, groupBy: q.groupBy });
}
