import { flattenCategories } from "./categories.ts";
import { PROVINCE_CODE } from "./departments.ts";
import type { SeedCategory, SeedDepartment, SeedRegion, SeedRoute } from "./types.ts";

/** Note on routes of the province, used when no city route matches. */
export const PROVINCE_FALLBACK_NOTE = "省级兜底";

/** Note on routes that send a level-3 category straight to a utility. */
export const UTILITY_NOTE = "公用事业单位直接承办";

function compareRoutes(a: SeedRoute, b: SeedRoute): number {
  if (a.regionCode !== b.regionCode) return a.regionCode < b.regionCode ? -1 : 1;
  return a.categoryCode < b.categoryCode ? -1 : a.categoryCode > b.categoryCode ? 1 : 0;
}

/**
 * Builds the routing table from the departments' owned categories: for the province ("21", the
 * fallback) and for each city (4-digit code), one route per owned category code to the owning
 * department of that region. Level-2 categories are routed to bureaus and offices, and the level-3
 * utility categories to the city's utilities. District governments get no routes.
 *
 * Throws if a region would have two owners for one category, if a route names an unknown category,
 * or if any level-2 category is left without a route in the province or a city.
 * Sorted by region code, then category code.
 */
export function buildRoutingTable(
  categories: readonly SeedCategory[],
  departments: readonly SeedDepartment[],
  regions: readonly SeedRegion[],
): SeedRoute[] {
  const flat = flattenCategories(categories);
  const known = new Map(flat.map((c) => [c.code, c]));
  const routedRegions = regions.filter(
    (r) => r.code === PROVINCE_CODE || (r.level === 2 && r.parentCode === PROVINCE_CODE),
  );
  const routes = new Map<string, SeedRoute>();
  for (const region of routedRegions) {
    for (const department of departments.filter((d) => d.regionCode === region.code)) {
      if (department.kind === "district_government") continue;
      for (const categoryCode of department.categoryCodes) {
        const category = known.get(categoryCode);
        if (!category) throw new Error(`department ${department.id} owns unknown category ${categoryCode}`);
        const key = `${categoryCode}|${region.code}`;
        const existing = routes.get(key);
        if (existing) {
          throw new Error(
            `category ${categoryCode} in region ${region.code} is owned by both ${existing.departmentId} and ${department.id}`,
          );
        }
        const route: SeedRoute = { categoryCode, regionCode: region.code, departmentId: department.id };
        if (region.code === PROVINCE_CODE) route.note = PROVINCE_FALLBACK_NOTE;
        else if (department.kind === "utility") route.note = UTILITY_NOTE;
        routes.set(key, route);
      }
    }
  }
  const level2 = flat.filter((c) => c.level === 2);
  for (const region of routedRegions) {
    const missing = level2.filter((c) => !routes.has(`${c.code}|${region.code}`));
    if (missing.length > 0) {
      throw new Error(
        `region ${region.code} has no route for ${missing.map((c) => `${c.code} ${c.path.join("/")}`).join(", ")}`,
      );
    }
  }
  return [...routes.values()].sort(compareRoutes);
}
