/**
 * Evaluation of the routing classifier: deduplication of identical (normalised) texts, stratified
 * k-fold cross-validation, and the metrics of the 泰迪杯 task (macro-F1 = the mean over classes of
 * per-class F1) with accuracy, per-class precision/recall/F1, the confusion matrix, training time
 * and prediction latency.
 */

import { mulberry32 } from "../../platform/seeded-random.ts";
import { expectedCalibrationError } from "./calibration.ts";
import {
  type Classifier,
  featuresOf,
  shuffleInPlace,
  type TrainingSample,
  type TrainOptions,
  trainOnFeatures,
} from "./classifier.ts";
import { DEFAULT_FEATURES, type FeatureOptions, normalise, type TextFeatures } from "./text-pipeline.ts";

export interface DedupResult {
  samples: TrainingSample[];
  /** Samples dropped because an identical normalised text came earlier. */
  duplicates: number;
  /** Distinct texts seen with more than one label (kept once, with the most frequent label). */
  conflicting: number;
}

/**
 * Keeps one sample per identical normalised text (the first one's text), labelled with the text's
 * most frequent label (ties: the label seen first).
 */
export function dedupSamples(samples: readonly TrainingSample[]): DedupResult {
  const groups = new Map<string, { text: string; labels: Map<string, number> }>();
  for (const s of samples) {
    const key = normalise(s.text);
    let g = groups.get(key);
    if (!g) {
      g = { text: s.text, labels: new Map() };
      groups.set(key, g);
    }
    g.labels.set(s.label, (g.labels.get(s.label) ?? 0) + 1);
  }
  let conflicting = 0;
  const out: TrainingSample[] = [];
  for (const g of groups.values()) {
    if (g.labels.size > 1) conflicting++;
    let best = "";
    let bestN = -1;
    for (const [l, n] of g.labels) {
      if (n > bestN) {
        best = l;
        bestN = n;
      }
    }
    out.push({ text: g.text, label: best });
  }
  return { samples: out, duplicates: samples.length - out.length, conflicting };
}

export interface Folds {
  /** fold[i] = the fold of sample i, or -1 when its class is too small to split (training only). */
  fold: number[];
  /** Classes with fewer members than folds: never tested, kept in every training set. */
  tooSmall: { label: string; count: number }[];
}

/**
 * Stratified assignment to k folds: each class's members are shuffled (seeded) and dealt round
 * robin, so every fold gets ⌊n/k⌋ or ⌈n/k⌉ of each class.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 1): Folds {
  if (!Number.isInteger(k) || k < 2) throw new Error("folds must be an integer ≥ 2");
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l) ?? [];
    list.push(i);
    byLabel.set(l, list);
  });
  const fold = labels.map(() => -1);
  const tooSmall: Folds["tooSmall"] = [];
  const rnd = mulberry32(seed);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const members = byLabel.get(label)!;
    if (members.length < k) {
      tooSmall.push({ label, count: members.length });
      continue;
    }
    shuffleInPlace(members, rnd);
    // The offset spreads the remainders of different classes over different folds.
    members.forEach((i, j) => {
      fold[i] = (j + offset) % k;
    });
    offset = (offset + members.length) % k;
  }
  return { fold, tooSmall };
}

export interface ClassMetrics {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Metrics {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** The evaluated labels, in the confusion matrix's order. */
  labels: string[];
  /** confusion[true][predicted]; a prediction outside `labels` (or none) counts in the last column. */
  confusion: number[][];
}

/**
 * Accuracy and macro-F1 over the classes that occur in `truth`. A class never predicted has
 * precision 0 (and F1 0), as in the 泰迪杯 scoring.
 */
export function computeMetrics(truth: readonly string[], predicted: readonly (string | null)[]): Metrics {
  const labels = [...new Set(truth)].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const other = labels.length;
  const confusion = labels.map(() => new Array<number>(labels.length + 1).fill(0));
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] ?? null;
    if (p === t) correct++;
    confusion[index.get(t)!]![p !== null && index.has(p) ? index.get(p)! : other]! += 1;
  });
  const perClass = labels.map((label, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((a, b) => a + b, 0);
    const predictedAs = confusion.reduce((a, row) => a + row[c]!, 0);
    const precision = predictedAs ? tp / predictedAs : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: perClass.length ? perClass.reduce((a, c) => a + c.f1, 0) / perClass.length : 0,
    perClass,
    labels,
    confusion,
  };
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at]!;
}

