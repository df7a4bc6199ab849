/**
 * Two tables. First the imbalanced protocol (what department routing looks like): seeded skewed
 * subsets of 700–900 raw letters (title + detail as published, attachment2_raw_subset.csv; the
 * largest class 40 %, the two smallest 20–30 letters), 5-fold, for ours (balanced-cv), naive Bayes
 * over character uni+bigrams and the previous learner in the same run, averaged over the seeds
 * (`--seeds 1,2,3`). Then the full-data table:
 *
 * The routing classifier on the 泰迪杯 2020 messages (../shared/data/teddycup2020/, 9,210 labelled
 * messages, jieba-segmented; deduplicated before splitting), stratified k-fold, three models in
 * the same run on the same folds:
 *
 *  - ours: softmax regression on TF-IDF of words, word pairs and character 1–3-grams (and those of
 *    the first 40 characters, the subject, once more in their own namespace), class-weighted
 *    (server/modules/classification/);
 *  - baseline: TF-IDF of words only + the same softmax regression, no word pairs, no character
 *    n-grams, no class weights: the "TF-IDF + linear model" a practitioner starts from;
 *  - fastText: the `fasttext.wasm.js` package (fastText compiled to WebAssembly, trained in this
 *    process, one thread) on the same normalised jieba words, supervised, softmax loss, word
 *    bigrams, dim 100, 25 epochs, lr 0.5 — the usual settings for short-text classification.
 *
 *   npm run bench -- classifier [--json] [--folds 5] [--seed 1] [--no-fasttext] [--limit N]
 *
 * Prints macro-F1, accuracy, training seconds per fold, prediction latency p50/p99 (raw text →
 * top 3, one text at a time) and each model's ratios to the baseline; then ours trained on all the
 * data (the time a retrain takes) and the model's size. Without the data it says so and prints an
 * empty table.
 */
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { getFastTextModule } from "fasttext.wasm.js";
import { trainBalanced, trainBalancedOnFeatures } from "../server/modules/classification/balanced-learner.ts";
import { type TrainingSample, trainClassifier } from "../server/modules/classification/classifier.ts";
import { readLabelledFile } from "../server/modules/classification/data-file.ts";
import {
  type CrossValidation,
  crossValidate,
  dedupSamples,
} from "../server/modules/classification/evaluate.ts";
import {
  type ProtocolSummary,
  readLetters,
  runImbalancedProtocol,
} from "../server/modules/classification/imbalanced-protocol.ts";
import { MAX_FEATURE_CHARS, normalise } from "../server/modules/classification/text-pipeline.ts";
import { cutFolded } from "../server/platform/chinese-text.ts";
import type { BenchResult, BenchSection } from "./run.ts";

const DATA = resolve(
  join(import.meta.dirname, ".."),
  "../shared/data/teddycup2020/attachment2_segmented_full.csv",
);
const RAW = resolve(
  join(import.meta.dirname, ".."),
  "../shared/data/teddycup2020/attachment2_raw_subset.csv",
);

function log(m: string) {
  process.stderr.write(`${m}\n`);
}

function round(x: number, d = 4) {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------------------------------------
// fastText through WebAssembly

interface FtVector<T> {
  size(): number;
  get(i: number): T;
  delete(): void;
}
interface FtNative {
  train(args: unknown, cb: () => void): void;
  predict(text: string, k: number, threshold: number): FtVector<[number, string]>;
  delete(): void;
}
interface FtModule {
  FastText: new () => FtNative;
  Args: new () => Record<string, unknown>;
  ModelName: Record<string, unknown>;
  LossName: Record<string, unknown>;
  FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void };
}

const WORDLIKE = /^[\p{L}\p{N}]+$/u;

/** The same normalisation and jieba words as ours, joined with spaces (fastText's tokens). */
function ftTokens(text: string): string {
  return cutFolded(normalise(text).slice(0, MAX_FEATURE_CHARS))
    .filter((w) => WORDLIKE.test(w))
    .join(" ");
}

