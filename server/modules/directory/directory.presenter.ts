import type { DepartmentDto, RegionDto, RouteDto } from "../../../common/contracts/directory.ts";
import type { Directory, Region } from "./directory-cache.ts";
import type { RouteTarget } from "./routing-table.ts";

/** The department tree: each department under its parent, roots (no parent) at the top. */
export function presentDepartmentTree(directory: Directory): DepartmentDto[] {
  const nodes = new Map<string, DepartmentDto>();
  for (const d of directory.departments.values()) {
    nodes.set(d.id, {
      id: d.id,
      name: d.name,
      regionCode: d.regionCode,
      kind: d.kind,
      categoryCodes: d.categoryCodes,
      disabled: d.disabled,
      children: [],
    });
  }
  const roots: DepartmentDto[] = [];
  for (const d of directory.departments.values()) {
    const n = nodes.get(d.id)!;
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

/** A region with its centre. */
export function presentRegion(r: Region): RegionDto {
  return { code: r.code, name: r.name, level: r.level, lat: r.lat, lng: r.lng };
}

/** A route of the routing table. */
export function presentRoute(r: RouteTarget & { note?: string | null }): RouteDto {
  return {
    categoryCode: r.categoryCode,
    regionCode: r.regionCode,
    departmentId: r.departmentId,
    note: r.note ?? null,
  };
}
