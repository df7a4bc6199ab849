/**
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
import { type TrainingSample, trainClassifier } from "../server/modules/classification/classifier.ts";
import { readLabelledFile } from "../server/modules/classification/data-file.ts";
import {
  type CrossValidation,
  crossValidate,
  dedupSamples,
} from "../server/modules/classification/evaluate.ts";
import { MAX_FEATURE_CHARS, normalise } from "../server/modules/classification/text-pipeline.ts";
import { cutFolded } from "../server/platform/chinese-text.ts";
import type { BenchResult } from "./run.ts";

const DATA = resolve(
  join(import.meta.dirname, ".."),
  "../shared/data/teddycup2020/attachment2_segmented_full.csv",
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
}

function parseOptions(args: string[]): Options {
  const opts: Options = { folds: 5, seed: 1, fastText: true, limit: null };
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
    else throw new Error(`unknown flag ${a} (flags: --folds N --seed N --limit N --no-fasttext --json)`);
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

export async function run(args: string[]): Promise<BenchResult> {
  const opts = parseOptions(args);
  if (!existsSync(DATA)) {
    log(
      `The 泰迪杯 data is absent (${DATA}); nothing to measure. Place ../shared/data/teddycup2020/ beside the repo.`,
    );
    return { table: [], json: { skipped: `data absent: ${DATA}` } };
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
  const ours = await cv("ours", {});
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
  const full = trainClassifier(dedup.samples, { seed: opts.seed });
  const fullTrainSeconds = (performance.now() - t0) / 1000;
  // CPU time of this process: what the training costs on an otherwise idle core (the machine is shared).
  const cpu = process.cpuUsage(cpu0);
  const fullTrainCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const modelBytes = full.serialize().length;

  const table = [
    row("baseline", "TF-IDF words + softmax regression", baseline, null),
    row(
      "ours",
      "TF-IDF words, pairs, char 1–3-grams, opening + class-weighted softmax regression",
      ours,
      baseline,
    ),
    ...(fast
      ? [row("fastText", "fasttext.wasm.js supervised, word bigrams, dim 100, 25 epochs", fast, baseline)]
      : []),
  ];
  const sections = [
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
      fastText: fast ? summary(fast) : null,
      ratios: {
        macroF1: round(ours.macroF1 / baseline.macroF1, 3),
        fastTextMacroF1: fast ? round(fast.macroF1 / baseline.macroF1, 3) : null,
      },
    },
  };
}
