import {
  type AttrDef,
  dayNumber,
  industryProblem,
  industryRange,
  industryToNumber,
  regionRange,
} from "../enterprises/index.ts";

/**
 * One cell of a decision table, parsed. The text forms (close to FEEL unary tests):
 *
 * - `-` (or empty): any value
 * - numbers and dates: `>= 5`, `> 5`, `<= 5`, `< 5`, `5` / `= 5`, `[1..10]`, `(1..10]`, `[1..10)`,
 *   dates as `yyyy-mm-dd`; dates also `within 3 years` (from the evaluation date back 3 calendar
 *   years, both ends included) and `over 3 years` (earlier than 3 years before the evaluation date)
 * - enums, regions, industries: a list `A, B` (regions and industries match by code prefix:
 *   `2101` is all of Shenyang, `C` all of manufacturing), or its negation `not(A, B)`
 * - booleans: `true` / `false` (also 是 / 否)
 */
export type Cond =
  | { k: "any" }
  | { k: "cmp"; op: ">=" | ">" | "<=" | "<" | "="; v: number; text: string }
  | { k: "range"; lo: number; hi: number; loIn: boolean; hiIn: boolean; loText: string; hiText: string }
  | { k: "within"; years: number }
  | { k: "over"; years: number }
  | { k: "in"; values: string[]; negate: boolean }
  | { k: "bool"; v: boolean };

/** A closed/open interval of numbers (absolute dates as day numbers, enums as indices). */
export interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

/** What a condition accepts, as intervals; relative date conditions in "years ago" space. */
export interface CondDomain {
  relative: boolean;
  intervals: Interval[];
}

const NUM_RE = /^-?\d+(\.\d+)?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function literal(def: AttrDef, s: string): { v: number } | { error: string } {
  if (def.type === "number") {
    const t = s.replace(/_/g, "");
    return NUM_RE.test(t) ? { v: Number(t) } : { error: `"${s}" is not a number` };
  }
  if (def.type === "date") {
    const d = DATE_RE.test(s) ? dayNumber(s) : Number.NaN;
    return Number.isNaN(d) ? { error: `"${s}" is not a date (yyyy-mm-dd)` } : { v: d };
  }
  return { error: `${def.key} (${def.type}) cannot be compared with <, >, or ranges` };
}

function splitList(s: string): string[] {
  return s
    .split(/[,，、]/)
    .map((x) => x.trim().replace(/^"(.*)"$/, "$1"))
    .filter((x) => x.length > 0);
}

/** Parses one cell for an attribute; an error is a sentence naming what is wrong. */
export function parseCond(def: AttrDef, raw: string): { cond: Cond } | { error: string } {
  const s = raw.trim();
  if (s === "" || s === "-") return { cond: { k: "any" } };
  if (def.type === "boolean") {
    if (s === "true" || s === "是") return { cond: { k: "bool", v: true } };
    if (s === "false" || s === "否") return { cond: { k: "bool", v: false } };
    return { error: `"${s}" is not true/false` };
  }
  if (def.type === "number" || def.type === "date") {
    if (def.type === "date") {
      const rel = /^(within|over)\s+(\d{1,3})\s+years?$/.exec(s);
      if (rel) {
        const years = Number(rel[2]);
        if (years < 1) return { error: "the number of years must be at least 1" };
        return { cond: { k: rel[1] as "within" | "over", years } };
      }
    }
    const range = /^([[(])\s*(.+?)\s*\.\.\s*(.+?)\s*([\])])$/.exec(s);
    if (range) {
      const lo = literal(def, range[2]!);
      if ("error" in lo) return lo;
      const hi = literal(def, range[3]!);
      if ("error" in hi) return hi;
      const loIn = range[1] === "[";
      const hiIn = range[4] === "]";
      if (lo.v > hi.v || (lo.v === hi.v && !(loIn && hiIn))) return { error: `the range ${s} is empty` };
      return { cond: { k: "range", lo: lo.v, hi: hi.v, loIn, hiIn, loText: range[2]!, hiText: range[3]! } };
    }
    const cmp = /^(>=|<=|>|<|=)?\s*(\S+)$/.exec(s);
    if (cmp) {
      const v = literal(def, cmp[2]!);
      if ("error" in v) return v;
      return {
        cond: { k: "cmp", op: (cmp[1] ?? "=") as ">=" | ">" | "<=" | "<" | "=", v: v.v, text: cmp[2]! },
      };
    }
    return {
      error: `"${s}" is not a condition (e.g. >= 5, [1..10], ${def.type === "date" ? "within 3 years" : "= 5"})`,
    };
  }
  // enum, region, industry: lists, possibly negated
  const neg = /^not\s*\((.*)\)$/.exec(s);
  const values = splitList(neg ? neg[1]! : s);
  if (values.length === 0) return { error: "the list is empty" };
  for (const v of values) {
    if (def.type === "enum" && !def.values?.includes(v)) {
      return { error: `"${v}" is not one of ${(def.values ?? []).join(", ")}` };
    }
    if (def.type === "region" && !/^\d{2}(\d{2}){0,2}$/.test(v)) {
      return { error: `"${v}" is not a GB/T 2260 region code (2, 4 or 6 digits)` };
    }
    if (def.type === "industry") {
      const p = industryProblem(v);
      if (p) return { error: p };
    }
  }
  return { cond: { k: "in", values, negate: !!neg } };
}

