import type { Db, Tx } from "../../storage/database.ts";
import {
  flattenCategories,
  loadCategories,
  loadCityCentres,
  loadRegions,
  seedDepartments,
  seedRoutes,
} from "./seed/index.ts";

async function insertChunks<T>(items: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await write(items.slice(i, i + size));
}

/**
 * Loads the reference data on first start (an empty `regions` table): Liaoning's regions, the
 * category taxonomy, the department tree and the routing table. Returns false when the data was
 * already there. (The SLA module seeds its own data, the calendar and the rules: `seedSlaData`.)
 */
export async function seedReferenceData(db: Db): Promise<boolean> {
  return db.transaction().execute(async (tx: Tx) => {
    const has = await tx.selectFrom("regions").select("code").limit(1).executeTakeFirst();
    if (has) return false;
    const centres = new Map(loadCityCentres().map((c) => [c.code, c]));
    const regions = loadRegions();
    await insertChunks(regions, 500, (chunk) =>
      tx
        .insertInto("regions")
        .values(
          chunk.map((r) => ({
            code: r.code,
            name: r.name,
            parent_code: r.parentCode,
            level: r.level,
            lat: centres.get(r.code)?.lat ?? null,
            lng: centres.get(r.code)?.lng ?? null,
          })),
        )
        .execute(),
    );
    const cats = flattenCategories(loadCategories());
    await insertChunks(cats, 500, (chunk) =>
      tx
        .insertInto("categories")
        .values(
          chunk.map((c) => ({
            code: c.code,
            name: c.name,
            parent_code: c.parentCode,
            level: c.level,
            sort: c.sort,
          })),
        )
        .execute(),
    );
    // Parents before children (the seed lists them top-down), so the foreign key holds row by row.
    await insertChunks(seedDepartments(), 500, (chunk) =>
      tx
        .insertInto("departments")
        .values(
          chunk.map((d) => ({
            id: d.id,
            name: d.name,
            parent_id: d.parentId,
            region_code: d.regionCode,
            kind: d.kind,
            category_codes: d.categoryCodes,
          })),
        )
        .execute(),
    );
    await insertChunks(seedRoutes(), 1000, (chunk) =>
      tx
        .insertInto("routes")
        .values(
          chunk.map((r) => ({
            category_code: r.categoryCode,
            region_code: r.regionCode,
            department_id: r.departmentId,
            note: r.note ?? null,
          })),
        )
        .execute(),
    );
    return true;
  });
}
