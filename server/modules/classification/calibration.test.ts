import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mulberry32 } from "../../platform/seeded-random.ts";
import {
  applyTemperature,
  expectedCalibrationError,
  fitTemperature,
  type HeldOut,
  operatingPoint,
  reliabilityOf,
} from "./calibration.ts";

/** Held-out predictions whose labels are drawn from known probabilities, then reported sharpened by 1/T. */
function synthetic(n: number, reportedTemperature: number, seed = 1): HeldOut[] {
  const rnd = mulberry32(seed);
  const K = 4;
  const out: HeldOut[] = [];
  for (let i = 0; i < n; i++) {
    const z = Array.from({ length: K }, () => rnd() * 4);
    const m = Math.max(...z);
    const e = z.map((x) => Math.exp(x - m));
    const s = e.reduce((a, b) => a + b, 0);
    const truthProbs = Float64Array.from(e, (x) => x / s);
    let u = rnd();
    let truth = 0;
    while (truth < K - 1 && u >= truthProbs[truth]!) u -= truthProbs[truth++]!;
    // What a miscalibrated model reports: the true probabilities at temperature 1 / reportedTemperature.
    out.push({ truth, probs: applyTemperature(Float64Array.from(truthProbs), reportedTemperature) });
  }
  return out;
}

const ece = (h: readonly HeldOut[]) =>
  expectedCalibrationError(
    h.map((x) => Math.max(...x.probs)),
    h.map((x) => x.probs.indexOf(Math.max(...x.probs)) === x.truth),
  );

describe("calibration", () => {
  it("gives true probabilities an ECE below 0.03, and over-confident ones a larger one", () => {
    assert.ok(ece(synthetic(6000, 1)) < 0.03, `${ece(synthetic(6000, 1))}`);
    assert.ok(ece(synthetic(6000, 0.4)) > 0.1, `${ece(synthetic(6000, 0.4))}`);
  });

  it("fits the temperature that undoes over-confidence, and the ECE falls below 0.03", () => {
    const sharp = synthetic(6000, 0.4, 3);
    const t = fitTemperature(sharp);
    assert.ok(Math.abs(t - 2.5) < 0.3, `temperature ${t}`);
    const fixed = sharp.map((h) => ({
      truth: h.truth,
      probs: applyTemperature(Float64Array.from(h.probs), t),
    }));
    assert.ok(ece(fixed) < 0.03, `${ece(fixed)}`);
  });

  it("chooses per-label thresholds that reach the asked precision on held-out predictions", () => {
    const h = synthetic(6000, 1, 5);
    const r = reliabilityOf(h, 4);
    for (const label of r.labels) {
      const p = operatingPoint(label, r.total, 0.9);
      if (p.threshold === null) continue;
      assert.ok(p.precision! >= 0.9, `precision ${p.precision}`);
      assert.ok(p.coverageOfLabel > 0 && p.coverageOfLabel <= 1);
      // A lower asked precision never covers less.
      assert.ok(operatingPoint(label, r.total, 0.7).coverageOfLabel >= p.coverageOfLabel);
    }
    assert.equal(operatingPoint({ scores: [], predicted: [], right: [] }, 0, 0.9).threshold, null);
  });
});
