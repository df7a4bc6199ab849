import type { Tx } from "../../storage/database.ts";
import { createRouteResolver } from "../directory/seed/routing.ts";

/** Resolves category × region → department by the routing table: longest category, then region prefix. */
export type RouteResolver = (categoryCode: string, regionCode: string) => { departmentId: string } | null;

/** Reads the routing table an admin edits and returns its resolver. */
export async function loadRouteResolver(db: Tx): Promise<RouteResolver> {
  const rows = await db
    .selectFrom("routes")
    .select(["category_code", "region_code", "department_id"])
    .execute();
  return createRouteResolver(
    rows.map((r) => ({
      categoryCode: r.category_code,
      regionCode: r.region_code,
      departmentId: r.department_id,
    })),
  );
}
