/**
 * Near-duplicate lookup at intake (重复诉求) and the hot-spot clustering of one day.
 *
 *   npm run bench -- dedup [--json] [--sizes 100000,1000000,3000000] [--queries 1000]
 *                          [--brute 200] [--brute-large 30] [--day 35000]
 *   (3 M entries take ≈ 0.7 GB outside the JS heap; no heap flag is needed. If a machine is short
 *   of memory: NODE_OPTIONS=--max-old-space-size=4096 npm run bench -- dedup)
 *
 * Corpus: synthetic variants of real citizen messages — the raw texts of the 泰迪杯 2020 files
 * (`../shared/data/teddycup2020/`: 附件3, 附件4, 附件2 test set, official sample, raw subset), each
 * variant a copy with characters replaced, deleted and inserted, a random cut and a random opening
 * phrase, placed in one of Liaoning's 14 cities (weighted by volume), one of its districts and a
 * time in the last 90 days. Without that folder a generator of our own composes texts from phrase
 * lists (said in the output). Variants are generated from their slot number, so the 3 M texts
 * never sit in memory; the refine step regenerates a shortlisted text as the product reads it
 * from the database.
 *
 * Per window (100 k, 1 M, 3 M entries, built incrementally into one index): lookups of a fresh
 * variant of an indexed message (a repeat complaint arriving) — normalise (foldText + masking),
 * signature, LSH lookup in the city and window, the product's duplicate score of every candidate
 * (jieba words, TF-IDF cosine and bigram Jaccard) — against the
 * baseline in the same run: a brute-force scan of every signature in the city and window with the
 * same refine (on fewer queries at the larger sizes, said in the table). Recall@10 = share of the
 * brute force's top 10 (score ≥ the default minimum) that the LSH lookup also returns.
 *
 * Hot spots: {@link findHotspots} (the job's pure core, text normalisation included) over one day
 * of a province (35 k appeals, with bursts planted), timed end to end.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { findHotspots, type HotspotRecord, placeWords } from "../server/modules/hotspots/cluster.ts";
import {
  type DupSubject,
  duplicateScore,
  dupWords,
  type TextVector,
  textVector,
  WordStats,
} from "../server/modules/hotspots/duplicate-score.ts";
import { type Candidate, NearDupIndex } from "../server/modules/hotspots/near-dup-index.ts";
import { csvObjects } from "../server/modules/hotspots/teddycup-report.ts";
import { foldText } from "../server/platform/chinese-text.ts";
import { dedupText, jaccard, maskAndStrip, shingleSet, signature } from "../server/platform/minhash.ts";
import { mulberry32 as rng } from "../server/platform/seeded-random.ts";
import type { BenchResult } from "./run.ts";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = join(REPO, "..", "shared", "data", "teddycup2020");
const WINDOW_DAYS = 90;
const NOW_MINUTE = Math.floor(Date.UTC(2025, 10, 20) / 60_000);

/** Liaoning's cities with rough shares of the volume (Shenyang and Dalian largest). */
const CITIES: [number, number][] = [
  [2101, 22],
  [2102, 20],
  [2103, 8],
  [2104, 5],
  [2105, 4],
  [2106, 6],
  [2107, 6],
  [2108, 6],
  [2109, 4],
  [2110, 4],
  [2111, 3],
  [2112, 6],
  [2113, 4],
  [2114, 4],
];
const CITY_TOTAL = CITIES.reduce((n, [, w]) => n + w, 0);

