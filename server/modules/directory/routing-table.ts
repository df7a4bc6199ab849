/**
 * The routing table (路由表): which department handles a category in a region. Its one home: the
 * lookup rule, the table held in memory (`ctx.directory.routes`), its load from `routes` and its
 * refresh when another instance (or an admin in this one) changed the rows. Dispatch, intake's
 * auto-dispatch (智能分拨), classification's suggestions and the demo seeder all ask it.
 */
import { sql } from "kysely";
import type { Tx } from "../../storage/database.ts";

/** The key and target of a route; the rows of `routes` and the seed's routes both have them. */
export interface RouteTarget {
  categoryCode: string;
  regionCode: string;
  departmentId: string;
}

/** One row of the routing table, with the note an admin may leave on it. */
export interface Route extends RouteTarget {
  note: string | null;
}

/**
 * The lookup rule of the routing table. Among the routes whose category code is a prefix of
 * `categoryCode` (or equal to it) and whose region code is a prefix of `regionCode`, the one with the
 * longest category code wins; among those, the one with the longest region code. So a district
 * "210102" falls back to its city "2101", then to the province "21", and a level-3 route beats a
 * level-2 route whatever their regions. Returns null when no route matches.
 */
export function resolveRoute<T extends RouteTarget>(
  routes: readonly T[],
  categoryCode: string,
  regionCode: string,
): T | null {
  let best: T | null = null;
  for (const route of routes) {
    if (!categoryCode.startsWith(route.categoryCode) || !regionCode.startsWith(route.regionCode)) continue;
    if (
      best === null ||
      route.categoryCode.length > best.categoryCode.length ||
      (route.categoryCode.length === best.categoryCode.length &&
        route.regionCode.length > best.regionCode.length)
    ) {
      best = route;
    }
  }
  return best;
}

/**
 * Indexes routes for repeated lookups with the same rule as {@link resolveRoute}, for codes of two
 * digits per level: tries the category code cut to 6, 4, 2 digits, and for each the region code cut
 * likewise.
 */
export function createRouteResolver<T extends RouteTarget>(
  routes: readonly T[],
): (categoryCode: string, regionCode: string) => T | null {
  const index = new Map(routes.map((r) => [`${r.categoryCode}|${r.regionCode}`, r]));
  return (categoryCode, regionCode) => {
    for (let c = categoryCode.length - (categoryCode.length % 2); c >= 2; c -= 2) {
      for (let g = regionCode.length - (regionCode.length % 2); g >= 2; g -= 2) {
        const hit = index.get(`${categoryCode.slice(0, c)}|${regionCode.slice(0, g)}`);
        if (hit) return hit;
      }
    }
    return null;
  };
}

/**
 * A fingerprint of the `routes` rows (md5 over them in key order, about two thousand rows): any
 * change, from any instance, changes it. `updated_at` alone would not do: two edits within one
 * clock reading (or under a frozen test clock) leave it as it was.
 */
export async function readRoutingStamp(db: Tx): Promise<string> {
  const row = await sql<{ stamp: string }>`
    select md5(coalesce(string_agg(
      concat_ws('|', category_code, region_code, department_id, coalesce(note, '')),
      chr(10) order by category_code, region_code), '')) as stamp
    from routes`.execute(db);
  return row.rows[0]?.stamp ?? "";
}

/** The routing table held in memory: an immutable snapshot, replaced whole by {@link RoutingTable.refresh}. */
export class RoutingTable {
  private readonly resolve: (categoryCode: string, regionCode: string) => Route | null;

  /** @param routes the rows; @param stamp their {@link readRoutingStamp} ("" when not read from the database). */
  constructor(
    readonly routes: readonly Route[] = [],
    readonly stamp: string = "",
  ) {
    this.resolve = createRouteResolver(routes);
  }

  /** Reads the table an admin edits. */
  static async load(db: Tx): Promise<RoutingTable> {
    // The stamp first: a change racing the load then causes one more reload, never a missed one.
    const stamp = await readRoutingStamp(db);
    const rows = await db
      .selectFrom("routes")
      .select(["category_code", "region_code", "department_id", "note"])
      .orderBy("category_code")
      .orderBy("region_code")
      .execute();
    return new RoutingTable(
      rows.map((r) => ({
        categoryCode: r.category_code,
        regionCode: r.region_code,
        departmentId: r.department_id,
        note: r.note,
      })),
      stamp,
    );
  }

  /** The department that handles `categoryCode` in `regionCode` (see {@link resolveRoute}), or null. */
  lookup(categoryCode: string, regionCode: string): Route | null {
    return this.resolve(categoryCode, regionCode);
  }

  /** This table when its rows did not change since it was loaded, else the table read afresh. */
  async refresh(db: Tx): Promise<RoutingTable> {
    return (await readRoutingStamp(db)) === this.stamp ? this : RoutingTable.load(db);
  }
}
