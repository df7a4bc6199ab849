import type { AppContext } from "../app-context.ts";
import { runSlaSweep } from "../modules/sla/sla-sweep.job.ts";

/** Jobs the server runs on a schedule and `hotline jobs run <name>` runs by hand. */
export const JOBS = {
  "sla-sweep": (ctx: AppContext, now: Date) => runSlaSweep(ctx, now),
} as const;
export type JobName = keyof typeof JOBS;

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

/** Starts the in-server schedule: the SLA sweep every minute. Returns a stop function. */
export function startScheduler(ctx: AppContext, log: (msg: string) => void = () => {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = ctx.clock.now();
      const slot = now.toISOString().slice(0, 16); // one run per minute
      const r = await runJobInSlot(ctx, "sla-sweep", slot, now);
      if (r && (r.warned || r.overdue)) log(`sla-sweep ${slot}: ${JSON.stringify(r)}`);
    } catch (e) {
      log(`sla-sweep failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
