import type { FastifyInstance } from "fastify";
import {
  DuplicateCheckBody,
  DuplicateList,
  DuplicateQuery,
  HotspotDetailDto,
  HotspotIdParams,
  HotspotList,
  HotspotListQuery,
  SuperviseHotspotBody,
  SuperviseHotspotResult,
} from "../../../common/contracts/hotspots.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { APPEAL_STAFF } from "../appeals/appeal.policy.ts";
import { requireUser } from "../users/request-user.ts";
import { checkDuplicates, findDuplicates } from "./duplicates.ts";
import { DUPLICATE_CHECKERS, HOTSPOT_SUPERVISORS, HOTSPOT_VIEWERS } from "./hotspot.policy.ts";
import { getHotspot, listHotspots } from "./query-hotspots.ts";
import { superviseHotspot } from "./supervise-hotspot.ts";

const tags = ["hotspots"];

/** Duplicates at intake (重复诉求 / 并案 candidates) and hot spots (热点 / 小苗头). */
export async function hotspotRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.get(
    "/api/v1/appeals/:id/duplicates",
    {
      schema: {
        tags: ["duplicates"],
        summary: "Open appeals probably about the same matter (near-duplicates), most similar first",
        params: HotspotIdParams,
        querystring: DuplicateQuery,
        response: { 200: DuplicateList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      return { items: await findDuplicates(ctx, user, req.params.id, req.query) };
    },
  );

  r.post(
    "/api/v1/duplicates/check",
    {
      schema: {
        tags: ["duplicates"],
        summary: "Open appeals like a text not yet received (the agent desk, while typing)",
        body: DuplicateCheckBody,
        querystring: DuplicateQuery,
        response: { 200: DuplicateList, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, DUPLICATE_CHECKERS);
      return { items: await checkDuplicates(ctx, user, req.body, req.query) };
    },
  );

  r.get(
    "/api/v1/hotspots",
    {
      schema: {
        tags,
        summary: "Hot spots (热点) ranked by heat, with early warnings (小苗头)",
        querystring: HotspotListQuery,
        response: { 200: HotspotList, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, HOTSPOT_VIEWERS);
      return { items: await listHotspots(ctx, user, req.query) };
    },
  );

  r.get(
    "/api/v1/hotspots/:id",
    {
      schema: {
        tags,
        summary: "One hot spot with its appeals",
        params: HotspotIdParams,
        response: { 200: HotspotDetailDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, HOTSPOT_VIEWERS);
      return getHotspot(ctx, user, req.params.id);
    },
  );

  r.post(
    "/api/v1/hotspots/:id/supervise",
    {
      schema: {
        tags,
        summary: "Turn a hot spot into supervised work (督办) for the responsible departments",
        params: HotspotIdParams,
        body: SuperviseHotspotBody,
        response: { 200: SuperviseHotspotResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, HOTSPOT_SUPERVISORS);
      return superviseHotspot(ctx, user, req.params.id, req.body.note);
    },
  );
}
