import { evaluate, unaryTest } from "feelin";
import {
  ATTR_BY_KEY,
  type AttrDef,
  type AttrValues,
  dayNumber,
  isoDay,
  yearsBefore,
} from "../enterprises/index.ts";
import { type Cond, normalizeValue } from "./conditions.ts";
import type { GoldenCase } from "./decision-table.ts";
import { type CompiledPolicy, evaluateOne, MAX_AMOUNT, type MatchStatus } from "./engine.ts";
import { formulaAttrs, formulaToFeel } from "./formula.ts";
import type { CheckedTable } from "./validate-table.ts";

/**
 * Correctness of a policy version: (1) the officer's golden cases against the compiled engine;
 * (2) boundary cases generated from the table, each evaluated by the compiled engine AND by an
 * independent evaluator — `feelin`, a FEEL interpreter, on the table translated to FEEL unary
 * tests and FEEL expressions — which must agree.
 */

const DEFAULTS: Record<string, string | number | boolean> = {
  regionCode: "210102",
  industryCode: "C39",
  sizeClass: "small",
  specialized: "none",
  taxCredit: "B",
};

function defaultValue(def: AttrDef, evalIso: string): string | number | boolean {
  if (DEFAULTS[def.key] !== undefined) return DEFAULTS[def.key] as string | number | boolean;
  if (def.type === "number") return def.max !== undefined ? Math.min(def.max, 10) : 1_000_000;
  if (def.type === "date") return isoDay(yearsBefore(evalIso, 2));
  if (def.type === "boolean") return true;
  return def.values?.[0] ?? "";
}

const OUTSIDE_REGIONS = ["210102", "210202", "211302", "210302", "220102"];
const OUTSIDE_INDUSTRIES = ["C39", "F52", "I65", "A01", "K70", "G54"];

/** A value satisfying a condition (or null when none could be made). */
function witness(def: AttrDef, c: Cond, evalIso: string): string | number | boolean | null {
  const asValue = (n: number) => (def.type === "date" ? isoDay(n) : n);
  switch (c.k) {
    case "any":
      return defaultValue(def, evalIso);
    case "cmp": {
      const step = def.type === "date" ? 1 : 1;
      if (c.op === "=" || c.op === ">=" || c.op === "<=") return asValue(c.v);
      return asValue(c.op === ">" ? c.v + step : c.v - step);
    }
    case "range":
      return asValue(c.loIn ? c.lo : c.hiIn ? c.hi : (c.lo + c.hi) / 2);
    case "within":
      return isoDay(dayNumber(evalIso) - 1);
    case "over":
      return isoDay(yearsBefore(evalIso, c.years) - 1);
    case "bool":
      return c.v;
    case "in": {
      if (!c.negate) {
        const v = c.values[0] as string;
        return def.type === "region" ? v.padEnd(6, "0") : v;
      }
      const pool =
        def.type === "region"
          ? OUTSIDE_REGIONS
          : def.type === "industry"
            ? OUTSIDE_INDUSTRIES
            : (def.values ?? []);
      return pool.find((p) => !c.values.some((v) => p.startsWith(v))) ?? null;
    }
  }
}

/** Values around a condition's boundaries (inside and outside). */
function boundaryValues(def: AttrDef, c: Cond, evalIso: string): (string | number | boolean)[] {
  const num = (n: number) =>
    def.type === "date" ? [isoDay(n - 1), isoDay(n), isoDay(n + 1)] : [n - 1, n - 0.01, n, n + 0.01, n + 1];
  switch (c.k) {
    case "any":
      return [];
    case "cmp":
      return num(c.v);
    case "range":
      return [...num(c.lo), ...num(c.hi)];
    case "within":
      return [...num(yearsBefore(evalIso, c.years)), ...num(dayNumber(evalIso))];
    case "over":
      return num(yearsBefore(evalIso, c.years));
    case "bool":
      return [true, false];
    case "in":
      if (def.type === "enum") return [...(def.values ?? [])];
      return [
        ...c.values.map((v) => (def.type === "region" ? v.padEnd(6, "0") : v)),
        ...(def.type === "region" ? OUTSIDE_REGIONS : OUTSIDE_INDUSTRIES),
      ];
  }
}

