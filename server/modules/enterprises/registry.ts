import type {
  Enterprise,
  EnterpriseListQuery,
  EnterpriseVersion,
} from "../../../common/contracts/enterprises.ts";
import type { AppContext } from "../../app-context.ts";
import { notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import { Directory } from "../directory/directory-cache.ts";
import { ATTRIBUTES, type AttrValues } from "./attributes.ts";
import type { EnterpriseRecord } from "./validate-enterprise.ts";

/**
 * The registry's storage (企业库): `enterprises` (the current version of each) and
 * `enterprise_versions` (every version with its validity period, source and author).
 */

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

/** One enterprise with its version history; 404 for an unknown USCC. */
export async function getEnterpriseDetail(
  db: Tx,
  uscc: string,
): Promise<EnterpriseData & { history: EnterpriseVersion[] }> {
  const e = await findEnterprise(db, uscc);
  if (!e) throw notFound("enterprise", uscc);
  return { ...e, history: await enterpriseHistory(db, uscc) };
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
