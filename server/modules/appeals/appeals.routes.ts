import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { APPEAL_ACTIONS, type AppealAction } from "../../../common/appeal-state.ts";
import {
  ActionBodies,
  AppealDto,
  ListAppealsQuery,
  ReceiveAppealBody,
  type ReceiveAppealInput,
} from "../../../common/contracts/appeals.ts";
import { Page } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { withIdempotency } from "../../http/idempotency.ts";
import { AppError } from "../../platform/errors.ts";
import { receiveAppeal } from "../intake/receive-appeal.ts";
import { requireUser, requireUserOrApiKey } from "../users/request-user.ts";
import { APPEAL_STAFF } from "./appeal.policy.ts";
import { presentAppeal } from "./appeal.presenter.ts";
import { findAppeal } from "./appeal.repo.ts";
import { performAction } from "./perform-action.ts";
import { getAppeal, listAppeals, revealContact } from "./query-appeals.ts";

const errors = {
  400: { $ref: "Error#" },
  401: { $ref: "Error#" },
  403: { $ref: "Error#" },
  404: { $ref: "Error#" },
  409: { $ref: "Error#" },
};
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Appeals: receive, list, read, act, reveal contact. */
export async function appealRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    "/api/v1/appeals",
    {
      schema: {
        tags: ["appeals"],
        summary: "Receive an appeal (受理)",
        body: ReceiveAppealBody,
        headers: Type.Object({ "idempotency-key": Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: AppealDto, ...errors },
      },
    },
    async (req, reply) => {
      const user = await requireUserOrApiKey(ctx, req, ["agent", "admin"]);
      const input = req.body as ReceiveAppealInput;
      const res = await withIdempotency(
        ctx,
        `appeals:${user.id}`,
        req.headers["idempotency-key"] as string | undefined,
        input,
        async (tx) => {
          const rec = await receiveAppeal(
            ctx,
            input,
            { actor: { id: user.id, name: user.name, role: user.role } },
            tx,
          );
          return { status: 201, body: presentAppeal(rec, user, ctx.directory) };
        },
      );
      if (res.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(res.status).send(res.body);
    },
  );

  app.get(
    "/api/v1/appeals",
    {
      schema: {
        tags: ["appeals"],
        summary: "List appeals",
        querystring: ListAppealsQuery,
        response: { 200: Page(AppealDto), ...errors },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const page = await listAppeals(ctx, user, req.query as never);
      return {
        items: page.items.map((r) => presentAppeal(r, user, ctx.directory)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    "/api/v1/appeals/:id",
    {
      schema: {
        tags: ["appeals"],
        summary: "One appeal with its events and deadlines",
        params: IdParams,
        response: { 200: AppealDto, ...errors },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const { rec, events, explanation } = await getAppeal(ctx, user, (req.params as { id: string }).id);
      return presentAppeal(rec, user, ctx.directory, { events, deadlineExplanation: explanation });
    },
  );

  app.get(
    "/api/v1/appeals/:id/contact",
    {
      schema: {
        tags: ["appeals"],
        summary: "Reveal the citizen's contact (audited)",
        params: IdParams,
        querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: {
          200: Type.Object({
            name: Type.Union([Type.String(), Type.Null()]),
            phone: Type.Union([Type.String(), Type.Null()]),
            anonymous: Type.Boolean(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      return revealContact(
        ctx,
        user,
        (req.params as { id: string }).id,
        (req.query as { purpose?: string }).purpose,
      );
    },
  );

  for (const action of APPEAL_ACTIONS) {
    app.post(
      `/api/v1/appeals/:id/actions/${action}`,
      {
        schema: {
          tags: ["actions"],
          summary: `Action ${action}`,
          params: IdParams,
          body: ActionBodies[action],
          response: { 200: AppealDto, ...errors },
        },
      },
      async (req) => {
        const user = await requireUser(ctx, req, APPEAL_STAFF);
        const rec = await performAction(
          ctx,
          user,
          (req.params as { id: string }).id,
          action as AppealAction,
          req.body as never,
        );
        return presentAppeal(rec, user, ctx.directory);
      },
    );
  }
  // Unknown actions answer with the list of real ones rather than a bare 404.
  app.post("/api/v1/appeals/:id/actions/:action", { schema: { hide: true } }, async (req) => {
    await requireUser(ctx, req);
    const { id, action } = req.params as { id: string; action: string };
    if (!(await findAppeal(ctx.db, id))) throw new AppError(404, "NOT_FOUND", `appeal ${id} does not exist.`);
    throw new AppError(
      404,
      "UNKNOWN_ACTION",
      `There is no action ${action}; actions are ${APPEAL_ACTIONS.join(", ")}.`,
      [{ field: "action", allowed: APPEAL_ACTIONS }],
    );
  });
}
