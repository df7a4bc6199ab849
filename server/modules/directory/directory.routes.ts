import type { FastifyInstance } from "fastify";
import {
  CategoryTreeResponse,
  DepartmentTreeResponse,
  RegionListResponse,
  RegionQuery,
  RouteBody,
  RouteDto,
  RouteListResponse,
  RouteQuery,
} from "../../../common/contracts/directory.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { requireUser } from "../users/request-user.ts";
import { presentDepartmentTree, presentRegion, presentRoute } from "./directory.presenter.ts";
import { listRegionChildren } from "./list-regions.ts";
import { listRoutes } from "./list-routes.ts";
import { setRoute } from "./set-route.ts";

/** Catalog and reference data: categories, departments, regions, the routing table. */
export async function directoryRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = typed(fastify);

  app.get(
    "/api/v1/categories",
    {
      schema: {
        tags: ["catalog"],
        summary: "The category tree",
        response: { 200: CategoryTreeResponse, ...errorResponses(401) },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return { items: ctx.directory.categoryTree() };
    },
  );

  app.get(
    "/api/v1/departments",
    {
      schema: {
        tags: ["catalog"],
        summary: "The department tree",
        response: { 200: DepartmentTreeResponse, ...errorResponses(401) },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return { items: presentDepartmentTree(ctx.directory) };
    },
  );

  app.get(
    "/api/v1/regions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Children of a region (21 = Liaoning)",
        querystring: RegionQuery,
        response: { 200: RegionListResponse, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return { items: listRegionChildren(ctx.directory, req.query.parent ?? null).map(presentRegion) };
    },
  );

  app.get(
    "/api/v1/public/regions",
    {
      schema: {
        tags: ["catalog"],
        summary: "Children of a region, for the citizens' portal (no login)",
        querystring: RegionQuery,
        response: { 200: RegionListResponse, ...errorResponses(400) },
      },
    },
    async (req) => ({
      items: listRegionChildren(ctx.directory, req.query.parent ?? null).map(presentRegion),
    }),
  );

  app.get(
    "/api/v1/routes",
    {
      schema: {
        tags: ["catalog"],
        summary: "The routing table (category × region → department)",
        querystring: RouteQuery,
        response: { 200: RouteListResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor", "agent"]);
      return { items: (await listRoutes(ctx, req.query)).map(presentRoute) };
    },
  );

  app.put(
    "/api/v1/routes",
    {
      schema: {
        tags: ["catalog"],
        summary: "Set one route (admin)",
        body: RouteBody,
        response: { 200: RouteDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return presentRoute(await setRoute(ctx, req.body));
    },
  );
}