/** Boundary cases generated from the table: per rule a witness, then one column varied at a time, then each attribute missing. */
export function generateCases(ck: CheckedTable, evalIso: string): { name: string; attrs: AttrValues }[] {
  const out: { name: string; attrs: AttrValues }[] = [];
  const seen = new Set<string>();
  const push = (name: string, attrs: AttrValues) => {
    const key = JSON.stringify(attrs);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, attrs });
  };
  ck.table.rules.forEach((_, j) => {
    const base: AttrValues = {};
    for (const key of ck.used) base[key] = defaultValue(ATTR_BY_KEY.get(key)!, evalIso);
    ck.inputs.forEach((def, col) => {
      const w = witness(def, ck.conds[j]![col]!, evalIso);
      if (w !== null) base[def.key] = w;
    });
    push(`rule ${j + 1}: witness`, base);
    ck.inputs.forEach((def, col) => {
      for (const v of boundaryValues(def, ck.conds[j]![col]!, evalIso)) {
        if (
          def.type === "number" &&
          typeof v === "number" &&
          ((def.min !== undefined && v < def.min) || (def.max !== undefined && v > def.max))
        )
          continue;
        push(`rule ${j + 1}: ${def.key} = ${String(v)}`, { ...base, [def.key]: v });
      }
    });
    for (const key of ck.used) push(`rule ${j + 1}: ${key} missing`, { ...base, [key]: null });
  });
  return out;
}

// ---- the independent evaluator: FEEL (feelin) ----

const feelString = (s: string) => JSON.stringify(s);

/** A cell as a FEEL unary test (`?` is the input value). */
export function condToFeel(def: AttrDef, c: Cond): string {
  const lit = (text: string) => (def.type === "date" ? `date(${feelString(text)})` : text);
  switch (c.k) {
    case "any":
      return "-";
    case "cmp":
      return c.op === "=" ? lit(c.text) : `${c.op} ${lit(c.text)}`;
    case "range":
      return `${c.loIn ? "[" : "("}${lit(c.loText)}..${lit(c.hiText)}${c.hiIn ? "]" : ")"}`;
    case "within":
      return `? >= date(evalDate) - duration("P${c.years}Y") and ? <= date(evalDate)`;
    case "over":
      return `? < date(evalDate) - duration("P${c.years}Y")`;
    case "bool":
      return c.v ? "true" : "false";
    case "in": {
      if (def.type === "enum") {
        const list = c.values.map(feelString).join(", ");
        return c.negate ? `not(${list})` : list;
      }
      const any = c.values.map((v) => `starts with(?, ${feelString(v)})`).join(" or ");
      return c.negate ? `not(${any})` : any;
    }
  }
}

function feelValue(def: AttrDef, v: unknown): unknown {
  if (def.type === "date") return evaluate(`date(${feelString(String(v))})`).value;
  return v;
}