export function loadCorpus(): { texts: string[]; source: string } {
  const files: [string, (r: Record<string, string>) => string][] = [
    ["attachment3_messages_with_votes.csv", (r) => `${r.留言主题} ${r.留言详情}`],
    ["attachment4_messages_with_replies.csv", (r) => `${r.留言主题} ${r.留言详情}`],
    ["attachment2_test_unlabeled.csv", (r) => `${r.留言主题} ${r.留言详情}`],
    ["attachment2_sample_official.csv", (r) => `${r.留言主题} ${r.留言详情}`],
    ["attachment2_raw_subset.csv", (r) => r["留言主题+留言详情"] || `${r.留言主题} ${r.留言详情}`],
  ];
  const texts: string[] = [];
  for (const [f, pick] of files) {
    const path = join(DATA, f);
    if (!existsSync(path)) continue;
    for (const r of csvObjects(readFileSync(path, "utf8"))) {
      // Signatures read the first 400 characters only (DEFAULT_SIGNATURE.maxChars): keep 440.
      const t = maskAndStrip(foldText(pick(r).trim())).slice(0, 440);
      if (t.length >= 20) texts.push(t);
    }
  }
  if (texts.length >= 1000)
    return { texts: [...new Set(texts)], source: "泰迪杯 2020 messages (../shared/data/teddycup2020)" };
  return { texts: generatedCorpus(8000), source: "own generator (../shared/data/teddycup2020 not found)" };
}

/** Fallback: texts composed from phrase lists (place × matter × detail × request). */
function generatedCorpus(n: number): string[] {
  const places = [
    "幸福里小区",
    "中山路",
    "和平广场",
    "光明街道",
    "滨河花园",
    "新华村",
    "铁西工业园",
    "长江路小学",
    "人民医院",
    "建设大厦",
  ];
  const matters = [
    "暖气不热",
    "停水",
    "路灯不亮",
    "噪音扰民",
    "油烟污染",
    "拖欠工资",
    "违章建筑",
    "垃圾无人清运",
    "公交站台破损",
    "物业乱收费",
    "学区划分",
    "医保报销",
    "公积金提取",
    "燃气泄漏",
    "道路积水",
  ];
  const details = [
    "已经持续一周",
    "多次反映没有结果",
    "老人孩子受到影响",
    "晚上无法休息",
    "存在安全隐患",
    "物业不管",
    "相关部门互相推诿",
    "影响正常生活",
    "附近居民意见很大",
  ];
  const asks = ["请尽快处理", "请相关部门核实", "希望给个说法", "请督促整改", "请派人查看"];
  const r = rng(7);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  return Array.from(
    { length: n },
    (_, i) =>
      `${pick(places)}${i % 97}号${pick(matters)}${pick(details)}${pick(details)}${pick(matters)}${pick(asks)}${pick(places)}${pick(details)}${pick(asks)}`,
  );
}

const OPENINGS = ["", "", "您好", "反映", "投诉", "再次反映", "请问", "紧急求助", "市民来电反映"];

/** A variant of base text `b`: random edits (≈ 6 %), a random cut (70–100 %), an opening phrase. */
export function variant(base: string, seed: number): string {
  const r = rng(seed);
  const cut = Math.max(20, Math.floor(base.length * (0.7 + 0.3 * r())));
  let out = OPENINGS[Math.floor(r() * OPENINGS.length)]!;
  for (let i = 0; i < cut; i++) {
    const x = r();
    if (x < 0.02) continue; // delete
    if (x < 0.04) out += base[Math.floor(r() * base.length)]!; // insert a character of the text
    if (x < 0.06)
      out += base[Math.floor(r() * base.length)]!; // replace
    else out += base[i]!;
  }
  return out;
}

interface Corpus {
  texts: string[];
  baseOf(slot: number): number;
  textOf(slot: number): string;
  meta(slot: number): { city: number; district: number; minute: number };
}

