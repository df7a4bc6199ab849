/**
 * Wire contract of routing intelligence (智能分拨): live suggestions while the agent types, the
 * stored model versions, retraining and the auto-dispatch settings.
 */
import { type Static, Type } from "@sinclair/typebox";
import { IsoDateTime, Nullable, StringEnum } from "./shared.ts";

const Code = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" });

/** What a model is trained to name: a category code (分类) or a department id (承办单位). */
export const MODEL_TARGETS = ["category", "department"] as const;
export type ModelTarget = (typeof MODEL_TARGETS)[number];

/** `POST /api/v1/classification/suggest`. */
export const SuggestBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    body: Type.Optional(Type.String({ maxLength: 200_000 })),
    regionCode: Type.Optional(Code),
    categoryCode: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type SuggestInput = Static<typeof SuggestBody>;

/** One category suggested for a text: the code, its name, the score and the words behind it. */
export const CategorySuggestionDto = Type.Object({
  code: Type.String(),
  name: Type.String(),
  score: Type.Number({ description: "0–1, four decimals" }),
  words: Type.Array(Type.String(), { description: "the words that drove the score" }),
});
export type CategorySuggestion = Static<typeof CategorySuggestionDto>;

/** The department an appeal would go to, and why: the admin's routing table or the learned model. */
export const DepartmentSuggestionDto = Type.Object({
  departmentId: Type.String(),
  name: Type.String(),
  source: StringEnum(["table", "model"] as const),
  score: Nullable(Type.Number({ description: "the model's probability when source is model" })),
});
export type DepartmentSuggestion = Static<typeof DepartmentSuggestionDto>;

/** The answer of `POST /api/v1/classification/suggest`; empty `items` means no suggestion. */
export const SuggestResult = Type.Object({
  items: Type.Array(CategorySuggestionDto, { description: "top 3 categories, best first" }),
  modelVersion: Nullable(Type.Integer()),
  departmentId: Nullable(Type.String()),
  department: Nullable(DepartmentSuggestionDto),
  wouldAutoDispatch: Type.Boolean({ description: "whether intake would dispatch this appeal by itself" }),
  threshold: Type.Number({ description: "the auto-dispatch threshold in force" }),
});
export type SuggestResultDto = Static<typeof SuggestResult>;

/** A stored model version. */
export const ModelVersionDto = Type.Object({
  id: Type.String(),
  target: StringEnum(MODEL_TARGETS),
  version: Type.Integer(),
  source: Type.String({ description: "default, history or file" }),
  createdAt: IsoDateTime,
  createdBy: Nullable(Type.String()),
  sampleCount: Type.Integer(),
  labelCount: Type.Integer(),
  metrics: Type.Record(Type.String(), Type.Unknown(), {
    description: "what training measured (hold-out accuracy, cross-validation …); free-form",
  }),
  active: Type.Boolean(),
});
export type ModelVersion = Static<typeof ModelVersionDto>;

export const ModelVersionList = Type.Object({ items: Type.Array(ModelVersionDto) });
export type ModelVersionListDto = Static<typeof ModelVersionList>;

/** `{id}` of `POST /api/v1/classification/models/{id}/activate`. */
export const ModelIdParams = Type.Object({ id: Type.String({ format: "uuid" }) });

/** What activating did. */
export const ActivatedModel = Type.Object({
  id: Type.String(),
  target: StringEnum(MODEL_TARGETS),
  version: Type.Integer(),
  active: Type.Literal(true),
});
export type ActivatedModelDto = Static<typeof ActivatedModel>;

/** `POST /api/v1/classification/retrain`: one target or both; `force` activates even if not better. */
export const RetrainBody = Type.Object(
  { target: Type.Optional(StringEnum(MODEL_TARGETS)), force: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type RetrainInput = Static<typeof RetrainBody>;

/** One retrain's outcome. */
export const RetrainResultDto = Type.Object({
  target: StringEnum(MODEL_TARGETS),
  status: StringEnum(["trained", "skipped"] as const),
  reason: Type.Optional(Type.String({ description: "why it was skipped" })),
  version: Type.Optional(Type.Integer()),
  activated: Type.Optional(Type.Boolean()),
  samples: Type.Integer(),
  labels: Type.Integer(),
  corrected: Type.Integer({ description: "settled appeals whose routing was corrected" }),
  dropped: Type.Integer(),
  holdoutAccuracy: Type.Optional(Type.Number()),
  previousHoldoutAccuracy: Type.Optional(
    Nullable(Type.Number({ description: "the active model on the same unseen appeals; null: no fair test" })),
  ),
  trainSeconds: Type.Optional(Type.Number()),
});
export type RetrainResult = Static<typeof RetrainResultDto>;

export const RetrainResultList = Type.Object({ items: Type.Array(RetrainResultDto) });
export type RetrainResultListDto = Static<typeof RetrainResultList>;

const settingsFields = {
  autoDispatchThreshold: Type.Number({
    minimum: 0.3,
    maximum: 1,
    description: "dispatch without an agent when the top category score reaches this",
  }),
  autoDispatchPrecision: Nullable(
    Type.Number({
      minimum: 0.5,
      maximum: 0.999,
      description:
        "share of auto-dispatched appeals that must be right (e.g. 0.95): per-label thresholds from the calibrated model; null = autoDispatchThreshold for every label",
    }),
  ),
  autoDispatchEnabled: Type.Boolean(),
  retrainEnabled: Type.Boolean({ description: "the scheduled retrain from history (off by default)" }),
  retrainHour: Type.Integer({ minimum: 0, maximum: 23, description: "China-time hour of the retrain" }),
  minSamplesPerLabel: Type.Integer({
    minimum: 1,
    maximum: 1000,
    description: "classes with fewer settled appeals are left out of a retrain",
  }),
};

/** One label's auto-dispatch threshold under the asked precision, and what it would cover. */
export const LabelThresholdDto = Type.Object({
  target: StringEnum(MODEL_TARGETS),
  label: Type.String({ description: "category code or department id" }),
  name: Nullable(Type.String()),
  threshold: Nullable(Type.Number({ description: "null: never dispatched by itself" })),
  precision: Nullable(Type.Number({ description: "held-out precision at the threshold" })),
  coverageOfLabel: Type.Number({ description: "share of this label's appeals it would dispatch (0–1)" }),
  coverageOfAll: Type.Number({ description: "share of all appeals it would dispatch as this label (0–1)" }),
  support: Type.Integer({ description: "held-out predictions of this label" }),
});
export type LabelThreshold = Static<typeof LabelThresholdDto>;

/** Settings of routing intelligence (an admin edits them), with the per-label thresholds they give. */
export const ClassificationSettingsDto = Type.Object({
  ...settingsFields,
  thresholds: Type.Optional(
    Type.Array(LabelThresholdDto, {
      description: "per-label thresholds when autoDispatchPrecision is set and the model is calibrated",
    }),
  ),
});
export type ClassificationSettings = Static<typeof ClassificationSettingsDto>;

/** `PUT /api/v1/classification/settings`: the fields that change. */
export const ClassificationSettingsBody = Type.Partial(Type.Object(settingsFields), {
  additionalProperties: false,
});
export type ClassificationSettingsInput = Static<typeof ClassificationSettingsBody>;
