import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { badField, badInput } from "../../platform/errors.ts";
import { Directory } from "./directory-cache.ts";

/** Catalog and reference data: categories, departments, regions, the routing table, the calendar. */
export async function directoryRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/categories",
    { schema: { tags: ["catalog"], summary: "The category tree" } },
    async (req) => {
      await requireUser(ctx, req);
      return { items: ctx.directory.categoryTree() };
    },
  );

  app.get(
    "/api/v1/departments",
    { schema: { tags: ["catalog"], summary: "The department tree" } },
    async (req) => {
      await requireUser(ctx, req);
      type DepNode = {
        id: string;
        name: string;
        regionCode: string;
        kind: string;
        categoryCodes: string[];
        disabled: boolean;
        children: DepNode[];
      };
      const nodes = new Map<string, DepNode>();
      for (const d of ctx.directory.departments.values()) {
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
      const roots: DepNode[] = [];
      for (const d of ctx.directory.departments.values()) {
        const n = nodes.get(d.id)!;
        const parent = d.parentId ? nodes.get(d.parentId) : undefined;
        if (parent) parent.children.push(n);
        else roots.push(n);
      }
      return { items: roots };
    },
  );

  app.get(
    "/api/v1/regions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Children of a region (21 = Liaoning)",
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })) }),
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return regionChildren(ctx, (req.query as { parent?: string }).parent ?? null);
    },
  );

  app.get(
    "/api/v1/public/regions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Children of a region, for the citizens' portal (no login)",
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })) }),
      },
    },
    async (req) => {
      return regionChildren(ctx, (req.query as { parent?: string }).parent ?? null);
    },
  );

  app.get(
    "/api/v1/routes",
    {
      schema: {
        tags: ["catalog"],
        summary: "The routing table (category × region → department)",
        querystring: Type.Object({
          regionCode: Type.Optional(Type.String({ maxLength: 6 })),
          categoryCode: Type.Optional(Type.String({ maxLength: 6 })),
        }),
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor", "agent"]);
      const { regionCode, categoryCode } = req.query as { regionCode?: string; categoryCode?: string };
      let q = ctx.db.selectFrom("routes").selectAll().orderBy("category_code").orderBy("region_code");
      if (regionCode) q = q.where("region_code", "=", regionCode);
      if (categoryCode) q = q.where("category_code", "like", `${categoryCode}%`);
      const rows = await q.execute();
      return {
        items: rows.map((r) => ({
          categoryCode: r.category_code,
          regionCode: r.region_code,
          departmentId: r.department_id,
          note: r.note,
        })),
      };
    },
  );

  app.put(
    "/api/v1/routes",
    {
      schema: {
        tags: ["catalog"],
        summary: "Set one route (admin)",
        body: Type.Object(
          {
            categoryCode: Type.String({ pattern: "^[0-9]{2,6}$" }),
            regionCode: Type.String({ pattern: "^[0-9]{2,6}$" }),
            departmentId: Type.String({ maxLength: 64 }),
            note: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      const b = req.body as { categoryCode: string; regionCode: string; departmentId: string; note?: string };
      const problems = [];
      if (!ctx.directory.categories.has(b.categoryCode))
        problems.push({ field: "categoryCode", message: `unknown category ${b.categoryCode}` });
      if (!ctx.directory.regions.has(b.regionCode))
        problems.push({ field: "regionCode", message: `unknown region ${b.regionCode}` });
      if (!ctx.directory.departments.has(b.departmentId))
        problems.push({ field: "departmentId", message: `unknown department ${b.departmentId}` });
      if (problems.length) throw badInput("The route has invalid fields.", problems);
      await ctx.db
        .insertInto("routes")
        .values({
          category_code: b.categoryCode,
          region_code: b.regionCode,
          department_id: b.departmentId,
          note: b.note ?? null,
          updated_at: ctx.clock.now(),
        })
        .onConflict((oc) =>
          oc.columns(["category_code", "region_code"]).doUpdateSet({
            department_id: b.departmentId,
            note: b.note ?? null,
            updated_at: ctx.clock.now(),
          }),
        )
        .execute();
      await ctx.routing.reloadRoutes(ctx.db);
      return {
        categoryCode: b.categoryCode,
        regionCode: b.regionCode,
        departmentId: b.departmentId,
        note: b.note ?? null,
      };
    },
  );

  app.get(
    "/api/v1/calendar/:year",
    {
      schema: {
        tags: ["catalog"],
        summary: "Working days, holidays and make-up days of a year",
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      const year = (req.params as { year: number }).year;
      const days = ctx.sla.calendar.year(year);
      return {
        year,
        covered: ctx.sla.calendar.coversYear(year),
        days,
        holidays: days.filter((d) => d.reason === "holiday"),
        makeupWorkdays: days.filter((d) => d.reason === "makeup_workday"),
        workingDays: days.filter((d) => d.working).length,
      };
    },
  );
}

/** Re-reads the catalog after an edit. */
export async function reloadDirectory(ctx: AppContext): Promise<void> {
  ctx.directory = await new Directory().load(ctx.db);
}

/** The children of a region (`null` = the top level), or 400 naming `parent` for an unknown code. */
function regionChildren(ctx: AppContext, parent: string | null) {
  if (parent && !ctx.directory.regions.has(parent)) throw badField("parent", `unknown region code ${parent}`);
  const items = [...ctx.directory.regions.values()]
    .filter((r) => r.parentCode === parent)
    .map((r) => ({ code: r.code, name: r.name, level: r.level, lat: r.lat, lng: r.lng }));
  return { items };
}
