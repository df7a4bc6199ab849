import { normalizeUscc, usccProblem } from "../../../common/uscc.ts";
import type { Directory } from "../directory/directory-cache.ts";
import {
  ATTR_BY_KEY,
  ATTRIBUTES,
  type AttrDef,
  type AttrValues,
  dayNumber,
  industryProblem,
} from "./attributes.ts";
import { sizeClassOf } from "./size-class.ts";

/**
 * Validating one enterprise against the controlled attribute list, from typed JSON (the API) or
 * the text of a spreadsheet cell (an import): every problem named by field, values normalised,
 * derived attributes (size class, R&D ratio) computed.
 */

/** What a caller sends for one enterprise: attributes not named are unknown (null). */
export interface EnterpriseInput {
  uscc: string;
  name: string;
  attrs: Record<string, unknown>;
  synthetic?: boolean;
}

/** An enterprise validated and normalised, ready to store. */
export interface EnterpriseRecord {
  uscc: string;
  name: string;
  attrs: AttrValues;
  synthetic: boolean;
}

/** One problem with one field of one enterprise (`field` = attribute key, `uscc` or `name`). */
export interface EnterpriseProblem {
  field: string;
  message: string;
}

const TRUE_WORDS = new Set(["true", "1", "是", "y", "yes", "有"]);
const FALSE_WORDS = new Set(["false", "0", "否", "n", "no", "无"]);

/** Reads one attribute value (typed JSON or the text of a spreadsheet cell); null = unknown. */
export function coerceAttr(
  def: AttrDef,
  raw: unknown,
  dir: Directory,
): { value: string | number | boolean | null } | { error: string } {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === ""))
    return { value: null };
  const text = typeof raw === "string" ? raw.trim() : raw;
  switch (def.type) {
    case "number": {
      const n =
        typeof text === "number"
          ? text
          : typeof text === "string"
            ? Number(text.replace(/[,，\s]/g, ""))
            : NaN;
      if (!Number.isFinite(n)) return { error: `"${String(raw)}" is not a number` };
      if (def.min !== undefined && n < def.min) return { error: `${n} is below the minimum ${def.min}` };
      if (def.max !== undefined && n > def.max) return { error: `${n} is above the maximum ${def.max}` };
      return { value: n };
    }
    case "date": {
      const s = typeof text === "string" ? text.replace(/\//g, "-") : "";
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
      const iso = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : "";
      if (!iso || Number.isNaN(dayNumber(iso)))
        return { error: `"${String(raw)}" is not a date (yyyy-mm-dd)` };
      return { value: iso };
    }
    case "boolean": {
      if (typeof text === "boolean") return { value: text };
      const w = String(text).toLowerCase();
      if (TRUE_WORDS.has(w)) return { value: true };
      if (FALSE_WORDS.has(w)) return { value: false };
      return { error: `"${String(raw)}" is not yes/no (是/否, true/false)` };
    }
    case "enum": {
      const s = String(text);
      if (def.values?.includes(s)) return { value: s };
      const byLabel = Object.entries(def.valueLabels ?? {}).find(([, l]) => l === s);
      if (byLabel) return { value: byLabel[0] };
      return { error: `"${s}" is not one of ${(def.values ?? []).join(", ")}` };
    }
    case "region": {
      const s = String(text);
      if (!dir.regions.has(s)) return { error: `region "${s}" is not a known GB/T 2260 code` };
      return { value: s };
    }
    case "industry": {
      const s = String(text).toUpperCase();
      const p = industryProblem(s);
      return p ? { error: p } : { value: s };
    }
  }
}

/**
 * Validates one enterprise: USCC (GB 32100 check character), name, every attribute of the
 * controlled list. Derives what the registry derives: the size class (national statistical rule)
 * and the R&D ratio when R&D spend and revenue are known and the ratio is not given.
 */
export function validateEnterprise(
  input: EnterpriseInput,
  dir: Directory,
): { record: EnterpriseRecord; problems: EnterpriseProblem[] } {
  const problems: EnterpriseProblem[] = [];
  const uscc = normalizeUscc(String(input.uscc ?? ""));
  const up = usccProblem(uscc);
  if (up) problems.push({ field: "uscc", message: up });
  const name = String(input.name ?? "").trim();
  if (!name) problems.push({ field: "name", message: "is empty" });
  if (name.length > 200) problems.push({ field: "name", message: "is longer than 200 characters" });
  const attrs: AttrValues = {};
  for (const key of Object.keys(input.attrs ?? {})) {
    if (!ATTR_BY_KEY.has(key)) problems.push({ field: key, message: "is not a known attribute" });
  }
  for (const def of ATTRIBUTES) {
    const raw = input.attrs?.[def.key];
    if (def.derived) {
      attrs[def.key] = null;
      continue;
    }
    const r = coerceAttr(def, raw, dir);
    if ("error" in r) problems.push({ field: def.key, message: r.error });
    else attrs[def.key] = r.value;
  }
  if (
    attrs.rdRatio === null &&
    typeof attrs.rdSpend === "number" &&
    typeof attrs.revenue === "number" &&
    attrs.revenue > 0
  ) {
    attrs.rdRatio = Math.round((attrs.rdSpend / attrs.revenue) * 10000) / 100;
  }
  attrs.sizeClass = sizeClassOf(
    (attrs.industryCode as string | null) ?? null,
    (attrs.employees as number | null) ?? null,
    (attrs.revenue as number | null) ?? null,
  );
  return { record: { uscc, name, attrs, synthetic: input.synthetic === true }, problems };
}
