/**
 * Hot-spot clustering (热点 / 小苗头), as one pure function over plain records: the product's
 * `hotspot-scan` job and the `hotline hotspots report` evaluation both call {@link findHotspots}.
 *
 * 1. Every record gets its MinHash signature ({@link ../../platform/minhash.ts}); an LSH index over them
 *    ({@link NearDupIndex}) proposes candidate pairs in the same city; a pair is linked when the
 *    exact shingle Jaccard reaches `linkJaccard` and the places agree (same district when both
 *    name one). Records naming the same specific place (小区, 村, 街道, 学校 … names) are linked at
 *    the lower `placeLinkJaccard`. Clusters are the connected components (union–find).
 * 2. Each cluster's heat combines distinct callers, repeats, votes and growth against its own
 *    baseline: history records (the same calendar weeks a year earlier when there is such history,
 *    else the trailing weeks) that match the cluster the same way, as a daily rate.
 * 3. Early warning (小苗头): at least `warnMinCount` members in the last `burstHours` and at least
 *    `warnRatio` times what the baseline expects for that span.
 * Every threshold is in {@link HotspotConfig} (defaults below; the job reads overrides from settings).
 */
import { chinaDate } from "../../platform/china-time.ts";
import { queryWords } from "../../platform/chinese-text.ts";
import {
  dedupText,
  jaccard,
  maskAndStrip,
  shingleHashes,
  shingleSet,
  signatureOf,
} from "../../platform/minhash.ts";
import { DEFAULT_INDEX, NearDupIndex } from "./near-dup-index.ts";

/** One appeal (or message) as clustering sees it. */
export interface HotspotRecord {
  id: string;
  title: string;
  /** Title and body as received; normalised here. */
  text: string;
  /** City key (4-digit city code in the product; a masked city letter in the 泰迪杯 data). */
  city: string;
  /** District key (6-digit region code), null when unknown. */
  district: string | null;
  /** Address or other place text (optional, adds place words). */
  place?: string | null;
  /** Milliseconds since the epoch. */
  time: number;
  /** Likes + dislikes, or repeat calls: engagement beyond the record itself. */
  votes?: number;
  /** Who called (a hash, never shown); null when unknown or anonymous. */
  caller?: string | null;
  /** Set when the text is already folded (NFKC, simplified, lower case). */
  folded?: boolean;
}

/** Thresholds and weights: data, not constants in the code (see the settings key `hotspots.config`). */
export interface HotspotConfig {
  /** Days of appeals a scan clusters. */
  windowDays: number;
  /** Exact shingle Jaccard that links two records. */
  linkJaccard: number;
  /** Lower Jaccard that links two records naming the same specific place. */
  placeLinkJaccard: number;
  /** Jaccard of the titles alone that links two records (titles of at least `minTitleChars`). */
  titleLinkJaccard: number;
  minTitleChars: number;
  /** LSH candidates below this estimated Jaccard are not checked exactly. */
  candidateEstimate: number;
  /** Place-word groups larger than this are too generic to link by. */
  maxPlaceGroup: number;
  /** Smallest cluster reported. */
  minSize: number;
  /** The span of the early-warning count (小苗头), in hours. */
  burstHours: number;
  /** Members in the burst span needed for a warning (e.g. 8 in 24 h). */
  warnMinCount: number;
  /** Burst count ÷ expected count needed for a warning. */
  warnRatio: number;
  /** What a burst span expects at least, whatever the baseline (e.g. 1 in 24 h is normal). */
  minExpected: number;
  /** Trailing baseline length in days (used when there is no history a year back). */
  trailingDays: number;
  /** Heat weights. */
  weights: { callers: number; repeats: number; votes: number; growth: number };
}

export const HOTSPOT_DEFAULTS: HotspotConfig = {
  windowDays: 7,
  linkJaccard: 0.3,
  placeLinkJaccard: 0.12,
  titleLinkJaccard: 0.5,
  minTitleChars: 6,
  candidateEstimate: 0.15,
  maxPlaceGroup: 300,
  minSize: 3,
  burstHours: 24,
  warnMinCount: 8,
  warnRatio: 4,
  minExpected: 1,
  trailingDays: 28,
  weights: { callers: 1, repeats: 1, votes: 1, growth: 1 },
};

/** The history a cluster is compared with. */
export interface Baseline {
  kind: "season" | "trailing" | "none";
  records: HotspotRecord[];
  /** Days the history spans (its count ÷ days = the daily baseline rate). */
  days: number;
  /** Its span, for the record. */
  from?: number;
  to?: number;
}