/** Evaluates a table with feelin, with the same hit-policy and missing-data semantics. */
export function evaluateWithFeel(
  ck: CheckedTable,
  attrs: AttrValues,
  evalIso: string,
): { status: MatchStatus; amount: number; rule: number } {
  const t = ck.table;
  const missing = (k: string) => attrs[k] === null || attrs[k] === undefined;
  // per rule: 1 match, 0 no, 2 unknown
  const states = t.rules.map((_, j) => {
    let unknown = false;
    for (const [col, def] of ck.inputs.entries()) {
      const c = ck.conds[j]![col]!;
      if (c.k === "any") continue;
      if (missing(def.key)) {
        unknown = true;
        continue;
      }
      const r = unaryTest(condToFeel(def, c), { "?": feelValue(def, attrs[def.key]), evalDate: evalIso });
      if (r.value !== true) return 0;
    }
    return unknown ? 2 : 1;
  });
  const amountOf = (j: number): number | "missing" | "error" => {
    const f = ck.formulas[j]!;
    if (formulaAttrs(f).some(missing)) return "missing";
    const ctxt: Record<string, unknown> = {};
    for (const k of formulaAttrs(f)) ctxt[k] = attrs[k];
    const r = evaluate(formulaToFeel(f), ctxt);
    return typeof r.value === "number" ? r.value : "error";
  };
  const finish = (j: number, raw: number | "missing" | "error") => {
    if (raw === "missing") return { status: "needs_data" as const, amount: 0, rule: -1 };
    if (raw === "error") return { status: "error" as const, amount: 0, rule: j };
    const amount = evaluate(`round half up(x, 2)`, { x: raw }).value as number;
    if (amount < 0 || !(amount < MAX_AMOUNT)) return { status: "error" as const, amount: 0, rule: j };
    return { status: "eligible" as const, amount, rule: j };
  };
  const unknownEligible = (upTo: number) => t.rules.some((r, j) => j < upTo && r.eligible && states[j] === 2);
  const unknownAny = (upTo: number) => states.some((s, j) => j < upTo && s === 2);
  const none = { status: "not_eligible" as const, amount: 0, rule: -1 };
  const needs = { status: "needs_data" as const, amount: 0, rule: -1 };
  if (t.hitPolicy === "FIRST") {
    for (let j = 0; j < t.rules.length; j++) {
      if (states[j] !== 1) continue;
      if (t.rules[j]!.eligible) return unknownAny(j) ? needs : finish(j, amountOf(j));
      return unknownEligible(j) ? needs : { status: "not_eligible", amount: 0, rule: j };
    }
    return unknownEligible(t.rules.length) ? needs : none;
  }
  if (t.hitPolicy === "COLLECT") {
    const matched = t.rules.map((_, j) => j).filter((j) => states[j] === 1);
    const excl = matched.find((j) => !t.rules[j]!.eligible);
    if (excl !== undefined) return { status: "not_eligible", amount: 0, rule: excl };
    let sum = 0;
    let n = 0;
    let unk = unknownEligible(t.rules.length);
    for (const j of matched) {
      const a = amountOf(j);
      if (a === "error") return { status: "error", amount: 0, rule: j };
      if (a === "missing") unk = true;
      else {
        sum += a;
        n++;
      }
    }
    if (unk || (n > 0 && unknownAny(t.rules.length))) return needs;
    if (n === 0) return none;
    return finish(matched[0]!, sum);
  }
  const matched = t.rules.map((_, j) => j).filter((j) => states[j] === 1);
  if (t.hitPolicy === "UNIQUE" && matched.length > 1)
    return { status: "error", amount: 0, rule: matched[1]! };
  const j = matched[0];
  if (j !== undefined) {
    return t.rules[j]!.eligible ? finish(j, amountOf(j)) : { status: "not_eligible", amount: 0, rule: j };
  }
  return unknownEligible(t.rules.length) ? needs : none;
}

/** The report of testing a version (stored with it; publishing requires `passed`). */
export interface TestReport {
  passed: boolean;
  evalDate: string;
  officerCases: {
    name: string;
    passed: boolean;
    expected: GoldenCase["expect"];
    actual: { status: MatchStatus; amount: number };
  }[];
  generatedCases: number;
  disagreements: {
    name: string;
    attrs: AttrValues;
    engine: { status: string; amount: number };
    feel: { status: string; amount: number };
  }[];
}

/** Runs the officer's cases and the FEEL cross-check on the generated boundary cases. */
export function testPolicy(p: CompiledPolicy, evalIso: string): TestReport {
  const ck = p.checked;
  const officerCases = (ck.table.tests ?? []).map((tc) => {
    const attrs: AttrValues = {};
    for (const [k, v] of Object.entries(tc.attrs)) {
      const def = ATTR_BY_KEY.get(k);
      if (def) attrs[k] = normalizeValue(def, v);
    }
    const r = evaluateOne(p, attrs, evalIso);
    const passed =
      r.status === tc.expect.status &&
      (tc.expect.amount === undefined || Math.abs(r.amount - tc.expect.amount) < 0.005);
    return { name: tc.name, passed, expected: tc.expect, actual: { status: r.status, amount: r.amount } };
  });
  const cases = generateCases(ck, evalIso);
  const disagreements: TestReport["disagreements"] = [];
  for (const c of cases) {
    const e = evaluateOne(p, c.attrs, evalIso);
    const f = evaluateWithFeel(ck, c.attrs, evalIso);
    const same = e.status === f.status && (e.status !== "eligible" || Math.abs(e.amount - f.amount) < 0.005);
    if (!same && disagreements.length < 20) {
      disagreements.push({
        name: c.name,
        attrs: c.attrs,
        engine: { status: e.status, amount: e.amount },
        feel: { status: f.status, amount: f.amount },
      });
    }
  }
  return {
    passed: officerCases.every((c) => c.passed) && disagreements.length === 0,
    evalDate: evalIso,
    officerCases,
    generatedCases: cases.length,
    disagreements,
  };
}
