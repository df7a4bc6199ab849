/**
 * The imbalanced development protocol (不均衡评测): what department routing looks like — a few
 * hundred letters over a handful of units, the largest ≈ 40 % of them, the smallest 20–30 letters,
 * long texts with title and body as published. From a larger labelled file it draws seeded skewed
 * subsets and cross-validates, on the same folds in the same run, our learner (balanced-cv), the
 * previous learner (softmax-sgd, unchanged) and multinomial naive Bayes over character uni- and
 * bigrams, then averages over seeds.
 */
import { mulberry32 } from "../../platform/seeded-random.ts";
import { trainBalancedOnFeatures } from "./balanced-learner.ts";
import { shuffleInPlace, type TrainingSample } from "./classifier.ts";
import { readRows } from "./data-file.ts";
import { type CrossValidation, crossValidate } from "./evaluate.ts";
import { trainNaiveBayes } from "./naive-bayes.ts";

/**
 * Letters from the 泰迪杯 raw file (attachment2_raw_subset.csv): 留言主题 and 留言详情 joined by a
 * newline exactly as published (the detail's padding of line breaks and tabs kept) where the row
 * has them, else the published title+detail column; labelled with 一级标签. Generic files: the
 * given text columns joined with a newline, untrimmed.
 */
export async function readLetters(
  file: string,
  opts: { textColumns?: readonly string[]; labelColumn?: string } = {},
): Promise<TrainingSample[]> {
  const { header, rows } = await readRows(file);
  const col = (name: string) => header.indexOf(name);
  const label = col(opts.labelColumn ?? "一级标签");
  if (label < 0) throw new Error(`${file}: no label column "${opts.labelColumn ?? "一级标签"}"`);
  const textCols = (opts.textColumns ?? []).map((c) => {
    const i = col(c);
    if (i < 0) throw new Error(`${file}: no column "${c}"`);
    return i;
  });
  const title = col("留言主题");
  const detail = col("留言详情");
  const joined = col("留言主题+留言详情");
  const out: TrainingSample[] = [];
  for (const r of rows) {
    const l = (r[label] ?? "").trim();
    if (!l) continue;
    let text: string;
    if (textCols.length) text = textCols.map((i) => r[i] ?? "").join("\n");
    else if (title >= 0 && (r[title] ?? "").trim())
      text = `${r[title]}\n${detail >= 0 ? (r[detail] ?? "") : ""}`;
    else if (joined >= 0) text = r[joined] ?? "";
    else continue;
    if (text.trim()) out.push({ text, label: l });
  }
  return out;
}

export interface SkewOptions {
  /** Total letters wanted (600–1,000). */
  size?: number;
  /** Share of the largest class. */
  largestShare?: number;
  /** The two smallest classes get between these many letters. */
  smallest?: [number, number];
}

/**
 * A seeded skewed subset: classes in a seeded order get geometrically decreasing sizes from
 * `largestShare` of `size` down to the two smallest, which get 20–30 letters each; every class is
 * capped by what the file has. The size is drawn in 700–900 unless given.
 */
export function skewedSubset(
  samples: readonly TrainingSample[],
  seed: number,
  opts: SkewOptions = {},
): TrainingSample[] {
  const rnd = mulberry32(seed * 7717 + 13);
  const byLabel = new Map<string, TrainingSample[]>();
  for (const s of samples) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s]);
  const labels = shuffleInPlace([...byLabel.keys()].sort(), rnd);
  const K = labels.length;
  const size = opts.size ?? 700 + Math.floor(rnd() * 201);
  const [lo, hi] = opts.smallest ?? [20, 30];
  const largest = Math.round((opts.largestShare ?? 0.4) * size);
  // The largest class goes to a label with enough letters.
  const big = labels.findIndex((l) => byLabel.get(l)!.length >= largest);
  if (big > 0) [labels[0], labels[big]] = [labels[big]!, labels[0]!];
  const sizes = new Array<number>(K).fill(0);
  sizes[0] = largest;
  const tail = Math.min(2, Math.max(0, K - 1));
  for (let i = K - tail; i < K; i++) sizes[i] = lo + Math.floor(rnd() * (hi - lo + 1));
  // The middle classes share what is left, decreasing geometrically between the ends.
  const middle = K - 1 - tail;
  if (middle > 0) {
    const left = Math.max(0, size - sizes.reduce((a, b) => a + b, 0));
    const ratio = (hi / largest) ** (1 / (middle + 1));
    const raw = Array.from({ length: middle }, (_, j) => ratio ** (j + 1));
    const sum = raw.reduce((a, b) => a + b, 0);
    raw.forEach((r, j) => {
      sizes[1 + j] = Math.max(hi, Math.min(largest - 1, Math.round((r / sum) * left)));
    });
  }
  const out: TrainingSample[] = [];
  labels.forEach((l, i) => {
    const pool = shuffleInPlace([...byLabel.get(l)!], rnd);
    out.push(...pool.slice(0, Math.min(pool.length, sizes[i]!)));
  });
  return shuffleInPlace(out, rnd);
}

