/**
 * The one seeded pseudo-random generator (mulberry32) of the code base, and the choice helpers
 * built on it (the demo generator, synthetic enterprises, classifier training and k-fold
 * assignment, the benchmarks' synthetic data). Deterministic: the same seed gives the same
 * sequence on every platform. Not for secrets (use `platform/ids.ts`).
 */

/** A seeded source of random choices. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** The index of one weight, with probability proportional to it (all weights ≥ 0, sum > 0). */
  weightedIndex(weights: readonly number[]): number;
  /** One element of a non-empty array, with probability proportional to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
}

/**
 * The mulberry32 step function over a 32-bit state (the seed is taken modulo 2³²); each call
 * returns the next float in [0, 1).
 * @example const next = mulberry32(42); next(); // 0.6011037519201636, on every machine
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates a generator from any finite number (it is folded into 32 bits). */
export function createRandom(seed: number): Random {
  const folded = Number.isFinite(seed) ? Math.trunc(seed) % 4294967296 : 0;
  const next = mulberry32(folded);
  const weightedIndex = (weights: readonly number[]): number => {
    let total = 0;
    for (const w of weights) total += Math.max(w, 0);
    if (total <= 0) throw new RangeError("weightedIndex needs at least one positive weight");
    let r = next() * total;
    let last = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (w <= 0) continue;
      last = i;
      r -= w;
      if (r < 0) return i;
    }
    return last;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError("pick from an empty array");
      return items[Math.floor(next() * items.length)] as T;
    },
    weightedIndex,
    weighted: <T>(items: readonly T[], weight: (item: T) => number): T => {
      if (items.length === 0) throw new RangeError("weighted pick from an empty array");
      return items[weightedIndex(items.map(weight))] as T;
    },
  };
}