function complement(ivs: Interval[]): Interval[] {
  const sorted = [...ivs].sort((a, b) => a.lo - b.lo);
  const out: Interval[] = [];
  let cur = -Infinity;
  let curIn = true;
  for (const iv of sorted) {
    if (iv.lo > cur || (iv.lo === cur && !iv.loIn && !curIn)) {
      out.push({ lo: cur, hi: iv.lo, loIn: curIn && cur !== -Infinity, hiIn: !iv.loIn });
    }
    if (iv.hi > cur || (iv.hi === cur && iv.hiIn)) {
      cur = iv.hi;
      curIn = !iv.hiIn;
    }
  }
  out.push({ lo: cur, hi: Infinity, loIn: curIn, hiIn: false });
  return out.filter((iv) => iv.lo < iv.hi || (iv.lo === iv.hi && iv.loIn && iv.hiIn));
}

/** The values a condition accepts, as intervals over the engine's numeric encoding. */
export function condDomain(def: AttrDef, c: Cond): CondDomain {
  const all: Interval = { lo: -Infinity, hi: Infinity, loIn: false, hiIn: false };
  switch (c.k) {
    case "any":
      return { relative: false, intervals: [all] };
    case "cmp": {
      const v = c.v;
      const iv: Interval =
        c.op === "="
          ? { lo: v, hi: v, loIn: true, hiIn: true }
          : c.op === ">="
            ? { lo: v, hi: Infinity, loIn: true, hiIn: false }
            : c.op === ">"
              ? { lo: v, hi: Infinity, loIn: false, hiIn: false }
              : c.op === "<="
                ? { lo: -Infinity, hi: v, loIn: false, hiIn: true }
                : { lo: -Infinity, hi: v, loIn: false, hiIn: false };
      return { relative: false, intervals: [iv] };
    }
    case "range":
      return { relative: false, intervals: [{ lo: c.lo, hi: c.hi, loIn: c.loIn, hiIn: c.hiIn }] };
    case "within":
      return { relative: true, intervals: [{ lo: 0, hi: c.years, loIn: true, hiIn: true }] };
    case "over":
      return { relative: true, intervals: [{ lo: c.years, hi: Infinity, loIn: false, hiIn: false }] };
    case "bool": {
      const v = c.v ? 1 : 0;
      return { relative: false, intervals: [{ lo: v, hi: v, loIn: true, hiIn: true }] };
    }
    case "in": {
      let ivs: Interval[];
      if (def.type === "enum") {
        ivs = c.values.map((v) => {
          const i = def.values?.indexOf(v) ?? -1;
          return { lo: i, hi: i, loIn: true, hiIn: true };
        });
      } else {
        ivs = c.values.map((v) => {
          const [lo, hi] = def.type === "region" ? regionRange(v) : industryRange(v);
          return { lo, hi, loIn: true, hiIn: false };
        });
      }
      return { relative: false, intervals: c.negate ? complement(ivs) : ivs };
    }
  }
}

function intervalsMeet(a: Interval, b: Interval): boolean {
  if (a.hi < b.lo || b.hi < a.lo) return false;
  if (a.hi === b.lo) return a.hiIn && b.loIn;
  if (b.hi === a.lo) return b.hiIn && a.loIn;
  return true;
}

/**
 * Whether two conditions of the same column can both hold for one value. Absolute and relative
 * date conditions cannot be compared without the evaluation date: they are assumed to meet
 * (the conservative answer for UNIQUE tables).
 */
export function domainsMeet(a: CondDomain, b: CondDomain): boolean {
  const aAny =
    a.intervals.length === 1 && a.intervals[0]!.lo === -Infinity && a.intervals[0]!.hi === Infinity;
  const bAny =
    b.intervals.length === 1 && b.intervals[0]!.lo === -Infinity && b.intervals[0]!.hi === Infinity;
  if (aAny || bAny) return true;
  if (a.relative !== b.relative) return true;
  return a.intervals.some((x) => b.intervals.some((y) => intervalsMeet(x, y)));
}

/**
 * An attribute value in its proper JSON type (a number for numbers, a string for codes and
 * dates, a boolean for booleans), from what a client sent (JSON coercion may turn 6.2 into
 * "6.2" or 210102 into a number). Unreadable values become null (unknown).
 */
export function normalizeValue(def: AttrDef, v: unknown): string | number | boolean | null {
  if (v === null || v === undefined || v === "") return null;
  switch (def.type) {
    case "number": {
      const n =
        typeof v === "number" ? v : typeof v === "string" && NUM_RE.test(v.trim()) ? Number(v) : Number.NaN;
      return Number.isFinite(n) ? n : null;
    }
    case "boolean":
      return v === true || v === "true" ? true : v === false || v === "false" ? false : null;
    default:
      return typeof v === "string" || typeof v === "number" ? String(v) : null;
  }
}

/** The engine's number for an attribute value (NaN = unknown). */
export function encodeValue(def: AttrDef, raw: unknown): number {
  const v =
    typeof raw === (def.type === "number" ? "number" : def.type === "boolean" ? "boolean" : "string")
      ? raw
      : normalizeValue(def, raw);
  if (v === null || v === undefined) return Number.NaN;
  switch (def.type) {
    case "number":
      return typeof v === "number" ? v : Number.NaN;
    case "date":
      return typeof v === "string" ? dayNumber(v) : Number.NaN;
    case "boolean":
      return v === true ? 1 : v === false ? 0 : Number.NaN;
    case "enum": {
      const i = def.values?.indexOf(String(v)) ?? -1;
      return i < 0 ? Number.NaN : i;
    }
    case "region":
      return typeof v === "string" && /^\d{2}(\d{2}){0,2}$/.test(v) ? Number(v.padEnd(6, "0")) : Number.NaN;
    case "industry":
      return typeof v === "string" && !industryProblem(v) ? industryToNumber(v) : Number.NaN;
  }
}
