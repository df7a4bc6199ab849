import type { FastifyInstance } from "fastify";
import { AppealDto, IdempotencyHeaders, ReceiveAppealBody } from "../../../common/contracts/appeals.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { withIdempotency } from "../../storage/idempotency.ts";
import { presentAppeal } from "../appeals/appeal.presenter.ts";
import { requireUserOrApiKey } from "../users/request-user.ts";
import { receiveAppeal } from "./receive-appeal.ts";

/** Staff intake (受理): an agent or an integration (API key) receives an appeal. */
export async function intakeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/v1/appeals",
    {
      schema: {
        tags: ["appeals"],
        summary: "Receive an appeal (受理)",
        body: ReceiveAppealBody,
        headers: IdempotencyHeaders,
        response: { 201: AppealDto, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const user = await requireUserOrApiKey(ctx, req, ["agent", "admin"]);
      const actor = { id: user.id, name: user.name, role: user.role };
      const res = await withIdempotency(
        ctx,
        `appeals:${user.id}`,
        req.headers["idempotency-key"],
        req.body,
        async (tx) => {
          const rec = await receiveAppeal(ctx, req.body, { actor }, tx);
          return { status: 201, body: presentAppeal(rec, user, ctx.directory) };
        },
      );
      if (res.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send(res.body);
    },
  );
}
