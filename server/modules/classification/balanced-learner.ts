/**
 * The learner for small, imbalanced label sets (the normal case of department models: hundreds of
 * departments, most with few settled appeals): the softmax regression of classifier.ts, fully
 * class-balanced (each class weighs as much as any other in the loss, a prior correction), its L2
 * regularisation chosen by inner cross-validation on the training data only (never on a test
 * fold), and its scores calibrated by a temperature fitted on the inner folds' held-out
 * predictions, which also give each label's reliability (per-label auto-dispatch thresholds).
 *
 * Features are the shared pipeline's (text-pipeline.ts): sublinear TF, L2 length normalisation,
 * the opening (subject) counted apart. One pipeline for training and prediction: the model is a
 * plain `Classifier` whose info says `learner: "balanced-cv"`.
 */

import {
  applyTemperature,
  expectedCalibrationError,
  fitTemperature,
  type HeldOut,
  reliabilityOf,
} from "./calibration.ts";
import {
  type Classifier,
  featuresOf,
  type TrainHyper,
  type TrainingSample,
  type TrainOptions,
  trainOnFeatures,
  withInfo,
} from "./classifier.ts";
import { computeMetrics, stratifiedFolds } from "./evaluate.ts";
import { DEFAULT_FEATURES, type FeatureOptions, type TextFeatures } from "./text-pipeline.ts";

/** L2 strengths compared by the inner cross-validation (per sample, as TrainHyper.lambda). */
export const LAMBDA_GRID = [1e-5, 1e-4, 1e-3] as const;
/** Inner folds on small sets. */
const INNER_FOLDS = 3;
/**
 * Above this many training texts the grid is not searched (each candidate costs a full training):
 * the previous knobs are kept (they were tuned on the 9,000-letter 泰迪杯 set) and one held-out
 * fifth only calibrates.
 */
export const LARGE_SET = 3000;

/** What a large set trains with: the previous learner's knobs (class balance 0.5, λ 3·10⁻⁶). */
const LARGE_SET_HYPER: Partial<TrainHyper> = {};

export interface BalancedOptions extends TrainOptions {
  /** Override the grid (tests). */
  lambdas?: readonly number[];
}

/** Trains the balanced, cross-validated, calibrated model on already made features. */
export function trainBalancedOnFeatures(
  docs: readonly TextFeatures[],
  labelsOfDocs: readonly string[],
  opts: BalancedOptions & { featureOptions?: FeatureOptions } = {},
): Classifier {
  const seed = opts.seed ?? 1;
  const N = docs.length;
  const labels = [...new Set(labelsOfDocs)].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const small = N <= LARGE_SET;
  const candidates: Partial<TrainHyper>[] = small
    ? (opts.lambdas ?? LAMBDA_GRID).map((lambda) => ({ lambda, classBalance: 1 }))
    : [LARGE_SET_HYPER];
  // Inner folds over the training data only: three on small sets, one held-out fifth on large ones.
  const inner = stratifiedFolds(labelsOfDocs, small ? INNER_FOLDS : 5, seed + 7919);
  const innerRounds = small ? INNER_FOLDS : 1;
  const heldOutOf: HeldOut[][] = candidates.map(() => []);
  const predictedOf: string[][] = candidates.map(() => []);
  const truthOf: string[] = [];
  for (let f = 0; f < innerRounds; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    for (const [i, g] of inner.fold.entries()) (g === f ? te : tr).push(i);
    if (te.length === 0 || new Set(tr.map((i) => labelsOfDocs[i])).size < 2) continue;
    for (const i of te) truthOf.push(labelsOfDocs[i]!);
    candidates.forEach((hyper, c) => {
      const m = trainOnFeatures(
        tr.map((i) => docs[i]!),
        tr.map((i) => labelsOfDocs[i]!),
        { seed, hyper: { ...opts.hyper, ...hyper }, featureOptions: opts.featureOptions },
      );
      // The inner model may not know every label (a class with one member): map its columns.
      const cols = m.labels.map((l) => labelIndex.get(l)!);
      for (const i of te) {
        const p = m.probabilities(docs[i]!);
        const full = new Float64Array(labels.length);
        if (p) for (let k = 0; k < cols.length; k++) full[cols[k]!] = p[k]!;
        else full.fill(1 / labels.length);
        heldOutOf[c]!.push({ truth: labelIndex.get(labelsOfDocs[i]!)!, probs: full });
        let top = 0;
        for (let k = 1; k < full.length; k++) if (full[k]! > full[top]!) top = k;
        predictedOf[c]!.push(labels[top]!);
      }
    });
  }
  // The candidate with the best held-out macro-F1 (ties: the stronger regularisation).
  const scores = candidates.map((_, c) => computeMetrics(truthOf, predictedOf[c]!).macroF1);
  let best = 0;
  for (let c = 1; c < candidates.length; c++) if (scores[c]! >= scores[best]!) best = c;
  const chosen = { ...opts.hyper, ...candidates[best] };
  const model = trainOnFeatures(docs, labelsOfDocs, {
    seed,
    hyper: chosen,
    featureOptions: opts.featureOptions,
    onProgress: opts.onProgress,
  });
  // Prior correction: per-label log-score offsets that maximise the held-out macro-F1, so that a
  // small class the weighting alone leaves unpredicted still gets its share.
  const offsets = small ? tuneOffsets(heldOutOf[best]!, labels.length) : new Float64Array(labels.length);
  const heldOut = heldOutOf[best]!.map((h) => ({ truth: h.truth, probs: shifted(h.probs, offsets) }));
  const correct = heldOut.map((h) => argmax(h.probs) === h.truth);
  const eceBefore = expectedCalibrationError(
    heldOut.map((h) => Math.max(...h.probs)),
    correct,
  );
  const temperature = fitTemperature(heldOut);
  const calibrated = heldOut.map((h) => ({
    truth: h.truth,
    probs: applyTemperature(Float64Array.from(h.probs), temperature),
  }));
  const eceAfter = expectedCalibrationError(
    calibrated.map((h) => Math.max(...h.probs)),
    correct,
  );
  return withInfo(
    model,
    {
      learner: "balanced-cv",
      calibration: {
        temperature,
        heldOut: heldOut.length,
        eceBefore: round4(eceBefore),
        eceAfter: round4(eceAfter),
        reliability: reliabilityOf(calibrated, labels.length),
      },
      selection: small
        ? {
            lambda: chosen.lambda ?? 0,
            candidates: candidates.map((h, c) => ({ lambda: h.lambda ?? 0, macroF1: round4(scores[c]!) })),
            innerFolds: INNER_FOLDS,
            offsets: Array.from(offsets, round4),
          }
        : undefined,
    },
    offsets,
  );
}