/** A scored cluster. */
export interface Hotspot {
  memberIds: string[];
  size: number;
  callers: number;
  votes: number;
  heat: number;
  title: string;
  keywords: string[];
  city: string;
  district: string | null;
  place: string | null;
  from: number;
  to: number;
  /** Members in the last `burstHours` before `now`. */
  recent: number;
  /** What the baseline expects in `burstHours`. */
  expected: number;
  baseline: { kind: Baseline["kind"]; matches: number; days: number; ratePerDay: number };
  warning: boolean;
  warningReason: string | null;
  trend: { day: string; count: number }[];
}

interface Prepared {
  set: Uint32Array;
  titleSet: Uint32Array | null;
  sig: Uint8Array | null;
  places: string[];
  city: number;
  district: number;
}

const PLACE_SUFFIX =
  /(小区|新城|花园|家园|公寓|苑|府|广场|大厦|大楼|村|社区|街道|镇|大道|路|街|小学|中学|学校|幼儿园|医院|市场|公园|大桥|湾|园|站)/gu;
const HAN_OR_ALNUM = /[\p{Script=Han}a-z0-9]/u;
const GENERIC = /[我你他她它这那该本的了在是有和与及对个们此某其]/u;

/**
 * Specific place words of a text (小区/村/街道/学校 … names): the suffix with the two and three
 * characters before it. Words with pronouns or particles ("我们小区") are too generic and dropped.
 */
export function placeWords(folded: string): string[] {
  const out = new Set<string>();
  for (const m of folded.matchAll(PLACE_SUFFIX)) {
    const end = (m.index ?? 0) + m[0].length;
    for (const n of [2, 3]) {
      const start = (m.index ?? 0) - n;
      if (start < 0) continue;
      const head = folded.slice(start, m.index);
      if ([...head].every((c) => HAN_OR_ALNUM.test(c)) && !GENERIC.test(head))
        out.add(folded.slice(start, end));
    }
  }
  return [...out];
}

