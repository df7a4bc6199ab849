/**
 * Confidence that means what it says (置信度校准): expected calibration error, a temperature fitted
 * on held-out predictions, and per-label operating points — for each label, the lowest score at
 * which the held-out predictions of that label were right at least as often as an admin asks
 * ("auto-dispatch only where ≥ 95 % would be right"), with the share of appeals it would cover.
 *
 * Pure functions over numbers; nothing here knows about texts or models.
 */

/** One held-out prediction: the true label's index, and the model's probabilities. */
export interface HeldOut {
  truth: number;
  probs: Float64Array;
}

/**
 * Expected calibration error of top-label confidences: predictions binned by confidence into
 * `bins` equal-width bins, the mean over bins of |accuracy − mean confidence| weighted by the
 * bin's share of predictions. 0 = perfectly calibrated.
 */
export function expectedCalibrationError(
  confidence: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  const n = confidence.length;
  if (n === 0) return 0;
  const sumConf = new Float64Array(bins);
  const sumRight = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const c = Math.min(1, Math.max(0, confidence[i]!));
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sumConf[b]! += c;
    sumRight[b]! += correct[i] ? 1 : 0;
    count[b]! += 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    ece += (count[b]! / n) * Math.abs(sumRight[b]! / count[b]! - sumConf[b]! / count[b]!);
  }
  return ece;
}

/** Probabilities scaled by a temperature: softmax(log p / T), in place. T > 1 flattens, T < 1 sharpens. */
export function applyTemperature(probs: Float64Array, temperature: number): Float64Array {
  if (temperature === 1) return probs;
  const inv = 1 / temperature;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < probs.length; k++) {
    const z = Math.log(Math.max(probs[k]!, 1e-300)) * inv;
    probs[k] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let k = 0; k < probs.length; k++) {
    probs[k] = Math.exp(probs[k]! - max);
    sum += probs[k]!;
  }
  for (let k = 0; k < probs.length; k++) probs[k]! /= sum;
  return probs;
}

/** Mean negative log-likelihood of the true labels after scaling by `temperature`. */
function nll(heldOut: readonly HeldOut[], temperature: number): number {
  let total = 0;
  const inv = 1 / temperature;
  for (const h of heldOut) {
    let max = Number.NEGATIVE_INFINITY;
    for (const p of h.probs) max = Math.max(max, Math.log(Math.max(p, 1e-300)) * inv);
    let sum = 0;
    for (const p of h.probs) sum += Math.exp(Math.log(Math.max(p, 1e-300)) * inv - max);
    total -= Math.log(Math.max(h.probs[h.truth]!, 1e-300)) * inv - max - Math.log(sum);
  }
  return total / Math.max(1, heldOut.length);
}

const MIN_HELD_OUT = 30;
const MIN_WRONG = 3;
const MIN_TEMPERATURE = 0.3;
const MAX_TEMPERATURE = 10;

/**
 * The temperature (0.3…10; 1 with under 30 held-out predictions or under 3 wrong ones) that minimises the held-out negative log-likelihood (Guo et al.'s
 * temperature scaling): golden-section search on log T. 1 when there is nothing to fit.
 */
export function fitTemperature(heldOut: readonly HeldOut[]): number {
  // Without enough held-out predictions, and enough wrong ones, there is no evidence of
  // miscalibration: on a set the model never gets wrong the likelihood grows without end as the
  // temperature falls, which would turn every score into a certainty.
  let wrong = 0;
  for (const h of heldOut) {
    let top = 0;
    for (let k = 1; k < h.probs.length; k++) if (h.probs[k]! > h.probs[top]!) top = k;
    if (top !== h.truth) wrong++;
  }
  if (heldOut.length < MIN_HELD_OUT || wrong < MIN_WRONG) return 1;
  let lo = Math.log(MIN_TEMPERATURE);
  let hi = Math.log(MAX_TEMPERATURE);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(heldOut, Math.exp(a));
  let fb = nll(heldOut, Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(heldOut, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(heldOut, Math.exp(b));
    }
  }
  return Math.round(Math.exp((lo + hi) / 2) * 1000) / 1000;
}

