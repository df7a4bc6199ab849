import type { BundleDefinition } from "../../../common/contracts/bundles.ts";
import type { Db, Tx } from "../../storage/database.ts";

export interface BundleRow {
  id: string;
  name: string;
  leadDepartmentId: string;
  sample: boolean;
  publishedVersion: number | null;
  updatedAt: string;
}

export interface BundleVersionRow {
  bundleId: string;
  version: number;
  status: "draft" | "published" | "retired";
  definition: BundleDefinition;
  createdAt: string;
  publishedAt: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function listBundleRows(db: Tx): Promise<(BundleRow & { draftVersion: number | null })[]> {
  const rows = await db
    .selectFrom("bundles as b")
    .leftJoin("bundle_versions as d", (j) => j.onRef("d.bundle_id", "=", "b.id").on("d.status", "=", "draft"))
    .select([
      "b.id",
      "b.name",
      "b.lead_department_id",
      "b.sample",
      "b.published_version",
      "b.updated_at",
      "d.version as draft_version",
    ])
    .orderBy("b.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    leadDepartmentId: r.lead_department_id,
    sample: r.sample,
    publishedVersion: r.published_version,
    updatedAt: iso(r.updated_at),
    draftVersion: r.draft_version ?? null,
  }));
}

export async function findBundleRow(db: Tx, id: string, lock = false): Promise<BundleRow | null> {
  let q = db.selectFrom("bundles").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r
    ? {
        id: r.id,
        name: r.name,
        leadDepartmentId: r.lead_department_id,
        sample: r.sample,
        publishedVersion: r.published_version,
        updatedAt: iso(r.updated_at),
      }
    : null;
}

export async function listVersions(db: Tx, id: string): Promise<Omit<BundleVersionRow, "definition">[]> {
  const rows = await db
    .selectFrom("bundle_versions")
    .select(["bundle_id", "version", "status", "created_at", "published_at"])
    .where("bundle_id", "=", id)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    bundleId: r.bundle_id,
    version: r.version,
    status: r.status as BundleVersionRow["status"],
    createdAt: iso(r.created_at),
    publishedAt: r.published_at ? iso(r.published_at) : null,
  }));
}

/** One version; without `version`, the published one. */
export async function findVersion(
  db: Tx,
  id: string,
  version?: number | null,
): Promise<BundleVersionRow | null> {
  let v = version;
  if (v == null) {
    const b = await findBundleRow(db, id);
    if (!b?.publishedVersion) return null;
    v = b.publishedVersion;
  }
  const r = await db
    .selectFrom("bundle_versions")
    .selectAll()
    .where("bundle_id", "=", id)
    .where("version", "=", v)
    .executeTakeFirst();
  if (!r) return null;
  const row: BundleVersionRow = {
    bundleId: r.bundle_id,
    version: r.version,
    status: r.status as BundleVersionRow["status"],
    definition: r.definition as BundleDefinition,
    createdAt: iso(r.created_at),
    publishedAt: r.published_at ? iso(r.published_at) : null,
  };
  return row;
}

/** Definitions of non-draft versions per database (a version's definition never changes once published). */
const definitions = new WeakMap<object, Map<string, BundleDefinition>>();

/**
 * A version's definition, from memory after the first read once the version is published (the
 * form endpoint and every case view read it; which version is published is still asked each time).
 * Keyed by the root database handle (`root`), so two databases in one process never share an
 * entry; read through `db`, the caller's transaction (PGlite has one connection).
 */
export async function definitionOf(
  root: Db,
  db: Tx,
  id: string,
  version: number,
): Promise<BundleDefinition | null> {
  const cache = definitions.get(root) ?? new Map<string, BundleDefinition>();
  definitions.set(root, cache);
  const key = `${id}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const v = await findVersion(db, id, version);
  if (!v) return null;
  if (v.status !== "draft") cache.set(key, v.definition);
  return v.definition;
}
