/**
 * The duplicate score (重复诉求评分): how likely two appeals are about the same matter, from
 * everything a hotline knows about them, with the reasons that make it up.
 *
 *   text      = 0.75 · TF-IDF cosine of jieba words + 0.25 · character-bigram Jaccard (paraphrases
 *               keep their words; the bigrams keep the near-copies)
 *   evidence  = min(1, text / 0.2): caller, address, category and time only count as far as the texts
 *               are about something alike (a frequent caller's two different matters stay apart)
 *   score     = min(1, text + evidence · (sameCaller 0.3 + sameAddress 0.25 | nearbyAddress 0.12
 *               + sameCategory 0.05 + within a day 0.05))
 *
 * The same caller and the same address are a hotline's strongest evidence; the weights were set on
 * the 泰迪杯 reference pairs (`npm run bench -- dedup`). Pure functions, no I/O.
 */
import type { DuplicateReason } from "../../../common/contracts/hotspots.ts";
import { foldText, queryWords } from "../../platform/chinese-text.ts";
import { dedupText, jaccard, shingleSet } from "../../platform/minhash.ts";

/** What the score compares of an appeal (or of text being typed). */
export interface DupSubject {
  title: string;
  body: string;
  /** Normalised phone (digits), null when unknown or anonymous. */
  phone: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryCode: string | null;
  /** Milliseconds since the epoch. */
  time: number;
}

export const DUP_WEIGHTS = {
  cosine: 0.75,
  sameCaller: 0.3,
  sameAddress: 0.25,
  nearbyAddress: 0.12,
  sameCategory: 0.05,
  sameDay: 0.05,
  /** Text similarity at which the other evidence counts in full. */
  evidenceAt: 0.2,
  /** Within this distance two coordinates are the same place, and within `nearbyMetres` nearby. */
  sameMetres: 50,
  nearbyMetres: 500,
};

/** Document frequencies of words: the IDF of the TF-IDF vectors, learnt from the appeals seen. */
export class WordStats {
  private df = new Map<string, number>();
  docs = 0;
  /** Counts one document's distinct words. */
  addDocument(words: Iterable<string>): void {
    this.docs++;
    for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }
  idf(word: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(word) ?? 0) + 1)) + 1;
  }
}

const MASKED = /^\d{7,}$/;
const USEFUL = /^(?:[\p{L}]{2,}|\d+)$/u;

/**
 * The words a duplicate is compared on: jieba's accurate mode over title and the opening of the
 * body, single characters (particles, 的/了/号) and long numbers (phones, ID cards) dropped.
 */
export function dupWords(title: string, body: string): string[] {
  return queryWords(`${title} ${body.slice(0, 600)}`).filter((w) => USEFUL.test(w) && !MASKED.test(w));
}

/** A unit-length TF-IDF vector (title words count twice: a title names the matter). */
export interface TextVector {
  weights: Map<string, number>;
  bigrams: Uint32Array;
}

