import {
  ATTR_COUNT,
  ATTR_INDEX,
  ATTRIBUTES,
  type AttrValues,
  dayNumber,
  INDUSTRY_SECTIONS,
  yearsBefore,
} from "../enterprises/index.ts";
import { type CondDomain, encodeValue } from "./conditions.ts";
import { formulaAttrs, formulaToJs, roundHalfUp } from "./formula.ts";
import type { CheckedTable } from "./validate-table.ts";

/**
 * The engine (匹配引擎): each validated decision table is compiled to one plain JS function over
 * a columnar frame of enterprises (one Float64Array per attribute, NaN = unknown), and an index
 * by city and industry section skips policies that cannot make an enterprise eligible.
 *
 * The generated source holds only numbers (JSON literals), generated variable names and fixed
 * operators, all derived from the validated AST: no text a user typed is spliced into code.
 */

/** Outcome codes written by a compiled policy. */
export const NOT_ELIGIBLE = 0;
export const ELIGIBLE = 1;
export const NEEDS_DATA = 2;
export const ERROR = 3;
/** Error codes (`o.e`). */
export const ERR_DIV_ZERO = 1;
export const ERR_NEGATIVE = 2;
export const ERR_UNIQUE = 3;
export const ERR_TOO_LARGE = 4;
/** The largest amount the ledger holds (numeric(16,2)); larger or non-finite is an error result. */
export const MAX_AMOUNT = 1e14;

/** The result slot a compiled policy writes (reused, no allocation per evaluation). */
export interface Out {
  /** status: NOT_ELIGIBLE | ELIGIBLE | NEEDS_DATA | ERROR */
  s: number;
  /** amount in 元 (rounded to cents) when eligible */
  a: number;
  /** the deciding rule index, or -1 */
  r: number;
  /** missing-data mask over `CompiledPolicy.used` */
  m: number;
  /** error code */
  e: number;
}

export const newOut = (): Out => ({ s: 0, a: 0, r: -1, m: 0, e: 0 });

/** A columnar frame of enterprises: `cols[attrIndex][row]`. */
export interface Frame {
  size: number;
  cols: Float64Array[];
}

export function newFrame(size: number): Frame {
  const cols: Float64Array[] = [];
  for (let i = 0; i < ATTR_COUNT; i++) cols.push(new Float64Array(size).fill(Number.NaN));
  return { size, cols };
}

/** Writes one enterprise's attributes into row `i` of a frame. */
export function setRow(f: Frame, i: number, attrs: AttrValues): void {
  ATTRIBUTES.forEach((def, a) => {
    (f.cols[a] as Float64Array)[i] = encodeValue(def, attrs[def.key]);
  });
}

export type PolicyFn = (cols: Float64Array[], i: number, P: Float64Array, o: Out) => void;
type Factory = (r: typeof roundHalfUp, k: Float64Array) => PolicyFn;
/** Generated functions by source: tables of one shape share one (constants are bound per policy). */
const factories = new Map<string, Factory>();

export interface CompiledPolicy {
  policyId: string;
  version: number;
  checked: CheckedTable;
  /** Attribute keys of the missing-data mask bits. */
  used: string[];
  fn: PolicyFn;
  /** The parameters for an evaluation date (relative date bounds), computed once per batch. */
  prepare(evalIso: string): Float64Array;
  /** Cities (4-digit) where it can make an enterprise eligible; null = anywhere. */
  cities: Set<string> | null;
  /** Bit per industry section (A = bit 0) where it can make an enterprise eligible. */
  sectionMask: number;
  effectiveFrom: number;
  effectiveTo: number;
  source: string;
}

const ALL_SECTIONS = (1 << INDUSTRY_SECTIONS.length) - 1;

function intervalJs(v: string, d: CondDomain, k: (n: number) => string): string {
  const parts = d.intervals.map((iv) => {
    if (iv.lo === iv.hi) return `${v} === ${k(iv.lo)}`;
    const c: string[] = [];
    if (iv.lo !== -Infinity) c.push(`${v} ${iv.loIn ? ">=" : ">"} ${k(iv.lo)}`);
    if (iv.hi !== Infinity) c.push(`${v} ${iv.hiIn ? "<=" : "<"} ${k(iv.hi)}`);
    return c.length ? c.join(" && ") : "true";
  });
  return parts.length === 0 ? "false" : parts.map((p) => `(${p})`).join(" || ");
}

