import assert from "node:assert/strict";
import { test } from "node:test";
import type { DecisionTable } from "./decision-table.ts";
import { compilePolicy, evaluateOne } from "./engine.ts";
import { evaluateWithFeel, generateCases, testPolicy } from "./golden.ts";
import { SAMPLE_EVAL_DATE, SAMPLE_POLICIES } from "./samples.ts";
import { checkTable } from "./validate-table.ts";

const compile = (t: DecisionTable) => {
  const { checked, problems } = checkTable(t);
  assert.deepEqual(problems, []);
  return compilePolicy("p", 1, checked!);
};

test("every sample policy validates, passes its officer cases, and the compiled engine agrees with feelin (FEEL) on every generated boundary case", () => {
  assert.ok(SAMPLE_POLICIES.length >= 30);
  let generated = 0;
  for (const s of SAMPLE_POLICIES) {
    const { checked, problems } = checkTable(s.table);
    assert.deepEqual(problems, [], s.id);
    const p = compilePolicy(s.id, 1, checked!);
    const report = testPolicy(p, SAMPLE_EVAL_DATE);
    assert.deepEqual(
      report.officerCases.filter((c) => !c.passed),
      [],
      `${s.id}: officer cases`,
    );
    assert.deepEqual(report.disagreements, [], `${s.id}: engine vs FEEL`);
    assert.ok(report.generatedCases > 3, s.id);
    generated += report.generatedCases;
  }
  assert.ok(generated > 500, `only ${generated} generated cases`);
});

test("the cross-check would catch a wrong engine: FEEL disagrees when the compiled result is tampered with", () => {
  const s = SAMPLE_POLICIES[0]!;
  const p = compile(s.table);
  const cases = generateCases(p.checked, SAMPLE_EVAL_DATE);
  const eligible = cases.find((c) => evaluateOne(p, c.attrs, SAMPLE_EVAL_DATE).status === "eligible")!;
  const feel = evaluateWithFeel(p.checked, eligible.attrs, SAMPLE_EVAL_DATE);
  assert.equal(feel.status, "eligible");
  assert.equal(feel.amount, evaluateOne(p, eligible.attrs, SAMPLE_EVAL_DATE).amount);
  const lower = { ...eligible.attrs, rdRatio: 4.99 };
  assert.equal(evaluateWithFeel(p.checked, lower, SAMPLE_EVAL_DATE).status, "not_eligible");
});

const base: DecisionTable = {
  title: "t",
  issuingDepartmentId: "p-science",
  legalBasis: "x",
  effectiveFrom: "2024-01-01",
  effectiveTo: null,
  hitPolicy: "UNIQUE",
  inputs: [{ attribute: "revenue" }, { attribute: "industryCode" }],
  rules: [
    { when: ["[0..1000000)", "C"], eligible: true, amount: "1000" },
    { when: [">= 1000000", "C"], eligible: true, amount: "revenue / 100" },
  ],
};

test("validation names the rule and column: overlapping UNIQUE rules, unknown attribute, division by zero, negative amount", () => {
  const overlap = checkTable({
    ...base,
    rules: [base.rules[0]!, { ...base.rules[1]!, when: [">= 999999", "C39"] }],
  });
  assert.match(JSON.stringify(overlap.problems), /rules 1 and 2 overlap/);
  assert.equal(overlap.problems[0]?.field, "rules[1]");
  // sets: C39 and F do not meet, so the same revenue ranges are fine
  assert.deepEqual(
    checkTable({ ...base, rules: [base.rules[0]!, { ...base.rules[0]!, when: ["[0..1000000)", "F"] }] })
      .problems,
    [],
  );
  const unknown = checkTable({ ...base, inputs: [{ attribute: "turnover" }, { attribute: "industryCode" }] });
  assert.deepEqual(unknown.problems, [
    { field: "inputs[0].attribute", message: 'unknown attribute "turnover"' },
  ]);
  const div0 = checkTable({
    ...base,
    rules: [base.rules[0]!, { ...base.rules[1]!, amount: "revenue / (2 - 2)" }],
  });
  assert.equal(div0.problems[0]?.field, "rules[1].amount");
  assert.match(div0.problems[0]!.message, /rule 2: the amount formula divides by zero/);
  const always = checkTable({
    ...base,
    rules: [{ ...base.rules[0]!, amount: "revenue - 2000000" }, base.rules[1]!],
  });
  assert.deepEqual(always.problems, [
    { field: "rules[0].amount", message: "rule 1: the amount is always negative" },
  ]);
  const neg = checkTable({
    ...base,
    rules: [{ ...base.rules[0]!, amount: "revenue - 500000" }, base.rules[1]!],
  });
  assert.equal(neg.problems[0]?.field, "rules[0].amount");
  assert.match(neg.problems[0]!.message, /can be negative/);
  // the same formula is fine where the rule's own condition bounds it
  assert.deepEqual(
    checkTable({ ...base, rules: [base.rules[0]!, { ...base.rules[1]!, amount: "revenue - 1000000" }] })
      .problems,
    [],
  );
  const cell = checkTable({
    ...base,
    rules: [{ ...base.rules[0]!, when: ["[10..1]", "C"] }, base.rules[1]!],
  });
  assert.equal(cell.problems[0]?.field, "rules[0].when[0]");
  assert.match(cell.problems[0]!.message, /rule 1, column revenue: the range \[10\.\.1\] is empty/);
  assert.match(
    JSON.stringify(checkTable({ ...base, rules: [{ ...base.rules[0]!, amount: "eval(1)" }] }).problems),
    /unknown function eval/,
  );
});

