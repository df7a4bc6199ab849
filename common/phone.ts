/**
 * Citizens' telephone numbers in mainland China: mobiles (11 digits, 1[3-9]…) and landlines with
 * their area code (010 and 02X take 8-digit local numbers; 0XXX area codes take 7 or 8 digits).
 * Service numbers (12345, 110, 95xxx…) are not a citizen's number and are refused.
 *
 * Numbers are stored normalized (digits only, no country code); show them with {@link maskPhone}.
 */

/** What kind of number a string is, once normalized. */
export type PhoneKind = "mobile" | "landline";

const MOBILE = /^1[3-9]\d{9}$/;
/** 3-digit area codes (Beijing 010, the 02X cities) with 8-digit local numbers. */
const LANDLINE_3 = /^(010|02\d)([1-9]\d{7})$/;
/** 4-digit area codes (03XX–09XX) with 7- or 8-digit local numbers. */
const LANDLINE_4 = /^(0[3-9]\d{2})([1-9]\d{6,7})$/;

/**
 * Strips what people write around a number: spaces, dashes, dots, brackets, and the country
 * code (+86, 0086, or a bare 86 in front of a mobile). Returns the remaining string; it is not
 * guaranteed to be valid.
 */
export function normalizePhone(s: string): string {
  let t = s.trim().replace(/[\s\-–—.()（）]/g, "");
  if (t.startsWith("+86")) t = t.slice(3);
  else if (t.startsWith("0086")) t = t.slice(4);
  else if (/^861[3-9]\d{9}$/.test(t)) t = t.slice(2);
  return t;
}

/** Splits a normalized landline into area code and local number, or null when it is not one. */
function splitLandline(n: string): { area: string; local: string } | null {
  const m = LANDLINE_3.exec(n) ?? LANDLINE_4.exec(n);
  if (!m) return null;
  return { area: m[1] ?? "", local: m[2] ?? "" };
}

/** The kind of a citizen's number (after normalizing), or null when it is not a valid one. */
export function phoneKind(s: string): PhoneKind | null {
  const n = normalizePhone(s);
  if (MOBILE.test(n)) return "mobile";
  if (splitLandline(n)) return "landline";
  return null;
}

/** True for a mainland mobile or a landline with area code, written with or without separators. */
export function isValidPhone(s: string): boolean {
  return phoneKind(s) !== null;
}

/**
 * Masks a number for display: `138****5678` for a mobile, area code + `****` + last four for a
 * landline (`024****5678`, `0411****8888`). Anything else keeps at most its last four digits, so a
 * malformed number never leaks in full.
 */
export function maskPhone(s: string): string {
  const n = normalizePhone(s);
  if (MOBILE.test(n)) return `${n.slice(0, 3)}****${n.slice(-4)}`;
  const landline = splitLandline(n);
  if (landline) return `${landline.area}****${landline.local.slice(-4)}`;
  return n.length > 6 ? `****${n.slice(-4)}` : "****";
}
