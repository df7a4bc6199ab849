import assert from "node:assert/strict";
import { test } from "node:test";
import { ATTR_BY_KEY, type AttrDef, dayNumber } from "../enterprises/attributes.ts";
import { type Cond, condDomain, domainsMeet, encodeValue, normalizeValue, parseCond } from "./conditions.ts";
import type { DecisionTable } from "./decision-table.ts";
import { condHolds } from "./explain.ts";
import { checkTable } from "./validate-table.ts";

const def = (key: string): AttrDef => {
  const d = ATTR_BY_KEY.get(key);
  assert.ok(d, key);
  return d;
};
const revenue = def("revenue"); // number
const founded = def("foundedOn"); // date
const region = def("regionCode");
const industry = def("industryCode");
const size = def("sizeClass"); // enum large, medium, small, micro
const highTech = def("highTech"); // boolean

/** The parsed condition (fails the test on an error). */
function cond(d: AttrDef, raw: string): Cond {
  const r = parseCond(d, raw);
  assert.ok("cond" in r, `${d.key} "${raw}": ${"error" in r ? r.error : ""}`);
  return r.cond;
}
/** The error a cell gives (fails the test when it parses). */
function errorOf(d: AttrDef, raw: string): string {
  const r = parseCond(d, raw);
  assert.ok("error" in r, `${d.key} "${raw}" parsed as ${JSON.stringify(r)}, but it should not`);
  return r.error;
}
const EVAL = "2025-06-30";
const holds = (d: AttrDef, raw: string, v: unknown) => condHolds(d, cond(d, raw), v, EVAL);

test("any value: '-', blank and blanks", () => {
  for (const raw of ["-", "", "   ", " - "]) assert.deepEqual(cond(revenue, raw), { k: "any" });
  assert.equal(holds(revenue, "-", null), true, "any holds even without data");
});

test("numbers: comparisons, a bare or '=' number, underscores as thousands separators, negative literals", () => {
  assert.deepEqual(cond(revenue, ">= 5"), { k: "cmp", op: ">=", v: 5, text: "5" });
  assert.deepEqual(cond(revenue, ">5"), { k: "cmp", op: ">", v: 5, text: "5" });
  assert.deepEqual(cond(revenue, "<= 2.5"), { k: "cmp", op: "<=", v: 2.5, text: "2.5" });
  assert.deepEqual(cond(revenue, "< 0"), { k: "cmp", op: "<", v: 0, text: "0" });
  assert.deepEqual(cond(revenue, "5"), { k: "cmp", op: "=", v: 5, text: "5" });
  assert.deepEqual(cond(revenue, "= 5"), { k: "cmp", op: "=", v: 5, text: "5" });
  assert.equal((cond(revenue, ">= 1_000_000") as { v: number }).v, 1_000_000);
  assert.equal((cond(revenue, "-3") as { v: number }).v, -3);
  // the boundary is where the operator says
  assert.equal(holds(revenue, ">= 5", 5), true);
  assert.equal(holds(revenue, "> 5", 5), false);
  assert.equal(holds(revenue, "<= 5", 5), true);
  assert.equal(holds(revenue, "< 5", 5), false);
  assert.equal(holds(revenue, ">= 5", null), null, "no data: neither true nor false");
});

test("ranges: inclusive and exclusive ends, blanks inside; an empty range is refused", () => {
  assert.deepEqual(cond(revenue, "[1..10]"), {
    k: "range",
    lo: 1,
    hi: 10,
    loIn: true,
    hiIn: true,
    loText: "1",
    hiText: "10",
  });
  const half = cond(revenue, "( 1 .. 10 ]");
  assert.deepEqual(
    [half.k, (half as { loIn: boolean }).loIn, (half as { hiIn: boolean }).hiIn],
    ["range", false, true],
  );
  assert.equal(holds(revenue, "[1..10)", 1), true);
  assert.equal(holds(revenue, "[1..10)", 10), false);
  assert.equal(holds(revenue, "(1..10]", 1), false);
  assert.equal(holds(revenue, "(1..10]", 10), true);
  assert.equal(holds(revenue, "[5..5]", 5), true, "a one-point range");
  assert.equal(errorOf(revenue, "[10..1]"), "the range [10..1] is empty");
  assert.equal(errorOf(revenue, "[5..5)"), "the range [5..5) is empty");
  assert.equal(errorOf(revenue, "[a..5]"), '"a" is not a number');
  assert.equal(errorOf(revenue, "[1..x]"), '"x" is not a number');
});

