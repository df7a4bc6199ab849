import type { AppContext } from "../../app-context.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../appeals/appeal.policy.ts";
import type { AppealRecord, EventActor } from "../appeals/appeal.repo.ts";
import { commitEvent } from "../appeals/perform-action.ts";
import { dispatchAppeal } from "../dispatch/dispatch-actions.ts";
import { type CategorySuggestion, suggestDepartment } from "./suggest.ts";

/** The dispatch handler reads no user; this one stands for the platform in its arguments. */
const PLATFORM: AuthUser = {
  id: "00000000-0000-0000-0000-000000000000",
  username: "system",
  name: "智能分拨 auto-dispatch",
  role: "admin",
  departmentId: null,
};

/** Why an appeal was or was not dispatched by itself: shown to the agent and kept for metrics. */
export type AutoDispatchOutcome =
  | { dispatched: true; categoryCode: string; departmentId: string; score: number }
  | { dispatched: false; reason: string };

/**
 * 智能分拨: dispatches a just-received appeal without an agent when the category model is sure
 * enough (top score ≥ the admin's threshold), the place is known, the suggested category is a leaf
 * of the catalog and a department follows from the routing table (or a confident department
 * model). The `dispatched` event is written by the same handler an agent's dispatch uses, in the
 * caller's transaction, with the model version and score in its data.
 */
export async function autoDispatch(
  ctx: AppContext,
  tx: Tx,
  appeal: AppealRecord,
  suggestions: readonly CategorySuggestion[],
  modelVersion: number | null,
  /** A category the citizen picked: dispatch only if the model's top suggestion is this one. */
  mustAgreeWith: string | null = null,
): Promise<{ appeal: AppealRecord; outcome: AutoDispatchOutcome }> {
  const s = ctx.routing.settings;
  const no = (reason: string) => ({ appeal, outcome: { dispatched: false as const, reason } });
  if (!s.autoDispatchEnabled) return no("auto-dispatch is switched off");
  if (appeal.status !== "received") return no(`the appeal is ${appeal.status}`);
  const top = suggestions[0];
  if (!top || modelVersion === null) return no("no category suggestion");
  if (top.score < s.autoDispatchThreshold) {
    return no(`top score ${top.score} is below the threshold ${s.autoDispatchThreshold}`);
  }
  if (mustAgreeWith && top.code !== mustAgreeWith) {
    return no(`the model suggests ${top.code}, not the chosen ${mustAgreeWith}`);
  }
  if (!appeal.regionCode) return no("the region is not known");
  if (!ctx.directory.isLeafCategory(top.code)) return no(`category ${top.code} is not a leaf category`);
  const dept = suggestDepartment(ctx, {
    categoryCode: top.code,
    regionCode: appeal.regionCode,
    text: `${appeal.title}\n${appeal.body}`,
  });
  if (!dept) return no("no department for this category and region");
  const now = ctx.clock.now();
  const event = await dispatchAppeal({
    ctx,
    tx,
    appeal,
    user: PLATFORM,
    now,
    input: { version: appeal.version, leadDepartmentId: dept.departmentId, categoryCode: top.code },
  });
  if (event.type === "dispatched") event.data.auto = { modelVersion, score: top.score };
  const actor: EventActor = {
    id: null,
    name: `智能分拨 auto-dispatch (model v${modelVersion})`,
    role: "system",
  };
  const updated = await commitEvent(tx, appeal, event, actor);
  await tx
    .updateTable("appeals")
    .set({ auto_dispatched: true })
    .where("city_code", "=", appeal.cityCode)
    .where("id", "=", appeal.id)
    .execute();
  return {
    appeal: { ...updated, autoDispatched: true },
    outcome: { dispatched: true, categoryCode: top.code, departmentId: dept.departmentId, score: top.score },
  };
}