/** Compiles a validated table to a policy function and its index keys. */
export function compilePolicy(policyId: string, version: number, ck: CheckedTable): CompiledPolicy {
  const t = ck.table;
  const used = ck.used;
  const varOf = (key: string) => `v${used.indexOf(key)}`;
  const params: { kind: "within" | "over"; years: number }[] = [];
  // Numbers of the table (thresholds, codes, amounts) become constants k0, k1… bound when the
  // function is made, so variations of one table shape share one generated function (and the
  // JIT's work on it); the code itself holds no value of the table.
  const constants: number[] = [];
  const konst = (n: number): string => {
    let at = constants.indexOf(n);
    if (at < 0) at = constants.push(n) - 1;
    return `k${at}`;
  };
  const lines: string[] = [];
  lines.push('"use strict";');
  lines.push("let dz = 0;");
  lines.push("function D(a, b) { if (b === 0) { dz = 1; return 0; } return a / b; }");
  lines.push("return function policy(c, i, P, o) {");
  used.forEach((key, u) => {
    lines.push(`  const v${u} = c[${ATTR_INDEX.get(key)}][i];`);
  });
  lines.push(
    "  let r = 1, mk = 0, unkE = 0, unkX = 0, hit = -1, n = 0, sum = 0, excl = -1, er = -1, fm = 0, x = 0;",
  );
  lines.push("  o.e = 0; o.m = 0; o.a = 0; o.r = -1;");

  /** Code that evaluates rule j's amount into `x`, or returns needs-data / error. */
  const amountCode = (j: number, onMissing: string): string[] => {
    const f = ck.formulas[j]!;
    const attrs = formulaAttrs(f);
    const out: string[] = [];
    if (attrs.length) {
      out.push(
        `    fm = ${attrs.map((k) => `(${varOf(k)} !== ${varOf(k)} ? ${1 << used.indexOf(k)} : 0)`).join(" | ")};`,
      );
      out.push(`    if (fm !== 0) { ${onMissing} }`);
    }
    out.push(`    dz = 0; x = ${formulaToJs(f, varOf, konst)};`);
    out.push(`    if (dz === 1) { o.s = 3; o.e = ${ERR_DIV_ZERO}; o.r = ${j}; return; }`);
    return out;
  };
  const finishEligible = (j: number, value: string) => [
    `    x = R(${value}, 2);`,
    `    if (x < 0) { o.s = 3; o.e = ${ERR_NEGATIVE}; o.r = ${j}; return; }`,
    `    if (!(x < ${MAX_AMOUNT})) { o.s = 3; o.e = ${ERR_TOO_LARGE}; o.r = ${j}; return; }`,
    `    o.s = 1; o.a = x; o.r = ${j}; return;`,
  ];

  t.rules.forEach((rule, j) => {
    lines.push(`  // rule ${j + 1}`);
    lines.push("  r = 1; mk = 0;");
    ck.inputs.forEach((def, col) => {
      const cond = ck.conds[j]![col]!;
      if (cond.k === "any") return;
      const v = varOf(def.key);
      const bit = 1 << used.indexOf(def.key);
      let test: string;
      if (cond.k === "within") {
        const p = params.length;
        params.push({ kind: "within", years: cond.years });
        test = `${v} >= P[${p * 2}] && ${v} <= P[${p * 2 + 1}]`;
      } else if (cond.k === "over") {
        const p = params.length;
        params.push({ kind: "over", years: cond.years });
        test = `${v} < P[${p * 2}]`;
      } else {
        test = intervalJs(v, ck.domains[j]![col]!, konst);
      }
      lines.push(`  if (r === 1) { if (${v} !== ${v}) mk |= ${bit}; else if (!(${test})) r = 0; }`);
    });
    const unk = rule.eligible ? "unkE" : "unkX";
    lines.push(`  if (r === 1 && mk !== 0) { ${unk} |= mk; r = 2; }`);
    switch (t.hitPolicy) {
      case "FIRST": {
        lines.push("  if (r === 1) {");
        if (rule.eligible) {
          lines.push("    if ((unkE | unkX) !== 0) { o.s = 2; o.m = unkE | unkX; return; }");
          lines.push(...amountCode(j, "o.s = 2; o.m = fm; return;"));
          lines.push(...finishEligible(j, "x"));
        } else {
          lines.push("    if (unkE !== 0) { o.s = 2; o.m = unkE; return; }");
          lines.push(`    o.s = 0; o.r = ${j}; return;`);
        }
        lines.push("  }");
        break;
      }
      case "UNIQUE":
      case "ANY":
        lines.push(
          t.hitPolicy === "UNIQUE"
            ? `  if (r === 1) { if (hit >= 0) { o.s = 3; o.e = ${ERR_UNIQUE}; o.r = ${j}; return; } hit = ${j}; }`
            : `  if (r === 1 && hit < 0) hit = ${j};`,
        );
        break;
      case "COLLECT":
        lines.push("  if (r === 1) {");
        if (rule.eligible) {
          const attrs = formulaAttrs(ck.formulas[j]!);
          const miss = attrs.length
            ? attrs.map((k) => `(${varOf(k)} !== ${varOf(k)} ? ${1 << used.indexOf(k)} : 0)`).join(" | ")
            : "0";
          lines.push(`    fm = ${miss};`);
          lines.push("    if (fm !== 0) { unkE |= fm; } else {");
          lines.push(`      dz = 0; x = ${formulaToJs(ck.formulas[j]!, varOf, konst)};`);
          lines.push(
            `      if (dz === 1) { if (er < 0) er = ${j}; } else { sum += x; n++; if (hit < 0) hit = ${j}; }`,
          );
          lines.push("    }");
        } else {
          lines.push(`    if (excl < 0) excl = ${j};`);
        }
        lines.push("  }");
        break;
    }
  });

  // after all rules
  if (t.hitPolicy === "FIRST") {
    lines.push("  if (unkE !== 0) { o.s = 2; o.m = unkE; return; }");
    lines.push("  o.s = 0; return;");
  } else if (t.hitPolicy === "COLLECT") {
    lines.push("  if (excl >= 0) { o.s = 0; o.r = excl; return; }");
    lines.push(`  if (er >= 0) { o.s = 3; o.e = ${ERR_DIV_ZERO}; o.r = er; return; }`);
    lines.push("  if ((unkE !== 0 || (unkX !== 0 && n > 0))) { o.s = 2; o.m = unkE | unkX; return; }");
    lines.push("  if (n === 0) { o.s = 0; return; }");
    lines.push(...finishEligible(-2, "sum").map((l) => l.replace("o.r = -2", "o.r = hit")));
  } else {
    lines.push("  switch (hit) {");
    t.rules.forEach((rule, j) => {
      lines.push(`  case ${j}: {`);
      if (rule.eligible) {
        lines.push(...amountCode(j, "o.s = 2; o.m = fm; return;"));
        lines.push(...finishEligible(j, "x"));
      } else {
        lines.push(`    o.s = 0; o.r = ${j}; return;`);
      }
      lines.push("  }");
    });
    lines.push("  }");
    lines.push("  if (unkE !== 0) { o.s = 2; o.m = unkE; return; }");
    lines.push("  o.s = 0; return;");
  }
  lines.push("};");
  const head = constants.map((_, n) => `const k${n} = K[${n}];`).join("\n");
  const source = `${head}\n${lines.join("\n")}`;
  let factory = factories.get(source);
  if (!factory) {
    // The source is generated from the validated AST (generated names, fixed tokens), see above.
    factory = new Function("R", "K", source) as Factory;
    factories.set(source, factory);
  }
  const fn = factory(roundHalfUp, Float64Array.from(constants));

  const prepare = (evalIso: string): Float64Array => {
    const P = new Float64Array(params.length * 2);
    const today = dayNumber(evalIso);
    params.forEach((p, k) => {
      P[k * 2] = yearsBefore(evalIso, p.years);
      P[k * 2 + 1] = today;
    });
    return P;
  };

  return {
    policyId,
    version,
    checked: ck,
    used,
    fn,
    prepare,
    ...indexKeys(ck),
    effectiveFrom: dayNumber(t.effectiveFrom),
    effectiveTo: t.effectiveTo ? dayNumber(t.effectiveTo) : Infinity,
    source,
  };
}

