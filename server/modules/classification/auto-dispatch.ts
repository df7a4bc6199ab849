import type { AppContext } from "../../app-context.ts";
import type { Tx } from "../../storage/database.ts";
import type { AppealRecord, EventActor } from "../appeals/appeal.repo.ts";
import { commitEvent } from "../appeals/commit-event.ts";
import { dispatchAppeal } from "../dispatch/dispatch-actions.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { operatingPoint } from "./calibration.ts";
import type { ClassificationSettings, ModelTarget } from "./routing-models.ts";
import { appealText, type CategorySuggestion, round4, suggestDepartment } from "./suggest.ts";

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
  const threshold = thresholdFor(ctx, "category", top.code);
  if (threshold === null) {
    return no(
      `no score of ${top.code} was right at least ${s.autoDispatchPrecision} of the time on held-out appeals`,
    );
  }
  if (top.score < threshold) {
    return no(`top score ${top.score} is below the threshold ${threshold}`);
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
  if (dept.source === "model") {
    const deptThreshold = thresholdFor(ctx, "department", dept.departmentId);
    if (deptThreshold === null || (dept.score ?? 0) < deptThreshold)
      return no(`the department model's score for ${dept.departmentId} is below its threshold`);
  }
  return {
    dispatched: true,
    categoryCode: top.code,
    departmentId: dept.departmentId,
    score: top.score,
    modelVersion,
  };
}

/**
 * The score a label's top suggestion must reach to be dispatched by itself. With an asked precision
 * and a calibrated model: the label's own operating point on the model's held-out predictions (null
 * = no score of this label was reliable enough: always to an agent). Otherwise the one threshold.
 */
export function thresholdFor(ctx: AppContext, target: ModelTarget, label: string): number | null {
  const s = ctx.routing.settings;
  const point = operatingPointOf(ctx, target, label, s);
  if (point === undefined) return target === "category" ? s.autoDispatchThreshold : 0;
  return point.threshold === null ? null : Math.max(point.threshold, MIN_THRESHOLD);
}

/** Never below this, whatever the held-out predictions say (a guard against a lucky small sample). */
const MIN_THRESHOLD = 0.3;

function operatingPointOf(ctx: AppContext, target: ModelTarget, label: string, s: ClassificationSettings) {
  if (s.autoDispatchPrecision === null || s.autoDispatchPrecision === undefined) return undefined;
  const model = ctx.routing.get(target)?.model;
  const reliability = model?.info.calibration?.reliability;
  if (!model || !reliability) return undefined;
  const c = model.labels.indexOf(label);
  if (c < 0) return undefined;
  return operatingPoint(reliability.labels[c]!, reliability.total, s.autoDispatchPrecision);
}

/** One label's auto-dispatch threshold as the settings API shows it. */
export interface LabelThreshold {
  target: ModelTarget;
  label: string;
  /** The category's or department's name, where the catalog knows it. */
  name: string | null;
  /** Null: never dispatched by itself (no score reached the asked precision). */
  threshold: number | null;
  /** Held-out precision at the threshold. */
  precision: number | null;
  /** Share of this label's held-out top predictions the threshold would dispatch. */
  coverageOfLabel: number;
  /** Share of all held-out appeals it would dispatch as this label. */
  coverageOfAll: number;
  /** Held-out predictions of this label the threshold rests on. */
  support: number;
}

/**
 * The per-label thresholds the asked precision gives, for each active calibrated model, with the
 * share of appeals each would cover; empty when no precision is asked or no model is calibrated.
 */
export function autoDispatchThresholds(ctx: AppContext): LabelThreshold[] {
  const s = ctx.routing.settings;
  const out: LabelThreshold[] = [];
  for (const target of ["category", "department"] as const) {
    const model = ctx.routing.get(target)?.model;
    if (!model) continue;
    for (const label of model.labels) {
      const p = operatingPointOf(ctx, target, label, s);
      if (!p) continue;
      const name =
        target === "category"
          ? (ctx.directory.categories.get(label)?.name ?? null)
          : (ctx.directory.departments.get(label)?.name ?? null);
      out.push({
        target,
        label,
        name,
        threshold: p.threshold === null ? null : round4(Math.max(p.threshold, MIN_THRESHOLD)),
        precision: p.precision,
        coverageOfLabel: round4(p.coverageOfLabel),
        coverageOfAll: round4(p.coverageOfAll),
        support: p.support,
      });
    }
  }
  return out;
}

/** The settings with the thresholds they give (GET/PUT /api/v1/classification/settings). */
export function classificationSettingsView(ctx: AppContext) {
  return { ...ctx.routing.settings, thresholds: autoDispatchThresholds(ctx) };
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