test("missing data gives needs data naming the attribute, never not eligible; division by zero at run time is an error, not Infinity", () => {
  const p = compile({
    ...base,
    rules: [base.rules[0]!, { ...base.rules[1]!, amount: "revenue / employees" }],
  });
  assert.deepEqual(evaluateOne(p, { industryCode: "C39" }, "2025-03-03").status, "needs_data");
  assert.deepEqual(evaluateOne(p, { industryCode: "C39" }, "2025-03-03").missing, ["revenue"]);
  const r = evaluateOne(p, { industryCode: "C39", revenue: 2_000_000 }, "2025-03-03");
  assert.equal(r.status, "needs_data");
  assert.deepEqual(r.missing, ["employees"]);
  const z = evaluateOne(p, { industryCode: "C39", revenue: 2_000_000, employees: 0 }, "2025-03-03");
  assert.equal(z.status, "error");
  assert.equal(
    evaluateWithFeel(p.checked, { industryCode: "C39", revenue: 2_000_000, employees: 0 }, "2025-03-03")
      .status,
    "error",
  );
  // a known failing condition decides even when another column is missing
  assert.equal(evaluateOne(p, { industryCode: "F51" }, "2025-03-03").status, "not_eligible");
});

test("hit policy ANY: overlapping rules must agree; agreeing ones evaluate like FEEL", () => {
  const any: DecisionTable = {
    ...base,
    hitPolicy: "ANY",
    rules: [
      { when: [">= 1000000", "C"], eligible: true, amount: "20000" },
      { when: [">= 5000000", "C, I"], eligible: true, amount: "20000" },
    ],
  };
  const p = compile(any);
  assert.equal(evaluateOne(p, { revenue: 6_000_000, industryCode: "C39" }, "2025-03-03").amount, 20000);
  const report = testPolicy(p, "2025-03-03");
  assert.deepEqual(report.disagreements, []);
  const differ = checkTable({ ...any, rules: [any.rules[0]!, { ...any.rules[1]!, amount: "30000" }] });
  assert.match(
    differ.problems[0]!.message,
    /rules 1 and 2 overlap with different outputs: under hit policy ANY they must agree/,
  );
});

test("an amount beyond what the ledger holds is an error result, and round's digits are bounded", () => {
  const p = compile({
    ...base,
    rules: [base.rules[0]!, { ...base.rules[1]!, amount: "revenue * revenue * revenue" }],
  });
  const r = evaluateOne(p, { revenue: 1e9, industryCode: "C39" }, "2025-03-03");
  assert.equal(r.status, "error");
  assert.equal(
    evaluateWithFeel(p.checked, { revenue: 1e9, industryCode: "C39" }, "2025-03-03").status,
    "error",
  );
  const bad = checkTable({
    ...base,
    rules: [{ ...base.rules[0]!, amount: "round(revenue, 300)" }, base.rules[1]!],
  });
  assert.match(bad.problems[0]!.message, /round's digits must be a whole number from 0 to 6/);
});
