import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { newId } from "../../platform/ids.ts";
import type { Db, Tx } from "../../storage/database.ts";
import { type Classifier, loadClassifier } from "./classifier.ts";
import { CorrectionLayer } from "./corrections.ts";

/** What a model is trained to name: a category code (分类) or a department id (承办单位). */
export type ModelTarget = "category" | "department";

/** Settings of routing intelligence, kept in `settings` under {@link SETTINGS_KEY}; an admin edits them. */
export interface ClassificationSettings {
  /** Dispatch without an agent when the top category score reaches this (0..1). */
  autoDispatchThreshold: number;
  /**
   * The share of auto-dispatched appeals that must be right (e.g. 0.95): each label gets its own
   * threshold from the calibrated model's held-out predictions (see auto-dispatch.ts). Null: the
   * one `autoDispatchThreshold` for every label, as before; so too for an uncalibrated model.
   */
  autoDispatchPrecision: number | null;
  autoDispatchEnabled: boolean;
  /** The scheduled retrain from history (off by default). */
  retrainEnabled: boolean;
  /** China-time hour of the day at which the scheduled retrain runs. */
  retrainHour: number;
  /** Classes with fewer settled appeals than this are left out of a retrain. */
  minSamplesPerLabel: number;
}

export const SETTINGS_KEY = "classification";

export const DEFAULT_SETTINGS: ClassificationSettings = {
  autoDispatchThreshold: 0.85,
  autoDispatchPrecision: null,
  autoDispatchEnabled: true,
  retrainEnabled: false,
  retrainHour: 3,
  minSamplesPerLabel: 5,
};

/** A loaded model with the row it came from. */
export interface ActiveModel {
  id: string;
  target: ModelTarget;
  version: number;
  source: string;
  /** When it was trained: appeals received later are history it has never seen. */
  createdAt: Date;
  model: Classifier;
}

/** The default category model shipped with the code (trained on the 泰迪杯 2020 messages). */
export const DEFAULT_MODEL_FILE = new URL("./default-model.bin", import.meta.url);

/**
 * The models in use, per target, held in memory and swapped
 * whole when an admin activates another version (in this process at once; in other processes
 * at their next {@link RoutingModels.refresh}, run every minute by the scheduler).
 */
export class RoutingModels {
  private models: Partial<Record<ModelTarget, ActiveModel>> = {};
  settings: ClassificationSettings = { ...DEFAULT_SETTINGS };
  /** Returns, transfers and category changes since the models were trained, applied at once. */
  readonly corrections = new CorrectionLayer();

  /** Loads the active models and the settings; installs the default model once. */
  static async load(db: Db, now: Date): Promise<RoutingModels> {
    const m = new RoutingModels();
    await installDefaultModel(db, now);
    await m.refresh(db);
    return m;
  }

  get(target: ModelTarget): ActiveModel | null {
    return this.models[target] ?? null;
  }

  /** Re-reads what changed: active model ids and settings. */
  async refresh(db: Db | Tx): Promise<void> {
    const rows = await db
      .selectFrom("classifier_models")
      .select(["id", "target", "version", "source", "created_at"])
      .where("active", "=", true)
      .execute();
    for (const target of ["category", "department"] as const) {
      const row = rows.find((r) => r.target === target);
      if (!row) {
        delete this.models[target];
        continue;
      }
      if (this.models[target]?.id === row.id) continue;
      const full = await db
        .selectFrom("classifier_models")
        .select("bytes")
        .where("id", "=", row.id)
        .executeTakeFirstOrThrow();
      this.models[target] = {
        id: row.id,
        target: row.target,
        version: row.version,
        source: row.source,
        createdAt: new Date(row.created_at),
        model: loadClassifier(new Uint8Array(full.bytes)),
      };
    }
    const s = await db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", SETTINGS_KEY)
      .executeTakeFirst();
    this.settings = { ...DEFAULT_SETTINGS, ...((s?.value as Partial<ClassificationSettings>) ?? {}) };
    await this.corrections.catchUp(db);
  }
}

/** Stores a trained model as the next version of its target, optionally making it the active one. */
export async function storeModel(
  db: Db | Tx,
  args: {
    target: ModelTarget;
    source: "default" | "history" | "file";
    bytes: Uint8Array;
    sampleCount: number;
    labelCount: number;
    metrics?: Record<string, unknown>;
    createdBy?: string | null;
    activate: boolean;
    now: Date;
  },
): Promise<{ id: string; version: number }> {
  const run = async (tx: Tx) => {
    // One writer at a time per target, so two trainings never claim the same version.
    await sql`select pg_advisory_xact_lock(hashtext(${`classifier_models:${args.target}`}))`.execute(tx);
    const last = await tx
      .selectFrom("classifier_models")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("target", "=", args.target)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const id = newId();
    if (args.activate) {
      await tx
        .updateTable("classifier_models")
        .set({ active: false })
        .where("target", "=", args.target)
        .where("active", "=", true)
        .execute();
    }
    await tx
      .insertInto("classifier_models")
      .values({
        id,
        target: args.target,
        version,
        source: args.source,
        created_at: args.now,
        created_by: args.createdBy ?? null,
        sample_count: args.sampleCount,
        label_count: args.labelCount,
        metrics: JSON.stringify(args.metrics ?? {}),
        bytes: args.bytes,
        active: args.activate,
      })
      .execute();
    return { id, version };
  };
  return "isTransaction" in db && db.isTransaction ? run(db as Tx) : (db as Db).transaction().execute(run);
}

/** Makes one stored version the active model of its target. */
export async function activateModel(
  db: Db,
  id: string,
): Promise<{ target: ModelTarget; version: number } | null> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("classifier_models")
      .select(["target", "version"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    await tx
      .updateTable("classifier_models")
      .set({ active: false })
      .where("target", "=", row.target)
      .where("active", "=", true)
      .execute();
    await tx.updateTable("classifier_models").set({ active: true }).where("id", "=", id).execute();
    return row;
  });
}

/**
 * On a database without any category model, stores the shipped default model as version 1 and
 * makes it active, so that suggestions work on day one. A missing file leaves routing to agents.
 */
async function installDefaultModel(db: Db, now: Date): Promise<void> {
  const any = await db
    .selectFrom("classifier_models")
    .select("id")
    .where("target", "=", "category")
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(DEFAULT_MODEL_FILE));
  } catch {
    return;
  }
  const model = loadClassifier(bytes);
  await storeModel(db, {
    target: "category",
    source: "default",
    bytes,
    sampleCount: 0,
    labelCount: model.labels.length,
    metrics: {
      note: "default model shipped with Hotline, trained on the 泰迪杯 2020 messages (level-1 categories)",
    },
    activate: true,
    now,
  });
}
