/** Reference data (regions, categories, departments) loaded once per session, with lookups. */

import province from "virtual:province";
import type {
  CategoryNodeDto as CategoryNode,
  CategoryTreeResponse,
  DepartmentDto as DepartmentNode,
  DepartmentTreeResponse,
  RegionListResponse,
} from "../../../common/contracts/directory.ts";
import { cached } from "./api.ts";
import { useApi } from "./use-api.ts";

export interface Option {
  value: string;
  label: string;
  children?: Option[];
}

export interface RefData {
  regions: Option[];
  regionName: Map<string, string>;
  categories: CategoryNode[];
  categoryName: Map<string, string>;
  departments: DepartmentNode[];
  departmentName: Map<string, string>;
}

let loading: Promise<RefData> | null = null;

/** The regions of the province served as cascader options: 14 cities and their districts. */
export async function loadRegions(
  prefix = "/api/v1",
): Promise<{ options: Option[]; names: Map<string, string> }> {
  const cities = await cached<RegionListResponse>(`${prefix}/regions?parent=${province.code}`);
  const names = new Map<string, string>([[province.code, province.name]]);
  const options = await Promise.all(
    cities.items.map(async (c) => {
      names.set(c.code, c.name);
      const d = await cached<RegionListResponse>(`${prefix}/regions?parent=${c.code}`);
      for (const x of d.items) names.set(x.code, x.name);
      return {
        value: c.code,
        label: c.name,
        children: d.items.map((x) => ({ value: x.code, label: x.name })),
      };
    }),
  );
  return { options, names };
}

export function loadRefData(): Promise<RefData> {
  if (loading) return loading;
  loading = (async () => {
    const [regions, cats, deps] = await Promise.all([
      loadRegions(),
      cached<CategoryTreeResponse>("/api/v1/categories"),
      cached<DepartmentTreeResponse>("/api/v1/departments"),
    ]);
    const categoryName = new Map<string, string>();
    const walkC = (n: CategoryNode, path: string[]) => {
      const p = [...path, n.name];
      categoryName.set(n.code, p.join(" › "));
      for (const c of n.children) walkC(c, p);
    };
    for (const c of cats.items) walkC(c, []);
    const departmentName = new Map<string, string>();
    const walkD = (n: DepartmentNode) => {
      departmentName.set(n.id, n.name);
      for (const c of n.children) walkD(c);
    };
    for (const d of deps.items) walkD(d);
    return {
      regions: regions.options,
      regionName: regions.names,
      categories: cats.items,
      categoryName,
      departments: deps.items,
      departmentName,
    };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export function useRefData(): RefData | null {
  return useApi(loadRefData, []).data ?? null;
}

export interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** Category tree for a TreeSelect. */
export function categoryTree(nodes: CategoryNode[]): TreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: `${n.code} ${n.name}`,
    children: categoryTree(n.children),
  }));
}

/** Department tree for a TreeSelect (disabled departments left out). */
export function departmentTree(nodes: DepartmentNode[]): TreeOption[] {
  return nodes
    .filter((n) => !n.disabled)
    .map((n) => ({ value: n.id, title: n.name, children: departmentTree(n.children) }));
}
