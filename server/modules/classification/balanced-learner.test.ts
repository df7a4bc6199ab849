import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { mulberry32 } from "../../platform/seeded-random.ts";
import { trainBalanced, trainBalancedOnFeatures, tuneOffsets } from "./balanced-learner.ts";
import { loadClassifier, trainClassifier } from "./classifier.ts";
import { crossValidate } from "./evaluate.ts";
import { skewedSubset } from "./imbalanced-protocol.ts";
import { trainNaiveBayes } from "./naive-bayes.ts";
import { skewedSyntheticSamples, syntheticSamples } from "./test-fixtures.ts";

describe("the balanced learner on a skewed nine-department set", () => {
  const samples = skewedSyntheticSamples();

  it("recovers every minority class (recall ≥ 0.5) and beats naive Bayes", async () => {
    const ours = await crossValidate(samples, { folds: 4, seed: 2, featureTrainer: trainBalancedOnFeatures });
    for (const c of ours.perClass)
      assert.ok(c.recall >= 0.5, `${c.label} (${c.support}): recall ${c.recall}`);
    const nb = await crossValidate(samples, { folds: 4, seed: 2, trainer: (s) => trainNaiveBayes(s) });
    assert.ok(ours.macroF1 >= nb.macroF1, `ours ${ours.macroF1} vs naive Bayes ${nb.macroF1}`);
    assert.ok(ours.ece !== null && ours.ece < 0.15, `ECE ${ours.ece}`);
  });

  it("records its learner, the inner-CV choice and a calibration, and survives serialisation", () => {
    const model = trainBalanced(samples, { seed: 4 });
    assert.equal(model.info.learner, "balanced-cv");
    assert.ok(model.info.selection && model.info.selection.candidates.length === 3);
    assert.ok(model.info.calibration && model.info.calibration.temperature > 0);
    assert.equal(model.info.calibration.reliability.labels.length, model.labels.length);
    const loaded = loadClassifier(model.serialize());
    assert.deepEqual(loaded.info.calibration, model.info.calibration);
    for (const t of ["小区电梯故障好几天", "工厂废气很臭", "停水了", "随便说说"])
      assert.deepEqual(loaded.predict(t, 3), model.predict(t, 3), t);
  });

  it("is deterministic for a seed", () => {
    const a = trainBalanced(samples.slice(0, 200), { seed: 9 });
    const b = trainBalanced(samples.slice(0, 200), { seed: 9 });
    assert.deepEqual(a.serialize(), b.serialize());
  });
});

describe("models written before the learner was recorded", () => {
  it("load as softmax-sgd, uncalibrated, and predict exactly as before", () => {
    const old = trainClassifier(syntheticSamples(20, 5), { seed: 2 });
    const bytes = old.serialize();
    const body = gunzipSync(bytes.subarray(4));
    const field = Buffer.from(',"learner":"softmax-sgd"');
    const at = body.indexOf(field);
    assert.ok(at > 0);
    body.fill(" ", at, at + field.length);
    const loaded = loadClassifier(new Uint8Array([...bytes.subarray(0, 4), ...gzipSync(body)]));
    assert.equal(loaded.info.learner, "softmax-sgd");
    assert.equal(loaded.info.calibration, undefined);
    for (const t of ["路灯不亮", "半夜施工吵得睡不着", "养老保险", "学位"])
      assert.deepEqual(loaded.predict(t, 4), old.predict(t, 4), t);
  });
});

describe("prior correction offsets", () => {
  it("raise a class the scores never rank first, and leave a well-served set alone", () => {
    const rnd = mulberry32(1);
    // Class 1's members score 0.4 on their own label, class 0 always 0.6: never predicted without an offset.
    const heldOut = Array.from({ length: 60 }, (_, i) => {
      const truth = i % 3 === 0 ? 1 : 0;
      const own = truth === 1 ? 0.4 + rnd() * 0.05 : 0.1;
      return { truth, probs: Float64Array.from([1 - own, own]) };
    });
    const o = tuneOffsets(heldOut, 2);
    assert.ok(o[1]! - o[0]! > 0.4, `offsets ${Array.from(o)}`);
    const clean = [0, 1, 0, 1].map((truth) => ({
      truth,
      probs: Float64Array.from(truth ? [0.1, 0.9] : [0.9, 0.1]),
    }));
    assert.deepEqual(Array.from(tuneOffsets(clean, 2)), [0, 0]);
  });
});

describe("the imbalanced protocol's subsets", () => {
  it("are seeded and skewed: the largest class ≈ 40 %, the two smallest 20–30 letters", () => {
    const pool = skewedSyntheticSamples([400, 400, 300, 300, 300, 300, 300, 300, 300], 1, 0);
    const a = skewedSubset(pool, 5, { size: 800 });
    assert.deepEqual(
      a.map((s) => s.text),
      skewedSubset(pool, 5, { size: 800 }).map((s) => s.text),
    );
    const sizes = new Map<string, number>();
    for (const s of a) sizes.set(s.label, (sizes.get(s.label) ?? 0) + 1);
    const sorted = [...sizes.values()].sort((x, y) => y - x);
    assert.ok(a.length >= 600 && a.length <= 1000, `${a.length}`);
    assert.ok(Math.abs(sorted[0]! / a.length - 0.4) < 0.05, `largest ${sorted[0]} of ${a.length}`);
    for (const n of sorted.slice(-2)) assert.ok(n >= 20 && n <= 30, `smallest ${n}`);
  });
});
