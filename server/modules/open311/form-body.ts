import type { FieldProblem } from "../../platform/errors.ts";

/** A form body as parsed: each key once, or every value of a repeated key. */
export type FormFields = Record<string, string | string[]>;

/** Keys a form may hold at most (a POST has about twenty; this bounds the work on junk). */
const MAX_KEYS = 500;

/**
 * Parses `application/x-www-form-urlencoded` (the standard's POST format) with URLSearchParams:
 * `+` is a space, percent-escapes are UTF-8, repeated keys keep every value in order.
 */
export function parseForm(text: string): FormFields {
  const out: FormFields = Object.create(null);
  let n = 0;
  for (const [k, v] of new URLSearchParams(text)) {
    if (++n > MAX_KEYS)
      throw Object.assign(new Error(`The form has more than ${MAX_KEYS} fields.`), { statusCode: 400 });
    const prior = out[k];
    if (prior === undefined) out[k] = v;
    else if (Array.isArray(prior)) prior.push(v);
    else out[k] = [prior, v];
  }
  return out;
}

/** A POST body reduced to what the use case reads: single fields, attributes, shape problems. */
export interface Submission {
  /** Non-empty single values by name (an empty value is the same as no value). */
  fields: Record<string, string>;
  /** `attribute[CODE]=v` and `attribute[CODE][]=v1&attribute[CODE][]=v2`, by code, in order. */
  attributes: Map<string, { values: string[]; multi: boolean }>;
  problems: FieldProblem[];
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;

const scalar = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;

/**
 * Reads a form (or a JSON object with the same keys; JSON may also nest `attribute: { CODE: v }`)
 * into a {@link Submission}. Anything of the wrong shape is a problem naming its key.
 */
export function readSubmission(body: unknown): Submission {
  const sub: Submission = { fields: {}, attributes: new Map(), problems: [] };
  if (body === undefined || body === null || body === "") return sub;
  if (typeof body !== "object" || Array.isArray(body)) {
    sub.problems.push({ field: "body", message: "must be form fields (key=value&…) or a JSON object" });
    return sub;
  }
  const addAttribute = (code: string, field: string, values: unknown[], multi: boolean) => {
    if (!code) {
      sub.problems.push({ field, message: "names no attribute code (use attribute[CODE]=value)" });
      return;
    }
    const strings: string[] = [];
    for (const v of values) {
      const s = scalar(v);
      if (s === null) {
        sub.problems.push({ field, message: "must be a text value" });
        return;
      }
      if (s.trim() !== "") strings.push(s.trim());
    }
    const entry = sub.attributes.get(code) ?? { values: [], multi: false };
    entry.values.push(...strings);
    entry.multi ||= multi || values.length > 1;
    sub.attributes.set(code, entry);
  };
  for (const [key, raw] of Object.entries(body)) {
    if (raw === null || raw === undefined) continue;
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) {
      addAttribute(m[1] ?? "", key, Array.isArray(raw) ? raw : [raw], !!m[2]);
      continue;
    }
    if (key === "attribute" && typeof raw === "object" && !Array.isArray(raw)) {
      for (const [code, v] of Object.entries(raw as Record<string, unknown>)) {
        addAttribute(code, `attribute[${code}]`, Array.isArray(v) ? v : [v], Array.isArray(v));
      }
      continue;
    }
    if (Array.isArray(raw)) {
      sub.problems.push({ field: key, message: "is given more than once" });
      continue;
    }
    const s = scalar(raw);
    if (s === null) {
      sub.problems.push({ field: key, message: "must be a single text value" });
      continue;
    }
    if (s.trim() !== "") sub.fields[key] = s;
  }
  return sub;
}
