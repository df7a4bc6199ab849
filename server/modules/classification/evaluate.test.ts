import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeMetrics, crossValidate, dedupSamples, percentile, stratifiedFolds } from "./evaluate.ts";
import { syntheticSamples } from "./test-fixtures.ts";

describe("dedupSamples", () => {
  it("keeps one of identical normalised texts, with the most frequent label", () => {
    const r = dedupSamples([
      { text: "路灯坏了", label: "a" },
      { text: " 路燈壞了 ", label: "b" },
      { text: "<b>路灯坏了</b>", label: "b" },
      { text: "噪音", label: "c" },
    ]);
    assert.equal(r.samples.length, 2);
    assert.equal(r.duplicates, 2);
    assert.equal(r.conflicting, 1);
    assert.deepEqual(r.samples[0], { text: "路灯坏了", label: "b" });
  });
});

describe("stratifiedFolds", () => {
  it("spreads each class evenly and sets aside classes smaller than the fold count", () => {
    const labels = [...Array(23).fill("big"), ...Array(10).fill("mid"), "tiny", "tiny"];
    const { fold, tooSmall } = stratifiedFolds(labels, 5, 1);
    assert.deepEqual(tooSmall, [{ label: "tiny", count: 2 }]);
    assert.equal(fold[33], -1);
    assert.equal(fold[34], -1);
    for (const label of ["big", "mid"]) {
      const perFold = [0, 0, 0, 0, 0];
      labels.forEach((l, i) => {
        if (l === label) perFold[fold[i]!]! += 1;
      });
      assert.ok(Math.max(...perFold) - Math.min(...perFold) <= 1, `${label}: ${perFold}`);
    }
    assert.deepEqual(stratifiedFolds(labels, 5, 1), { fold, tooSmall });
  });

  it("rejects fewer than two folds", () => {
    assert.throws(() => stratifiedFolds(["a", "b"], 1), /folds/);
  });
});

describe("computeMetrics", () => {
  it("computes accuracy, per-class P/R/F1, macro-F1 and the confusion matrix", () => {
    const truth = ["a", "a", "a", "b", "b", "c"];
    const pred = ["a", "a", "b", "b", "b", null];
    const m = computeMetrics(truth, pred);
    assert.equal(m.accuracy, 4 / 6);
    const [a, b, c] = m.perClass;
    assert.deepEqual([a!.precision, a!.recall], [1, 2 / 3]);
    assert.deepEqual([b!.precision, b!.recall], [2 / 3, 1]);
    assert.equal(c!.f1, 0);
    assert.ok(Math.abs(m.macroF1 - (0.8 + 0.8 + 0) / 3) < 1e-12);
    assert.deepEqual(m.confusion, [
      [2, 1, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 0, 1],
    ]);
  });

  it("percentile picks the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(xs, 50), 50);
    assert.equal(percentile(xs, 99), 99);
    assert.equal(percentile([], 99), 0);
  });
});

describe("crossValidate", () => {
  it("scores synthetic topics well and reports a one-member class instead of failing", async () => {
    const samples = [
      ...syntheticSamples(12),
      { text: "这是一个只出现一次的类别", label: "singleton" },
      // An exact duplicate (after normalisation) is dropped before splitting.
      { text: "这是一个只出现一次的類別", label: "singleton" },
    ];
    const r = await crossValidate(samples, { folds: 3, seed: 2 });
    assert.equal(r.duplicates, 1);
    assert.deepEqual(r.tooSmall, [{ label: "singleton", count: 1 }]);
    assert.equal(r.n, 48);
    assert.equal(r.labels.length, 4);
    assert.ok(r.macroF1 > 0.9, `macro-F1 ${r.macroF1}`);
    assert.ok(r.predictP99Ms >= r.predictP50Ms && r.predictP50Ms > 0);
    assert.ok(r.trainSeconds > 0);
  });
});
