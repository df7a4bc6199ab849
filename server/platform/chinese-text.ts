import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import * as OpenCC from "opencc-js";

let jieba: Jieba | undefined;
let toSimplified: ((s: string) => string) | undefined;

function simplifier(): (s: string) => string {
  const convert = toSimplified ?? OpenCC.Converter({ from: "tw", to: "cn" });
  toSimplified = convert;
  return convert;
}

/** The shared segmenter, loaded on first use (≈0.2 s for the bundled dictionary). */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Unicode NFKC, traditional → simplified Chinese, lower case: the one folding for index and query. */
export function foldText(s: string): string {
  return simplifier()(s.normalize("NFKC")).toLowerCase();
}

const WORD = /^[\p{L}\p{N}]+$/u;

/** Words for the full-text index: jieba's search mode (words and their sub-words), deduplicated. */
export function indexWords(text: string): string[] {
  const words = segmenter().cutForSearch(foldText(text), true);
  return [...new Set(words.filter((w) => WORD.test(w)))];
}

/** Words of a query, in order (jieba's accurate mode), without punctuation. */
export function queryWords(q: string): string[] {
  return segmenter()
    .cut(foldText(q), true)
    .filter((w) => WORD.test(w));
}

/**
 * Jieba's accurate-mode words (HMM on) of text that is already folded, in order, punctuation and
 * spaces included as they come; the routing classifier filters them itself.
 */
export function cutFolded(folded: string): string[] {
  return segmenter().cut(folded, true);
}

/**
 * A PostgreSQL `to_tsquery('simple', …)` text requiring every query word. Words are letters and
 * digits only, so nothing in the query can inject tsquery syntax. Null when the query has no words.
 */
export function toTsQuery(q: string): string | null {
  const words = queryWords(q);
  return words.length ? words.join(" & ") : null;
}
