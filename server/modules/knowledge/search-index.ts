import { foldText, indexWords, queryWords } from "../../platform/chinese-text.ts";

/** What the index keeps of an article besides its words: enough to filter and to show a hit. */
export interface IndexedArticle {
  id: string;
  revision: number;
  title: string;
  bodyText: string;
  status: string;
  categoryCodes: string[];
  regionCodes: string[];
  departmentId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  reviewBy: string | null;
  sample: boolean;
  version: number;
  updatedAt: string;
}

/** Filters of one search. Dates are China calendar dates (YYYY-MM-DD). */
export interface IndexQuery {
  q: string;
  today: string;
  categoryCode?: string | undefined;
  regionCode?: string | undefined;
  /** Published articles only unless told otherwise. */
  statuses?: readonly string[];
  /** Expired, not-yet-effective and past-review-by articles are left out unless true. */
  includeExpired?: boolean;
  limit: number;
}

/** One ranked hit with its snippet: `highlights` are [start, end) offsets into `snippet`. */
export interface IndexHit {
  article: IndexedArticle;
  score: number;
  matched: string[];
  snippet: string;
  highlights: [number, number][];
}

/** How an article stands on a given day. */
export interface Currency {
  expired: boolean;
  notYetEffective: boolean;
  needsReview: boolean;
  current: boolean;
}

/** Whether an article is current on `today`: published, in effect, and not past its review date. */
export function currencyOf(
  a: Pick<IndexedArticle, "status" | "effectiveFrom" | "effectiveTo" | "reviewBy">,
  today: string,
): Currency {
  const expired = a.effectiveTo !== null && a.effectiveTo < today;
  const notYetEffective = a.effectiveFrom > today;
  const needsReview = a.reviewBy !== null && a.reviewBy < today;
  return {
    expired,
    notYetEffective,
    needsReview,
    current: a.status === "published" && !expired && !notYetEffective && !needsReview,
  };
}

const OPEN_END = 99_999_999;

/** YYYY-MM-DD as the number yyyymmdd, so date tests in the hot loop compare numbers. */
function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/**
 * Words a caller uses for the same thing as an article (folded, simplified). A query word in a
 * group also searches the others, at a lower weight than the word itself.
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["供暖", "暖气", "采暖", "取暖", "供热"],
  ["供暖费", "暖气费", "取暖费", "采暖费", "热费", "供热费"],
  ["医保", "医疗保险"],
  ["社保", "社会保险"],
  ["公积金", "住房公积金"],
  ["户口", "户籍", "落户"],
  ["上学", "入学", "招生"],
  ["退休金", "养老金"],
  ["失业金", "失业保险金"],
  ["房产证", "房本", "不动产权证书", "不动产证"],
  ["煤气", "燃气", "天然气"],
  ["退伍军人", "退役军人", "复员军人"],
  ["执照", "营业执照"],
  ["个体户", "个体工商户"],
  ["孩子", "小孩", "子女", "儿童"],
  ["身份证", "居民身份证"],
  ["居住证", "暂住证"],
  ["12345", "热线", "市长热线"],
  ["停电", "断电"],
  ["停水", "断水"],
];
const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const w of group)
    SYNONYMS.set(
      w,
      group.filter((x) => x !== w),
    );
}

/** Question words and particles that say nothing about the subject of a consult. */
const STOPWORDS = new Set(
  "怎么 怎样 怎么样 如何 什么 哪里 哪儿 哪些 多少 几 吗 呢 吧 啊 呀 的 了 是 我 我们 我家 你 你们 请问 请 可以 能 能否 能不能 需要 要 有 没有 在 和 与 及 或 一下 咨询 问 问问 想 想问 知道 还 也 就 都 这 那 这个 那个 为什么 么".split(
    " ",
  ),
);

// BM25 parameters (the usual defaults) and the weight of a title word against a body word.
const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 3;
const SYNONYM_WEIGHT = 0.8;
const SUBWORD_WEIGHT = 0.5;
const PREFIX_WEIGHT = 0.4;
/** A region-specific article beats an equally good province-wide one for a caller of that region. */
const LOCAL_BOOST = 1.15;
const MAX_QUERY_TERMS = 80;
/** Completions of the word being typed, at most (the most frequent first would cost a sort). */
const MAX_PREFIX_TERMS = 8;