function fastTextTrainer(mod: FtModule, seed: number) {
  return (samples: TrainingSample[]) => {
    const labels = [...new Set(samples.map((s) => s.label))];
    const id = new Map(labels.map((l, i) => [l, `__label__${i}`]));
    const back = new Map(labels.map((l, i) => [`__label__${i}`, l]));
    const lines = samples.map((s) => `${id.get(s.label)} ${ftTokens(s.text)}`).join("\n");
    mod.FS.writeFile("train.txt", new TextEncoder().encode(`${lines}\n`));
    const args = new mod.Args();
    Object.assign(args, {
      input: "train.txt",
      output: "model",
      lr: 0.5,
      epoch: 25,
      wordNgrams: 2,
      dim: 100,
      minCount: 1,
      minn: 0,
      maxn: 0,
      bucket: 1_000_000,
      thread: 1,
      verbose: 0,
      seed,
      loss: mod.LossName.softmax,
      model: mod.ModelName.supervised,
    });
    const ft = new mod.FastText();
    ft.train(args, () => {});
    mod.FS.unlink("train.txt");
    return {
      predict(text: string, k = 3) {
        const v = ft.predict(ftTokens(text), k, 0);
        const out: { label: string; score: number }[] = [];
        for (let i = 0; i < v.size(); i++) {
          const [p, l] = v.get(i);
          out.push({ label: back.get(l) ?? l, score: p });
        }
        v.delete();
        return out;
      },
      dispose() {
        ft.delete();
      },
    };
  };
}

// ---------------------------------------------------------------------------------------------

interface Options {
  folds: number;
  seed: number;
  fastText: boolean;
  limit: number | null;
  /** Seeds of the imbalanced protocol's subsets; empty = protocol skipped. */
  seeds: number[];
  /** Skip the full-data table (protocol only). */
  full: boolean;
}