/** Probabilities with log offsets added, renormalised (a new array). */
function shifted(p: Float64Array, offsets: Float64Array): Float64Array {
  const out = new Float64Array(p.length);
  let sum = 0;
  for (let k = 0; k < p.length; k++) {
    out[k] = p[k]! * Math.exp(offsets[k]!);
    sum += out[k]!;
  }
  for (let k = 0; k < p.length; k++) out[k]! /= sum;
  return out;
}

const OFFSET_GRID = Array.from({ length: 17 }, (_, i) => -1 + i * 0.25); // −1 … +3
/** Work cap of the offset search (held-out × labels² × grid × rounds). */
const OFFSET_WORK = 4e8;

/**
 * Coordinate ascent, three rounds, on each label's log offset over a small grid, keeping a change
 * only when it raises the held-out macro-F1; zeros when the search would cost too much.
 */
export function tuneOffsets(heldOut: readonly HeldOut[], K: number): Float64Array {
  const n = heldOut.length;
  const offsets = new Float64Array(K);
  if (n === 0 || n * K * K * OFFSET_GRID.length * 3 > OFFSET_WORK) return offsets;
  const logp = heldOut.map((h) => Float64Array.from(h.probs, (p) => Math.log(Math.max(p, 1e-12))));
  const tp = new Float64Array(K);
  const pred = new Float64Array(K);
  const support = new Float64Array(K);
  for (const h of heldOut) support[h.truth]! += 1;
  const macroF1 = (o: Float64Array) => {
    tp.fill(0);
    pred.fill(0);
    for (let i = 0; i < n; i++) {
      const z = logp[i]!;
      let top = 0;
      let best = z[0]! + o[0]!;
      for (let k = 1; k < K; k++) {
        const v = z[k]! + o[k]!;
        if (v > best) {
          best = v;
          top = k;
        }
      }
      pred[top]! += 1;
      if (top === heldOut[i]!.truth) tp[top]! += 1;
    }
    let f = 0;
    let classes = 0;
    for (let k = 0; k < K; k++) {
      if (support[k] === 0) continue;
      classes++;
      const d = pred[k]! + support[k]!;
      f += d > 0 ? (2 * tp[k]!) / d : 0;
    }
    return classes ? f / classes : 0;
  };
  let current = macroF1(offsets);
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (let c = 0; c < K; c++) {
      const keep = offsets[c]!;
      let bestV = keep;
      for (const v of OFFSET_GRID) {
        if (v === keep) continue;
        offsets[c] = v;
        const f = macroF1(offsets);
        if (f > current + 1e-9 || (Math.abs(f - current) <= 1e-9 && Math.abs(v) < Math.abs(bestV))) {
          current = Math.max(current, f);
          bestV = v;
        }
      }
      offsets[c] = bestV;
      if (bestV !== keep) changed = true;
    }
    if (!changed) break;
  }
  return offsets;
}

/** Trains the balanced learner on labelled texts (deterministic given the seed). */
export function trainBalanced(samples: readonly TrainingSample[], opts: BalancedOptions = {}): Classifier {
  if (samples.length === 0) throw new Error("trainBalanced: no training samples");
  const featureOptions = { ...DEFAULT_FEATURES, ...opts.features };
  const docs = samples.map((s) => featuresOf(s.text, featureOptions));
  return trainBalancedOnFeatures(
    docs,
    samples.map((s) => s.label),
    { ...opts, featureOptions },
  );
}

function argmax(p: Float64Array): number {
  let top = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
  return top;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
