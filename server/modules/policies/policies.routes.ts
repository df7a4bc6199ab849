import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../../common/appeal-state.ts";
import { StringEnum } from "../../../common/contracts/shared.ts";
import { normalizeUscc } from "../../../common/uscc.ts";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { isUuid } from "../../platform/ids.ts";
import { RateLimiter } from "../../platform/rate-limiter.ts";
import { DecisionTable } from "./decision-table.ts";
import {
  applyLedgerAction,
  deliverOutbox,
  entitlementEvents,
  explainEntitlement,
  getEntitlement,
  LEDGER_ACTIONS,
  type LedgerAction,
  listLedger,
  publicLookup,
} from "./ledger.ts";
import {
  approveVersion,
  createVersion,
  getPolicy,
  listPolicies,
  POLICY_ID_RE,
  previewVersion,
  publishVersion,
  requireAuthor,
  runTests,
  validateForApi,
} from "./policy-service.ts";

const STAFF: readonly Role[] = ["admin", "policy_officer", "handler", "supervisor"];
const IdParams = Type.Object({ id: Type.String({ pattern: POLICY_ID_RE.source }) });
const VersionParams = Type.Object({
  id: Type.String({ pattern: POLICY_ID_RE.source }),
  version: Type.Integer({ minimum: 1 }),
});
const TableBody = Type.Object({ table: DecisionTable }, { additionalProperties: false });

/** Public lookups per client address (the verification code is short; bound guessing). */
const lookups = new RateLimiter(30, 60 * 60 * 1000);

/** 免申即享: policies (decision tables) from draft to publication, the ledger, the public lookup. */
export async function policyRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/policies",
    { schema: { tags: ["policies"], summary: "Policies with their published and latest versions" } },
    async (req) => {
      await requireUser(ctx, req, STAFF);
      return { items: await listPolicies(ctx.db), nextCursor: null };
    },
  );

  app.get(
    "/api/v1/policies/:id",
    {
      schema: {
        tags: ["policies"],
        summary: "A policy with every version: table, status, test report, preview, approvals",
        params: IdParams,
      },
    },
    async (req) => {
      await requireUser(ctx, req, STAFF);
      return getPolicy(ctx.db, (req.params as { id: string }).id);
    },
  );

  app.post(
    "/api/v1/policies/validate",
    {
      schema: {
        tags: ["policies"],
        summary: "Validate a decision table without saving it (problems name rule and column)",
        body: TableBody,
        response: {
          200: Type.Object({
            valid: Type.Boolean(),
            problems: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
          }),
        },
      },
    },
    async (req) => {
      requireAuthor(await requireUser(ctx, req));
      const problems = validateForApi((req.body as { table: DecisionTable }).table, ctx);
      return {
        valid: problems.length === 0,
        problems: problems.map((p) => ({ field: `body.${p.field}`, message: p.message })),
      };
    },
  );

  app.post(
    "/api/v1/policies/:id/versions",
    {
      schema: {
        tags: ["policies"],
        summary: "Create a new draft version of a policy (the policy itself on its first version)",
        params: IdParams,
        body: TableBody,
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      requireAuthor(user);
      const res = await createVersion(
        ctx,
        user,
        (req.params as { id: string }).id,
        (req.body as { table: DecisionTable }).table,
      );
      return reply.status(201).send(res);
    },
  );

  for (const step of ["test", "preview", "approve", "publish"] as const) {
    app.post(
      `/api/v1/policies/:id/versions/:version/${step}`,
      {
        schema: {
          tags: ["policies"],
          summary: {
            test: "Run the officer's cases and the FEEL cross-check on generated boundary cases",
            preview:
              "Match the registry: eligible count, total amount, difference from the published version",
            approve: "Approve the preview (needs passing tests and a preview)",
            publish: "Publish an approved version: the registry is re-matched and the ledger updated",
          }[step],
          params: VersionParams,
        },
      },
      async (req) => {
        const user = await requireUser(ctx, req);
        requireAuthor(user);
        const { id, version } = req.params as { id: string; version: number };
        switch (step) {
          case "test":
            return runTests(ctx, id, version);
          case "preview":
            return previewVersion(ctx, id, version);
          case "approve":
            return approveVersion(ctx, user, id, version);
          case "publish": {
            const res = await publishVersion(ctx, user, id, version);
            await deliverOutbox(ctx).catch(() => 0);
            return res;
          }
        }
      },
    );
  }

  app.get(
    "/api/v1/entitlements",
    {
      schema: {
        tags: ["entitlements"],
        summary: "The entitlements ledger (handlers see their department's)",
        querystring: Type.Object({
          status: Type.Optional(
            StringEnum(["pending", "confirmed", "disbursed", "rejected", "withdrawn"] as const),
          ),
          policyId: Type.Optional(Type.String({ maxLength: 64 })),
          uscc: Type.Optional(Type.String({ maxLength: 18 })),
          departmentId: Type.Optional(Type.String({ maxLength: 64 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.String({ format: "uuid" })),
        }),
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, STAFF);
      return listLedger(ctx, user, req.query as Parameters<typeof listLedger>[2]);
    },
  );

  app.get(
    "/api/v1/entitlements/:id",
    {
      schema: {
        tags: ["entitlements"],
        summary: "One entitlement, its immutable history and the explanation (per condition, in Chinese)",
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, STAFF);
      const id = (req.params as { id: string }).id;
      if (!isUuid(id)) throw notFound("entitlement", id);
      const view = await getEntitlement(ctx, user, id);
      return {
        ...view,
        events: await entitlementEvents(ctx.db, id),
        explanation: await explainEntitlement(ctx, view),
      };
    },
  );

  app.post(
    "/api/v1/entitlements/actions/:action",
    {
      schema: {
        tags: ["entitlements"],
        summary: "Confirm, reject (with a reason) or disburse entitlements, in bulk and all or nothing",
        params: Type.Object({ action: StringEnum(Object.keys(LEDGER_ACTIONS) as LedgerAction[]) }),
        body: Type.Object(
          {
            items: Type.Array(
              Type.Object(
                { id: Type.String({ format: "uuid" }), version: Type.Optional(Type.Integer({ minimum: 1 })) },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
            reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, ["handler", "admin"]);
      const { action } = req.params as { action: LedgerAction };
      const body = req.body as { items: { id: string; version?: number }[]; reason?: string };
      const items = await applyLedgerAction(ctx, user, action, body.items, body.reason);
      await deliverOutbox(ctx).catch(() => 0);
      return { items };
    },
  );

  app.get(
    "/api/v1/public/enterprises/:uscc/entitlements",
    {
      schema: {
        tags: ["public"],
        summary: "An enterprise looks up its entitlements with its verification code",
        security: [],
        params: Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }) }),
        querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
      },
    },
    async (req) => {
      const now = ctx.clock.now().getTime();
      const wait = lookups.retryAfter(req.ip, now);
      if (wait > 0) {
        throw new AppError(
          429,
          "RATE_LIMITED",
          `Too many lookups from your address. Try again in ${wait} seconds.`,
          [{ retryAfterSeconds: wait }],
        );
      }
      lookups.hit(req.ip, now);
      const uscc = normalizeUscc((req.params as { uscc: string }).uscc);
      const res = await publicLookup(ctx, uscc, (req.query as { code: string }).code);
      if (!res) throw notFound("enterprise with this code", uscc);
      return res;
    },
  );
}
