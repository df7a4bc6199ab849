/**
 * Trains the default routing model that a fresh install starts with.
 *
 * Run: `npx tsx scripts/train-default-model.ts [--out FILE] [--seed 1]`. Reads
 * `../shared/data/teddycup2020/attachment2_segmented_full.csv` (relative to the repo root: the
 * 9,210 泰迪杯 2020 messages, jieba-segmented, with their level-1 label), maps the label names to
 * our level-1 category codes (server/modules/directory/seed/categories.json), drops identical
 * texts, trains on all of them and writes `server/modules/classification/default-model.bin`.
 *
 * It then checks the model on raw (unsegmented) text, `attachment2_raw_subset.csv`: once with the
 * shipped model (those texts are also in its training data, segmented), and once held out, with a
 * model trained on the segmented rows whose 序号 is NOT in the raw subset.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  type Classifier,
  type TrainingSample,
  trainClassifier,
} from "../server/modules/classification/classifier.ts";
import { readRows } from "../server/modules/classification/data-file.ts";
import { dedupSamples } from "../server/modules/classification/evaluate.ts";
import { loadCategories } from "../server/modules/directory/seed/index.ts";

const repoRoot = join(import.meta.dirname, "..");
const dataDir = resolve(repoRoot, "../shared/data/teddycup2020");
const SEGMENTED = join(dataDir, "attachment2_segmented_full.csv");
const RAW = join(dataDir, "attachment2_raw_subset.csv");

function fail(message: string): never {
  console.error(`train-default-model: ${message}`);
  process.exit(1);
}

function column(header: string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) fail(`${file}: no column "${name}" (columns: ${header.join(", ")})`);
  return i;
}

/** Level-1 category name → our two-digit code. */
function levelOneCodes(): Map<string, string> {
  return new Map(loadCategories().map((c) => [c.name, c.code]));
}

function accuracy(model: Classifier, samples: readonly TrainingSample[]): number {
  let ok = 0;
  for (const s of samples) if (model.predict(s.text, 1)[0]?.label === s.label) ok++;
  return samples.length ? ok / samples.length : 0;
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: "string" }, seed: { type: "string" } },
  });
  const out = values.out ?? join(repoRoot, "server/modules/classification/default-model.bin");
  const seed = Number(values.seed ?? 1);
  if (!existsSync(SEGMENTED))
    fail(
      `${SEGMENTED} is absent: the default model is trained on the 泰迪杯 2020 data in ../shared/data/teddycup2020/`,
    );
  const codes = levelOneCodes();

  const seg = await readRows(SEGMENTED);
  const segId = column(seg.header, "序号", SEGMENTED);
  const segText = column(seg.header, "分词文本", SEGMENTED);
  const segLabel = column(seg.header, "一级标签", SEGMENTED);
  const rows = seg.rows.map((r, i) => {
    const name = (r[segLabel] ?? "").trim();
    const code = codes.get(name);
    if (!code) fail(`${SEGMENTED} row ${i + 2}: label "${name}" is not a level-1 category of our taxonomy`);
    return { id: (r[segId] ?? "").trim(), text: r[segText] ?? "", label: code };
  });

  const all = dedupSamples(rows);
  console.log(
    `${rows.length} segmented messages → ${all.samples.length} distinct (${all.duplicates} duplicates, ` +
      `${all.conflicting} with conflicting labels); labels ${[...new Set(rows.map((r) => r.label))].sort().join(", ")}`,
  );
  let t0 = performance.now();
  const model = trainClassifier(all.samples, { seed });
  const trainSeconds = (performance.now() - t0) / 1000;
  const bytes = model.serialize();
  writeFileSync(out, bytes);
  console.log(
    `Trained in ${trainSeconds.toFixed(1)} s: ${model.info.featureCount} features, ${model.labels.length} labels; ` +
      `wrote ${out} (${(bytes.length / 1024 / 1024).toFixed(2)} MiB).`,
  );

  if (!existsSync(RAW)) {
    console.log(`${RAW} is absent: raw-text check skipped.`);
    return;
  }
  const raw = await readRows(RAW);
  const rawId = column(raw.header, "序号", RAW);
  const rawLabel = column(raw.header, "一级标签", RAW);
  const joined = column(raw.header, "留言主题+留言详情", RAW);
  const title = column(raw.header, "留言主题", RAW);
  const detail = column(raw.header, "留言详情", RAW);
  const rawSamples = raw.rows.map((r) => ({
    id: (r[rawId] ?? "").trim(),
    text: (r[joined] ?? "").trim() || `${(r[title] ?? "").trim()}\n${(r[detail] ?? "").trim()}`,
    label: codes.get((r[rawLabel] ?? "").trim()) ?? "?",
  }));
  const rawIds = new Set(rawSamples.map((s) => s.id));
  console.log(`Raw subset: ${rawSamples.length} messages.`);
  console.log(
    `  shipped model on raw text (overlaps its training data): accuracy ${accuracy(model, rawSamples).toFixed(4)}`,
  );
  const heldOutTrain = dedupSamples(rows.filter((r) => !rawIds.has(r.id))).samples;
  t0 = performance.now();
  const heldOut = trainClassifier(heldOutTrain, { seed });
  console.log(
    `  held out: trained on the ${heldOutTrain.length} segmented messages not in the raw subset ` +
      `(${((performance.now() - t0) / 1000).toFixed(1)} s): accuracy on raw text ${accuracy(heldOut, rawSamples).toFixed(4)}, ` +
      `on the same messages segmented ${accuracy(
        heldOut,
        rows.filter((r) => rawIds.has(r.id)),
      ).toFixed(4)}`,
  );
}

await main();
