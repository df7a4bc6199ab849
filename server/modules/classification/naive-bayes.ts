/**
 * The baseline of the imbalanced protocol: multinomial naive Bayes over character unigrams and
 * bigrams of the normalised text (spaces excluded), Laplace smoothing α = 1, class priors from the
 * training counts — the plain model a practitioner tries first on a new label set. Used by the
 * bench and `hotline classifier eval --protocol imbalanced`; never shipped as a routing model.
 */
import { normalise } from "./text-pipeline.ts";

export interface NaiveBayesModel {
  labels: readonly string[];
  /** Label probabilities (in `labels` order). */
  probabilities(text: string): Float64Array;
  predict(text: string, k?: number): { label: string; score: number }[];
}

/** Character unigrams and bigrams of normalised text; a space breaks bigrams and is no gram itself. */
export function charGrams(text: string): string[] {
  const t = normalise(text);
  const out: string[] = [];
  let prev = "";
  for (const ch of t) {
    if (ch === " ") {
      prev = "";
      continue;
    }
    out.push(ch);
    if (prev) out.push(prev + ch);
    prev = ch;
  }
  return out;
}

export function trainNaiveBayes(
  samples: readonly { text: string; label: string }[],
  alpha = 1,
): NaiveBayesModel {
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const K = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(K);
  const docs = new Float64Array(K);
  for (const s of samples) {
    const c = index.get(s.label)!;
    docs[c]! += 1;
    for (const g of charGrams(s.text)) {
      let row = counts.get(g);
      if (!row) {
        row = new Float64Array(K);
        counts.set(g, row);
      }
      row[c]! += 1;
      totals[c]! += 1;
    }
  }
  const V = counts.size;
  const logPrior = Array.from(docs, (d) => Math.log(d / samples.length));
  const logDenominator = Array.from(totals, (t) => Math.log(t + alpha * V));
  const probabilities = (text: string): Float64Array => {
    const z = Float64Array.from(logPrior);
    for (const g of charGrams(text)) {
      const row = counts.get(g);
      if (!row) continue; // unseen grams carry no evidence
      for (let c = 0; c < K; c++) z[c]! += Math.log(row[c]! + alpha) - logDenominator[c]!;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (const x of z) max = Math.max(max, x);
    let sum = 0;
    for (let c = 0; c < K; c++) {
      z[c] = Math.exp(z[c]! - max);
      sum += z[c]!;
    }
    for (let c = 0; c < K; c++) z[c]! /= sum;
    return z;
  };
  return {
    labels,
    probabilities,
    predict(text: string, k = 3) {
      const p = probabilities(text);
      return labels
        .map((label, c) => ({ label, score: p[c]! }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k);
    },
  };
}