/** Where a table can make an enterprise eligible: cities and industry sections (sound over-approximation). */
function indexKeys(ck: CheckedTable): { cities: Set<string> | null; sectionMask: number } {
  const regionCol = ck.inputs.findIndex((d) => d.type === "region");
  const industryCol = ck.inputs.findIndex((d) => d.type === "industry");
  let cities: Set<string> | null = new Set();
  let mask = 0;
  for (const [j, rule] of ck.table.rules.entries()) {
    if (!rule.eligible) continue;
    const rc = regionCol >= 0 ? ck.conds[j]![regionCol] : undefined;
    if (rc?.k !== "in" || rc.negate || rc.values.some((v) => v.length < 4)) cities = null;
    else if (cities) for (const v of rc.values) cities.add(v.slice(0, 4));
    const ic = industryCol >= 0 ? ck.conds[j]![industryCol] : undefined;
    if (ic?.k !== "in" || ic.negate) mask = ALL_SECTIONS;
    else for (const v of ic.values) mask |= 1 << INDUSTRY_SECTIONS.indexOf(v.charAt(0));
  }
  return { cities, sectionMask: mask };
}

/** The policies to try for one (city, section) cell of the index, as parallel arrays. */
export interface Bucket {
  fns: PolicyFn[];
  params: Float64Array[];
  /** index into `PolicySet.policies` */
  idx: number[];
}

/**
 * The set of published policies, compiled and indexed: candidates for an enterprise are those
 * listed under its city (or anywhere) whose section mask has the enterprise's section. An
 * enterprise whose region or industry is unknown is checked against every policy.
 */