export interface CrossValidation extends Metrics {
  folds: number;
  /** Samples before deduplication. */
  inputSamples: number;
  duplicates: number;
  conflicting: number;
  classes: number;
  tooSmall: Folds["tooSmall"];
  /** Mean seconds to train one fold's model (on (k−1)/k of the data, features included). */
  trainSeconds: number;
  /** Per predicted text, from raw text to top-3 suggestions. */
  predictP50Ms: number;
  predictP99Ms: number;
  /**
   * The same in CPU time of this process (µs resolution): the cost on an otherwise idle core, when
   * the machine is shared and wall-clock percentiles mostly measure waiting for a CPU.
   */
  predictCpuP50Ms: number;
  predictCpuP99Ms: number;
  /** Texts for which the model made no suggestion (no known feature). */
  noSuggestion: number;
  /** The lowest per-class recall (the class the model serves worst). */
  worstRecall: number;
  /**
   * Expected calibration error of the top suggestion's score (10 bins; texts without a suggestion
   * count as confidence 0, wrong); null when the model gives no scores.
   */
  ece: number | null;
}

/** What cross-validation needs of a model. */
export interface EvaluatedModel {
  predict(text: string, k?: number): { label: string; score?: number }[];
  /** Frees what the model holds (called once the fold is scored). */
  dispose?(): void;
}

export interface CrossValidateOptions extends TrainOptions {
  folds?: number;
  /** Called after each fold with its number (1-based) and the fold count. */
  onFold?: (done: number, total: number) => void;
  /** Trains a model on the given samples instead of ours (for baselines); features unused then. */
  trainer?: (samples: TrainingSample[]) => EvaluatedModel | Promise<EvaluatedModel>;
  /** Trains our model on already made features (default: `trainOnFeatures`, the previous learner). */
  featureTrainer?: (
    docs: TextFeatures[],
    labels: string[],
    opts: TrainOptions & { featureOptions: FeatureOptions },
  ) => Classifier;
}

/**
 * Stratified k-fold cross-validation on deduplicated samples. Each text is featurised once; the
 * vocabulary, IDF and weights are learned per fold from its training part only.
 */
export async function crossValidate(
  samples: readonly TrainingSample[],
  opts: CrossValidateOptions = {},
): Promise<CrossValidation> {
  const k = opts.folds ?? 5;
  const seed = opts.seed ?? 1;
  const dedup = dedupSamples(samples);
  const data = dedup.samples;
  const { fold, tooSmall } = stratifiedFolds(
    data.map((s) => s.label),
    k,
    seed,
  );
  const featureOptions: FeatureOptions = { ...DEFAULT_FEATURES, ...opts.features };
  const f0 = performance.now();
  const feats: TextFeatures[] | null = opts.trainer
    ? null
    : data.map((s) => featuresOf(s.text, featureOptions));
  // Featurising is part of training: each fold is charged its share of it.
  const featureMsPerText = data.length ? (performance.now() - f0) / data.length : 0;
  const truth: string[] = [];
  const predicted: (string | null)[] = [];
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  let trainMs = 0;
  let noSuggestion = 0;
  const confidence: number[] = [];
  let scored = true;
  for (let f = 0; f < k; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    // Samples of too-small classes (fold −1) are in every training part.
    for (const [i, g] of fold.entries()) (g === f ? testIdx : trainIdx).push(i);
    if (testIdx.length === 0) continue;
    const t0 = performance.now();
    const model: EvaluatedModel = opts.trainer
      ? await opts.trainer(trainIdx.map((i) => data[i]!))
      : (opts.featureTrainer ?? trainOnFeatures)(
          trainIdx.map((i) => feats![i]!),
          trainIdx.map((i) => data[i]!.label),
          { seed, hyper: opts.hyper, featureOptions },
        );
    trainMs += performance.now() - t0 + (feats ? featureMsPerText * trainIdx.length : 0);
    for (const i of testIdx) {
      const s = data[i]!;
      const c0 = process.cpuUsage();
      const p0 = performance.now();
      const top = model.predict(s.text, 3);
      latencies.push(performance.now() - p0);
      const c = process.cpuUsage(c0);
      cpuLatencies.push((c.user + c.system) / 1000);
      if (top.length === 0) noSuggestion++;
      if (top.length > 0 && top[0]!.score === undefined) scored = false;
      confidence.push(top[0]?.score ?? 0);
      truth.push(s.label);
      predicted.push(top[0]?.label ?? null);
    }
    model.dispose?.();
    opts.onFold?.(f + 1, k);
  }
  const metrics = computeMetrics(truth, predicted);
  return {
    ...metrics,
    folds: k,
    inputSamples: samples.length,
    duplicates: dedup.duplicates,
    conflicting: dedup.conflicting,
    classes: new Set(data.map((s) => s.label)).size,
    tooSmall,
    trainSeconds: trainMs / 1000 / k,
    predictP50Ms: percentile(latencies, 50),
    predictP99Ms: percentile(latencies, 99),
    predictCpuP50Ms: percentile(cpuLatencies, 50),
    predictCpuP99Ms: percentile(cpuLatencies, 99),
    noSuggestion,
    worstRecall: metrics.perClass.length ? Math.min(...metrics.perClass.map((c) => c.recall)) : 0,
    ece: scored
      ? expectedCalibrationError(
          confidence,
          truth.map((t, i) => predicted[i] === t),
        )
      : null,
  };
}
