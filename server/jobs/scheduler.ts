import type { AppContext } from "../app-context.ts";
import { runClassifierRefresh, runScheduledRetrain } from "../modules/classification/classification.jobs.ts";
import { runRoutingTableRefresh } from "../modules/directory/routing-table-refresh.job.ts";
import { runHotspotScan } from "../modules/hotspots/hotspot-scan.job.ts";
import { deliverOutboxRound } from "../modules/policies/index.ts";
import { runSlaRefresh } from "../modules/sla/sla-refresh.job.ts";
import { runSlaSweep } from "../modules/sla/sla-sweep.job.ts";
import { chinaDate, chinaHour } from "../platform/china-time.ts";

/** Jobs the server runs on a schedule and `hotline jobs run <name>` runs by hand. */
export const JOBS = {
  "sla-sweep": (ctx: AppContext, now: Date) => runSlaSweep(ctx, now),
  "classifier-refresh": (ctx: AppContext, _now: Date) => runClassifierRefresh(ctx),
  // An admin's edit of SLA rules or the working calendar, made on another instance.
  "sla-refresh": (ctx: AppContext, _now: Date) => runSlaRefresh(ctx),
  // An admin's edit of the routing table (路由表), made on another instance.
  "routing-table-refresh": (ctx: AppContext, _now: Date) => runRoutingTableRefresh(ctx),
  "classifier-retrain": (ctx: AppContext, now: Date) => runScheduledRetrain(ctx, now),
  "hotspot-scan": (ctx: AppContext, now: Date) => runHotspotScan(ctx, now),
  // Notifications to enterprises (免申即享 notices) that failed or were left by a crash.
  "outbox-delivery": (ctx: AppContext, _now: Date) => deliverOutboxRound(ctx),
} as const;
export type JobName = keyof typeof JOBS;

const minuteSlot = (now: Date) => now.toISOString().slice(0, 16);

/**
 * When each job runs, as data: the slot a job belongs to at a given minute, or null when it does not
 * run then. One run per slot across all server instances (see {@link runJobInSlot}), except
 * per-process jobs (`perProcess`), which every instance runs for itself (e.g. reloading models).
 */
export const SCHEDULE: ReadonlyArray<{
  job: JobName;
  slot: (now: Date, ctx: AppContext) => string | null;
  perProcess?: boolean;
}> = [
  { job: "sla-sweep", slot: minuteSlot },
  // Hot spots (热点): every 15 minutes, one run per quarter hour across instances.
  {
    job: "hotspot-scan",
    slot: (now) =>
      `${now.toISOString().slice(0, 14)}${String(Math.floor(now.getUTCMinutes() / 15) * 15).padStart(2, "0")}`,
  },
  { job: "classifier-refresh", slot: minuteSlot, perProcess: true },
  { job: "sla-refresh", slot: minuteSlot, perProcess: true },
  { job: "routing-table-refresh", slot: minuteSlot, perProcess: true },
  { job: "outbox-delivery", slot: minuteSlot },
  {
    job: "classifier-retrain",
    // Daily, at the configured China-time hour, only when an admin switched it on.
    slot: (now, ctx) => {
      const s = ctx.routing.settings;
      return s.retrainEnabled && chinaHour(now) === s.retrainHour ? chinaDate(now) : null;
    },
  },
];

/**
 * Runs a job once for a time slot: the `job_runs` row (job, slot) is claimed first, so with several
 * server instances only one runs each slot. Returns null when another instance had the slot.
 */
export async function runJobInSlot(ctx: AppContext, job: JobName, slot: string, now: Date) {
  const claimed = await ctx.db
    .insertInto("job_runs")
    .values({ job, slot, started_at: now, finished_at: null, result: null })
    .onConflict((oc) => oc.columns(["job", "slot"]).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  const result = await JOBS[job](ctx, now);
  await ctx.db
    .updateTable("job_runs")
    .set({ finished_at: ctx.clock.now(), result: JSON.stringify(result) })
    .where("job", "=", job)
    .where("slot", "=", slot)
    .execute();
  return result;
}

/** Starts the in-server schedule ({@link SCHEDULE}), checked every minute. Returns a stop function. */
export function startScheduler(ctx: AppContext, log: (msg: string) => void = () => {}): () => void {
  const running = new Set<JobName>();
  const runOne = async (entry: (typeof SCHEDULE)[number], now: Date) => {
    const slot = entry.slot(now, ctx);
    if (slot === null || running.has(entry.job)) return;
    running.add(entry.job);
    try {
      const r = entry.perProcess
        ? await JOBS[entry.job](ctx, now)
        : await runJobInSlot(ctx, entry.job, slot, now);
      if (r && Object.values(r).some((v) => typeof v === "number" && v > 0)) {
        log(`${entry.job} ${slot}: ${JSON.stringify(r)}`);
      }
    } catch (e) {
      log(`${entry.job} failed: ${(e as Error).message}`);
    } finally {
      running.delete(entry.job);
    }
  };
  const tick = () => {
    const now = ctx.clock.now();
    for (const entry of SCHEDULE) void runOne(entry, now);
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