export class PolicySet {
  readonly policies: CompiledPolicy[];
  private params: Float64Array[];
  private buckets = new Map<number, Bucket>();
  private all: Bucket;
  readonly evalIso: string;
  private evalDay: number;

  constructor(policies: CompiledPolicy[], evalIso: string) {
    this.evalIso = evalIso;
    this.evalDay = dayNumber(evalIso);
    this.policies = policies.filter((p) => p.effectiveFrom <= this.evalDay && this.evalDay <= p.effectiveTo);
    this.params = this.policies.map((p) => p.prepare(evalIso));
    this.all = this.bucketOf(this.policies.map((_, k) => k));
  }

  private bucketOf(idx: number[]): Bucket {
    return { fns: idx.map((k) => this.policies[k]!.fn), params: idx.map((k) => this.params[k]!), idx };
  }

  paramsOf(p: CompiledPolicy): Float64Array {
    return this.params[this.policies.indexOf(p)] as Float64Array;
  }

  /** The bucket of candidate policies for an enterprise with this (encoded) region and industry. */
  bucket(region: number, industry: number): Bucket {
    if (Number.isNaN(region) || Number.isNaN(industry)) return this.all;
    const city = Math.floor(region / 100);
    const section = Math.floor(industry / 10000);
    const key = city * 32 + section;
    let b = this.buckets.get(key);
    if (!b) {
      const cityText = String(city);
      const bit = 1 << section;
      const idx: number[] = [];
      this.policies.forEach((p, k) => {
        if ((p.cities === null || p.cities.has(cityText)) && (p.sectionMask & bit) !== 0) idx.push(k);
      });
      b = this.bucketOf(idx);
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Candidate policies for an enterprise (see `bucket`). */
  candidates(region: number, industry: number): CompiledPolicy[] {
    return this.bucket(region, industry).idx.map((k) => this.policies[k]!);
  }
}

export const REGION_COL = ATTR_INDEX.get("regionCode") as number;
export const INDUSTRY_COL = ATTR_INDEX.get("industryCode") as number;

/** Called for every result that is not "not eligible": primitives only, no allocation. */
export type HitSink = (
  row: number,
  policy: number,
  status: number,
  amount: number,
  rule: number,
  missingMask: number,
  error: number,
) => void;

/**
 * Matches rows [from, to) of a frame against a policy set; calls `onHit` for every result that
 * is not "not eligible" (eligible, needs data, error). `policy` indexes `set.policies`.
 */
export function matchFrame(set: PolicySet, frame: Frame, from: number, to: number, onHit: HitSink): void {
  const o = newOut();
  const cols = frame.cols;
  const regions = cols[REGION_COL] as Float64Array;
  const industries = cols[INDUSTRY_COL] as Float64Array;
  let lastR = Number.NaN;
  let lastI = Number.NaN;
  let b = set.bucket(Number.NaN, Number.NaN);
  for (let i = from; i < to; i++) {
    const r = regions[i] as number;
    const ind = industries[i] as number;
    if (r !== lastR || ind !== lastI) {
      b = set.bucket(r, ind);
      lastR = r;
      lastI = ind;
    }
    const fns = b.fns;
    const params = b.params;
    const n = fns.length;
    for (let k = 0; k < n; k++) {
      (fns[k] as PolicyFn)(cols, i, params[k] as Float64Array, o);
      if (o.s !== NOT_ELIGIBLE) onHit(i, b.idx[k] as number, o.s, o.a, o.r, o.m, o.e);
    }
  }
}

/** The attribute keys of a missing-data mask. */
export const missingOf = (p: CompiledPolicy, mask: number): string[] =>
  p.used.filter((_, b) => (mask & (1 << b)) !== 0);

/** Status names as the API and the ledger spell them. */
export const STATUS_NAMES = ["not_eligible", "eligible", "needs_data", "error"] as const;
export type MatchStatus = (typeof STATUS_NAMES)[number];

/** Evaluates one enterprise against one compiled policy (tests, explanations, golden cases). */
export function evaluateOne(
  p: CompiledPolicy,
  attrs: AttrValues,
  evalIso: string,
): { status: MatchStatus; amount: number; rule: number; missing: string[]; error: number } {
  const f = newFrame(1);
  setRow(f, 0, attrs);
  const o = newOut();
  p.fn(f.cols, 0, p.prepare(evalIso), o);
  return {
    status: STATUS_NAMES[o.s] as MatchStatus,
    amount: o.a,
    rule: o.r,
    missing: o.s === NEEDS_DATA ? p.used.filter((_, b) => (o.m & (1 << b)) !== 0) : [],
    error: o.e,
  };
}