interface Slot {
  article: IndexedArticle;
  /** The body folded (NFKC, simplified, lower case) once, for snippets. */
  folded: string;
  alive: boolean;
  termIds: Uint32Array;
  tfs: Float32Array;
  len: number;
}

interface Postings {
  docs: number[];
  tfs: number[];
  /** Live documents holding the term (dead slots stay in `docs` until compaction). */
  df: number;
}

/**
 * An in-memory inverted index over jieba words with BM25 ranking (title words weighted
 * {@link TITLE_BOOST}×, a BM25F-style merge of the two fields). Term frequency counts the
 * sentences a word occurs in (jieba's search mode gives each sentence's words once), which
 * saturates the way BM25 wants anyway. Updates replace a document's slot; dead slots are
 * compacted away once they are a quarter of the index.
 */
export class KnowledgeIndex {
  private slots: Slot[] = [];
  // Per slot, in flat arrays the scoring loop reads without touching the slot objects:
  // document length (BM25 normalisation) and 1 while alive, 0 once removed.
  private lens: number[] = [];
  private alive: number[] = [];
  /** Per slot: effective from / to and review-by as yyyymmdd numbers (to: 99999999 when open). */
  private from: number[] = [];
  private to: number[] = [];
  private review: number[] = [];
  private byId = new Map<string, number>();
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private postings: Postings[] = [];
  private live = 0;
  private totalLen = 0;
  /** Terms by their first character: the candidates of a prefix (the word being typed). */
  private byFirstChar = new Map<string, string[]>();

  /** Number of articles in the index. */
  get size(): number {
    return this.live;
  }