export const PROTOCOL_MODELS = ["ours", "naiveBayes", "previous"] as const;
export type ProtocolModel = (typeof PROTOCOL_MODELS)[number];

/** One seed's subset and each model's cross-validation on it. */
export interface ProtocolRun {
  seed: number;
  letters: number;
  classSizes: Record<string, number>;
  results: Record<ProtocolModel, CrossValidation>;
}

/** A model's figures averaged over the seeds. */
export interface ProtocolSummary {
  model: ProtocolModel;
  macroF1: number;
  accuracy: number;
  worstRecall: number;
  ece: number | null;
  /** Mean recall per class over the seeds (classes keep their names, sizes differ by seed). */
  perClassRecall: Record<string, number>;
  trainSeconds: number;
  predictCpuP99Ms: number;
}

export interface ProtocolOptions {
  seeds: readonly number[];
  folds?: number;
  size?: number;
  onProgress?: (message: string) => void;
}

/** Runs the protocol: per seed a skewed subset, the three models on the same folds. */
export async function runImbalancedProtocol(
  letters: readonly TrainingSample[],
  opts: ProtocolOptions,
): Promise<{ runs: ProtocolRun[]; summary: ProtocolSummary[] }> {
  const folds = opts.folds ?? 5;
  const runs: ProtocolRun[] = [];
  for (const seed of opts.seeds) {
    const subset = skewedSubset(letters, seed, { size: opts.size });
    const classSizes: Record<string, number> = {};
    for (const s of subset) classSizes[s.label] = (classSizes[s.label] ?? 0) + 1;
    const cv = async (name: ProtocolModel, extra: Parameters<typeof crossValidate>[1]) => {
      const r = await crossValidate(subset, { folds, seed, ...extra });
      opts.onProgress?.(
        `seed ${seed} ${name}: macro-F1 ${r.macroF1.toFixed(4)}, worst recall ${r.worstRecall.toFixed(3)}`,
      );
      return r;
    };
    const results = {
      ours: await cv("ours", { featureTrainer: trainBalancedOnFeatures }),
      naiveBayes: await cv("naiveBayes", { trainer: (s) => trainNaiveBayes(s) }),
      previous: await cv("previous", {}),
    };
    runs.push({ seed, letters: subset.length, classSizes, results });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const summary = PROTOCOL_MODELS.map((model): ProtocolSummary => {
    const rs = runs.map((r) => r.results[model]);
    const perClass = new Map<string, number[]>();
    for (const r of rs)
      for (const c of r.perClass) perClass.set(c.label, [...(perClass.get(c.label) ?? []), c.recall]);
    const eces = rs.map((r) => r.ece);
    return {
      model,
      macroF1: mean(rs.map((r) => r.macroF1)),
      accuracy: mean(rs.map((r) => r.accuracy)),
      worstRecall: mean(rs.map((r) => r.worstRecall)),
      ece: eces.every((e) => e !== null) ? mean(eces as number[]) : null,
      perClassRecall: Object.fromEntries([...perClass].sort().map(([l, xs]) => [l, mean(xs)])),
      trainSeconds: mean(rs.map((r) => r.trainSeconds)),
      predictCpuP99Ms: Math.max(...rs.map((r) => r.predictCpuP99Ms)),
    };
  });
  return { runs, summary };
}
