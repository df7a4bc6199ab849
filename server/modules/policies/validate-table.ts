import { ATTR_BY_KEY, type AttrDef } from "../enterprises/index.ts";
import { type Cond, type CondDomain, condDomain, domainsMeet, parseCond } from "./conditions.ts";
import type { DecisionTable, TableProblem } from "./decision-table.ts";
import {
  analyzeFormula,
  type Bounds,
  type Formula,
  FormulaError,
  formulaAttrs,
  parseFormula,
} from "./formula.ts";

/** A table that passed validation: cells and formulas parsed, the attributes it reads listed. */
export interface CheckedTable {
  table: DecisionTable;
  inputs: AttrDef[];
  /** conds[rule][column] */
  conds: Cond[][];
  domains: CondDomain[][];
  formulas: Formula[];
  /** Attributes the table reads (inputs, then formula attributes): bit i of a "missing" mask. */
  used: string[];
}

/** Bits available for the missing-data mask. */
const MAX_USED = 30;

/** Human numbering: rule 1 is `rules[0]`. */
const rulePlace = (r: number) => `rules[${r}]`;

/**
 * Validates a decision table. Every problem names its place (`rules[2].when[1]` = rule 3,
 * column 2) and says what is wrong: unknown attributes, cells that do not parse, formulas that
 * do not parse or divide by zero or can be negative, overlapping rules under UNIQUE, rules whose
 * outputs differ where they overlap under ANY, effective dates out of order.
 */
export function checkTable(t: DecisionTable): { checked: CheckedTable | null; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const inputs: AttrDef[] = [];
  const seen = new Set<string>();
  t.inputs.forEach((inp, c) => {
    const def = ATTR_BY_KEY.get(inp.attribute);
    if (!def) {
      problems.push({ field: `inputs[${c}].attribute`, message: `unknown attribute "${inp.attribute}"` });
    } else if (seen.has(def.key)) {
      problems.push({
        field: `inputs[${c}].attribute`,
        message: `${def.key} is already column ${[...seen].indexOf(def.key) + 1}`,
      });
    } else {
      seen.add(def.key);
      inputs.push(def);
    }
  });
  if (t.effectiveTo && t.effectiveTo < t.effectiveFrom) {
    problems.push({
      field: "effectiveTo",
      message: `ends (${t.effectiveTo}) before it starts (${t.effectiveFrom})`,
    });
  }
  if (problems.length) return { checked: null, problems };

  const conds: Cond[][] = [];
  const domains: CondDomain[][] = [];
  const formulas: Formula[] = [];
  t.rules.forEach((rule, r) => {
    const row: Cond[] = [];
    const drow: CondDomain[] = [];
    if (rule.when.length !== inputs.length) {
      problems.push({
        field: `${rulePlace(r)}.when`,
        message: `rule ${r + 1} has ${rule.when.length} conditions for ${inputs.length} columns`,
      });
    }
    inputs.forEach((def, c) => {
      const res = parseCond(def, rule.when[c] ?? "-");
      if ("error" in res) {
        problems.push({
          field: `${rulePlace(r)}.when[${c}]`,
          message: `rule ${r + 1}, column ${def.key}: ${res.error}`,
        });
        row.push({ k: "any" });
        drow.push(condDomain(def, { k: "any" }));
      } else {
        row.push(res.cond);
        drow.push(condDomain(def, res.cond));
      }
    });
    conds.push(row);
    domains.push(drow);
    try {
      const f = parseFormula(rule.amount);
      formulas.push(f);
      const bounds = (key: string): Bounds => {
        const def = ATTR_BY_KEY.get(key);
        let lo = def?.min ?? -Infinity;
        let hi = def?.max ?? Infinity;
        const c = inputs.findIndex((d) => d.key === key);
        const dom = c >= 0 ? drow[c] : undefined;
        if (dom && !dom.relative && dom.intervals.length) {
          lo = Math.max(lo, Math.min(...dom.intervals.map((iv) => iv.lo)));
          hi = Math.min(hi, Math.max(...dom.intervals.map((iv) => iv.hi)));
        }
        return [lo, hi];
      };
      const a = analyzeFormula(f, bounds);
      if (a.zeroDivision) {
        problems.push({
          field: `${rulePlace(r)}.amount`,
          message: `rule ${r + 1}: the amount formula divides by zero`,
        });
      } else if (rule.eligible && a.range[1] < 0) {
        problems.push({
          field: `${rulePlace(r)}.amount`,
          message: `rule ${r + 1}: the amount is always negative`,
        });
      } else if (rule.eligible && a.range[0] < 0) {
        problems.push({
          field: `${rulePlace(r)}.amount`,
          message: `rule ${r + 1}: the amount can be negative (as low as ${a.range[0]}); bound it, e.g. max(…, 0), or narrow the rule's conditions`,
        });
      }
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      problems.push({ field: `${rulePlace(r)}.amount`, message: `rule ${r + 1}: ${e.message}` });
      formulas.push({ k: "num", v: 0 });
    }
  });

  if (t.hitPolicy === "UNIQUE" || t.hitPolicy === "ANY") {
    for (let a = 0; a < t.rules.length; a++) {
      for (let b = a + 1; b < t.rules.length; b++) {
        const da = domains[a]!;
        const db = domains[b]!;
        const overlap = inputs.every((_, c) => domainsMeet(da[c]!, db[c]!));
        if (!overlap) continue;
        const ra = t.rules[a]!;
        const rb = t.rules[b]!;
        if (
          t.hitPolicy === "ANY" &&
          ra.eligible === rb.eligible &&
          ra.amount.replace(/\s/g, "") === rb.amount.replace(/\s/g, "")
        ) {
          continue;
        }
        problems.push({
          field: rulePlace(b),
          message:
            t.hitPolicy === "UNIQUE"
              ? `rules ${a + 1} and ${b + 1} overlap: under hit policy UNIQUE one enterprise could match both`
              : `rules ${a + 1} and ${b + 1} overlap with different outputs: under hit policy ANY they must agree`,
        });
      }
    }
  }

  const used = inputs.map((d) => d.key);
  for (const f of formulas) for (const k of formulaAttrs(f)) if (!used.includes(k)) used.push(k);
  if (used.length > MAX_USED) {
    problems.push({
      field: "inputs",
      message: `the table reads ${used.length} attributes; at most ${MAX_USED}`,
    });
  }
  if (problems.length) return { checked: null, problems };
  return { checked: { table: t, inputs, conds, domains, formulas, used }, problems };
}
