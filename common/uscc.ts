/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: the 18-character identifier
 * of every enterprise and organisation in mainland China. The last character is a check character
 * computed over the first 17 with the weights 3^i mod 31 in a 31-symbol alphabet that leaves out
 * I, O, Z, S and V.
 *
 * The canonical form is upper case; use {@link normalizeUscc} on what a person typed before
 * validating it.
 */

/** The 31 symbols of the code, in value order (value = index). */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Weights of positions 1 to 17 (3^i mod 31). */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/** Length of a code. */
const USCC_LENGTH = 18;

const VALUES: ReadonlyMap<string, number> = new Map([...USCC_ALPHABET].map((ch, i) => [ch, i]));

/**
 * Computes the check character (18th) for the first 17 characters of a code.
 * Throws a RangeError when the input is not exactly 17 characters of the alphabet.
 */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1) {
    throw new RangeError(`expected ${USCC_LENGTH - 1} characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const ch = first17.charAt(i);
    const value = VALUES.get(ch);
    if (value === undefined) {
      throw new RangeError(`character ${i + 1} '${ch}' is not in the code alphabet`);
    }
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

/**
 * Says what is wrong with a code, in one English sentence, or null when it is valid.
 * Positions are counted from 1. Lower case is reported as wrong: the canonical form is upper case.
 */
export function usccProblem(s: string): string | null {
  if (s.length !== USCC_LENGTH) {
    return `a unified social credit code has ${USCC_LENGTH} characters, this one has ${s.length}`;
  }
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (VALUES.has(ch)) continue;
    if (VALUES.has(ch.toUpperCase())) {
      return `character ${i + 1} '${ch}' must be upper case ('${ch.toUpperCase()}')`;
    }
    return `character ${i + 1} '${ch}' is not allowed (only digits and the letters ${USCC_ALPHABET.slice(10)})`;
  }
  const expected = computeUsccCheckChar(s.slice(0, USCC_LENGTH - 1));
  const actual = s.charAt(USCC_LENGTH - 1);
  if (expected !== actual) {
    return `check character (18th) should be '${expected}', not '${actual}'`;
  }
  return null;
}

/** True when the string is a well-formed upper-case code with a correct check character. */
export function isValidUscc(s: string): boolean {
  return usccProblem(s) === null;
}

/** Trims whitespace (inside too) and upper-cases, the form to validate and store. */
export function normalizeUscc(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}
