import { PROVINCE } from "../../config/province.ts";
import type { Tx } from "../../storage/database.ts";
import { RoutingTable } from "./routing-table.ts";

/** A department as the rest of the platform sees it. */
export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  regionCode: string;
  kind: string;
  categoryCodes: string[];
  disabled: boolean;
}

export interface Category {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

/** A category with its children, as the catalog API and the demo generator use it. */
export interface CategoryNode {
  code: string;
  name: string;
  children: CategoryNode[];
}

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  lat: number | null;
  lng: number | null;
}

/**
 * The catalog (regions, categories, departments) and the routing table held in memory: a few
 * thousand rows read on every request for validation, permission checks and routing. Reloaded
 * after every catalog edit; the routing table also by the per-process `routing-table-refresh` job.
 */
export class Directory {
  departments = new Map<string, Department>();
  categories = new Map<string, Category>();
  regions = new Map<string, Region>();
  /** Category × region → department (路由表); replaced whole when its rows change. */
  routes = new RoutingTable();
  private children = new Map<string, string[]>();

  /** Reads the catalog from the database. */
  async load(db: Tx): Promise<this> {
    const [deps, cats, regs, routes] = await Promise.all([
      db.selectFrom("departments").selectAll().execute(),
      db.selectFrom("categories").selectAll().orderBy("code").execute(),
      db.selectFrom("regions").selectAll().orderBy("code").execute(),
      RoutingTable.load(db),
    ]);
    this.routes = routes;
    this.departments = new Map(
      deps.map((d) => [
        d.id,
        {
          id: d.id,
          name: d.name,
          parentId: d.parent_id,
          regionCode: d.region_code,
          kind: d.kind,
          categoryCodes: d.category_codes,
          disabled: d.disabled,
        },
      ]),
    );
    this.children = new Map();
    for (const d of this.departments.values()) {
      if (!d.parentId) continue;
      const list = this.children.get(d.parentId) ?? [];
      list.push(d.id);
      this.children.set(d.parentId, list);
    }
    // Ordered by code: a parent's code is a prefix of its children's, so parents come first.
    this.categories = new Map(
      cats.map((c) => [c.code, { code: c.code, name: c.name, parentCode: c.parent_code, level: c.level }]),
    );
    this.regions = new Map(
      regs.map((r) => [
        r.code,
        { code: r.code, name: r.name, parentCode: r.parent_code, level: r.level, lat: r.lat, lng: r.lng },
      ]),
    );
    return this;
  }

  /** The category taxonomy as a tree (categories load ordered by code, so parents come first). */
  categoryTree(): CategoryNode[] {
    const nodes = new Map<string, CategoryNode>();
    const roots: CategoryNode[] = [];
    for (const c of this.categories.values()) {
      const n: CategoryNode = { code: c.code, name: c.name, children: [] };
      nodes.set(c.code, n);
      const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
      if (parent) parent.children.push(n);
      else roots.push(n);
    }
    return roots;
  }

  /** The department and every department below it. */
  subtree(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const d = stack.pop()!;
      out.push(d);
      stack.push(...(this.children.get(d) ?? []));
    }
    return out;
  }

  /** True when `id` is `ancestor` or lies below it. */
  isWithin(id: string, ancestor: string): boolean {
    let cur: string | null | undefined = id;
    for (let guard = 0; cur && guard < 64; guard++) {
      if (cur === ancestor) return true;
      cur = this.departments.get(cur)?.parentId;
    }
    return false;
  }

  /** True for a leaf (level-3) category code: appeals are classified to leaves only. */
  isLeafCategory(code: string): boolean {
    return this.categories.get(code)?.level === 3;
  }

  /** The 4-digit city of a region code ("2100" for the province itself or an unknown place). */
  static cityCode(regionCode: string | null | undefined): string {
    return regionCode && regionCode.length >= 4 ? regionCode.slice(0, 4) : PROVINCE.provinceLevelCity;
  }
}