export function textVector(title: string, body: string, stats: WordStats): TextVector {
  const tf = new Map<string, number>();
  for (const w of dupWords(title, "")) tf.set(w, (tf.get(w) ?? 0) + 1);
  for (const w of dupWords("", body)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const weights = new Map<string, number>();
  let norm = 0;
  for (const [w, n] of tf) {
    const x = (1 + Math.log(n)) * stats.idf(w);
    weights.set(w, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [w, x] of weights) weights.set(w, x / norm);
  return { weights, bigrams: shingleSet(dedupText(title, body)) };
}

export function cosine(a: TextVector, b: TextVector): number {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small.weights) dot += x * (large.weights.get(w) ?? 0);
  return Math.min(1, dot);
}

/** Text similarity of two vectors: the cosine blended with the bigram Jaccard. */
export function textSimilarity(
  a: TextVector,
  b: TextVector,
): { text: number; cosine: number; jaccard: number } {
  const c = cosine(a, b);
  const j = jaccard(a.bigrams, b.bigrams);
  return { text: DUP_WEIGHTS.cosine * c + (1 - DUP_WEIGHTS.cosine) * j, cosine: c, jaccard: j };
}

const PROVINCE_CITY = /^(?:[\p{Script=Han}]{2,7}?(?:省|自治区))?(?:[\p{Script=Han}]{2,7}?市)?/u;
const DISTRICT = /^[\p{Script=Han}]{2,4}?(?<!小)(?:新区|区|县|旗)(?=.)/u;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * An address as compared: folded, punctuation dropped, the province, city and district in front
 * taken off (the region code says them), so "沈阳市沈北新区蒲河路88号" and "蒲河路88号" agree.
 */
export function normaliseAddress(address: string | null | undefined): string {
  if (!address) return "";
  const s = foldText(address).replace(NOT_WORD, "");
  return s.replace(PROVINCE_CITY, "").replace(DISTRICT, "");
}

/** The street or compound of a normalised address: what comes before its first number ("蒲河路"). */
export function streetOf(normalised: string): string {
  const m = /^[^\d]+/.exec(normalised);
  const s = m ? m[0] : "";
  return s.length >= 2 ? s : "";
}

const firstNumber = (s: string) => /\d+/.exec(s)?.[0] ?? "";

/** Metres between two WGS-84 points (haversine). */
export function metresBetween(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLng = (bLng - aLng) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Same place, nearby, or neither, with the distance when both have coordinates. */
export function addressMatch(
  a: DupSubject,
  b: DupSubject,
): { kind: "same" | "nearby" | null; metres: number | null } {
  const metres =
    a.lat !== null && a.lng !== null && b.lat !== null && b.lng !== null
      ? Math.round(metresBetween(a.lat, a.lng, b.lat, b.lng))
      : null;
  const na = normaliseAddress(a.address);
  const nb = normaliseAddress(b.address);
  const sa = streetOf(na);
  const sb = streetOf(nb);
  let kind: "same" | "nearby" | null = null;
  if (na && na === nb) kind = "same";
  else if (sa && sa === sb) kind = firstNumber(na) && firstNumber(na) === firstNumber(nb) ? "same" : "nearby";
  if (metres !== null) {
    if (metres <= DUP_WEIGHTS.sameMetres) kind = "same";
    else if (metres <= DUP_WEIGHTS.nearbyMetres && kind === null) kind = "nearby";
    else if (metres > DUP_WEIGHTS.nearbyMetres * 4) kind = null; // the pins say they are far apart
  }
  return { kind, metres };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The score of candidate `b` as a duplicate of `a`, and its reasons (largest first). */
export function duplicateScore(
  a: DupSubject,
  av: TextVector,
  b: DupSubject,
  bv: TextVector,
): { score: number; text: number; reasons: DuplicateReason[] } {
  const W = DUP_WEIGHTS;
  const sim = textSimilarity(av, bv);
  const evidence = Math.min(1, sim.text / W.evidenceAt);
  const reasons: DuplicateReason[] = [{ code: "textSimilarity", value: r3(sim.text), points: r3(sim.text) }];
  if (a.phone && a.phone === b.phone)
    reasons.push({ code: "sameCaller", value: 1, points: r3(evidence * W.sameCaller) });
  const place = addressMatch(a, b);
  if (place.kind)
    reasons.push({
      code: place.kind === "same" ? "sameAddress" : "nearbyAddress",
      value: place.metres ?? 1,
      points: r3(evidence * (place.kind === "same" ? W.sameAddress : W.nearbyAddress)),
    });
  if (a.categoryCode && a.categoryCode === b.categoryCode)
    reasons.push({ code: "sameCategory", value: 1, points: r3(evidence * W.sameCategory) });
  const hours = Math.abs(a.time - b.time) / 3600_000;
  reasons.push({
    code: "timeApart",
    value: Math.round(hours * 10) / 10,
    points: hours <= 24 ? r3(evidence * W.sameDay) : 0,
  });
  const score = Math.min(
    1,
    reasons.reduce((n, x) => n + x.points, 0),
  );
  reasons.sort((x, y) => y.points - x.points);
  return { score: r3(score), text: sim.text, reasons };
}
