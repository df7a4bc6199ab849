import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  computeUsccCheckChar,
  isValidUscc,
  normalizeUscc,
  USCC_ALPHABET,
  USCC_WEIGHTS,
  usccProblem,
} from "./uscc.ts";

/** Codes whose check characters were worked out independently of this module. */
const VALID = [
  "91210102MA0Q1B2C3G",
  "91210200123456789R",
  "12210000000000000A",
  "52210100MA0YXW8H0M",
  "000000000000000000",
  "91350100M000100Y43",
];

describe("unified social credit code", () => {
  it("has a 31-symbol alphabet without I, O, Z, S, V and weights 3^i mod 31", () => {
    assert.equal(USCC_ALPHABET.length, 31);
    for (const ch of "IOZSV") assert.ok(!USCC_ALPHABET.includes(ch));
    assert.deepEqual(
      USCC_WEIGHTS,
      Array.from({ length: 17 }, (_, i) => 3 ** i % 31),
    );
  });

  it("accepts known-valid codes", () => {
    for (const code of VALID) {
      assert.equal(usccProblem(code), null, code);
      assert.equal(isValidUscc(code), true, code);
    }
  });

  it("computes the check character", () => {
    for (const code of VALID) assert.equal(computeUsccCheckChar(code.slice(0, 17)), code.slice(17));
  });

  it("maps a check value of 31 to '0'", () => {
    // All zeros: the sum is 0, 31 - 0 = 31, which wraps to value 0.
    assert.equal(computeUsccCheckChar("00000000000000000"), "0");
  });

  it("rejects every wrong check character and names the expected one", () => {
    const code = "91210102MA0Q1B2C3G";
    for (const ch of USCC_ALPHABET) {
      if (ch === "G") continue;
      const wrong = code.slice(0, 17) + ch;
      assert.equal(isValidUscc(wrong), false, wrong);
      assert.match(usccProblem(wrong) ?? "", /should be 'G'/);
    }
  });

  it("detects a single changed character", () => {
    const code = "91210200123456789R";
    const changed = `${code.slice(0, 10)}4${code.slice(11)}`;
    assert.equal(isValidUscc(changed), false);
  });

  it("reports the length", () => {
    assert.match(usccProblem("91210102MA0Q1B2C3") ?? "", /18 characters, this one has 17/);
    assert.match(usccProblem("") ?? "", /has 0/);
    assert.equal(isValidUscc("91210102MA0Q1B2C3GG"), false);
  });

  it("reports lower case with its position, and accepts it once normalized", () => {
    const lower = "91210102ma0q1b2c3g";
    assert.equal(isValidUscc(lower), false);
    assert.match(usccProblem(lower) ?? "", /character 9 'm' must be upper case/);
    assert.equal(normalizeUscc(` ${lower} `), "91210102MA0Q1B2C3G");
    assert.equal(isValidUscc(normalizeUscc(lower)), true);
  });

  it("reports characters outside the alphabet with their position", () => {
    assert.match(usccProblem("91210102MI0Q1B2C3G") ?? "", /character 10 'I' is not allowed/);
    assert.match(usccProblem("O1210102MA0Q1B2C3G") ?? "", /character 1 'O'/);
    assert.match(usccProblem("9121010２MA0Q1B2C3G") ?? "", /character 8/);
    assert.match(usccProblem("91210102MA0Q1B2C3-") ?? "", /character 18 '-'/);
    assert.equal(isValidUscc("91210102MA0Q1B2C3S"), false);
  });

  it("refuses to compute a check character for bad input", () => {
    assert.throws(() => computeUsccCheckChar("9121"), RangeError);
    assert.throws(() => computeUsccCheckChar("91210102MA0Q1B2CZ"), RangeError);
  });
});