/**
 * What a model's held-out predictions say about one label's scores: the held-out predictions
 * whose top label it was, as (calibrated top score, right?) pairs, best score first, compacted to
 * at most 64 score steps so a model with hundreds of labels stays small.
 */
export interface LabelReliability {
  /** Top-score thresholds, descending. */
  scores: number[];
  /** Held-out predictions of this label with a top score ≥ scores[i] … */
  predicted: number[];
  /** … and how many of them were right. */
  right: number[];
}

/** Per label (in label order), the reliability of its held-out top predictions; `total` = held-out count. */
export interface Reliability {
  total: number;
  labels: LabelReliability[];
}

/** Builds the per-label reliability from held-out predictions (probabilities already calibrated). */
export function reliabilityOf(heldOut: readonly HeldOut[], labelCount: number): Reliability {
  const byLabel: { score: number; right: boolean }[][] = Array.from({ length: labelCount }, () => []);
  for (const h of heldOut) {
    let top = 0;
    for (let k = 1; k < h.probs.length; k++) if (h.probs[k]! > h.probs[top]!) top = k;
    byLabel[top]!.push({ score: h.probs[top]!, right: top === h.truth });
  }
  const labels = byLabel.map((list) => {
    list.sort((a, b) => b.score - a.score);
    const out: LabelReliability = { scores: [], predicted: [], right: [] };
    const step = Math.max(1, Math.ceil(list.length / 64));
    let right = 0;
    let since = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.right) right++;
      since++;
      const last = i === list.length - 1;
      // A step ends where the score changes, after at least `step` predictions.
      if (last || (since >= step && list[i + 1]!.score < list[i]!.score)) {
        since = 0;
        out.scores.push(Math.round(list[i]!.score * 10000) / 10000);
        out.predicted.push(i + 1);
        out.right.push(right);
      }
    }
    return out;
  });
  return { total: heldOut.length, labels };
}

/** One label's auto-dispatch threshold for an asked precision. */
export interface OperatingPoint {
  /** Dispatch this label by itself when its calibrated top score is at least this; null = never. */
  threshold: number | null;
  /** Held-out precision at that threshold (right / dispatched). */
  precision: number | null;
  /** Share of this label's held-out top predictions the threshold lets through (0..1). */
  coverageOfLabel: number;
  /** Share of all held-out appeals that it would dispatch as this label (0..1). */
  coverageOfAll: number;
  /** Held-out predictions of this label the choice rests on. */
  support: number;
}

/**
 * The lowest threshold at which this label's held-out predictions were right at least `precision`
 * of the time, counting only thresholds backed by at least `minSupport` predictions; a precision
 * lower bound (Wilson, z = 1) is used, so a label seen 5 times right in 5 does not count as 100 %.
 */
export function operatingPoint(
  r: LabelReliability,
  total: number,
  precision: number,
  minSupport = 5,
): OperatingPoint {
  const all = r.predicted.at(-1) ?? 0;
  let best: OperatingPoint = {
    threshold: null,
    precision: null,
    coverageOfLabel: 0,
    coverageOfAll: 0,
    support: all,
  };
  for (let i = 0; i < r.scores.length; i++) {
    const n = r.predicted[i]!;
    if (n < minSupport) continue;
    const p = r.right[i]! / n;
    if (wilsonLower(p, n) >= precision) {
      best = {
        threshold: r.scores[i]!,
        precision: Math.round(p * 10000) / 10000,
        coverageOfLabel: all ? n / all : 0,
        coverageOfAll: total ? n / total : 0,
        support: all,
      };
    }
  }
  return best;
}

/** Lower bound of the Wilson score interval, z = 1 (about 84 % one-sided). */
function wilsonLower(p: number, n: number): number {
  const z2 = 1;
  const centre = p + z2 / (2 * n);
  const spread = Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre - spread) / (1 + z2 / n);
}