  /** The revision of an indexed article (for syncing), or undefined. */
  revisionOf(id: string): number | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.slots[i]?.article.revision;
  }

  /** Adds or replaces an article. */
  upsert(a: IndexedArticle): void {
    this.remove(a.id);
    const counts = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const sentence of splitSentences(text)) {
        for (const w of indexWords(sentence)) counts.set(w, (counts.get(w) ?? 0) + weight);
      }
    };
    add(a.title, TITLE_BOOST);
    add(a.bodyText, 1);
    const termIds = new Uint32Array(counts.size);
    const tfs = new Float32Array(counts.size);
    let len = 0;
    let k = 0;
    const slot = this.slots.length;
    for (const [w, tf] of counts) {
      let id = this.termIds.get(w);
      if (id === undefined) {
        id = this.postings.length;
        this.termIds.set(w, id);
        this.terms.push(w);
        this.postings.push({ docs: [], tfs: [], df: 0 });
        const first = String.fromCodePoint(w.codePointAt(0)!);
        const bucket = this.byFirstChar.get(first);
        if (bucket) bucket.push(w);
        else this.byFirstChar.set(first, [w]);
      }
      const p = this.postings[id]!;
      p.docs.push(slot);
      p.tfs.push(tf);
      p.df++;
      termIds[k] = id;
      tfs[k] = tf;
      len += tf;
      k++;
    }
    this.slots.push({ article: a, folded: foldText(a.bodyText), alive: true, termIds, tfs, len });
    this.pushFlat(a, len);
    this.byId.set(a.id, slot);
    this.live++;
    this.totalLen += len;
  }

  /** Removes an article (archived or deleted); a no-op when it is not there. */
  remove(id: string): void {
    const i = this.byId.get(id);
    if (i === undefined) return;
    const s = this.slots[i]!;
    s.alive = false;
    this.alive[i] = 0;
    for (const t of s.termIds) this.postings[t]!.df--;
    this.byId.delete(id);
    this.live--;
    this.totalLen -= s.len;
    const dead = this.slots.length - this.live;
    if (dead > 64 && dead * 4 > this.slots.length) this.compact();
  }

  private pushFlat(a: IndexedArticle, len: number): void {
    this.lens.push(len);
    this.alive.push(1);
    this.from.push(dayNumber(a.effectiveFrom));
    this.to.push(a.effectiveTo ? dayNumber(a.effectiveTo) : OPEN_END);
    this.review.push(a.reviewBy ? dayNumber(a.reviewBy) : OPEN_END);
  }

  /** Ranked hits for a query, best first, after the filters. An empty query gives nothing. */
  search(q: IndexQuery): IndexHit[] {
    const terms = this.queryTerms(q.q).filter((t) => this.postings[t.termId]!.df > 0);
    if (!terms.length || !this.live) return [];
    const n = this.live;
    const avgLen = this.totalLen / n || 1;
    const k1 = K1;
    const bOverAvg = B / avgLen;
    const today = dayNumber(q.today);
    // Scores in a dense array over slots, with the list of slots touched: no per-hit allocation.
    const scores = new Float64Array(this.slots.length);
    // Which query terms matched each slot, as a bit mask (queries are capped at MAX_QUERY_TERMS,
    // terms past the 32nd still score but are not listed as matched words).
    const matched = new Uint32Array(this.slots.length);
    const touched: number[] = [];
    for (const [ti, { termId, weight }] of terms.entries()) {
      const p = this.postings[termId]!;
      const idf = Math.log(1 + (n - p.df + 0.5) / (p.df + 0.5));
      const bit = ti < 32 ? 1 << ti : 0;
      const w = weight * idf * (K1 + 1);
      const { docs, tfs } = p;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j]!;
        if (this.alive[d] === 0) continue;
        const tf = tfs[j]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (w * tf) / (tf + k1 * (1 - B + bOverAvg * this.lens[d]!));
        matched[d]! |= bit;
      }
    }
    const statuses = q.statuses ?? ["published"];
    // The best `limit` hits, kept sorted (best first) while the candidates stream past.
    const top: { slot: number; score: number }[] = [];
    const better = (x: { slot: number; score: number }, y: { slot: number; score: number }) =>
      x.score > y.score ||
      (x.score === y.score && this.slots[x.slot]!.article.id < this.slots[y.slot]!.article.id);
    for (const d of touched) {
      // Cheapest test first: a hit that cannot enter the top even with the local boost is skipped.
      if (top.length >= q.limit && scores[d]! * LOCAL_BOOST < top[top.length - 1]!.score) continue;
      if (!q.includeExpired && (this.from[d]! > today || this.to[d]! < today || this.review[d]! < today))
        continue;
      const a = this.slots[d]!.article;
      if (!statuses.includes(a.status)) continue;
      if (q.categoryCode && !categoryApplies(a.categoryCodes, q.categoryCode)) continue;
      const local = q.regionCode ? regionFit(a.regionCodes, q.regionCode) : 0;
      if (local < 0) continue;
      const hit = { slot: d, score: local > 0 ? scores[d]! * LOCAL_BOOST : scores[d]! };
      if (top.length >= q.limit && !better(hit, top[top.length - 1]!)) continue;
      let i = top.length;
      while (i > 0 && better(hit, top[i - 1]!)) i--;
      top.splice(i, 0, hit);
      if (top.length > q.limit) top.pop();
    }
    return top.map(({ slot, score }) => {
      const { article, folded } = this.slots[slot]!;
      const words: string[] = [];
      for (const [ti, t] of terms.entries()) {
        if (ti < 32 && matched[slot]! & (1 << ti)) words.push(this.terms[t.termId]!);
      }
      return {
        article,
        score: Math.round(score * 1000) / 1000,
        matched: words,
        ...snippetOf(article.bodyText, words, folded),
      };
    });
  }

  /**
   * The weighted terms of a query: its words (stopwords dropped while something else is left),
   * their synonyms, jieba's sub-words of a word the index does not know, and, for the last word
   * (the agent may still be typing it), indexed words that start with it.
   */
  private queryTerms(q: string): { termId: number; weight: number }[] {
    const words = queryWords(q);
    const content = words.filter((w) => !STOPWORDS.has(w));
    const use = content.length ? content : words;
    const out = new Map<number, number>();
    const put = (w: string, weight: number) => {
      const id = this.termIds.get(w);
      if (id === undefined) return false;
      out.set(id, Math.max(out.get(id) ?? 0, weight));
      return true;
    };
    for (const w of use) {
      const known = put(w, 1);
      for (const s of SYNONYMS.get(w) ?? []) put(s, SYNONYM_WEIGHT);
      if (!known && w.length > 2) {
        for (const sub of indexWords(w)) if (sub !== w) put(sub, SUBWORD_WEIGHT);
      }
      if (out.size >= MAX_QUERY_TERMS) break;
    }
    // The word being typed: expanded while it is one character or not yet a word of the index.
    const last = words.at(-1);
    if (
      last &&
      !STOPWORDS.has(last) &&
      foldText(q).trimEnd().endsWith(last) &&
      (last.length === 1 || !this.termIds.has(last))
    ) {
      for (const w of this.withPrefix(last, MAX_PREFIX_TERMS)) put(w, PREFIX_WEIGHT);
    }
    return [...out].map(([termId, weight]) => ({ termId, weight }));
  }

  private withPrefix(prefix: string, max: number): string[] {
    const bucket = this.byFirstChar.get(String.fromCodePoint(prefix.codePointAt(0)!)) ?? [];
    const out: string[] = [];
    for (const w of bucket) {
      if (out.length >= max) break;
      if (w.length > prefix.length && w.startsWith(prefix) && this.postings[this.termIds.get(w)!]!.df > 0)
        out.push(w);
    }
    return out;
  }

  /** Drops dead slots and renumbers the postings. */
  private compact(): void {
    const alive = this.slots.filter((s) => s.alive);
    this.slots = [];
    this.lens = [];
    this.alive = [];
    this.from = [];
    this.to = [];
    this.review = [];
    this.byId.clear();
    for (const p of this.postings) {
      p.docs = [];
      p.tfs = [];
    }
    for (const s of alive) {
      const i = this.slots.length;
      this.slots.push(s);
      this.pushFlat(s.article, s.len);
      this.byId.set(s.article.id, i);
      for (let k = 0; k < s.termIds.length; k++) {
        const p = this.postings[s.termIds[k]!]!;
        p.docs.push(i);
        p.tfs.push(s.tfs[k]!);
      }
    }
  }
}

