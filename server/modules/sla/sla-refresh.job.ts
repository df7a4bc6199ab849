import type { AppContext } from "../../app-context.ts";
import { readSlaStamp, SlaService } from "./sla-service.ts";

/**
 * Per-process refresh of the SLA engine: an admin's edit of a rule or of the working calendar is
 * loaded at once by the instance that took it; every other instance picks it up here (the
 * scheduler runs this every minute in each process). Swaps `ctx.sla` only when the data's stamp
 * changed, so an idle minute costs one small query.
 */
export async function runSlaRefresh(ctx: AppContext): Promise<{ reloaded: number }> {
  const stamp = await readSlaStamp(ctx.db);
  if (stamp === ctx.sla.stamp) return { reloaded: 0 };
  ctx.sla = await SlaService.load(ctx.db);
  return { reloaded: 1 };
}
