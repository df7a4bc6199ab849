import type { FastifyInstance } from "fastify";
import {
  IdempotencyHeaders,
  PublicAppealBody,
  PublicSubmitted,
  PublicTracked,
  PublicTrackParams,
  PublicTrackQuery,
} from "../../../common/contracts/appeals.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { withIdempotency } from "../../storage/idempotency.ts";
import { submitPublicAppeal, trackPublicAppeal } from "./public-appeals.ts";

/** The citizens' routes (no login): submit and track. */
export async function publicRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/v1/public/appeals",
    {
      schema: {
        tags: ["public"],
        summary: "A citizen submits an appeal",
        security: [],
        body: PublicAppealBody,
        headers: IdempotencyHeaders,
        response: { 201: PublicSubmitted, ...errorResponses(400, 409, 429) },
      },
    },
    async (req, reply) => {
      const res = await withIdempotency(
        ctx,
        `public:${req.ip}`,
        req.headers["idempotency-key"],
        req.body,
        async (tx) => ({ status: 201, body: await submitPublicAppeal(ctx, req.body, req.ip, tx) }),
      );
      return reply.status(201).send(res.body);
    },
  );
  r.get(
    "/api/v1/public/appeals/:ticketNo",
    {
      schema: {
        tags: ["public"],
        summary: "Track an appeal by ticket number and secret",
        security: [],
        params: PublicTrackParams,
        querystring: PublicTrackQuery,
        response: { 200: PublicTracked, ...errorResponses(400, 404) },
      },
    },
    async (req) => trackPublicAppeal(ctx, req.params.ticketNo, req.query.secret),
  );
}