/** Sentences (and list items, lines): the unit of term frequency. */
function splitSentences(text: string): string[] {
  return text.split(/[。！？!?；;\n]+/).filter((s) => s.trim());
}

/**
 * Whether an article's categories fit a filter: the article's category is the filter or below it
 * (filter 0102 finds 010208), or above it (an article filed under 0102 applies to 010208).
 */
export function categoryApplies(articleCodes: readonly string[], filter: string): boolean {
  if (!articleCodes.length) return true;
  return articleCodes.some((c) => c.startsWith(filter) || filter.startsWith(c));
}

/**
 * How an article's regions fit a caller's region: -1 not at all, 0 province-wide (no regions or
 * "21"), 1 specifically (the article's region contains the caller's, e.g. 沈阳市 2101 for
 * 和平区 210102, or lies inside a city the caller named).
 */
export function regionFit(articleRegions: readonly string[], region: string): -1 | 0 | 1 {
  if (!articleRegions.length) return 0;
  let fit: -1 | 0 | 1 = -1;
  for (const r of articleRegions) {
    if (r.length <= 2 && region.startsWith(r)) fit = Math.max(fit, 0) as 0;
    else if (region.startsWith(r) || r.startsWith(region)) return 1;
  }
  return fit;
}

const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;

/**
 * A window of the body around the first matched word (the longest matched word when several
 * start there), with every matched word inside it marked. Offsets are UTF-16 positions in the
 * snippet. When folding changed the text's length (rare NFKC cases), the folded text is shown.
 */
export function snippetOf(
  text: string,
  matched: string[],
  folded: string = foldText(text),
): { snippet: string; highlights: [number, number][] } {
  const shown = folded.length === text.length ? text : folded;
  const words = [...new Set(matched)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  let first = -1;
  for (const w of words) {
    const at = folded.indexOf(w);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first < 0 ? 0 : Math.max(0, first - SNIPPET_BEFORE);
  const end = Math.min(shown.length, start + SNIPPET_LENGTH);
  const window = folded.slice(start, end);
  const marks: [number, number][] = [];
  const taken = new Uint8Array(window.length);
  for (const w of words) {
    for (let at = window.indexOf(w); at >= 0; at = window.indexOf(w, at + w.length)) {
      if (taken.subarray(at, at + w.length).some((x) => x)) continue;
      taken.fill(1, at, at + w.length);
      marks.push([at, at + w.length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  const prefix = start > 0 ? "…" : "";
  const suffix = end < shown.length ? "…" : "";
  return {
    snippet: prefix + shown.slice(start, end).replace(/\n/g, " ") + suffix,
    highlights: marks.map(([s, e]) => [s + prefix.length, e + prefix.length]),
  };
}