export function corpus(texts: string[]): Corpus {
  const baseOf = (slot: number) => Math.floor(rng(slot * 2654435761)() * texts.length);
  return {
    texts,
    baseOf,
    textOf: (slot) => variant(texts[baseOf(slot)]!, slot + 1),
    meta: (slot) => {
      const r = rng(slot ^ 0x5bd1e995);
      let w = r() * CITY_TOTAL;
      let city = 2101;
      for (const [c, share] of CITIES) {
        w -= share;
        if (w < 0) {
          city = c;
          break;
        }
      }
      return {
        city,
        district: city * 100 + 1 + Math.floor(r() * 10),
        minute: NOW_MINUTE - Math.floor(r() * WINDOW_DAYS * 1440),
      };
    },
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const argOf = (args: string[], name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};

/**
 * One intake lookup: normalise, sign, candidates (LSH or scan), then the product's score of every
 * candidate ({@link duplicateScore}: jieba words, TF-IDF cosine and bigram Jaccard; caller and place
 * are absent from synthetic texts); returns the top 10 ids with score ≥ the default minimum.
 */
function lookup(
  idx: NearDupIndex,
  c: Corpus,
  raw: string,
  filter: { city: number; fromMinute: number },
  brute: boolean,
  stats: WordStats,
): number[] {
  const text = maskAndStrip(foldText(raw));
  const sig = signature(text);
  if (!sig) return [];
  const cands: Candidate[] = brute ? idx.scan(sig, filter, 0.15, 40) : idx.lookup(sig, filter, 0.15, 40);
  const none = { phone: null, address: null, lat: null, lng: null, categoryCode: null, time: 0 };
  const me = { title: "", body: raw, ...none };
  const mine = textVector("", raw, stats);
  return cands
    .map((x) => {
      const other = c.textOf(x.slot);
      return {
        slot: x.slot,
        score: duplicateScore(me, mine, { ...me, body: other }, textVector("", other, stats)).score,
      };
    })
    .filter((x) => x.score >= DEFAULT_MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10)
    .map((x) => x.slot);
}

/** The default `minScore` of both duplicate searches: the threshold the pair table is read at. */
const DEFAULT_MIN_SCORE = 0.15;

/**
 * Duplicate scoring on pairs of real messages: `hotspot_reference_members_by_team.csv` lists, for
 * four independent teams, the messages of 附件3 each grouped as one hot issue. Same-issue pairs:
 * two messages some team put in one issue; different-issue pairs: two messages a team put in two
 * different issues and no team in one. Both scorers read the same pairs at the default threshold:
 * the current one (character-bigram Jaccard of the texts) and the new one ({@link duplicateScore}:
 * text, caller = 留言用户, time apart; the messages have no address, category or coordinates).
 * "reached" = the pair would be a candidate at all (LSH band hits in the index, or the same caller).
 * The IDF comes from all 4,326 messages of 附件3, as the product learns it from its window.
 */
function placeOf(title: string, body: string): string | null {
  for (const t of [title, body]) {
    const words = placeWords(maskAndStrip(foldText(t)));
    if (words.length) return words.sort((a, b) => b.length - a.length)[0]!;
  }
  return null;
}

export function pairEvaluation(): { rows: Record<string, unknown>[]; note: string } | null {
  const membersPath = join(DATA, "hotspot_reference_members_by_team.csv");
  const messagesPath = join(DATA, "attachment3_messages_with_votes.csv");
  if (!existsSync(membersPath) || !existsSync(messagesPath)) return null;
  const messages = new Map<string, { title: string; body: string; user: string; time: number }>();
  for (const r of csvObjects(readFileSync(messagesPath, "utf8"))) {
    const time = new Date(`${(r.留言时间 ?? "").replaceAll("/", "-").replace(" ", "T")}+08:00`).getTime();
    messages.set(r.留言编号!, {
      title: (r.留言主题 ?? "").trim(),
      body: (r.留言详情 ?? "").trim(),
      user: r.留言用户 ?? "",
      time: Number.isNaN(time) ? 0 : time,
    });
  }
  const groups = new Map<string, { team: string; issue: string; ids: string[] }>();
  for (const r of csvObjects(readFileSync(membersPath, "utf8"))) {
    const id = r.留言编号!;
    if (!messages.has(id)) continue;
    const key = `${r.来源仓库}|${r.问题ID}`;
    const g = groups.get(key) ?? { team: r.来源仓库!, issue: r.问题ID!, ids: [] };
    g.ids.push(id);
    groups.set(key, g);
  }
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const same = new Set<string>();
  const list = [...groups.values()];
  for (const g of list)
    for (let i = 0; i < g.ids.length; i++)
      for (let j = i + 1; j < g.ids.length; j++)
        if (g.ids[i] !== g.ids[j]) same.add(key(g.ids[i]!, g.ids[j]!));
  const diff = new Set<string>();
  for (const g of list)
    for (const h of list) {
      if (g.team !== h.team || g.issue >= h.issue) continue;
      for (const a of g.ids) for (const b of h.ids) if (a !== b && !same.has(key(a, b))) diff.add(key(a, b));
    }
  const stats = new WordStats();
  for (const m of messages.values()) stats.addDocument(dupWords(m.title, m.body));
  const ids = [...new Set(list.flatMap((g) => g.ids))];
  const vec = new Map<string, TextVector>();
  const bigrams = new Map<string, Uint32Array>();
  const subject = new Map<string, DupSubject>();
  const idx = new NearDupIndex({}, ids.length);
  const slotOf = new Map<string, number>();
  const idOf: string[] = [];
  for (const id of ids) {
    const m = messages.get(id)!;
    vec.set(id, textVector(m.title, m.body, stats));
    const text = dedupText(m.title, m.body);
    bigrams.set(id, shingleSet(text));
    subject.set(id, {
      title: m.title,
      body: m.body,
      phone: m.user || null,
      // No address column: the longest specific place the title (else the text) names stands in.
      address: placeOf(m.title, m.body),
      lat: null,
      lng: null,
      categoryCode: null,
      time: m.time,
    });
    const sig = signature(text);
    if (sig) {
      const slot = idx.add(sig, { city: 1, district: 0, minute: 0 });
      slotOf.set(id, slot);
      idOf[slot] = id;
    }
  }
  const lshPairs = new Set<string>();
  for (const id of ids) {
    const slot = slotOf.get(id);
    if (slot === undefined) continue;
    for (const c of idx.lookup(idx.signatureOf(slot), { city: 1, exclude: slot }, 0.15, 1000))
      lshPairs.add(key(id, idOf[c.slot]!));
  }
  type Scorer = (a: string, b: string) => number;
  const scorers: [string, Scorer][] = [
    ["current: bigram Jaccard", (a, b) => jaccard(bigrams.get(a)!, bigrams.get(b)!)],
    [
      "new: text only (cosine+Jaccard)",
      (a, b) =>
        duplicateScore(
          { ...subject.get(a)!, phone: null, address: null },
          vec.get(a)!,
          { ...subject.get(b)!, phone: null, address: null },
          vec.get(b)!,
        ).score,
    ],
    [
      "new: duplicateScore",
      (a, b) => duplicateScore(subject.get(a)!, vec.get(a)!, subject.get(b)!, vec.get(b)!).score,
    ],
  ];
  const rows = scorers.map(([name, score]) => {
    let tp = 0;
    let fp = 0;
    let reachedTp = 0;
    for (const p of same) {
      const [a, b] = p.split("|") as [string, string];
      if (score(a, b) >= DEFAULT_MIN_SCORE) {
        tp++;
        const reach =
          lshPairs.has(p) || (!name.startsWith("current") && subject.get(a)!.phone === subject.get(b)!.phone);
        if (reach) reachedTp++;
      }
    }
    for (const p of diff) {
      const [a, b] = p.split("|") as [string, string];
      if (score(a, b) >= DEFAULT_MIN_SCORE) fp++;
    }
    return {
      scorer: name,
      threshold: DEFAULT_MIN_SCORE,
      samePairs: same.size,
      diffPairs: diff.size,
      truePos: tp,
      falsePos: fp,
      precision: round(tp / Math.max(1, tp + fp)),
      recall: round(tp / Math.max(1, same.size)),
      recallReached: round(reachedTp / Math.max(1, same.size)),
    };
  });
  if (process.env.DEDUP_CURVE) {
    for (const [name, score] of scorers) {
      const sp = [...same].map((p) => score(...(p.split("|") as [string, string])));
      const dp = [...diff].map((p) => score(...(p.split("|") as [string, string])));
      for (const th of [0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25]) {
        const tp = sp.filter((x) => x >= th).length;
        const fp = dp.filter((x) => x >= th).length;
        process.stderr.write(
          `${name} ${th}: P ${round(tp / Math.max(1, tp + fp))} R ${round(tp / sp.length)}\n`,
        );
      }
    }
  }
  return {
    rows,
    note: `${ids.length} messages in ${list.length} issues of 4 teams; goal: recall ≥ 0.8 at precision ≥ 0.9`,
  };
}

export async function run(args: string[]): Promise<BenchResult> {
  const sizes = argOf(args, "sizes", "100000,1000000,3000000").split(",").map(Number);
  const nQueries = Number(argOf(args, "queries", "1000"));
  const nBrute = Number(argOf(args, "brute", "200"));
  const nBruteLarge = Number(argOf(args, "brute-large", "30"));
  const daySize = Number(argOf(args, "day", "35000"));
  const { texts, source } = loadCorpus();
  process.stderr.write(`corpus: ${texts.length} base texts from ${source}\n`);
  const c = corpus(texts);
  const stats = new WordStats();
  for (const t of texts.slice(0, 20_000)) stats.addDocument(dupWords("", t));
  const pairs = pairEvaluation();
  process.stderr.write(pairs ? `pairs: ${JSON.stringify(pairs.rows)}\n` : "pairs: reference files absent\n");
  const max = Math.max(...sizes);
  const idx = new NearDupIndex({ bucketBits: max > 1_000_000 ? 23 : 22 }, max);
  const fromMinute = NOW_MINUTE - WINDOW_DAYS * 1440;
  const table: Record<string, unknown>[] = [];
  const windows: Record<string, unknown>[] = [];
  let built = 0;
  let buildMs = 0;
  for (const size of sizes.sort((a, b) => a - b)) {
    const t0 = performance.now();
    for (; built < size; built++) {
      const sig = signature(c.textOf(built));
      if (sig) idx.add(sig, c.meta(built));
      if (built % 500_000 === 0 && built) process.stderr.write(`  indexed ${built}\n`);
    }
    buildMs += performance.now() - t0;
    // Queries: a fresh variant of an indexed message, from the same city.
    const r = rng(size);
    const queries = Array.from({ length: nQueries }, (_, q) => {
      const slot = Math.floor(r() * size);
      return { slot, raw: variant(c.texts[c.baseOf(slot)]!, 1_000_000_007 + q), city: c.meta(slot).city };
    });
    for (const q of queries.slice(0, 20)) lookup(idx, c, q.raw, { city: q.city, fromMinute }, false, stats); // warm-up
    const lat: number[] = [];
    const cpu: number[] = [];
    const found: number[][] = [];
    for (const q of queries) {
      const u = process.cpuUsage();
      const t = performance.now();
      found.push(lookup(idx, c, q.raw, { city: q.city, fromMinute }, false, stats));
      lat.push(performance.now() - t);
      const d = process.cpuUsage(u);
      cpu.push((d.user + d.system) / 1000);
    }
    const bruteN = size > 1_000_000 ? Math.min(nBruteLarge, nQueries) : Math.min(nBrute, nQueries);
    const blat: number[] = [];
    let relevant = 0;
    let recalled = 0;
    for (let q = 0; q < bruteN; q++) {
      const t = performance.now();
      const top = lookup(idx, c, queries[q]!.raw, { city: queries[q]!.city, fromMinute }, true, stats);
      blat.push(performance.now() - t);
      const mine = new Set(found[q]);
      relevant += top.length;
      recalled += top.filter((s) => mine.has(s)).length;
    }
    const mem = process.memoryUsage();
    const row = {
      size,
      p50Ms: round(pct(lat, 50)),
      p99Ms: round(pct(lat, 99)),
      cpuP50Ms: round(pct(cpu, 50)),
      cpuP99Ms: round(pct(cpu, 99)),
      bruteP50Ms: round(pct(blat, 50)),
      bruteP99Ms: round(pct(blat, 99)),
      speedupP50: round(pct(blat, 50) / Math.max(1e-6, pct(lat, 50)), 1),
      queries: nQueries,
      bruteQueries: bruteN,
      recallAt10: relevant ? round(recalled / relevant) : null,
      // What an index of this many entries holds (the bench preallocates the largest window at once).
      indexMB: round((idx.bytesPerEntry * size + idx.headBytes) / 2 ** 20, 1),
      rssMB: round(mem.rss / 2 ** 20, 0),
      buildS: round(buildMs / 1000, 1),
    };
    table.push(row);
    windows.push(row);
    process.stderr.write(`window ${size}: ${JSON.stringify(row)}\n`);
  }

  // One day of a province: 35 k appeals, 60 planted bursts of 8–30 variants in one district.
  const day = Date.UTC(2025, 10, 20);
  const r = rng(42);
  const records: HotspotRecord[] = [];
  for (let b = 0; b < 60 && records.length < daySize; b++) {
    const base = texts[Math.floor(r() * texts.length)]!;
    const m = c.meta(Math.floor(r() * 1e9));
    const n = 8 + Math.floor(r() * 23);
    for (let k = 0; k < n; k++) {
      records.push({
        id: `b${b}-${k}`,
        title: base.slice(0, 20),
        text: variant(base, b * 1000 + k),
        city: String(m.city),
        district: String(m.district),
        time: day + Math.floor(r() * 86400_000),
        caller: `p${b}-${k}`,
      });
    }
  }
  for (let i = records.length; i < daySize; i++) {
    const slot = 10_000_000 + i;
    const m = c.meta(slot);
    records.push({
      id: `d${i}`,
      title: c.texts[c.baseOf(slot)]!.slice(0, 20),
      text: c.textOf(slot),
      city: String(m.city),
      district: String(m.district),
      time: day + Math.floor(r() * 86400_000),
      caller: `c${i}`,
    });
  }
  const h0 = performance.now();
  const spots = findHotspots(records, {
    now: day + 86400_000,
    baseline: { kind: "trailing", records: [], days: 28 },
  });
  const hotspotDaySeconds = round((performance.now() - h0) / 1000, 2);
  const planted = spots.filter((s) => s.memberIds[0]?.startsWith("b")).length;
  process.stderr.write(
    `hotspots: ${spots.length} clusters (${planted} led by planted bursts) in ${hotspotDaySeconds} s\n`,
  );
  const sections = [
    {
      title: pairs
        ? `Duplicate pairs of the 泰迪杯 hot-issue reference (${pairs.note}), at the default minScore ${DEFAULT_MIN_SCORE}`
        : "Duplicate pairs: ../shared/data/teddycup2020/hotspot_reference_members_by_team.csv is ABSENT: no pair table",
      table: pairs?.rows ?? [],
    },
    {
      title: `Hot-spot clustering of one day (${records.length} appeals, 60 planted bursts; goal ≤ 30 s)`,
      table: [
        {
          appeals: records.length,
          clusters: spots.length,
          warnings: spots.filter((s) => s.warning).length,
          seconds: hotspotDaySeconds,
        },
      ],
    },
  ];
  return {
    table,
    sections,
    json: {
      bench: "dedup",
      corpus: source,
      baseTexts: texts.length,
      params: idx.params,
      windows,
      hotspotDaySeconds,
      hotspotDayAppeals: records.length,
      hotspotClusters: spots.length,
      pairs: pairs?.rows ?? null,
      goal: { p99MsAt3M: 10, hotspotDaySeconds: 30 },
    },
  };
}
