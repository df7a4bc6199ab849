import type { ModelVersion } from "../../../common/contracts/classification.ts";

/** What {@link presentModel} reads of a `classifier_models` row (never the model's bytes). */
export interface ModelRow {
  id: string;
  target: ModelVersion["target"];
  version: number;
  source: string;
  created_at: Date | string;
  created_by: string | null;
  sample_count: number;
  label_count: number;
  metrics: unknown;
  active: boolean;
}

/** A stored model version for the wire. */
export const presentModel = (r: ModelRow): ModelVersion => ({
  id: r.id,
  target: r.target,
  version: r.version,
  source: r.source,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
  sampleCount: r.sample_count,
  labelCount: r.label_count,
  metrics: r.metrics && typeof r.metrics === "object" ? (r.metrics as Record<string, unknown>) : {},
  active: r.active,
});
