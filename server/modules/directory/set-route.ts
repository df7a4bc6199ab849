import type { RouteInput } from "../../../common/contracts/directory.ts";
import type { AppContext } from "../../app-context.ts";
import { badInput, type FieldProblem } from "../../platform/errors.ts";
import { type Route, RoutingTable } from "./routing-table.ts";

/**
 * Sets who handles a category in a region (admin): each code must be in the catalog (400 naming
 * each unknown field, nothing written); the row is upserted and this process's routing table
 * reloaded (other processes follow within a minute: `routing-table-refresh`).
 */
export async function setRoute(ctx: AppContext, input: RouteInput): Promise<Route> {
  const problems: FieldProblem[] = [];
  if (!ctx.directory.categories.has(input.categoryCode))
    problems.push({ field: "categoryCode", message: `unknown category ${input.categoryCode}` });
  if (!ctx.directory.regions.has(input.regionCode))
    problems.push({ field: "regionCode", message: `unknown region ${input.regionCode}` });
  if (!ctx.directory.departments.has(input.departmentId))
    problems.push({ field: "departmentId", message: `unknown department ${input.departmentId}` });
  if (problems.length) throw badInput("The route has invalid fields.", problems);
  const route: Route = {
    categoryCode: input.categoryCode,
    regionCode: input.regionCode,
    departmentId: input.departmentId,
    note: input.note ?? null,
  };
  await ctx.db
    .insertInto("routes")
    .values({
      category_code: route.categoryCode,
      region_code: route.regionCode,
      department_id: route.departmentId,
      note: route.note,
      updated_at: ctx.clock.now(),
    })
    .onConflict((oc) =>
      oc.columns(["category_code", "region_code"]).doUpdateSet({
        department_id: route.departmentId,
        note: route.note,
        updated_at: ctx.clock.now(),
      }),
    )
    .execute();
  ctx.directory.routes = await RoutingTable.load(ctx.db);
  return route;
}
