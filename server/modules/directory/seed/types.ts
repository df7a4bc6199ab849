/** Level of an administrative division: 1 province, 2 prefecture-level city, 3 district or county. */
export type RegionLevel = 1 | 2 | 3;

/** One GB/T 2260 administrative division of Liaoning, as committed in `liaoning-regions.json`. */
export interface SeedRegion {
  /** "21" for the province, "2101" for a city, "210102" for a district or county. */
  code: string;
  name: string;
  /** The enclosing division; null for the province. */
  parentCode: string | null;
  level: RegionLevel;
}

/** Approximate geographic centre of a prefecture-level city, as committed in `liaoning-city-centres.json`. */
export interface CityCentre {
  /** 4-digit city code, e.g. "2101". */
  code: string;
  name: string;
  /** Latitude in degrees north (WGS-84, approximate). */
  lat: number;
  /** Longitude in degrees east (WGS-84, approximate). */
  lng: number;
}

/** One node of the three-level category taxonomy (事项分类), as committed in `categories.json`. */
export interface SeedCategory {
  /** Two digits per level: "01", "0101", "010101". */
  code: string;
  name: string;
  /** Sub-categories in file order; empty for level 3. */
  children: SeedCategory[];
}

/** A category node flattened out of the tree, with its level, parent and name path. */
export interface FlatCategory {
  code: string;
  name: string;
  parentCode: string | null;
  level: 1 | 2 | 3;
  /** 1-based position among its siblings (the `sort` column). */
  sort: number;
  /** Names from level 1 down to this node, e.g. ["城乡建设", "安全生产"]. */
  path: string[];
}

/** What a seeded department is in the government structure. */
export type DepartmentKind =
  | "province_office"
  | "province_bureau"
  | "city_office"
  | "city_bureau"
  | "utility"
  | "district_government";

/** One handling department (承办单位) seeded on first start. */
export interface SeedDepartment {
  /** Stable readable slug: `p-office`, `p-housing`, `c2101-office`, `c2101-water`, `g210102`. */
  id: string;
  name: string;
  parentId: string | null;
  regionCode: string;
  kind: DepartmentKind;
  /** Category codes (level 2, or level 3 for utilities) this department owns. */
  categoryCodes: string[];
}

/** One row of the routing table: who handles a category in a region. */
export interface SeedRoute {
  categoryCode: string;
  regionCode: string;
  departmentId: string;
  note?: string;
}
