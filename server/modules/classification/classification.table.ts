import type { ColumnType, Generated } from "kysely";

/** `classifier_models`: trained models, versioned per target; one active per target. */
export interface ClassifierModelsTable {
  id: string;
  target: "category" | "department";
  version: number;
  source: "default" | "history" | "file";
  created_at: ColumnType<Date, Date, never>;
  created_by: string | null;
  sample_count: number;
  label_count: number;
  metrics: ColumnType<unknown, string, string>;
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  active: Generated<boolean>;
}
