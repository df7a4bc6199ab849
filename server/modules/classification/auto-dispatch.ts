import type { AppContext } from "../../app-context.ts";
import type { Tx } from "../../storage/database.ts";
import type { AppealRecord, EventActor } from "../appeals/appeal.repo.ts";
import { commitEvent } from "../appeals/commit-event.ts";
import { dispatchAppeal } from "../dispatch/dispatch-actions.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { appealText, type CategorySuggestion, suggestDepartment } from "./suggest.ts";

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
  | { dispatched: true; categoryCode: string; departmentId: string; score: number; modelVersion: number }
  | { dispatched: false; reason: string };

/**
 * Whether an appeal would be dispatched by itself, and where: the model is sure enough (top score ≥
 * the admin's threshold), agrees with a citizen's own pick if there is one, the place is known, the
 * suggested category is a leaf of the catalog, and a department follows from the routing table (or
 * a confident department model). Pure: the suggestion endpoint asks it too, as the agent types.
 */
export function planAutoDispatch(
  ctx: AppContext,
  args: {
    suggestions: readonly CategorySuggestion[];
    modelVersion: number | null;
    regionCode: string | null;
    text: string;
    /** A category the citizen picked: dispatch only if the model's top suggestion is this one. */
    mustAgreeWith?: string | null;
  },
): AutoDispatchOutcome {
  const s = ctx.routing.settings;
  const no = (reason: string) => ({ dispatched: false as const, reason });
  if (!s.autoDispatchEnabled) return no("auto-dispatch is switched off");
  const top = args.suggestions[0];
  const modelVersion = args.modelVersion;
  if (!top || modelVersion === null) return no("no category suggestion");
  if (top.score < s.autoDispatchThreshold) {
    return no(`top score ${top.score} is below the threshold ${s.autoDispatchThreshold}`);
  }
  if (args.mustAgreeWith && top.code !== args.mustAgreeWith) {
    return no(`the model suggests ${top.code}, not the chosen ${args.mustAgreeWith}`);
  }
  if (!args.regionCode) return no("the region is not known");
  if (!ctx.directory.isLeafCategory(top.code)) return no(`category ${top.code} is not a leaf category`);
  const dept = suggestDepartment(ctx, {
    categoryCode: top.code,
    regionCode: args.regionCode,
    text: args.text,
  });
  if (!dept) return no("no department for this category and region");
  return {
    dispatched: true,
    categoryCode: top.code,
    departmentId: dept.departmentId,
    score: top.score,
    modelVersion,
  };
}

/**
 * 智能分拨: dispatches a just-received appeal without an agent when {@link planAutoDispatch} says
 * so. The `dispatched` event is written by the same handler an agent's dispatch uses, in the
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
  if (appeal.status !== "received") {
    return { appeal, outcome: { dispatched: false, reason: `the appeal is ${appeal.status}` } };
  }
  const plan = planAutoDispatch(ctx, {
    suggestions,
    modelVersion,
    regionCode: appeal.regionCode,
    text: appealText(appeal.title, appeal.body),
    mustAgreeWith,
  });
  if (!plan.dispatched) return { appeal, outcome: plan };
  const now = ctx.clock.now();
  const event = await dispatchAppeal({
    ctx,
    tx,
    appeal,
    user: PLATFORM,
    now,
    input: { version: appeal.version, leadDepartmentId: plan.departmentId, categoryCode: plan.categoryCode },
  });
  if (event.type === "dispatched") event.data.auto = { modelVersion: plan.modelVersion, score: plan.score };
  const actor: EventActor = {
    id: null,
    name: `智能分拨 auto-dispatch (model v${plan.modelVersion})`,
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
    outcome: plan,
  };
}
