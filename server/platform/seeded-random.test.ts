import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createRandom, mulberry32 } from "./seeded-random.ts";

const take = (next: () => number, n: number) => Array.from({ length: n }, () => next());

describe("mulberry32", () => {
  test("gives the same sequence for a seed on every run and machine (golden values)", () => {
    // Pinned: trained models, the demo data and the benchmarks' corpora depend on this sequence.
    assert.deepEqual(take(mulberry32(42), 3), [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    assert.equal(mulberry32(0)(), 0.26642920868471265);
  });

  test("two generators with one seed agree; different seeds differ", () => {
    assert.deepEqual(take(mulberry32(7), 50), take(mulberry32(7), 50));
    assert.notDeepEqual(take(mulberry32(7), 5), take(mulberry32(8), 5));
  });

  test("the seed is taken modulo 2^32", () => {
    assert.deepEqual(take(mulberry32(-1), 5), take(mulberry32(4294967295), 5));
    assert.deepEqual(take(mulberry32(2 ** 32 + 5), 5), take(mulberry32(5), 5));
  });

  test("values lie in [0, 1) and spread over it", () => {
    const xs = take(mulberry32(123), 10_000);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02, `mean ${mean}`);
    const buckets = new Array(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]++;
    assert.ok(
      buckets.every((b) => b > 850 && b < 1150),
      `buckets ${buckets}`,
    );
  });
});

describe("createRandom", () => {
  test("draws from mulberry32 of the seed", () => {
    assert.deepEqual(take(createRandom(42).next, 3), take(mulberry32(42), 3));
  });

  test("folds a fractional or non-finite seed instead of failing", () => {
    assert.deepEqual(take(createRandom(42.9).next, 3), take(mulberry32(42), 3));
    assert.deepEqual(take(createRandom(Number.NaN).next, 3), take(mulberry32(0), 3));
  });

  test("int(min, max) includes both ends and nothing outside", () => {
    const rng = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
  });

  test("chance(0) never, chance(1) always", () => {
    const rng = createRandom(2);
    for (let i = 0; i < 100; i++) {
      assert.equal(rng.chance(0), false);
      assert.equal(rng.chance(1), true);
    }
  });

  test("pick and weighted refuse an empty array; weightedIndex skips zero weights", () => {
    const rng = createRandom(3);
    assert.throws(() => rng.pick([]), RangeError);
    assert.throws(() => rng.weighted([], () => 1), RangeError);
    assert.throws(() => rng.weightedIndex([0, 0]), RangeError);
    for (let i = 0; i < 200; i++) assert.notEqual(rng.weightedIndex([1, 0, 1]), 1);
    for (let i = 0; i < 50; i++)
      assert.equal(
        rng.weighted(["a", "b"], (x) => (x === "b" ? 1 : 0)),
        "b",
      );
  });

  test("weightedIndex follows the weights", () => {
    const rng = createRandom(4);
    const counts = [0, 0];
    for (let i = 0; i < 10_000; i++) counts[rng.weightedIndex([1, 3])]!++;
    assert.ok(Math.abs(counts[1]! / 10_000 - 0.75) < 0.02, `counts ${counts}`);
  });
});
