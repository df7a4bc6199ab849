/**
 * Near-duplicate text signatures (近似重复): normalised text → character shingles → a MinHash
 * signature by one-permutation hashing (one hash per shingle, K bins, empty bins densified), so a
 * signature costs one pass over the text however many bins it has. Pure functions, no I/O.
 *
 * Signatures are K 8-bit values (b-bit MinHash, b = 8): two texts agree in a bin with probability
 * J + (1 − J)/256 for Jaccard J of their shingle sets, so the share of equal bins, corrected for the
 * chance agreements, estimates J (one byte per bin keeps 3 M signatures in 192 MB); the exact
 * Jaccard on the shingle sets refines a shortlist.
 */
import { foldText } from "./chinese-text.ts";

/** Parameters of a signature. `bins` must be a power of two; `bands × rows ≤ bins`. */
export interface SignatureParams {
  /** Characters per shingle (2 = bigrams: one changed character spoils two shingles). */
  shingle: number;
  /** MinHash values per signature. */
  bins: number;
  /** Only the first characters of the normalised text are shingled (the matter comes first). */
  maxChars: number;
}

export const DEFAULT_SIGNATURE: SignatureParams = { shingle: 2, bins: 64, maxChars: 400 };

/** murmur3's 32-bit finaliser: a fast, well-mixing integer hash. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const ID_CARD = /\d{17}[\dx]/g;
const LONG_NUMBER = /\d{7,}/g;
const NOT_WORD = /[^\p{L}\p{N}#]+/gu;

/**
 * The text as dedup sees it: NFKC + traditional→simplified + lower case (the project's one folding),
 * ID-card and phone numbers masked (a repeat caller's own number must not make texts alike, nor
 * different ones unlike), punctuation and spaces dropped.
 */
export function dedupText(title: string, body: string): string {
  return maskAndStrip(foldText(`${title} ${body}`));
}

/** {@link dedupText} for text that is folded already (generators fold their sources once). */
export function maskAndStrip(folded: string): string {
  return folded.replace(ID_CARD, "#").replace(LONG_NUMBER, "#").replace(NOT_WORD, "");
}

/** The 32-bit hashes of the text's shingles (with repeats), in text order. */
export function shingleHashes(text: string, p: SignatureParams = DEFAULT_SIGNATURE): Uint32Array {
  const n = Math.min(text.length, p.maxChars);
  const k = p.shingle;
  if (n === 0) return new Uint32Array(0);
  if (n < k) return Uint32Array.of(hashRange(text, 0, n));
  const out = new Uint32Array(n - k + 1);
  for (let i = 0; i + k <= n; i++) out[i] = hashRange(text, i, i + k);
  return out;
}

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** The distinct shingle hashes, sorted: the set the exact Jaccard compares. */
export function shingleSet(text: string, p: SignatureParams = DEFAULT_SIGNATURE): Uint32Array {
  const h = shingleHashes(text, p).sort();
  let w = 0;
  for (let i = 0; i < h.length; i++) if (i === 0 || h[i] !== h[w - 1]) h[w++] = h[i]!;
  return h.subarray(0, w);
}

/** Exact Jaccard of two sorted distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

const EMPTY = 0xffffffff;

/**
 * The MinHash signature of a text by one-permutation hashing: the top bits of a shingle's hash pick
 * its bin, the rest compete for the bin's minimum; an empty bin borrows its right neighbour's
 * minimum mixed with the distance (densification), so short texts still compare fairly.
 * Returns null for a text without shingles.
 */
export function signature(text: string, p: SignatureParams = DEFAULT_SIGNATURE): Uint8Array | null {
  return signatureOf(shingleHashes(text, p), p.bins);
}

/** {@link signature} from shingle hashes already computed. */
export function signatureOf(hashes: Uint32Array, bins: number): Uint8Array | null {
  if (hashes.length === 0) return null;
  const shift = 32 - Math.log2(bins);
  const lowMask = 2 ** shift - 1;
  const min = new Uint32Array(bins).fill(EMPTY);
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!;
    const bin = h >>> shift;
    const v = (h & lowMask) >>> 0;
    if (v < min[bin]!) min[bin] = v;
  }
  const sig = new Uint8Array(bins);
  for (let b = 0; b < bins; b++) {
    let v = min[b]!;
    let d = 0;
    while (v === EMPTY) {
      d++;
      v = min[(b + d) % bins]!;
    }
    sig[b] = fmix32((v + Math.imul(d, 0x9e3779b9)) ^ 0x5bd1e995) & 0xff;
  }
  return sig;
}

const CHANCE = 1 / 256;

/** The share of equal bins, less the chance agreements of 8-bit values: an estimate of the Jaccard similarity. */
export function estimateJaccard(
  a: ArrayLike<number>,
  aAt: number,
  b: ArrayLike<number>,
  bAt: number,
  bins: number,
) {
  let same = 0;
  for (let i = 0; i < bins; i++) if (a[aAt + i] === b[bAt + i]) same++;
  return Math.max(0, (same / bins - CHANCE) / (1 - CHANCE));
}
