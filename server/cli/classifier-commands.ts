/**
 * `hotline classifier eval|train|predict`: the routing classifier on files, no database needed.
 *
 *   hotline classifier eval --data FILE --text COL[,COL…] --label COL [--folds 5] [--seed 1]
 *                           [--learner balanced|previous] [--json]
 *   hotline classifier eval --protocol imbalanced [--data RAW.csv] [--seeds 1,2,3] [--folds 5] [--json]
 *   hotline classifier train --data FILE --text COL[,COL…] --label COL --out FILE.bin [--seed 1]
 *   hotline classifier predict [--model FILE.bin] [--k 3] [--json] "text" …
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { trainBalancedOnFeatures } from "../modules/classification/balanced-learner.ts";
import type { Classifier } from "../modules/classification/classifier.ts";
import { dataWarnings } from "../modules/classification/data-warnings.ts";
import { type CrossValidation, crossValidate, dedupSamples } from "../modules/classification/evaluate.ts";
import {
  PROTOCOL_MODELS,
  readLetters,
  runImbalancedProtocol,
} from "../modules/classification/imbalanced-protocol.ts";
import {
  DEFAULT_MODEL_PATH,
  loadClassifier,
  readLabelledFile,
  trainFromSamples,
} from "../modules/classification/index.ts";
import { flattenCategories, loadCategories } from "../modules/directory/seed/index.ts";

export const CLASSIFIER_USAGE = `  hotline classifier eval --data FILE.csv|FILE.xlsx --text COL[,COL…] --label COL [--folds 5] [--json]
                       [--learner balanced|previous]
                                      stratified k-fold evaluation (deduplicated): accuracy, macro-F1,
                                      worst-class recall, calibration error (ECE), per-class P/R/F1,
                                      confusion matrix, train time, latency p50/p99
  hotline classifier eval --protocol imbalanced [--data RAW.csv] [--seeds 1,2,3] [--folds 5] [--json]
                                      seeded skewed subsets (largest class 40 %, smallest 20–30 letters):
                                      ours, naive Bayes and the previous learner on the same folds
  hotline classifier train [--target category|department] [--force]
                                      retrain the routing models from the hotline's settled appeals;
                                      activated when at least as accurate on held-out history
  hotline classifier train --data FILE --text COL[,COL…] --label COL --out MODEL.bin
                                      train a routing model on a labelled file (progress bar)
  hotline classifier predict [--model MODEL.bin] [--k 3] [--json] "text"
                                      top-k labels with scores and the words that drove them
                                      (default model: level-1 category codes)`;

function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** A plain aligned text table. */
function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return "(none)";
  const cols = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => (v === undefined ? "" : String(v));
  // Terminal width: CJK and other wide characters take two columns.
  const wide =
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;
  const w = (s: string) => s.length + (s.match(wide)?.length ?? 0);
  const width = cols.map((c) => Math.max(w(c), ...rows.map((r) => w(cell(r[c])))));
  const pad = (v: string, i: number, left: boolean) => {
    const fill = " ".repeat(Math.max(0, width[i]! - w(v)));
    return left ? fill + v : v + fill;
  };
  const line = (vals: string[]) => vals.map((v, i) => pad(v, i, /^-?[\d.]+$/.test(v))).join("  ");
  return [
    line(cols),
    line(width.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join("\n");
}

/** Names of category codes, so predictions with the default model read "01 城乡建设". */
function categoryNames(): Map<string, string> {
  try {
    return new Map(flattenCategories(loadCategories()).map((c) => [c.code, c.path.join(" / ")]));
  } catch {
    return new Map();
  }
}

function required(v: string | undefined, flag: string): string {
  if (!v) throw new Error(`classifier: ${flag} is required`);
  return v;
}

function columns(spec: string): string[] {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function printEvaluation(r: CrossValidation): void {
  console.log(
    `${r.inputSamples} rows → ${r.n + r.tooSmall.reduce((a, t) => a + t.count, 0)} distinct texts ` +
      `(${r.duplicates} duplicates dropped, ${r.conflicting} with conflicting labels), ${r.classes} classes, ${r.folds} folds`,
  );
  if (r.tooSmall.length)
    console.log(
      `Classes with fewer members than folds (in training only, not scored): ${r.tooSmall
        .map((t) => `${t.label} (${t.count})`)
        .join(", ")}`,
    );
  console.log("");
  console.log(
    table([
      {
        n: r.n,
        classes: r.labels.length,
        accuracy: round(r.accuracy),
        macroF1: round(r.macroF1),
        "worst recall": round(r.worstRecall),
        ECE: r.ece === null ? "" : round(r.ece),
        "train s/fold": round(r.trainSeconds, 2),
        "predict p50 ms": round(r.predictP50Ms, 3),
        "predict p99 ms": round(r.predictP99Ms, 3),
        "p99 CPU ms": round(r.predictCpuP99Ms, 3),
        "no suggestion": r.noSuggestion,
      },
    ]),
  );
  console.log("\nPer class:");
  console.log(
    table(
      r.perClass.map((c) => ({
        label: c.label,
        support: c.support,
        precision: round(c.precision),
        recall: round(c.recall),
        f1: round(c.f1),
      })),
    ),
  );
  if (r.labels.length <= 40) {
    console.log(
      "\nConfusion matrix (rows = true label, columns = predicted; # = label number, – = none/other):",
    );
    const names = r.labels.map((l, i) => `#${i + 1} ${l}`);
    console.log(
      table(
        r.confusion.map((row, i) => ({
          true: names[i]!,
          ...Object.fromEntries(r.labels.map((_, j) => [`#${j + 1}`, row[j]!])),
          "–": row[r.labels.length]!,
        })),
      ),
    );
  } else {
    console.log(`\n(Confusion matrix left out: ${r.labels.length} classes; use --json.)`);
  }
}

/** The 泰迪杯 raw letters, where the repository sits beside ../shared (as in development). */
const DEFAULT_RAW = "../shared/data/teddycup2020/attachment2_raw_subset.csv";

function seedList(spec: string | undefined): number[] {
  const seeds = (spec ?? "1,2,3")
    .split(",")
    .filter(Boolean)
    .map((x) => Number(x));
  if (seeds.length === 0 || seeds.some((x) => !Number.isInteger(x) || x <= 0))
    throw new Error("classifier: --seeds must be positive integers, e.g. --seeds 1,2,3");
  return seeds;
}

async function protocolCommand(
  v: Record<string, string | boolean | undefined>,
  folds: number,
): Promise<void> {
  if (v.protocol !== "imbalanced")
    throw new Error(`classifier: unknown --protocol ${String(v.protocol)} (known: imbalanced)`);
  const file = (v.data as string | undefined) ?? DEFAULT_RAW;
  const letters = await readLetters(file, {
    textColumns: v.text ? columns(v.text as string) : undefined,
    labelColumn: v.label as string | undefined,
  });
  const seeds =
    v.seeds === undefined && v.seed !== undefined ? seedList(v.seed as string) : seedList(v.seeds as string);
  printWarnings(letters, folds, seeds[0]!);
  const started = performance.now();
  const { runs, summary } = await runImbalancedProtocol(letters, {
    seeds,
    folds,
    onProgress: (m) =>
      process.stderr.write(`  ${m} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`),
  });
  for (const r of runs)
    console.log(
      `seed ${r.seed}: ${r.letters} letters — ${Object.entries(r.classSizes)
        .sort((a, b) => b[1] - a[1])
        .map(([l, n]) => `${l} ${n}`)
        .join(", ")}`,
    );
  const nb = summary.find((s) => s.model === "naiveBayes")!;
  console.log(`\nMean over seeds ${seeds.join(",")}, ${folds} folds:`);
  console.log(
    table(
      summary.map((s) => ({
        model: s.model,
        macroF1: round(s.macroF1),
        accuracy: round(s.accuracy),
        "worst recall": round(s.worstRecall),
        ECE: s.ece === null ? "" : round(s.ece),
        "vs NB": round(s.macroF1 - nb.macroF1),
        "train s/fold": round(s.trainSeconds, 2),
        "p99 CPU ms": round(s.predictCpuP99Ms, 3),
      })),
    ),
  );
  console.log("\nRecall per class:");
  console.log(
    table(
      Object.keys(summary[0]!.perClassRecall).map((l) => ({
        label: l,
        ...Object.fromEntries(
          PROTOCOL_MODELS.map((m) => [
            m,
            round(summary.find((s) => s.model === m)!.perClassRecall[l] ?? 0, 3),
          ]),
        ),
      })),
    ),
  );
  if (v.json === true)
    console.log(
      JSON.stringify({
        protocol: "imbalanced",
        folds,
        seeds,
        summary,
        runs: runs.map((r) => ({ seed: r.seed, letters: r.letters, classSizes: r.classSizes })),
      }),
    );
}

/** The data's problems, before any number (on the deduplicated letters the folds are made of). */
function printWarnings(samples: readonly { text: string; label: string }[], folds: number, seed: number) {
  const warnings = dataWarnings(dedupSamples(samples).samples, { folds, seed });
  if (warnings.length === 0) return;
  console.log(`Warnings about the data (${warnings.length}):`);
  for (const w of warnings) {
    console.log(`  ! ${w.message}`);
    if (w.kind === "near-duplicates") for (const [a, b] of w.examples) console.log(`      "${a}…" ≈ "${b}…"`);
  }
  console.log("");
}

async function evalCommand(v: Record<string, string | boolean | undefined>): Promise<void> {
  const folds = Number(v.folds ?? 5);
  if (!Number.isInteger(folds) || folds < 2) throw new Error("classifier: --folds must be an integer ≥ 2");
  if (v.protocol !== undefined) return protocolCommand(v, folds);
  const data = required(v.data as string | undefined, "--data");
  const samples = await readLabelledFile(
    data,
    columns(required(v.text as string | undefined, "--text")),
    required(v.label as string | undefined, "--label"),
  );
  const learner = (v.learner as string | undefined) ?? "balanced";
  if (learner !== "balanced" && learner !== "previous")
    throw new Error("classifier: --learner must be balanced or previous");
  const json = v.json === true;
  printWarnings(samples, folds, Number(v.seed ?? 1));
  const started = performance.now();
  const r = await crossValidate(samples, {
    folds,
    seed: Number(v.seed ?? 1),
    featureTrainer: learner === "balanced" ? trainBalancedOnFeatures : undefined,
    onFold: (d, t) =>
      process.stderr.write(
        `  fold ${d}/${t} done (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
      ),
  });
  printEvaluation(r);
  if (json) {
    console.log(
      JSON.stringify({
        n: r.n,
        classes: r.labels.length,
        accuracy: round(r.accuracy),
        macroF1: round(r.macroF1),
        worstRecall: round(r.worstRecall),
        ece: r.ece === null ? null : round(r.ece),
        learner,
        trainSeconds: round(r.trainSeconds, 3),
        predictP50Ms: round(r.predictP50Ms, 3),
        predictP99Ms: round(r.predictP99Ms, 3),
        predictCpuP99Ms: round(r.predictCpuP99Ms, 3),
        folds: r.folds,
        inputSamples: r.inputSamples,
        duplicates: r.duplicates,
        conflicting: r.conflicting,
        tooSmall: r.tooSmall,
        noSuggestion: r.noSuggestion,
        perClass: r.perClass.map((c) => ({
          ...c,
          precision: round(c.precision),
          recall: round(c.recall),
          f1: round(c.f1),
        })),
        labels: r.labels,
        confusion: r.confusion,
      }),
    );
  }
}

async function trainCommand(v: Record<string, string | boolean | undefined>): Promise<void> {
  const data = required(v.data as string | undefined, "--data");
  const out = required(v.out as string | undefined, "--out");
  const samples = await readLabelledFile(
    data,
    columns(required(v.text as string | undefined, "--text")),
    required(v.label as string | undefined, "--label"),
  );
  const bar = new cliProgress.SingleBar(
    { format: "  training [{bar}] {percentage}% | {eta_formatted} left", stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0);
  let trained: ReturnType<typeof trainFromSamples>;
  try {
    trained = trainFromSamples(samples, {
      seed: Number(v.seed ?? 1),
      onProgress: (d, t) => {
        bar.setTotal(t);
        bar.update(d);
      },
    });
  } finally {
    bar.stop();
  }
  await writeFile(out, trained.bytes);
  console.log(
    `Trained on ${trained.distinctSamples} distinct texts (${trained.samples} rows), ${trained.labels.length} labels, ` +
      `${trained.classifier.info.featureCount} features, in ${trained.trainSeconds.toFixed(1)} s; ` +
      `wrote ${out} (${(trained.bytes.length / 1024).toFixed(0)} KiB).`,
  );
}

async function predictCommand(
  v: Record<string, string | boolean | undefined>,
  texts: string[],
): Promise<void> {
  if (texts.length === 0)
    throw new Error('classifier predict: give the text to classify, e.g. predict "小区路灯坏了"');
  const path = (v.model as string | undefined) ?? DEFAULT_MODEL_PATH;
  let model: Classifier;
  try {
    model = loadClassifier(await readFile(path));
  } catch (e) {
    throw new Error(`classifier predict: cannot load the model ${path}: ${(e as Error).message}`);
  }
  const k = Number(v.k ?? 3);
  if (!Number.isInteger(k) || k < 1) throw new Error("classifier predict: --k must be a positive integer");
  const names = categoryNames();
  const results = texts.map((text) => ({ text, suggestions: model.predict(text, k) }));
  if (v.json === true) {
    console.log(JSON.stringify(results.length === 1 ? results[0] : results));
    return;
  }
  for (const r of results) {
    if (results.length > 1) console.log(`\n${r.text.slice(0, 60)}`);
    if (r.suggestions.length === 0) {
      console.log("No suggestion: the text has no word the model knows.");
      continue;
    }
    console.log(
      table(
        r.suggestions.map((s) => ({
          label: s.label,
          name: names.get(s.label) ?? "",
          score: round(s.score, 3),
          words: s.words.join(" "),
        })),
      ),
    );
  }
}

/** Runs `hotline classifier <sub> …` (argv after "classifier"). */
export async function runClassifierCli(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: "string" },
      text: { type: "string" },
      label: { type: "string" },
      folds: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      model: { type: "string" },
      k: { type: "string" },
      json: { type: "boolean" },
      protocol: { type: "string" },
      seeds: { type: "string" },
      learner: { type: "string" },
    },
  });
  const [sub, ...rest] = positionals;
  switch (sub) {
    case "eval":
      return evalCommand(values);
    case "train":
      return trainCommand(values);
    case "predict":
      return predictCommand(values, rest);
    default:
      throw new Error(`classifier: use one of eval, train, predict\n\n${CLASSIFIER_USAGE}`);
  }
}
