import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidUscc } from "../../../common/uscc.ts";
import { parseCsv } from "../../platform/csv.ts";
import { mulberry32 } from "../../platform/seeded-random.ts";
import { ATTRIBUTES, industryProblem } from "./attributes.ts";
import { sizeClassOf } from "./size-class.ts";
import { syntheticEnterprise } from "./synthetic.ts";

test("size class follows the 2017 statistical rule per industry group, and is unknown (not guessed) without its indicators", () => {
  // industry: large needs ≥1000 people AND ≥4亿 revenue, otherwise one class down
  assert.equal(sizeClassOf("C39", 1000, 400_000_000), "large");
  assert.equal(sizeClassOf("C39", 1000, 399_990_000), "medium");
  assert.equal(sizeClassOf("C39", 300, 20_000_000), "medium");
  assert.equal(sizeClassOf("C39", 20, 3_000_000), "small");
  assert.equal(sizeClassOf("C39", 19, 300_000_000), "micro");
  // retail: small from 10 people and 100万
  assert.equal(sizeClassOf("F52", 10, 1_000_000), "small");
  assert.equal(sizeClassOf("F52", 9, 1_000_000), "micro");
  // wholesale is not retail: 5 people and 1000万
  assert.equal(sizeClassOf("F51", 5, 10_000_000), "small");
  // software: small from 10 people and 50万
  assert.equal(sizeClassOf("I65", 10, 500_000), "small");
  // agriculture: by revenue only
  assert.equal(sizeClassOf("A01", null, 200_000_000), "large");
  // other: by employees only
  assert.equal(sizeClassOf("O80", 100, null), "medium");
  assert.equal(sizeClassOf("C39", null, 1_000_000), null);
  assert.equal(sizeClassOf(null, 10, 10), null);
});

test("industry codes are checked against GB/T 4754 sections and divisions", () => {
  assert.equal(industryProblem("C39"), null);
  assert.match(industryProblem("C52") ?? "", /division 52 is not in section C/);
  assert.match(industryProblem("Z1") ?? "", /not a GB\/T 4754 industry code/);
});

test("the synthetic registry is labelled, has valid USCCs with the region inside, and derives the size class", () => {
  const rnd = mulberry32(1);
  const seen = new Set<string>();
  for (let i = 1; i <= 2000; i++) {
    const e = syntheticEnterprise(i, rnd, ["210102", "210202"], "2025-03-03");
    assert.ok(isValidUscc(e.uscc), e.uscc);
    assert.equal(e.uscc.slice(2, 8), e.attrs.regionCode);
    assert.match(e.name, /（合成）$/);
    assert.ok(!seen.has(e.uscc));
    seen.add(e.uscc);
    for (const k of Object.keys(e.attrs))
      assert.ok(
        ATTRIBUTES.some((a) => a.key === k),
        k,
      );
    assert.ok(e.attrs.sizeClass !== undefined);
  }
});

test("CSV cells with quotes, commas and CRLF are read as the spreadsheet shows them", () => {
  assert.deepEqual(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n'), [
    ["a", "b"],
    ["x, y", 'say "hi"'],
  ]);
});
