import type { RouteQuery } from "../../../common/contracts/directory.ts";
import type { AppContext } from "../../app-context.ts";
import type { Route } from "./routing-table.ts";

/**
 * The routing table as stored (not this process's cached copy, so an admin sees every instance's
 * edits at once): one region exactly and categories by prefix, ordered by category then region.
 */
export async function listRoutes(ctx: AppContext, q: RouteQuery): Promise<Route[]> {
  let query = ctx.db.selectFrom("routes").selectAll().orderBy("category_code").orderBy("region_code");
  if (q.regionCode) query = query.where("region_code", "=", q.regionCode);
  if (q.categoryCode) query = query.where("category_code", "like", `${q.categoryCode}%`);
  const rows = await query.execute();
  return rows.map((r) => ({
    categoryCode: r.category_code,
    regionCode: r.region_code,
    departmentId: r.department_id,
    note: r.note,
  }));
}
