import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { APPEAL_ACTIONS } from "../../../common/appeal-state.ts";
import {
  ActionBodies,
  AppealDto,
  AppealIdParams,
  ContactDto,
  ListAppealsQuery,
  RevealContactQuery,
} from "../../../common/contracts/appeals.ts";
import { errorResponses, Page } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { AppError } from "../../platform/errors.ts";
import { requireUser } from "../users/request-user.ts";
import { APPEAL_STAFF } from "./appeal.policy.ts";
import { presentAppeal } from "./appeal.presenter.ts";
import { findAppeal } from "./appeal.repo.ts";
import { performAction } from "./perform-action.ts";
import { getAppeal, listAppeals, revealContact } from "./query-appeals.ts";

/** Appeals: list, read, act, reveal contact. (Receiving one is intake's: `intake/intake.routes.ts`.) */
export async function appealRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.get(
    "/api/v1/appeals",
    {
      schema: {
        tags: ["appeals"],
        summary: "List appeals",
        querystring: ListAppealsQuery,
        response: { 200: Page(AppealDto), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const page = await listAppeals(ctx, user, req.query);
      return {
        items: page.items.map((rec) => presentAppeal(rec, user, ctx.directory)),
        nextCursor: page.nextCursor,
      };
    },
  );

  r.get(
    "/api/v1/appeals/:id",
    {
      schema: {
        tags: ["appeals"],
        summary: "One appeal with its events and deadlines",
        params: AppealIdParams,
        response: { 200: AppealDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const { rec, events, explanation } = await getAppeal(ctx, user, req.params.id);
      return presentAppeal(rec, user, ctx.directory, { events, deadlineExplanation: explanation });
    },
  );

  r.get(
    "/api/v1/appeals/:id/contact",
    {
      schema: {
        tags: ["appeals"],
        summary: "Reveal the citizen's contact (audited)",
        params: AppealIdParams,
        querystring: RevealContactQuery,
        response: { 200: ContactDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      return revealContact(ctx, user, req.params.id, req.query.purpose);
    },
  );

  for (const action of APPEAL_ACTIONS) {
    r.post(
      `/api/v1/appeals/:id/actions/${action}`,
      {
        schema: {
          tags: ["actions"],
          summary: `Action ${action}`,
          params: AppealIdParams,
          body: ActionBodies[action],
          response: { 200: AppealDto, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const user = await requireUser(ctx, req, APPEAL_STAFF);
        const rec = await performAction(ctx, user, req.params.id, action, req.body);
        return presentAppeal(rec, user, ctx.directory);
      },
    );
  }
  // Unknown actions answer with the list of real ones rather than a bare 404.
  r.post(
    "/api/v1/appeals/:id/actions/:action",
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String(), action: Type.String() }),
        response: errorResponses(401, 404),
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      const { id, action } = req.params;
      if (!(await findAppeal(ctx.db, id)))
        throw new AppError(404, "NOT_FOUND", `appeal ${id} does not exist.`);
      throw new AppError(
        404,
        "UNKNOWN_ACTION",
        `There is no action ${action}; actions are ${APPEAL_ACTIONS.join(", ")}.`,
        [{ field: "action", allowed: APPEAL_ACTIONS }],
      );
    },
  );
}