function parseOptions(args: string[]): Options {
  const opts: Options = { folds: 5, seed: 1, fastText: true, limit: null, seeds: [1, 2, 3], full: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => {
      const v = Number(args[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === "--json") continue;
    else if (a === "--folds") opts.folds = next();
    else if (a === "--seed") opts.seed = next();
    else if (a === "--limit") opts.limit = next();
    else if (a === "--no-fasttext") opts.fastText = false;
    else if (a === "--seeds")
      opts.seeds = (args[++i] ?? "")
        .split(",")
        .filter(Boolean)
        .map((x) => {
          const v = Number(x);
          if (!Number.isInteger(v) || v <= 0) throw new Error("--seeds needs positive integers, e.g. 1,2,3");
          return v;
        });
    else if (a === "--no-protocol") opts.seeds = [];
    else if (a === "--protocol-only") opts.full = false;
    else
      throw new Error(
        `unknown flag ${a} (flags: --folds N --seed N --limit N --no-fasttext --seeds 1,2,3 --no-protocol --protocol-only --json)`,
      );
  }
  return opts;
}

function row(model: string, what: string, r: CrossValidation, base: CrossValidation | null) {
  return {
    model,
    what,
    n: r.n,
    classes: r.labels.length,
    macroF1: round(r.macroF1),
    accuracy: round(r.accuracy),
    trainSecondsPerFold: round(r.trainSeconds, 2),
    predictP50Ms: round(r.predictP50Ms, 3),
    predictP99Ms: round(r.predictP99Ms, 3),
    predictCpuP99Ms: round(r.predictCpuP99Ms, 3),
    macroF1VsBaseline: base ? round(r.macroF1 / base.macroF1, 3) : null,
    trainVsBaseline: base ? round(r.trainSeconds / base.trainSeconds, 2) : null,
    p99VsBaseline: base ? round(r.predictP99Ms / base.predictP99Ms, 2) : null,
  };
}

const WHAT: Record<ProtocolSummary["model"], string> = {
  ours: "balanced-cv: class-balanced softmax, λ by inner 3-fold CV, prior offsets, temperature",
  naiveBayes: "multinomial naive Bayes, character uni+bigrams, α = 1",
  previous: "softmax-sgd: the previous learner, unchanged",
};

/** The imbalanced protocol's tables (summary, per-class recall), or a message when the raw file is absent. */
async function imbalancedSection(opts: Options) {
  if (opts.seeds.length === 0) return null;
  if (!existsSync(RAW)) {
    log(`The 泰迪杯 raw letters are absent (${RAW}); the imbalanced protocol is skipped.`);
    return { skipped: `data absent: ${RAW}`, table: null, perClass: null, subsets: null };
  }
  const letters = await readLetters(RAW);
  log(
    `imbalanced protocol: ${letters.length} raw letters, seeds ${opts.seeds.join(",")}, ${opts.folds} folds`,
  );
  const t0 = performance.now();
  const { runs, summary } = await runImbalancedProtocol(letters, {
    seeds: opts.seeds,
    folds: opts.folds,
    onProgress: (m) => log(`  ${m} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
  });
  const nb = summary.find((s) => s.model === "naiveBayes")!;
  const table = summary.map((s) => ({
    model: s.model,
    what: WHAT[s.model],
    macroF1: round(s.macroF1),
    accuracy: round(s.accuracy),
    worstClassRecall: round(s.worstRecall),
    ece: s.ece === null ? null : round(s.ece),
    macroF1VsNaiveBayes: round(s.macroF1 - nb.macroF1),
    trainSecondsPerFold: round(s.trainSeconds, 2),
    predictCpuP99Ms: round(s.predictCpuP99Ms, 3),
  }));
  const labels = Object.keys(summary[0]!.perClassRecall);
  const perClass = labels.map((l) => ({
    label: l,
    letters: runs.map((r) => r.classSizes[l] ?? 0).join("/"),
    ...Object.fromEntries(summary.map((s) => [s.model, round(s.perClassRecall[l] ?? 0, 3)])),
  }));
  return {
    skipped: null,
    table,
    perClass,
    subsets: runs.map((r) => ({ seed: r.seed, letters: r.letters, classSizes: r.classSizes })),
  };
}

export async function run(args: string[]): Promise<BenchResult> {
  const opts = parseOptions(args);
  const imbalanced = await imbalancedSection(opts);
  const imbalancedSections: BenchSection[] =
    imbalanced?.table && imbalanced.perClass && imbalanced.subsets
      ? [
          {
            title: `Imbalanced protocol (mean over seeds ${opts.seeds.join(",")}; ${opts.folds}-fold; subsets: ${imbalanced.subsets
              .map((s) => `${s.letters} letters`)
              .join(", ")}):`,
            table: imbalanced.table,
          },
          { title: "Imbalanced protocol, recall per class (letters per seed):", table: imbalanced.perClass },
        ]
      : [];
  if (!opts.full) return { table: [], sections: imbalancedSections, json: { imbalanced } };
  if (!existsSync(DATA)) {
    log(
      `The 泰迪杯 data is absent (${DATA}); nothing to measure. Place ../shared/data/teddycup2020/ beside the repo.`,
    );
    return { table: [], sections: imbalancedSections, json: { imbalanced, skipped: `data absent: ${DATA}` } };
  }
  log(
    `${availableParallelism()} CPUs, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  let samples = await readLabelledFile(DATA, ["分词文本"], "一级标签");
  // A quick run on every k-th message (the file is sorted by label).
  if (opts.limit && opts.limit < samples.length) {
    const step = samples.length / opts.limit;
    samples = Array.from({ length: opts.limit }, (_, i) => samples[Math.floor(i * step)]!);
  }
  const dedup = dedupSamples(samples);
  log(
    `${samples.length} messages, ${dedup.samples.length} distinct; ${opts.folds}-fold stratified, seed ${opts.seed}`,
  );
  const cv = async (name: string, extra: Parameters<typeof crossValidate>[1]) => {
    const t0 = performance.now();
    const r = await crossValidate(samples, {
      folds: opts.folds,
      seed: opts.seed,
      ...extra,
      onFold: (d, t) => log(`  ${name}: fold ${d}/${t} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
    });
    log(`${name}: macro-F1 ${r.macroF1.toFixed(4)}, accuracy ${r.accuracy.toFixed(4)}`);
    return r;
  };

  const baseline = await cv("baseline", {
    trainer: (s) =>
      trainClassifier(s, {
        seed: opts.seed,
        features: { wordPairs: false, maxCharGram: 0, openingChars: 0 },
        hyper: { classBalance: 0 },
      }),
  });
  const ours = await cv("ours", { featureTrainer: trainBalancedOnFeatures });
  const previous = await cv("previous", {});
  let fast: CrossValidation | null = null;
  if (opts.fastText) {
    // A fresh WebAssembly instance per fold: training again in an instance that has already
    // trained and predicted fails with a C++ exception (seen with fasttext.wasm.js 1.0.0).
    fast = await cv("fastText", {
      trainer: async (s) => fastTextTrainer((await getFastTextModule()) as unknown as FtModule, opts.seed)(s),
    });
  }

  log("ours: training on all the data…");
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const full = trainBalanced(dedup.samples, { seed: opts.seed });
  const fullTrainSeconds = (performance.now() - t0) / 1000;
  // CPU time of this process: what the training costs on an otherwise idle core (the machine is shared).
  const cpu = process.cpuUsage(cpu0);
  const fullTrainCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const modelBytes = full.serialize().length;

  const table = [
    row("baseline", "TF-IDF words + softmax regression", baseline, null),
    row(
      "ours",
      "balanced-cv (above 3,000 texts: the previous knobs) + temperature from a held-out fifth",
      ours,
      baseline,
    ),
    row(
      "previous",
      "TF-IDF words, pairs, char 1–3-grams, opening + class-weighted softmax regression",
      previous,
      baseline,
    ),
    ...(fast
      ? [row("fastText", "fasttext.wasm.js supervised, word bigrams, dim 100, 25 epochs", fast, baseline)]
      : []),
  ];
  const sections = [
    ...imbalancedSections,
    {
      title: "Full data (the table above): ECE of the top score, worst-class recall",
      table: [
        {
          model: "ours",
          ece: ours.ece === null ? null : round(ours.ece),
          worstClassRecall: round(ours.worstRecall),
        },
        {
          model: "previous",
          ece: previous.ece === null ? null : round(previous.ece),
          worstClassRecall: round(previous.worstRecall),
        },
      ],
    },
    {
      title: "Ours trained on all the deduplicated data (what a retrain costs), and the stored model:",
      table: [
        {
          samples: dedup.samples.length,
          trainSeconds: round(fullTrainSeconds, 2),
          trainCpuSeconds: round(fullTrainCpuSeconds, 2),
          features: full.info.featureCount,
          modelMiB: round(modelBytes / 1024 / 1024, 2),
          cpus: availableParallelism(),
          loadAvg1m: round(loadavg()[0]!, 2),
        },
      ],
    },
    {
      title: "Ours per class (macro-F1 = the mean of these F1s):",
      table: ours.perClass.map((c) => ({
        label: c.label,
        support: c.support,
        precision: round(c.precision),
        recall: round(c.recall),
        f1: round(c.f1),
      })),
    },
  ];
  const summary = (r: CrossValidation) => ({
    macroF1: round(r.macroF1),
    accuracy: round(r.accuracy),
    trainSeconds: round(r.trainSeconds, 3),
    predictP50Ms: round(r.predictP50Ms, 3),
    predictP99Ms: round(r.predictP99Ms, 3),
    predictCpuP50Ms: round(r.predictCpuP50Ms, 3),
    predictCpuP99Ms: round(r.predictCpuP99Ms, 3),
  });
  return {
    table,
    sections,
    json: {
      n: ours.n,
      classes: ours.labels.length,
      folds: opts.folds,
      ours: {
        ...summary(ours),
        fullTrainSeconds: round(fullTrainSeconds, 2),
        fullTrainCpuSeconds: round(fullTrainCpuSeconds, 2),
        modelBytes,
      },
      baseline: summary(baseline),
      previous: summary(previous),
      imbalanced,
      fastText: fast ? summary(fast) : null,
      ratios: {
        macroF1: round(ours.macroF1 / baseline.macroF1, 3),
        fastTextMacroF1: fast ? round(fast.macroF1 / baseline.macroF1, 3) : null,
      },
    },
  };
}
