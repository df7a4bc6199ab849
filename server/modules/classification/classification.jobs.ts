import type { AppContext } from "../../app-context.ts";
import { retrainFromHistory } from "./retrain.ts";

/**
 * Every minute in each server process: picks up a model version or settings another process
 * activated, so models swap without a restart (routing-table edits: `routing-table-refresh`).
 */
export async function runClassifierRefresh(ctx: AppContext): Promise<{ swapped: number }> {
  const before = [ctx.routing.get("category")?.id, ctx.routing.get("department")?.id];
  await ctx.routing.refresh(ctx.db);
  const after = [ctx.routing.get("category")?.id, ctx.routing.get("department")?.id];
  // Counted so that the scheduler logs only the minutes in which a model was swapped.
  return { swapped: before.filter((id, i) => id !== after[i]).length };
}

/** The scheduled retrain (off unless an admin switches it on): both targets, from history. */
export async function runScheduledRetrain(ctx: AppContext, _now: Date) {
  const category = await retrainFromHistory(ctx, "category", { createdBy: "scheduled retrain" });
  const department = await retrainFromHistory(ctx, "department", { createdBy: "scheduled retrain" });
  return {
    categoryVersion: category.version ?? null,
    departmentVersion: department.version ?? null,
    trained: [category, department].filter((r) => r.status === "trained").length,
  };
}
