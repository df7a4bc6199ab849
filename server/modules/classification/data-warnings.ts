/**
 * What is wrong with a labelled file before any number is computed (数据体检), as `hotline
 * classifier eval` prints it: classes too small to learn, labels that look like one unit spelled
 * two ways (edit distance, one inside the other, the same name before a shared unit suffix), and
 * near-duplicate letters that would sit on both sides of a fold (character-bigram Jaccard).
 */
import { foldText } from "../../platform/chinese-text.ts";
import { jaccard, maskAndStrip, shingleSet, signature } from "../../platform/minhash.ts";
import type { TrainingSample } from "./classifier.ts";
import { stratifiedFolds } from "./evaluate.ts";

export type DataWarning =
  | { kind: "small-class"; label: string; count: number; message: string }
  | {
      kind: "similar-labels";
      labels: [string, string];
      counts: [number, number];
      reason: string;
      message: string;
    }
  | {
      kind: "near-duplicates";
      pairs: number;
      acrossFolds: number;
      examples: [string, string][];
      message: string;
    };

/** Classes with fewer letters than this are too small to learn (and to score). */
export const SMALL_CLASS = 10;
/** Letters this alike (character-bigram Jaccard) count as near-duplicates. */
export const NEAR_DUPLICATE = 0.8;

/** Unit suffixes of Chinese administrative bodies, longest first. */
const UNIT_SUFFIXES = [
  "管理委员会",
  "委员会",
  "管理局",
  "管理处",
  "办公室",
  "服务中心",
  "中心",
  "公司",
  "集团",
  "街道",
  "局",
  "委",
  "办",
  "处",
  "厅",
  "院",
  "所",
  "站",
  "队",
];

/** Folded, without spaces and punctuation. */
function key(label: string): string {
  return foldText(label.normalize("NFKC"))
    .replace(/[\s\p{P}\p{S}]+/gu, "")
    .toLowerCase();
}

/** The label without its unit suffix (and without a leading city/district name in 市/区/县). */
function stem(k: string): string {
  let s = k;
  for (const suffix of UNIT_SUFFIXES)
    if (s.length > suffix.length + 1 && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      break;
    }
  const place = s.search(/[市区县]/u);
  if (place > 0 && place <= 4 && s.length - place - 1 >= 2) s = s.slice(place + 1);
  return s;
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** Why two labels look like the same unit, or null. */
export function sameUnitReason(a: string, b: string): string | null {
  const ka = key(a);
  const kb = key(b);
  if (ka === kb) return "the same name once spaces, punctuation, width and traditional characters are folded";
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length >= 3 && long.includes(short)) return `"${short}" is part of "${long}"`;
  const d = editDistance(ka, kb);
  if (Math.min(ka.length, kb.length) >= 4 && d <= Math.max(1, Math.floor(Math.max(ka.length, kb.length) / 6)))
    return `${d} character${d > 1 ? "s" : ""} apart`;
  const sa = stem(ka);
  const sb = stem(kb);
  if (sa.length >= 2 && sa === sb && (sa !== ka || sb !== kb))
    return `the same name "${sa}" before a unit suffix`;
  return null;
}

/** Every warning for a labelled set, in the order the CLI prints them. */
export function dataWarnings(
  samples: readonly TrainingSample[],
  opts: { folds?: number; seed?: number; maxPairs?: number } = {},
): DataWarning[] {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  const out: DataWarning[] = [];
  for (const [label, count] of [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])))
    if (count < SMALL_CLASS)
      out.push({
        kind: "small-class",
        label,
        count,
        message: `class "${label}" has ${count} letter${count > 1 ? "s" : ""}: too few to learn (< ${SMALL_CLASS}); merge it or collect more`,
      });
  const labels = [...counts.keys()].sort();
  // Hundreds of departments: the pairwise label check stays cheap (labels are short).
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      const reason = sameUnitReason(a, b);
      if (reason)
        out.push({
          kind: "similar-labels",
          labels: [a, b],
          counts: [counts.get(a)!, counts.get(b)!],
          reason,
          message: `labels "${a}" (${counts.get(a)}) and "${b}" (${counts.get(b)}) look like the same unit: ${reason}`,
        });
    }
  const dup = nearDuplicates(samples, opts.folds ?? 5, opts.seed ?? 1, opts.maxPairs ?? 5);
  if (dup.pairs > 0)
    out.push({
      kind: "near-duplicates",
      ...dup,
      message:
        `${dup.pairs} pairs of near-duplicate letters (character-bigram Jaccard ≥ ${NEAR_DUPLICATE}), ` +
        `${dup.acrossFolds} of them split across folds: the scores will look better than on new letters`,
    });
  return out;
}

/**
 * Near-duplicate pairs among the letters: MinHash signatures bucketed by bands (8 bands of 8
 * bins) give the candidates, the exact Jaccard of bigram sets decides; `acrossFolds` counts the
 * pairs that the evaluation's stratified folds (same k and seed) put in different folds.
 */
export function nearDuplicates(
  samples: readonly TrainingSample[],
  folds: number,
  seed: number,
  maxExamples: number,
): { pairs: number; acrossFolds: number; examples: [string, string][] } {
  const texts = samples.map((s) => maskAndStrip(foldText(s.text.normalize("NFKC"))));
  const sets = texts.map((t) => shingleSet(t));
  const sigs = texts.map((t) => signature(t));
  const buckets = new Map<string, number[]>();
  sigs.forEach((sig, i) => {
    if (!sig) return;
    for (let band = 0; band < 8; band++) {
      const k = `${band}:${Array.from(sig.subarray(band * 8, band * 8 + 8)).join(",")}`;
      const list = buckets.get(k);
      if (list) list.push(i);
      else buckets.set(k, [i]);
    }
  });
  const fold = stratifiedFolds(
    samples.map((s) => s.label),
    folds,
    seed,
  ).fold;
  const seen = new Set<number>();
  let pairs = 0;
  let across = 0;
  const examples: [string, string][] = [];
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > 200) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = Math.min(list[x]!, list[y]!);
        const j = Math.max(list[x]!, list[y]!);
        const id = i * samples.length + j;
        if (seen.has(id)) continue;
        seen.add(id);
        if (jaccard(sets[i]!, sets[j]!) < NEAR_DUPLICATE) continue;
        pairs++;
        if (fold[i] !== fold[j]) across++;
        if (examples.length < maxExamples)
          examples.push([samples[i]!.text.trim().slice(0, 40), samples[j]!.text.trim().slice(0, 40)]);
      }
  }
  return { pairs, acrossFolds: across, examples };
}
