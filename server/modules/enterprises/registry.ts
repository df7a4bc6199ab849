import type {
  Enterprise,
  EnterpriseListQuery,
  EnterpriseVersion,
} from "../../../common/contracts/enterprises.ts";
import { normalizeUscc, usccProblem } from "../../../common/uscc.ts";
import type { AppContext } from "../../app-context.ts";
import type { Tx } from "../../storage/database.ts";
import { Directory } from "../directory/directory-cache.ts";
import {
  ATTR_BY_KEY,
  ATTRIBUTES,
  type AttrDef,
  type AttrValues,
  dayNumber,
  industryProblem,
} from "./attributes.ts";
import { sizeClassOf } from "./size-class.ts";

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

/** The city (4 digits) an enterprise is filed under. */
export const cityOf = (attrs: AttrValues): string => Directory.cityCode(attrs.regionCode as string | null);

/** An enterprise's stored data (the presenter adds what the user may do with it). */
export type EnterpriseData = Omit<Enterprise, "abilities">;

type EnterpriseRow = {
  city_code: string;
  uscc: string;
  name: string;
  attrs: AttrValues;
  synthetic: boolean;
  version: number;
  updated_at: Date;
};

const COLUMNS = ["city_code", "uscc", "name", "attrs", "synthetic", "version", "updated_at"] as const;

function dataOf(r: EnterpriseRow): EnterpriseData {
  return {
    uscc: r.uscc,
    name: r.name,
    cityCode: r.city_code,
    attrs: r.attrs,
    synthetic: r.synthetic,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Reads one enterprise by USCC (any city). */
export async function findEnterprise(db: Tx, uscc: string): Promise<EnterpriseData | null> {
  const r = await db.selectFrom("enterprises").select(COLUMNS).where("uscc", "=", uscc).executeTakeFirst();
  return r ? dataOf(r as EnterpriseRow) : null;
}

/** Enterprises by USCC, filtered by region prefix (GB/T 2260) and part of the name; keyset pages by USCC. */
export async function listEnterprises(
  db: Tx,
  f: EnterpriseListQuery,
): Promise<{ items: EnterpriseData[]; nextCursor: string | null }> {
  const limit = f.limit ?? 50;
  let q = db.selectFrom("enterprises").select(COLUMNS);
  if (f.regionCode) q = q.where("region_code", "like", `${f.regionCode}%`);
  if (f.q) q = q.where("name", "like", `%${f.q.replace(/[%_\\]/g, "\\$&")}%`);
  if (f.cursor) q = q.where("uscc", ">", f.cursor);
  const rows = await q
    .orderBy("uscc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => dataOf(r as EnterpriseRow)),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.uscc ?? null) : null,
  };
}

/**
 * Stores validated enterprises inside the caller's transaction: a new enterprise gets version 1;
 * a changed one gets the next version, the previous version row is closed (`valid_to`), the new
 * one appended. An unchanged record writes nothing. Returns the USCCs that changed.
 */
export async function saveEnterprises(
  ctx: AppContext,
  tx: Tx,
  records: EnterpriseRecord[],
  who: { source: string; changedBy: string },
): Promise<string[]> {
  const now = ctx.clock.now();
  const changed: string[] = [];
  const CHUNK = 500;
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    const existing = await tx
      .selectFrom("enterprises")
      .select(["city_code", "uscc", "name", "attrs", "version"])
      .where(
        "uscc",
        "in",
        chunk.map((r) => r.uscc),
      )
      .execute();
    const byUscc = new Map(existing.map((e) => [e.uscc, e]));
    const inserts = [];
    const versions = [];
    for (const rec of chunk) {
      const city = cityOf(rec.attrs);
      const old = byUscc.get(rec.uscc);
      if (old && old.name === rec.name && sameAttrs(old.attrs as AttrValues, rec.attrs)) continue;
      const version = (old?.version ?? 0) + 1;
      changed.push(rec.uscc);
      const cols = {
        city_code: city,
        name: rec.name,
        region_code: (rec.attrs.regionCode as string | null) ?? null,
        industry_code: (rec.attrs.industryCode as string | null) ?? null,
        size_class: (rec.attrs.sizeClass as string | null) ?? null,
        attrs: JSON.stringify(rec.attrs),
        synthetic: rec.synthetic,
        version,
        updated_at: now,
      };
      if (old) {
        await tx.updateTable("enterprises").set(cols).where("uscc", "=", rec.uscc).execute();
        await tx
          .updateTable("enterprise_versions")
          .set({ valid_to: now })
          .where("uscc", "=", rec.uscc)
          .where("valid_to", "is", null)
          .execute();
      } else {
        byUscc.set(rec.uscc, { city_code: city, uscc: rec.uscc, name: rec.name, attrs: rec.attrs, version });
        inserts.push({ ...cols, uscc: rec.uscc, lookup_code_hash: null, created_at: now });
      }
      versions.push({
        city_code: city,
        uscc: rec.uscc,
        version,
        name: rec.name,
        attrs: JSON.stringify(rec.attrs),
        valid_from: now,
        valid_to: null,
        source: who.source,
        changed_by: who.changedBy,
      });
    }
    if (inserts.length) await tx.insertInto("enterprises").values(inserts).execute();
    if (versions.length) await tx.insertInto("enterprise_versions").values(versions).execute();
  }
  return changed;
}

function sameAttrs(a: AttrValues, b: AttrValues): boolean {
  for (const def of ATTRIBUTES) if ((a[def.key] ?? null) !== (b[def.key] ?? null)) return false;
  return true;
}

/** The version history of one enterprise, oldest first: what we knew, and when. */
export async function enterpriseHistory(db: Tx, uscc: string): Promise<EnterpriseVersion[]> {
  const rows = await db
    .selectFrom("enterprise_versions")
    .selectAll()
    .where("uscc", "=", uscc)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    name: r.name,
    attrs: r.attrs as AttrValues,
    validFrom: new Date(r.valid_from).toISOString(),
    validTo: r.valid_to ? new Date(r.valid_to).toISOString() : null,
    source: r.source,
    changedBy: r.changed_by,
  }));
}