class UnionFind {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const n = this.parent[x]!;
      this.parent[x] = r;
      x = n;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function interner() {
  const m = new Map<string, number>();
  return (k: string | null): number => {
    if (k === null || k === "") return 0;
    const n = /^\d{1,9}$/.test(k) ? Number(k) : undefined;
    if (n !== undefined && n > 0) return n;
    let v = m.get(k);
    if (v === undefined) {
      // Non-numeric keys (masked names) get ids above any 9-digit code.
      v = 1_000_000_000 + m.size + 1;
      m.set(k, v);
    }
    return v;
  };
}

function prepare(
  records: HotspotRecord[],
  cfg: HotspotConfig,
  intern: (k: string | null) => number,
): Prepared[] {
  const p = DEFAULT_INDEX;
  return records.map((r) => {
    const text = r.folded ? maskAndStrip(r.text) : dedupText(r.title, r.text);
    const hashes = shingleHashes(text, p);
    const places = cfg.placeLinkJaccard < 1 ? placeWords(text + (r.place ? maskAndStrip(r.place) : "")) : [];
    const title = cfg.titleLinkJaccard < 1 ? dedupText(r.title, "") : "";
    return {
      set: shingleSet(text, p),
      titleSet: title.length >= cfg.minTitleChars ? shingleSet(title, p) : null,
      sig: signatureOf(hashes, p.bins),
      places,
      city: intern(r.city),
      district: intern(r.district),
    };
  });
}

const sameDistrictOrUnknown = (a: Prepared, b: Prepared) =>
  a.district === 0 || b.district === 0 || a.district === b.district;

/** Groups records into clusters; returns member index lists (largest first) and link degrees. */
export function clusterRecords(
  records: HotspotRecord[],
  cfg: HotspotConfig = HOTSPOT_DEFAULTS,
  intern: (k: string | null) => number = interner(),
): { clusters: number[][]; degree: Int32Array; prepared: Prepared[] } {
  const prep = prepare(records, cfg, intern);
  const index = new NearDupIndex({ minBandHits: 1 }, records.length);
  const slotOf = new Int32Array(records.length).fill(-1);
  prep.forEach((r, i) => {
    if (r.sig) slotOf[i] = index.add(r.sig, { city: r.city, district: r.district, minute: 0 });
  });
  const recordOfSlot = new Int32Array(index.slots);
  slotOf.forEach((s, i) => {
    if (s >= 0) recordOfSlot[s] = i;
  });
  const uf = new UnionFind(records.length);
  const degree = new Int32Array(records.length);
  const link = (i: number, j: number) => {
    uf.union(i, j);
    degree[i]!++;
    degree[j]!++;
  };
  for (let i = 0; i < prep.length; i++) {
    const a = prep[i]!;
    if (!a.sig) continue;
    for (const c of index.lookup(a.sig, { city: a.city, exclude: slotOf[i]! }, cfg.candidateEstimate, 200)) {
      const j = recordOfSlot[c.slot]!;
      if (j <= i) continue;
      const b = prep[j]!;
      if (sameDistrictOrUnknown(a, b) && jaccard(a.set, b.set) >= cfg.linkJaccard) link(i, j);
    }
  }
  if (cfg.titleLinkJaccard < 1) linkByTitle(prep, cfg, link);
  if (cfg.placeLinkJaccard < cfg.linkJaccard) {
    const byPlace = new Map<string, number[]>();
    prep.forEach((r, i) => {
      for (const w of r.places) {
        const key = `${r.city}|${w}`;
        const list = byPlace.get(key);
        if (list) list.push(i);
        else byPlace.set(key, [i]);
      }
    });
    const tried = new Set<number>();
    for (const list of byPlace.values()) {
      if (list.length < 2 || list.length > cfg.maxPlaceGroup) continue;
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const i = list[x]!;
          const j = list[y]!;
          const pair = i * records.length + j;
          if (tried.has(pair)) continue;
          tried.add(pair);
          const a = prep[i]!;
          const b = prep[j]!;
          if (uf.find(i) === uf.find(j)) continue;
          if (sameDistrictOrUnknown(a, b) && jaccard(a.set, b.set) >= cfg.placeLinkJaccard) link(i, j);
        }
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < records.length; i++) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const clusters = [...groups.values()]
    .filter((g) => g.length >= cfg.minSize)
    .sort((a, b) => b.length - a.length);
  return { clusters, degree, prepared: prep };
}

/** Links records whose titles alone are alike (a title names the matter; bodies tell it differently). */
function linkByTitle(prep: Prepared[], cfg: HotspotConfig, link: (i: number, j: number) => void): void {
  const index = new NearDupIndex({ minBandHits: 1 }, prep.length);
  const recordOf: number[] = [];
  const sigs: (Uint8Array | null)[] = prep.map((r) =>
    r.titleSet ? signatureOf(r.titleSet, DEFAULT_INDEX.bins) : null,
  );
  sigs.forEach((sig, i) => {
    if (sig) recordOf[index.add(sig, { city: prep[i]!.city, district: prep[i]!.district, minute: 0 })] = i;
  });
  const slotOf = new Map<number, number>();
  recordOf.forEach((i, slot) => {
    slotOf.set(i, slot);
  });
  sigs.forEach((sig, i) => {
    if (!sig) return;
    const a = prep[i]!;
    for (const c of index.lookup(
      sig,
      { city: a.city, exclude: slotOf.get(i)! },
      cfg.titleLinkJaccard / 2,
      200,
    )) {
      const j = recordOf[c.slot]!;
      if (j <= i) continue;
      const b = prep[j]!;
      if (sameDistrictOrUnknown(a, b) && jaccard(a.titleSet!, b.titleSet!) >= cfg.titleLinkJaccard)
        link(i, j);
    }
  });
}

const chinaDay = (t: number) => chinaDate(new Date(t));
const WORD_OK = /^[\p{Script=Han}a-z0-9]{2,}$/u;

/**
 * Finds and scores the hot spots among `records` as of `now`, comparing each with its `baseline`
 * history. Ranked by heat (warnings do not jump the queue: a warning is a flag on a row).
 */
export function findHotspots(
  records: HotspotRecord[],
  opts: { now: number; config?: Partial<HotspotConfig>; baseline?: Baseline },
): Hotspot[] {
  const cfg: HotspotConfig = { ...HOTSPOT_DEFAULTS, ...opts.config };
  const intern = interner();
  const { clusters, degree, prepared } = clusterRecords(records, cfg, intern);
  const base = opts.baseline ?? { kind: "none" as const, records: [], days: 0 };
  const history = base.records.length ? clusterBaselineMatcher(base.records, cfg, intern) : null;
  // Document frequency of title words over all records: keywords are frequent in the cluster, rare outside.
  const titleWords = new Map<number, string[]>();
  const df = new Map<string, number>();
  const wordsOf = (i: number) => {
    let w = titleWords.get(i);
    if (!w) {
      w = [...new Set(queryWords(records[i]!.title).filter((x) => WORD_OK.test(x)))];
      titleWords.set(i, w);
    }
    return w;
  };
  const sampleForDf = records.length > 5000 ? Math.ceil(records.length / 5000) : 1;
  let dfDocs = 0;
  for (let i = 0; i < records.length; i += sampleForDf) {
    dfDocs++;
    for (const w of wordsOf(i)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const env: ScoreEnv = {
    records,
    prepared,
    degree,
    cfg,
    now: opts.now,
    base,
    matchesOf: (members) => (history ? history(members.map((i) => prepared[i]!)) : 0),
    wordsOf,
    df,
    dfDocs,
  };
  const out: Hotspot[] = clusters.map((members) => scoreMembers(members, env));
  return out.sort((a, b) => b.heat - a.heat || b.size - a.size || a.from - b.from);
}

/**
 * Counts the history records like a cluster: same city, same district when both name one, and
 * the exact Jaccard with some member at least `linkJaccard` (or `placeLinkJaccard` with a shared
 * place word) — the same rule that builds clusters.
 */
function clusterBaselineMatcher(
  history: HotspotRecord[],
  cfg: HotspotConfig,
  intern: (k: string | null) => number,
) {
  const prep = prepare(history, cfg, intern);
  const index = new NearDupIndex({ minBandHits: 1 }, history.length);
  const byPlace = new Map<string, number[]>();
  const slotToRec: number[] = [];
  prep.forEach((r, i) => {
    if (r.sig) slotToRec[index.add(r.sig, { city: r.city, district: r.district, minute: 0 })] = i;
    for (const w of r.places) {
      const l = byPlace.get(w);
      if (l) l.push(i);
      else byPlace.set(w, [i]);
    }
  });
  return (members: Prepared[]): number => {
    const hit = new Set<number>();
    for (const m of members) {
      if (!m.sig) continue;
      for (const c of index.lookup(m.sig, { city: m.city }, cfg.candidateEstimate, 500)) {
        const j = slotToRec[c.slot]!;
        if (hit.has(j)) continue;
        const h = prep[j]!;
        if (sameDistrictOrUnknown(m, h) && jaccard(m.set, h.set) >= cfg.linkJaccard) hit.add(j);
      }
      for (const w of m.places) {
        for (const j of byPlace.get(w) ?? []) {
          if (hit.has(j)) continue;
          const h = prep[j]!;
          if (
            h.city === m.city &&
            sameDistrictOrUnknown(m, h) &&
            jaccard(m.set, h.set) >= cfg.placeLinkJaccard
          )
            hit.add(j);
        }
      }
    }
    return hit.size;
  };
}

interface ScoreEnv {
  records: HotspotRecord[];
  prepared: Prepared[];
  degree: Int32Array;
  cfg: HotspotConfig;
  now: number;
  base: Pick<Baseline, "kind" | "days">;
  matchesOf: (members: number[]) => number;
  wordsOf: (i: number) => string[];
  df: Map<string, number>;
  dfDocs: number;
}

/** Heat, burst, warning, title, keywords and trend of one cluster (the one formula of scan and intake). */
function scoreMembers(members: number[], env: ScoreEnv): Hotspot {
  const { records, prepared, degree, cfg, base, matchesOf, wordsOf, df, dfDocs } = env;
  const opts = { now: env.now };
  const burstFrom = env.now - cfg.burstHours * 3600_000;

  const recs = members.map((i) => records[i]!);
  const callerKeys = new Set<string>();
  let anonymous = 0;
  let votes = 0;
  let recent = 0;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const days = new Map<string, number>();
  const districts = new Map<string, number>();
  const places = new Map<string, number>();
  for (const r of recs) {
    if (r.caller) callerKeys.add(r.caller);
    else anonymous++;
    votes += Math.max(0, r.votes ?? 0);
    if (r.time > burstFrom && r.time <= opts.now) recent++;
    from = Math.min(from, r.time);
    to = Math.max(to, r.time);
    const d = chinaDay(r.time);
    days.set(d, (days.get(d) ?? 0) + 1);
    if (r.district) districts.set(r.district, (districts.get(r.district) ?? 0) + 1);
  }
  for (const i of members) for (const w of prepared[i]!.places) places.set(w, (places.get(w) ?? 0) + 1);
  const callers = callerKeys.size + anonymous;
  const matches = matchesOf(members);
  const ratePerDay = base.days > 0 ? matches / base.days : 0;
  const expected = Math.max(cfg.minExpected, (ratePerDay * cfg.burstHours) / 24);
  const growth = recent / expected;
  const w = cfg.weights;
  const size = members.length;
  const heat =
    (w.callers * callers + w.repeats * Math.log1p(size - callers) + w.votes * Math.log1p(votes)) *
    (1 + w.growth * Math.log2(Math.max(1, growth)));
  const warning = recent >= cfg.warnMinCount && growth >= cfg.warnRatio;
  const central = members.reduce((best, i) => (degree[i]! > degree[best]! ? i : best), members[0]!);
  const counts = new Map<string, number>();
  for (const i of members.slice(0, 200)) for (const x of wordsOf(i)) counts.set(x, (counts.get(x) ?? 0) + 1);
  const keywords = [...counts]
    .filter(([, n]) => n >= 2 || size < 4)
    .map(([x, n]) => [x, n * Math.log((dfDocs + 1) / ((df.get(x) ?? 0) + 1))] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([x]) => x);
  const top = <K>(m: Map<K, number>): K | null =>
    m.size ? [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0]![0] : null;
  return {
    memberIds: [...recs].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id)).map((r) => r.id),
    size,
    callers,
    votes,
    heat: Math.round(heat * 100) / 100,
    title: records[central]!.title,
    keywords,
    city: recs[0]!.city,
    district: top(districts),
    place: top(places),
    from,
    to,
    recent,
    expected: Math.round(expected * 100) / 100,
    baseline: {
      kind: base.kind,
      matches,
      days: base.days,
      ratePerDay: Math.round(ratePerDay * 1000) / 1000,
    },
    warning,
    warningReason: warning
      ? `${recent} similar appeals in ${cfg.burstHours} h where ${Math.round(expected * 10) / 10} is normal (${base.kind === "season" ? "same season last year" : base.kind === "trailing" ? `last ${base.days} days` : "no history"})`
      : null,
    trend: [...days].sort((a, b) => a[0].localeCompare(b[0])).map(([day, count]) => ({ day, count })),
  };
}

/**
 * Scores records already known to be one cluster (a live hot spot at intake), without clustering
 * again: the same heat, burst and warning rule as {@link findHotspots}. The baseline is what the
 * last scan found for it (`matches` in `days`), or none for a cluster no scan has seen yet.
 */
export function scoreCluster(
  records: HotspotRecord[],
  opts: {
    now: number;
    config?: Partial<HotspotConfig>;
    baseline: { kind: Baseline["kind"]; days: number; matches: number };
  },
): Hotspot {
  const cfg: HotspotConfig = { ...HOTSPOT_DEFAULTS, ...opts.config };
  const prepared = prepare(records, cfg, interner());
  const words = records.map((r) => [...new Set(queryWords(r.title).filter((x) => WORD_OK.test(x)))]);
  const members = records.map((_, i) => i);
  // The earliest appeal names the matter (degree 1 for it, 0 for the rest).
  const degree = new Int32Array(records.length);
  let first = 0;
  records.forEach((r, i) => {
    if (r.time < records[first]!.time) first = i;
  });
  if (records.length) degree[first] = 1;
  return scoreMembers(members, {
    records,
    prepared,
    degree,
    cfg,
    now: opts.now,
    base: opts.baseline,
    matchesOf: () => opts.baseline.matches,
    wordsOf: (i) => words[i]!,
    // Keywords frequent among the members are what they share: the members are their own corpus here.
    df: new Map(),
    dfDocs: Math.max(1, records.length),
  });
}

/**
 * The records connected to `records[seed]` by the scan's direct link: same city, same district when
 * both name one, and texts alike (shingle Jaccard ≥ `linkJaccard`), or titles alike, or a shared
 * specific place with texts somewhat alike (≥ `placeLinkJaccard`). Intake uses it on an appeal and
 * its duplicate candidates to join a live cluster by the scan's own rule. Returns indexes, seed first.
 */
export function linkedComponent(
  records: HotspotRecord[],
  seed: number,
  cfg: HotspotConfig = HOTSPOT_DEFAULTS,
): number[] {
  const prep = prepare(records, cfg, interner());
  const linked = (i: number, j: number) => {
    const a = prep[i]!;
    const b = prep[j]!;
    if (a.city !== b.city || !sameDistrictOrUnknown(a, b)) return false;
    const x = jaccard(a.set, b.set);
    if (x >= cfg.linkJaccard) return true;
    if (a.titleSet && b.titleSet && jaccard(a.titleSet, b.titleSet) >= cfg.titleLinkJaccard) return true;
    return x >= cfg.placeLinkJaccard && a.places.some((w) => b.places.includes(w));
  };
  const seen = new Set([seed]);
  const queue = [seed];
  while (queue.length) {
    const i = queue.shift()!;
    for (let j = 0; j < records.length; j++) {
      if (!seen.has(j) && linked(i, j)) {
        seen.add(j);
        queue.push(j);
      }
    }
  }
  return [...seen];
}
