import {
  ATTR_BY_KEY,
  type AttrDef,
  type AttrValues,
  dayNumber,
  isoDay,
  SECTION_NAMES,
  yearsBefore,
} from "../enterprises/index.ts";
import { type Cond, condDomain, encodeValue } from "./conditions.ts";
import type { MatchStatus } from "./engine.ts";
import { evalFormula, formulaAttrs, formulaToChinese } from "./formula.ts";
import type { CheckedTable } from "./validate-table.ts";

/** Turns a region code into its Chinese name ("210102" → "沈阳市和平区"). */
export type RegionNamer = (code: string) => string;

/** One condition of one rule, explained. `ok` null = the data is missing. */
export interface ConditionLine {
  attribute: string;
  label: string;
  ok: boolean | null;
  text: string;
}

const fmtNumber = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString("en-US") : String(Math.round(n * 100) / 100);

function fmtValue(def: AttrDef, v: unknown, region: RegionNamer): string {
  if (v === null || v === undefined) return "（无数据）";
  switch (def.type) {
    case "number":
      return `${fmtNumber(Number(v))}${def.unit === "%" ? "%" : def.unit ? ` ${def.unit}` : ""}`;
    case "boolean":
      return v ? "是" : "否";
    case "enum":
      return def.valueLabels?.[String(v)] ?? String(v);
    case "region":
      return region(String(v));
    case "industry": {
      const s = String(v);
      return `${SECTION_NAMES[s.charAt(0)] ?? s}（${s}）`;
    }
    default:
      return String(v);
  }
}

function fmtLiteral(def: AttrDef, n: number, text: string): string {
  if (def.type === "date") return text;
  return `${fmtNumber(n)}${def.unit === "%" ? "%" : def.unit ? ` ${def.unit}` : ""}`;
}

const OPS: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

function fmtCond(def: AttrDef, c: Cond, evalIso: string, region: RegionNamer): string {
  switch (c.k) {
    case "any":
      return "不限";
    case "cmp":
      return `${OPS[c.op]} ${fmtLiteral(def, c.v, c.text)}`;
    case "range":
      return `∈ ${c.loIn ? "[" : "("}${fmtLiteral(def, c.lo, c.loText)}, ${fmtLiteral(def, c.hi, c.hiText)}${c.hiIn ? "]" : ")"}`;
    case "within":
      return `在近${c.years}年内（${isoDay(yearsBefore(evalIso, c.years))} 至 ${evalIso}）`;
    case "over":
      return `早于${c.years}年前（${isoDay(yearsBefore(evalIso, c.years))}）`;
    case "bool":
      return `= ${c.v ? "是" : "否"}`;
    case "in": {
      const names = c.values.map((v) =>
        def.type === "region"
          ? region(v)
          : def.type === "industry"
            ? v.length === 1
              ? (SECTION_NAMES[v] ?? v)
              : v
            : (def.valueLabels?.[v] ?? v),
      );
      return `${c.negate ? "∉" : "∈"} ${names.join("、")}`;
    }
  }
}

/** Whether a condition holds for a value (an interpreter beside the compiled code). */
export function condHolds(def: AttrDef, c: Cond, raw: unknown, evalIso: string): boolean | null {
  if (c.k === "any") return true;
  const v = encodeValue(def, raw);
  if (Number.isNaN(v)) return null;
  if (c.k === "within") return v >= yearsBefore(evalIso, c.years) && v <= dayNumber(evalIso);
  if (c.k === "over") return v < yearsBefore(evalIso, c.years);
  return condDomain(def, c).intervals.some(
    (iv) => (iv.loIn ? v >= iv.lo : v > iv.lo) && (iv.hiIn ? v <= iv.hi : v < iv.hi),
  );
}

/** The conditions of rule `j` for one enterprise, each with ✔ / ✘ / ？ in Chinese. */
export function explainRule(
  ck: CheckedTable,
  j: number,
  attrs: AttrValues,
  evalIso: string,
  region: RegionNamer,
): ConditionLine[] {
  const lines: ConditionLine[] = [];
  ck.inputs.forEach((def, col) => {
    const c = ck.conds[j]![col]!;
    if (c.k === "any") return;
    const ok = condHolds(def, c, attrs[def.key], evalIso);
    const mark = ok === null ? "？" : ok ? "✔" : "✘";
    lines.push({
      attribute: def.key,
      label: def.label,
      ok,
      text: `${def.label} ${fmtValue(def, attrs[def.key], region)} ${fmtCond(def, c, evalIso, region)} ${mark}`,
    });
  });
  return lines;
}

/** A whole explanation: which rule decided, each condition, the amount's formula with values. */
export interface Explanation {
  status: MatchStatus;
  rule: number | null;
  conditions: ConditionLine[];
  amountText: string | null;
  missing: string[];
  text: string;
}

export function explain(
  ck: CheckedTable,
  result: { status: MatchStatus; rule: number; amount: number; missing: string[] },
  attrs: AttrValues,
  evalIso: string,
  region: RegionNamer,
): Explanation {
  // Attributes used only in an amount formula are not input columns: name them from the list too.
  const labelOf = (k: string) => ck.inputs.find((d) => d.key === k)?.label ?? ATTR_BY_KEY.get(k)?.label ?? k;
  if (result.status === "needs_data") {
    const names = result.missing.map(labelOf);
    const text = `缺少数据：${names.join("、")}，补充后重新匹配（不是“不符合”）`;
    return {
      status: result.status,
      rule: null,
      conditions: [],
      amountText: null,
      missing: result.missing,
      text,
    };
  }
  if (result.rule >= 0) {
    const conditions = explainRule(ck, result.rule, attrs, evalIso, region);
    let amountText: string | null = null;
    if (result.status === "eligible") {
      const f = ck.formulas[result.rule]!;
      const vals = formulaAttrs(f).map((k) => `${labelOf(k)} ${fmtNumber(Number(attrs[k]))}`);
      let computed = result.amount;
      try {
        computed = evalFormula(f, (k) => Number(attrs[k]));
      } catch {
        // shown as the engine's amount
      }
      amountText = `金额 = ${formulaToChinese(f)}${vals.length ? `（${vals.join("，")}）` : ""} = ${fmtNumber(Math.round(computed * 100) / 100)} 元`;
    }
    const head =
      result.status === "eligible"
        ? `符合第 ${result.rule + 1} 条规则`
        : result.status === "error"
          ? `第 ${result.rule + 1} 条规则计算出错`
          : `第 ${result.rule + 1} 条规则排除`;
    const text = [head, conditions.map((c) => c.text).join("; "), amountText].filter(Boolean).join("：");
    return { status: result.status, rule: result.rule, conditions, amountText, missing: [], text };
  }
  // not eligible and no rule decided: show the first failing condition of every eligible rule
  const conditions: ConditionLine[] = [];
  ck.table.rules.forEach((rule, j) => {
    if (!rule.eligible) return;
    const failing = explainRule(ck, j, attrs, evalIso, region).find((l) => l.ok === false);
    if (failing) conditions.push({ ...failing, text: `规则 ${j + 1}：${failing.text}` });
  });
  return {
    status: result.status,
    rule: null,
    conditions,
    amountText: null,
    missing: [],
    text: `不符合：${conditions.map((c) => c.text).join("; ")}`,
  };
}
