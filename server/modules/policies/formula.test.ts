import assert from "node:assert/strict";
import { test } from "node:test";
import {
  analyzeFormula,
  type Bounds,
  evalFormula,
  type Formula,
  FormulaError,
  formulaAttrs,
  formulaToChinese,
  formulaToJs,
  parseFormula,
  roundHalfUp,
} from "./formula.ts";

/** Evaluates a formula over the given attribute values (a missing one reads as NaN). */
const calc = (src: string, attrs: Record<string, number> = {}) =>
  evalFormula(parseFormula(src), (k) => attrs[k] ?? Number.NaN);

/** The error message parsing a formula gives (fails the test when it parses). */
function errorOf(src: string): string {
  try {
    parseFormula(src);
  } catch (e) {
    assert.ok(e instanceof FormulaError, `${src}: ${String(e)}`);
    return e.message;
  }
  assert.fail(`"${src}" parsed, but it should not`);
}

/** The formula in fully parenthesised prefix form, to see the tree the parser built. */
function shape(f: Formula): string {
  switch (f.k) {
    case "num":
      return String(f.v);
    case "attr":
      return f.key;
    case "neg":
      return `(neg ${shape(f.e)})`;
    case "bin":
      return `(${f.op} ${shape(f.l)} ${shape(f.r)})`;
    case "call":
      return `(${f.fn} ${f.args.map(shape).join(" ")})`;
  }
}
const tree = (src: string) => shape(parseFormula(src));