test("no comparison chains or doubled operators: one operator per cell (use a range)", () => {
  assert.equal(errorOf(revenue, "> 1 < 5"), '"> 1 < 5" is not a condition (e.g. >= 5, [1..10], = 5)');
  assert.equal(errorOf(revenue, ">= 5 <= 10"), '">= 5 <= 10" is not a condition (e.g. >= 5, [1..10], = 5)');
  assert.equal(
    errorOf(revenue, "1 < revenue < 5"),
    '"1 < revenue < 5" is not a condition (e.g. >= 5, [1..10], = 5)',
  );
  assert.equal(errorOf(revenue, ">=>5"), '">5" is not a number');
  assert.equal(errorOf(revenue, "=> 5"), '"=> 5" is not a condition (e.g. >= 5, [1..10], = 5)');
  assert.equal(errorOf(revenue, "abc"), '"abc" is not a number');
  assert.equal(
    errorOf(revenue, "1,000"),
    '"1,000" is not a number',
    "commas are not thousands separators here",
  );
});

test("dates: absolute comparisons and ranges, 'within N years' (both ends included) and 'over N years'", () => {
  assert.deepEqual(cond(founded, ">= 2020-01-01"), {
    k: "cmp",
    op: ">=",
    v: dayNumber("2020-01-01"),
    text: "2020-01-01",
  });
  assert.deepEqual(cond(founded, "within 3 years"), { k: "within", years: 3 });
  assert.deepEqual(cond(founded, "within 1 year"), { k: "within", years: 1 });
  assert.deepEqual(cond(founded, "over 5 years"), { k: "over", years: 5 });
  assert.equal(holds(founded, "within 3 years", "2022-06-30"), true, "three years back, the day included");
  assert.equal(holds(founded, "within 3 years", "2022-06-29"), false);
  assert.equal(holds(founded, "within 3 years", "2025-06-30"), true, "the evaluation date included");
  assert.equal(holds(founded, "within 3 years", "2025-07-01"), false, "a date after the evaluation date");
  assert.equal(holds(founded, "over 3 years", "2022-06-29"), true);
  assert.equal(holds(founded, "over 3 years", "2022-06-30"), false);
  assert.equal(holds(founded, "[2020-01-01..2020-12-31]", "2020-12-31"), true);
  assert.equal(errorOf(founded, "within 0 years"), "the number of years must be at least 1");
  assert.equal(errorOf(founded, "2020-13-01"), '"2020-13-01" is not a date (yyyy-mm-dd)');
  assert.equal(errorOf(founded, "2020/01/01"), '"2020/01/01" is not a date (yyyy-mm-dd)');
  assert.equal(
    errorOf(founded, "within 3 months"),
    '"within 3 months" is not a condition (e.g. >= 5, [1..10], within 3 years)',
  );
  assert.equal(
    errorOf(revenue, "within 3 years"),
    '"within 3 years" is not a condition (e.g. >= 5, [1..10], = 5)',
    "relative dates only for dates",
  );
});

test("enums: lists with English or Chinese separators, negation with not(…); unknown values name the allowed ones", () => {
  assert.deepEqual(cond(size, "small, micro"), { k: "in", values: ["small", "micro"], negate: false });
  assert.deepEqual(cond(size, "small，micro"), { k: "in", values: ["small", "micro"], negate: false });
  assert.deepEqual(cond(size, "small、micro"), { k: "in", values: ["small", "micro"], negate: false });
  assert.deepEqual(cond(size, '"small"'), { k: "in", values: ["small"], negate: false });
  assert.deepEqual(cond(size, "not(large, medium)"), { k: "in", values: ["large", "medium"], negate: true });
  assert.equal(holds(size, "not(large, medium)", "small"), true);
  assert.equal(holds(size, "not(large, medium)", "large"), false);
  assert.equal(errorOf(size, "huge"), '"huge" is not one of large, medium, small, micro');
  assert.equal(
    errorOf(size, "小型"),
    '"小型" is not one of large, medium, small, micro',
    "labels are not values",
  );
  assert.equal(errorOf(size, ">= small"), '">= small" is not one of large, medium, small, micro');
  assert.equal(errorOf(size, "not()"), "the list is empty");
  assert.equal(errorOf(size, ", ,"), "the list is empty");
});

