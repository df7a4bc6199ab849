/**
 * The routing classifier's public surface (pure: no database, no HTTP). The intake module stores
 * `serialize()`d models and loads them with `loadClassifier`; a fresh install starts from the
 * committed default model (level-1 category codes, trained on the 泰迪杯 2020 messages by
 * `scripts/train-default-model.ts`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { trainBalanced } from "./balanced-learner.ts";
import { type Classifier, loadClassifier, type TrainingSample, type TrainOptions } from "./classifier.ts";
import { dedupSamples } from "./evaluate.ts";

export {
  type Classifier,
  loadClassifier,
  type ModelInfo,
  type Suggestion,
  type TrainingSample,
  type TrainOptions,
  trainClassifier,
} from "./classifier.ts";
export { DataFileError, readLabelledFile } from "./data-file.ts";
export { type CrossValidation, crossValidate, dedupSamples } from "./evaluate.ts";
export { maskPersonalData, normalise } from "./text-pipeline.ts";

/** Where the committed default model lives. */
export const DEFAULT_MODEL_PATH = join(import.meta.dirname, "default-model.bin");

/** The committed default model, or null when the file is absent (e.g. not generated yet). */
export function loadDefaultClassifier(): Classifier | null {
  if (!existsSync(DEFAULT_MODEL_PATH)) return null;
  return loadClassifier(readFileSync(DEFAULT_MODEL_PATH));
}

export interface TrainedModel {
  classifier: Classifier;
  /** The model as stored (`classifier.serialize()`). */
  bytes: Uint8Array;
  /** Samples given, and how many remained after dropping identical (normalised) texts. */
  samples: number;
  distinctSamples: number;
  /** Texts seen with more than one label (kept once, with the most frequent label). */
  conflicting: number;
  labels: readonly string[];
  trainSeconds: number;
}

/**
 * Trains a model on labelled texts (from the database's history or a file): identical texts are
 * kept once, then `trainBalanced` (the learner for small, imbalanced label sets). Synchronous and
 * CPU-bound (about 10–30 s for 10,000 texts on one core); `onProgress(done, total)` drives a
 * progress bar. Throws when there are no samples or fewer than two labels.
 */
export function trainFromSamples(samples: readonly TrainingSample[], opts: TrainOptions = {}): TrainedModel {
  const dedup = dedupSamples(samples);
  const labels = new Set(dedup.samples.map((s) => s.label));
  if (labels.size < 2) throw new Error(`training needs at least two labels (got ${labels.size})`);
  const t0 = performance.now();
  const classifier = trainBalanced(dedup.samples, opts);
  const trainSeconds = (performance.now() - t0) / 1000;
  return {
    classifier,
    bytes: classifier.serialize(),
    samples: samples.length,
    distinctSamples: dedup.samples.length,
    conflicting: dedup.conflicting,
    labels: classifier.labels,
    trainSeconds,
  };
}