test("precedence: * and / bind tighter than + and -, unary minus tighter than both, parentheses override", () => {
  assert.equal(tree("1 + 2 * 3"), "(+ 1 (* 2 3))");
  assert.equal(calc("1 + 2 * 3"), 7);
  assert.equal(tree("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  assert.equal(calc("(1 + 2) * 3"), 9);
  assert.equal(tree("2 * 3 + 4 / 2"), "(+ (* 2 3) (/ 4 2))");
  assert.equal(tree("-2 * 3"), "(* (neg 2) 3)");
  assert.equal(tree("2 * -3"), "(* 2 (neg 3))");
  assert.equal(calc("- -2"), 2);
  assert.equal(tree("-(1 + 2)"), "(neg (+ 1 2))");
  assert.equal(calc("1 - -1"), 2);
});

test("operators of one level associate to the left", () => {
  assert.equal(tree("10 - 4 - 3"), "(- (- 10 4) 3)");
  assert.equal(calc("10 - 4 - 3"), 3);
  assert.equal(tree("8 / 4 / 2"), "(/ (/ 8 4) 2)");
  assert.equal(calc("8 / 4 / 2"), 1);
  assert.equal(calc("2 * 3 / 6 * 4"), 4);
});

test("attributes, functions and whitespace: min, max, round with digits; blanks are free", () => {
  assert.equal(tree("min(rdSpend * 0.1, 500000)"), "(min (* rdSpend 0.1) 500000)");
  assert.equal(calc("min(rdSpend * 0.1, 500000)", { rdSpend: 3_100_000 }), 310_000);
  assert.equal(calc("min(rdSpend * 0.1, 500000)", { rdSpend: 9_000_000 }), 500_000);
  assert.equal(calc("max(1, 5, 3)"), 5, "min and max take any number of arguments from two");
  assert.equal(calc("round(2.5)"), 3, "half away from zero");
  assert.equal(calc("round(-2.5)"), -3);
  assert.equal(calc("round(revenue / 3, 2)", { revenue: 100 }), 33.33);
  assert.equal(tree("  revenue*2  "), "(* revenue 2)");
  assert.deepEqual(formulaAttrs(parseFormula("revenue * 2 + min(rdSpend, revenue) - employees")), [
    "revenue",
    "rdSpend",
    "employees",
  ]);
});

test("errors name the token and its position (1-based)", () => {
  assert.equal(errorOf("1 + * 2"), "unexpected '*' at position 5");
  assert.equal(errorOf("1 2"), "unexpected '2' at position 3");
  assert.equal(errorOf("revenue revenue"), "unexpected 'revenue' at position 9");
  assert.equal(errorOf("(1 + 2"), "expected ')' at the end");
  assert.equal(errorOf("min(1, 2 3)"), "expected ')' at position 10");
  assert.equal(errorOf("1 + $"), "unexpected character '$' at position 5");
  assert.equal(errorOf("revenue % 2"), "unexpected character '%' at position 9");
  assert.equal(errorOf("1)"), "unexpected ')' at position 2");
  assert.equal(errorOf(".5"), "unexpected character '.' at position 1", "a number starts with a digit");
  assert.equal(errorOf("1.5.2"), "unexpected character '.' at position 4");
  assert.equal(errorOf("rdSpend * ("), "the formula ends too early");
  assert.equal(errorOf("1 +"), "the formula ends too early");
  assert.equal(errorOf(""), "the formula is empty");
  assert.equal(errorOf("   "), "the formula is empty");
});

test("errors name the unknown attribute or function, and the wrong kind of attribute", () => {
  assert.equal(errorOf("turnover * 0.1"), "unknown attribute turnover");
  assert.equal(errorOf("Revenue * 0.1"), "unknown attribute Revenue", "attribute keys are case-sensitive");
  assert.equal(errorOf("regionCode * 2"), "regionCode is a region, not a number");
  assert.equal(errorOf("highTech + 1"), "highTech is a boolean, not a number");
  assert.equal(errorOf("foundedOn - 1"), "foundedOn is a date, not a number");
  assert.equal(errorOf("sum(1, 2)"), "unknown function sum (use min, max, round)");
  assert.equal(errorOf("min(1)"), "min needs at least two arguments");
  assert.equal(errorOf("max(revenue)"), "max needs at least two arguments");
  assert.equal(errorOf("round(1, 2, 3)"), "round takes one or two arguments");
  assert.equal(errorOf("round(1, 1.5)"), "round's digits must be a whole number from 0 to 6");
  assert.equal(errorOf("round(1, 7)"), "round's digits must be a whole number from 0 to 6");
  assert.equal(errorOf("round(1, revenue)"), "round's digits must be a whole number from 0 to 6");
  assert.equal(errorOf("min()"), "unexpected ')' at position 5");
});

test("Chinese attribute names are not identifiers: the officer writes the key, and reads the label back", () => {
  assert.equal(errorOf("研发投入 * 0.1"), "unexpected character '研' at position 1");
  assert.equal(errorOf("rdSpend × 0.1"), "unexpected character '×' at position 9");
  assert.equal(errorOf("min(rdSpend，1)"), "unexpected character '，' at position 12");
  assert.equal(
    formulaToChinese(parseFormula("min(rdSpend * 0.1, 500000)")),
    "取小((上年研发投入 × 0.1), 500000)",
  );
  assert.equal(formulaToChinese(parseFormula("round(revenue / 12, 2)")), "四舍五入((上年营业收入 ÷ 12), 2)");
});

test("limits: at most 1000 characters and 50 levels of nesting", () => {
  assert.equal(errorOf(`1${" + 1".repeat(250)}`), "the formula is longer than 1000 characters");
  assert.equal(calc(`${"(".repeat(49)}1${")".repeat(49)}`), 1);
  assert.equal(errorOf(`${"(".repeat(60)}1${")".repeat(60)}`), "the formula is nested too deeply");
  // A chain of unary minus is not nesting (no parentheses): the length limit alone bounds it.
  assert.equal(calc(`${"-".repeat(60)}1`), 1);
  assert.equal(calc(`${"-".repeat(999)}1`), -1);
});

test("division: zero at run time throws (never Infinity); a denominator that is always zero is found statically", () => {
  assert.equal(calc("revenue / employees", { revenue: 100, employees: 4 }), 25);
  assert.throws(() => calc("revenue / employees", { revenue: 100, employees: 0 }), /division by zero/);
  assert.throws(() => calc("1 / (2 - 2)"), FormulaError);
  const any: (k: string) => Bounds = () => [0, Infinity];
  assert.equal(analyzeFormula(parseFormula("rdSpend / 0"), any).zeroDivision, true);
  assert.equal(analyzeFormula(parseFormula("revenue / (2 - 2)"), any).zeroDivision, true);
  assert.equal(analyzeFormula(parseFormula("revenue / (1 - 1 + 0)"), any).zeroDivision, true);
  assert.equal(
    analyzeFormula(parseFormula("revenue / employees"), any).zeroDivision,
    false,
    "a denominator that may be 0 is checked at run time",
  );
  const revenue: (k: string) => Bounds = (k) => (k === "revenue" ? [0, 100] : [1, 4]);
  assert.deepEqual(analyzeFormula(parseFormula("revenue / 2"), revenue).range, [0, 50]);
  assert.deepEqual(analyzeFormula(parseFormula("revenue - 200"), revenue).range, [-200, -100]);
  assert.deepEqual(analyzeFormula(parseFormula("min(revenue, 10)"), revenue).range, [0, 10]);
  assert.deepEqual(analyzeFormula(parseFormula("-revenue"), revenue).range, [-100, -0]);
});

test("the compiled form splices no user text: names are generated, division goes through the zero check", () => {
  const js = formulaToJs(
    parseFormula("min(revenue / employees, 500000) + round(rdSpend, 2)"),
    (k) => `v_${k}`,
  );
  assert.equal(js, "(Math.min(D(v_revenue, v_employees), 500000) + R(v_rdSpend, 2))");
});

test("roundHalfUp works on the decimal text, so 1.005 rounds up", () => {
  assert.equal(roundHalfUp(1.005, 2), 1.01);
  assert.equal(roundHalfUp(2.675, 2), 2.68);
  assert.equal(roundHalfUp(-1.005, 2), -1.01);
  assert.equal(roundHalfUp(0.5), 1);
  assert.equal(roundHalfUp(1234.5678, 0), 1235);
  assert.equal(roundHalfUp(Number.POSITIVE_INFINITY, 2), Number.POSITIVE_INFINITY);
});
