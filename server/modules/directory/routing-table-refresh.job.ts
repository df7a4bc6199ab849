import type { AppContext } from "../../app-context.ts";

/**
 * Per-process refresh of the routing table: an admin's route edit is loaded at once by the instance
 * that took it; every other instance picks it up here, every minute. Swaps the table only when its
 * rows' stamp changed.
 */
export async function runRoutingTableRefresh(ctx: AppContext): Promise<{ reloaded: number }> {
  const before = ctx.directory.routes;
  ctx.directory.routes = await before.refresh(ctx.db);
  return { reloaded: ctx.directory.routes === before ? 0 : 1 };
}
