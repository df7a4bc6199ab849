import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DEFAULT_FEATURES,
  featuresOfNormalised,
  MASKS,
  MAX_FEATURE_CHARS,
  maskPersonalData,
  normalise,
  stripHtml,
  type TextFeatures,
  textFeatures,
} from "./text-pipeline.ts";

const surfaces = (f: TextFeatures) => Array.from(f.hashes, (_, i) => f.surface(i));

describe("normalise", () => {
  it("folds full-width forms, traditional characters, case and whitespace", () => {
    assert.equal(normalise("  ＡＢＣ１２３\t\n 馬路 燈壞了  "), "abc123 马路 灯坏了");
  });

  it("strips tags, scripts and styles and decodes entities", () => {
    const t = normalise(
      '<p>路灯&nbsp;坏了&amp;没人修</p><script>alert("x")</script><style>p{}</style>&#x4e00;天',
    );
    assert.equal(t, "路灯 坏了&没人修 一天");
    assert.equal(stripHtml("a < b and c > d"), "a < b and c > d");
  });

  it("is idempotent", () => {
    const once = normalise("<b>電話13812345678</b> 郵箱 a.b@example.com 身份证110101199003071234");
    assert.equal(normalise(once), once);
  });

  it("drops an unterminated script to the end rather than keeping its code", () => {
    assert.equal(normalise("投诉<script>var x = 1; 路灯"), "投诉");
  });
});

describe("maskPersonalData", () => {
  const cases: [string, string][] = [
    ["我的手机13812345678请回电", `我的手机 ${MASKS.phone} 请回电`],
    ["电话 +86 138-1234-5678", `电话 ${MASKS.phone} `],
    ["号码138****5678已经打不通", `号码 ${MASKS.phone} 已经打不通`],
    ["座机024-23456789转", `座机 ${MASKS.phone} 转`],
    ["(0411)87654321", ` ${MASKS.phone} `],
    ["联系电话：8765432", `联系电话： ${MASKS.phone} `],
    ["身份证号21010219900307123x", `身份证号 ${MASKS.idNumber} `],
    ["邮箱 zhang.san+1@mail.example.cn 谢谢", `邮箱  ${MASKS.email}  谢谢`],
  ];
  for (const [input, expected] of cases) {
    const squash = (t: string) => t.replace(/\s+/g, " ").trim();
    it(`masks ${input}`, () => assert.equal(squash(maskPersonalData(input)), squash(expected)));
  }

  it("leaves dates, amounts and case numbers alone", () => {
    const s = "2020年1月6日交了1200元，工单号20200106123，金额3.5万";
    assert.equal(maskPersonalData(s), s);
  });

  it("masks before anything else sees the text", () => {
    const t = normalise("手機：13912345678，身份證：110101199003071234，mail: x@y.com");
    assert.doesNotMatch(t, /139|1101011990|x@y/);
    const f = textFeatures("手機：13912345678");
    assert.ok(!surfaces(f).some((s) => s.includes("139")));
  });
});

describe("features", () => {
  it("gives words, word pairs and character n-grams with counts", () => {
    const f = featuresOfNormalised("路灯坏了路灯");
    assert.ok(surfaces(f).includes("路灯"));
    assert.ok(surfaces(f).includes("灯坏了"));
    const lamp = surfaces(f).indexOf("路灯");
    assert.equal(f.counts[lamp], 2);
    assert.equal(new Set(f.hashes).size, f.hashes.length);
  });

  it("can make the same character n-grams from segmented and raw text", () => {
    const opts = { ...DEFAULT_FEATURES, wordPairs: false, joinCjkSpaces: true };
    const grams = (t: string) =>
      surfaces(featuresOfNormalised(t, opts))
        .filter((s) => s.length === 3)
        .sort();
    assert.deepEqual(grams("小区 路灯 坏了"), grams("小区路灯坏了"));
  });

  it("by default stops character n-grams at spaces", () => {
    const grams = surfaces(featuresOfNormalised("小区 路灯")).filter((s) => s.length >= 2);
    assert.ok(grams.includes("路灯"));
    assert.ok(!grams.includes("区路"));
  });

  it("makes Latin words whole-word features only (no single-letter n-grams)", () => {
    const f = surfaces(textFeatures("路灯 broken，电话13812345678"));
    assert.ok(f.includes("broken") && f.includes("phone"));
    assert.ok(!f.some((s) => /^[a-z]{1,3}$/.test(s)), f.join(","));
  });

  it("has no features for text without letters or digits", () => {
    for (const t of ["", "   ", "😀😀🎉", "！？。，……", "<p></p>"])
      assert.equal(textFeatures(t).hashes.length, 0, t);
  });

  it("gives the opening's features once more, apart, and only the opening's", () => {
    const body = "，".repeat(60);
    const withOpening = featuresOfNormalised(`路灯坏了${body}噪音扰民`);
    const without = featuresOfNormalised(`路灯坏了${body}噪音扰民`, { ...DEFAULT_FEATURES, openingChars: 0 });
    const count = (f: TextFeatures, w: string) => surfaces(f).filter((s) => s === w).length;
    // 路灯 is a word and a character bigram: twice in the body, twice more in the opening.
    assert.equal(count(without, "路灯"), 2);
    assert.equal(count(withOpening, "路灯"), 4, "路灯 in the opening: body and opening features");
    assert.equal(count(withOpening, "噪音"), count(without, "噪音"), "噪音 after the opening: body only");
    assert.equal(new Set(withOpening.hashes).size, withOpening.hashes.length);
    const extra = withOpening.hashes.filter((h) => !without.hashes.includes(h));
    assert.equal(extra.length, withOpening.hashes.length - without.hashes.length);
  });

  it(`reads only the first ${MAX_FEATURE_CHARS} characters of a long text, in linear time`, () => {
    const long = "小区路灯坏了很久没人修。".repeat(10_000);
    const t0 = performance.now();
    const f = textFeatures(long);
    assert.ok(performance.now() - t0 < 2000);
    assert.ok(f.counts.reduce((a, b) => a + b, 0) < MAX_FEATURE_CHARS * 6);
  });
});
