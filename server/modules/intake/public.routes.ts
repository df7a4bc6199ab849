import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { PublicAppealBody, type PublicAppealInput } from "../../../common/contracts/appeals.ts";
import type { AppContext } from "../../app-context.ts";
import { withIdempotency } from "../../http/idempotency.ts";
import { submitPublicAppeal, trackPublicAppeal } from "./public-appeals.ts";

/** The citizens' routes (no login): submit and track. */
export async function publicRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    "/api/v1/public/appeals",
    {
      schema: {
        tags: ["public"],
        summary: "A citizen submits an appeal",
        security: [],
        body: PublicAppealBody,
        response: {
          201: Type.Object({
            ticketNo: Type.String(),
            secret: Type.String(),
            status: Type.String(),
            createdAt: Type.String(),
          }),
          400: { $ref: "Error#" },
          429: { $ref: "Error#" },
        },
      },
    },
    async (req, reply) => {
      const key = req.headers["idempotency-key"];
      const res = await withIdempotency(
        ctx,
        `public:${req.ip}`,
        typeof key === "string" ? key : undefined,
        req.body,
        async (tx) => ({
          status: 201,
          body: await submitPublicAppeal(ctx, req.body as PublicAppealInput, req.ip, tx),
        }),
      );
      return reply.status(res.status as 201).send(res.body);
    },
  );
  app.get(
    "/api/v1/public/appeals/:ticketNo",
    {
      schema: {
        tags: ["public"],
        summary: "Track an appeal by ticket number and secret",
        security: [],
        params: Type.Object({ ticketNo: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ secret: Type.String({ minLength: 1, maxLength: 100 }) }),
      },
    },
    async (req) =>
      trackPublicAppeal(
        ctx,
        (req.params as { ticketNo: string }).ticketNo,
        (req.query as { secret: string }).secret,
      ),
  );
}
