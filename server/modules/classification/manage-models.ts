/**
 * The admin's hand on the models (模型管理): list the stored versions, activate one, retrain from
 * history now, and change the auto-dispatch and retrain settings. Every change refreshes this
 * process's {@link RoutingModels} at once; other processes pick it up at their next refresh.
 */
import type {
  ActivatedModelDto,
  ClassificationSettings,
  ClassificationSettingsInput,
  ModelTarget,
  ModelVersion,
  RetrainInput,
  RetrainResult,
} from "../../../common/contracts/classification.ts";
import type { AppContext } from "../../app-context.ts";
import { notFound } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { presentModel } from "./model.presenter.ts";
import { retrainFromHistory } from "./retrain.ts";
import { activateModel, DEFAULT_SETTINGS, SETTINGS_KEY } from "./routing-models.ts";

/** The stored model versions, per target newest first (at most 200). */
export async function listModels(ctx: AppContext): Promise<ModelVersion[]> {
  const rows = await ctx.db
    .selectFrom("classifier_models")
    .select([
      "id",
      "target",
      "version",
      "source",
      "created_at",
      "created_by",
      "sample_count",
      "label_count",
      "metrics",
      "active",
    ])
    .orderBy("target")
    .orderBy("version", "desc")
    .limit(200)
    .execute();
  return rows.map(presentModel);
}

/** Makes a stored version the active model of its target; no restart needed. */
export async function activateModelVersion(ctx: AppContext, id: string): Promise<ActivatedModelDto> {
  const done = await activateModel(ctx.db, id);
  if (!done) throw notFound("model", id);
  await ctx.routing.refresh(ctx.db);
  return { id, ...done, active: true };
}

/** Retrains one target (or both, category first) from the hotline's history now. */
export async function retrainModels(
  ctx: AppContext,
  user: AuthUser,
  input: RetrainInput,
): Promise<RetrainResult[]> {
  const targets: readonly ModelTarget[] = input.target ? [input.target] : ["category", "department"];
  const items: RetrainResult[] = [];
  for (const t of targets) {
    items.push(await retrainFromHistory(ctx, t, { force: input.force, createdBy: user.username }));
  }
  return items;
}

/** Changes some settings; the rest keep their values (or the defaults). */
export async function updateClassificationSettings(
  ctx: AppContext,
  input: ClassificationSettingsInput,
): Promise<ClassificationSettings> {
  const next: ClassificationSettings = { ...DEFAULT_SETTINGS, ...ctx.routing.settings, ...input };
  await ctx.db
    .insertInto("settings")
    .values({ key: SETTINGS_KEY, value: JSON.stringify(next) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(next) }))
    .execute();
  await ctx.routing.refresh(ctx.db);
  return ctx.routing.settings;
}