test("regions and industries match by code prefix; malformed codes are named", () => {
  assert.equal(holds(region, "2101", "210102"), true, "2101 is all of Shenyang");
  assert.equal(holds(region, "2101", "210202"), false);
  assert.equal(holds(region, "2101, 2102", "210202"), true);
  assert.equal(holds(region, "not(2101)", "210102"), false);
  assert.equal(holds(region, "not(2101)", "210202"), true);
  assert.equal(holds(region, "21", "211302"), true, "a province prefix");
  assert.equal(errorOf(region, "21011"), '"21011" is not a GB/T 2260 region code (2, 4 or 6 digits)');
  assert.equal(errorOf(region, "沈阳"), '"沈阳" is not a GB/T 2260 region code (2, 4 or 6 digits)');
  assert.equal(holds(industry, "C", "C39"), true, "C is all of manufacturing");
  assert.equal(holds(industry, "C39", "C391"), true);
  assert.equal(holds(industry, "C39", "C40"), false);
  assert.equal(holds(industry, "not(C, F)", "I65"), true);
  assert.ok(errorOf(industry, "Z").length > 0);
});

test("booleans: true/false and 是/否 only", () => {
  assert.deepEqual(cond(highTech, "true"), { k: "bool", v: true });
  assert.deepEqual(cond(highTech, "是"), { k: "bool", v: true });
  assert.deepEqual(cond(highTech, "否"), { k: "bool", v: false });
  assert.equal(holds(highTech, "是", true), true);
  assert.equal(holds(highTech, "是", false), false);
  assert.equal(holds(highTech, "是", null), null);
  assert.equal(errorOf(highTech, "yes"), '"yes" is not true/false');
  assert.equal(errorOf(highTech, "TRUE"), '"TRUE" is not true/false');
});

test("values from clients are read in their proper type; unreadable ones are unknown, never a guess", () => {
  assert.equal(normalizeValue(revenue, "6.2"), 6.2);
  assert.equal(normalizeValue(revenue, "six"), null);
  assert.equal(normalizeValue(region, 210102), "210102");
  assert.equal(normalizeValue(highTech, "false"), false);
  assert.equal(normalizeValue(highTech, "否"), null);
  assert.ok(Number.isNaN(encodeValue(size, "huge")));
  assert.equal(encodeValue(region, "2101"), 210100);
  assert.ok(Number.isNaN(encodeValue(region, "2101x")));
});

test("overlap of two cells of one column: disjoint ranges and lists do not meet, touching closed ends do", () => {
  const meet = (d: AttrDef, a: string, b: string) =>
    domainsMeet(condDomain(d, cond(d, a)), condDomain(d, cond(d, b)));
  assert.equal(meet(revenue, "[0..10)", ">= 10"), false);
  assert.equal(meet(revenue, "[0..10]", ">= 10"), true);
  assert.equal(meet(revenue, "< 5", "> 5"), false);
  assert.equal(meet(size, "small", "micro"), false);
  assert.equal(meet(size, "not(small)", "small"), false);
  assert.equal(meet(region, "2101", "210102"), true);
  assert.equal(meet(region, "2101", "2102"), false);
  assert.equal(
    meet(founded, "within 3 years", ">= 2024-01-01"),
    true,
    "relative against absolute: assumed to meet",
  );
});

test("a table with bad cells names each cell by rule and column, with the attribute", () => {
  const t: DecisionTable = {
    title: "t",
    issuingDepartmentId: "p-science",
    legalBasis: "x",
    effectiveFrom: "2024-01-01",
    effectiveTo: null,
    hitPolicy: "FIRST",
    inputs: [{ attribute: "revenue" }, { attribute: "sizeClass" }],
    rules: [
      { when: ["> 1 < 5", "small"], eligible: true, amount: "1" },
      { when: [">= 5", "huge"], eligible: true, amount: "1" },
    ],
  };
  assert.deepEqual(checkTable(t).problems, [
    {
      field: "rules[0].when[0]",
      message: 'rule 1, column revenue: "> 1 < 5" is not a condition (e.g. >= 5, [1..10], = 5)',
    },
    {
      field: "rules[1].when[1]",
      message: 'rule 2, column sizeClass: "huge" is not one of large, medium, small, micro',
    },
  ]);
});
