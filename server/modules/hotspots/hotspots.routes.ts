import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { StringEnum } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { APPEAL_STAFF } from "../appeals/appeal.policy.ts";
import { checkDuplicates, findDuplicates } from "./duplicates.ts";
import { getHotspot, listHotspots, superviseHotspot } from "./query-hotspots.ts";

const errors = {
  400: { $ref: "Error#" },
  401: { $ref: "Error#" },
  403: { $ref: "Error#" },
  404: { $ref: "Error#" },
  409: { $ref: "Error#" },
};
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const DuplicateQuery = Type.Object(
  {
    sameDistrict: Type.Optional(
      Type.Boolean({ description: "only the same district (default: the whole city)" }),
    ),
    minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
const RegionCode = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" });
/** Roles that see hot spots: the agents' desk and supervisors (handlers work on their own appeals). */
const HOTSPOT_VIEWERS = ["agent", "supervisor", "admin"] as const;

/** Duplicates at intake (重复诉求 / 并案 candidates) and hot spots (热点 / 小苗头). */
export async function hotspotRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/appeals/:id/duplicates",
    {
      schema: {
        tags: ["duplicates"],
        summary: "Open appeals probably about the same matter (near-duplicates), most similar first",
        params: IdParams,
        querystring: DuplicateQuery,
        response: errors,
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const q = req.query as { sameDistrict?: boolean; minScore?: number; limit?: number };
      return { items: await findDuplicates(ctx, user, (req.params as { id: string }).id, q) };
    },
  );

  app.post(
    "/api/v1/duplicates/check",
    {
      schema: {
        tags: ["duplicates"],
        summary: "Open appeals like a text not yet received (the agent desk, while typing)",
        body: Type.Object(
          {
            title: Type.String({ maxLength: 200 }),
            body: Type.String({ maxLength: 10000 }),
            regionCode: Type.Optional(Type.Union([RegionCode, Type.Null()])),
            address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        querystring: DuplicateQuery,
        response: errors,
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, ["agent", "supervisor", "admin"]);
      const q = req.query as { sameDistrict?: boolean; minScore?: number; limit?: number };
      return { items: await checkDuplicates(ctx, user, req.body as never, q) };
    },
  );

  app.get(
    "/api/v1/hotspots",
    {
      schema: {
        tags: ["hotspots"],
        summary: "Hot spots (热点) ranked by heat, with early warnings (小苗头)",
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: "date-time" })),
            to: Type.Optional(Type.String({ format: "date-time" })),
            regionCode: Type.Optional(RegionCode),
            status: Type.Optional(StringEnum(["open", "supervised", "expired"] as const)),
            warning: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: errors,
      },
    },
    async (req) => {
      await requireUser(ctx, req, [...HOTSPOT_VIEWERS]);
      return { items: await listHotspots(ctx, req.query as never) };
    },
  );

  app.get(
    "/api/v1/hotspots/:id",
    {
      schema: {
        tags: ["hotspots"],
        summary: "One hot spot with its appeals",
        params: IdParams,
        response: errors,
      },
    },
    async (req) => {
      await requireUser(ctx, req, [...HOTSPOT_VIEWERS]);
      return getHotspot(ctx, (req.params as { id: string }).id);
    },
  );

  app.post(
    "/api/v1/hotspots/:id/supervise",
    {
      schema: {
        tags: ["hotspots"],
        summary: "Turn a hot spot into supervised work (督办) for the responsible departments",
        params: IdParams,
        body: Type.Object(
          { note: Type.String({ minLength: 1, maxLength: 800 }) },
          { additionalProperties: false },
        ),
        response: errors,
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, ["supervisor", "admin"]);
      const { note } = req.body as { note: string };
      return superviseHotspot(ctx, user, (req.params as { id: string }).id, note);
    },
  );
}
