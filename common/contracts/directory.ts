/**
 * The directory module's wire contract: the catalog (categories, departments, regions) and the
 * routing table (category × region → department), for `server/modules/directory/directory.routes.ts`.
 */
import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "./shared.ts";

/** A category or region code: two digits per level. */
const Code = Type.String({ pattern: "^[0-9]{2,6}$" });

/** A category with its children (事项分类: three levels, codes two digits per level). */
export const CategoryNodeDto = Type.Recursive(
  (Self) =>
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      children: Type.Array(Self),
    }),
  { $id: "CategoryNode" },
);
export type CategoryNodeDto = Static<typeof CategoryNodeDto>;

/** `GET /api/v1/categories`: the category tree. */
export const CategoryTreeResponse = Type.Object({ items: Type.Array(CategoryNodeDto) });
export type CategoryTreeResponse = Static<typeof CategoryTreeResponse>;

/** A department with the departments below it (承办单位). */
export const DepartmentDto = Type.Recursive(
  (Self) =>
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      regionCode: Type.String(),
      kind: Type.String({
        description: "province_office, city_office, bureau, district_government, utility…",
      }),
      categoryCodes: Type.Array(Type.String(), { description: "categories it owns" }),
      disabled: Type.Boolean(),
      children: Type.Array(Self),
    }),
  { $id: "DepartmentNode" },
);
export type DepartmentDto = Static<typeof DepartmentDto>;

/** `GET /api/v1/departments`: the department tree. */
export const DepartmentTreeResponse = Type.Object({ items: Type.Array(DepartmentDto) });
export type DepartmentTreeResponse = Static<typeof DepartmentTreeResponse>;

/** `?parent=` of the region lists: the children of that region, or the top level when absent. */
export const RegionQuery = Type.Object({ parent: Type.Optional(Code) });
export type RegionQuery = Static<typeof RegionQuery>;

/** A region (GB/T 2260 code) with its approximate centre, when known. */
export const RegionDto = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer({ description: "1 province, 2 city, 3 district or county" }),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
});
export type RegionDto = Static<typeof RegionDto>;

/** `GET /api/v1/regions`, `GET /api/v1/public/regions`. */
export const RegionListResponse = Type.Object({ items: Type.Array(RegionDto) });
export type RegionListResponse = Static<typeof RegionListResponse>;

/** `?regionCode=&categoryCode=` of `GET /api/v1/routes`: one region exactly, categories by prefix. */
export const RouteQuery = Type.Object({
  regionCode: Type.Optional(Type.String({ maxLength: 6 })),
  categoryCode: Type.Optional(Type.String({ maxLength: 6 })),
});
export type RouteQuery = Static<typeof RouteQuery>;

/** `PUT /api/v1/routes`: who handles a category in a region. */
export const RouteBody = Type.Object(
  {
    categoryCode: Code,
    regionCode: Code,
    departmentId: Type.String({ maxLength: 64 }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type RouteInput = Static<typeof RouteBody>;

/** One route of the routing table (路由表). */
export const RouteDto = Type.Object({
  categoryCode: Type.String(),
  regionCode: Type.String(),
  departmentId: Type.String(),
  note: Nullable(Type.String()),
});
export type RouteDto = Static<typeof RouteDto>;

/** `GET /api/v1/routes`. */
export const RouteListResponse = Type.Object({ items: Type.Array(RouteDto) });
export type RouteListResponse = Static<typeof RouteListResponse>;
