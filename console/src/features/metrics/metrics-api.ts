/** The metrics the dashboard reads (`GET /api/v1/metrics`), over China-time calendar windows. */
import type { MetricsResponse, MetricsRow } from "../../../../common/contracts/metrics.ts";
import { api, qs } from "../../shared/api.ts";

export type { MetricsRow };

/** The six rates the dashboard shows (三率 and three more), in order. */
export const RATES = [
  "closureRate",
  "onTimeRate",
  "responseRate",
  "resolutionRate",
  "satisfactionRate",
  "directAnswerRate",
] as const;

/** Midnight in China (UTC+8) of the day `now` falls in, `daysBack` days earlier. */
export function chinaMidnight(now: Date, daysBack = 0): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - 8 * 3600_000 - daysBack * 86400_000);
}

const metrics = (params: Record<string, string>) =>
  api<MetricsResponse>("GET", `/api/v1/metrics${qs(params)}`).then((r) => r.items);

export interface DashboardData {
  today: MetricsRow | undefined;
  week: MetricsRow | undefined;
  month: MetricsRow | undefined;
  /** The last 30 days, in total and by day, category, region and department. */
  all: MetricsRow | undefined;
  days: MetricsRow[];
  categories: MetricsRow[];
  regions: MetricsRow[];
  departments: MetricsRow[];
}

/** Today, this week (from Monday), this month, and the last 30 days grouped four ways. */
export async function loadDashboard(now = new Date()): Promise<DashboardData> {
  const to = now.toISOString();
  const weekday = (new Date(now.getTime() + 8 * 3600_000).getUTCDay() + 6) % 7; // Monday = 0
  const monthStart = chinaMidnight(now, new Date(now.getTime() + 8 * 3600_000).getUTCDate() - 1);
  const from30 = chinaMidnight(now, 29).toISOString();
  const [today, week, month, days, categories, regions, departments, all] = await Promise.all([
    metrics({ from: chinaMidnight(now).toISOString(), to }),
    metrics({ from: chinaMidnight(now, weekday).toISOString(), to }),
    metrics({ from: monthStart.toISOString(), to }),
    metrics({ from: from30, to, groupBy: "day" }),
    metrics({ from: from30, to, groupBy: "category" }),
    metrics({ from: from30, to, groupBy: "region" }),
    metrics({ from: from30, to, groupBy: "department" }),
    metrics({ from: from30, to }),
  ]);
  return {
    today: today[0],
    week: week[0],
    month: month[0],
    all: all[0],
    days,
    categories,
    regions,
    departments,
  };
}
