import type { TSchema } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { UsccParams } from "../../../common/contracts/enterprises.ts";
import {
  ApprovedVersion,
  CreatedVersion,
  EnterpriseEntitlements,
  EntitlementDetail,
  EntitlementIdParams,
  EntitlementPage,
  LedgerActionBody,
  LedgerActionParams,
  LedgerActionResult,
  LedgerQuery,
  PolicyDetail,
  PolicyIdParams,
  PolicyList,
  PolicyVersionParams,
  Preview,
  PublicLookup,
  PublicLookupParams,
  PublicLookupQuery,
  PublishedVersion,
  TableBody,
  TestReport,
  ValidateResult,
} from "../../../common/contracts/policies.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { parseUsccParam } from "../enterprises/index.ts";
import { requireUser } from "../users/request-user.ts";
import { approveVersion } from "./approve-version.ts";
import { createVersion, validateForApi } from "./create-version.ts";
import { enterpriseEntitlements } from "./enterprise-entitlements.ts";
import { LEDGER_ACTORS, LEDGER_READERS } from "./entitlement.policy.ts";
import { applyLedgerAction, getEntitlementDetail, listLedger } from "./ledger.ts";
import { deliverAfterCommit } from "./outbox-delivery.job.ts";
import { requireAuthor } from "./policy.policy.ts";
import { previewVersion } from "./preview-version.ts";
import { lookupEntitlements } from "./public-lookup.ts";
import { publishVersion } from "./publish-version.ts";
import { getPolicy, listPolicies } from "./query-policies.ts";
import { runTests } from "./test-version.ts";

/**
 * 免申即享: policies (decision tables) from draft to publication, the ledger, an enterprise's
 * entitlements, the public lookup. Each route: authorise → use case → the contract's shape
 * (`common/contracts/policies.ts`); the notices a change queued are delivered after it commits.
 */
export async function policyRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = typed(root);

  app.get(
    "/api/v1/policies",
    {
      schema: {
        tags: ["policies"],
        summary: "Policies with their published and latest versions",
        response: { 200: PolicyList, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, LEDGER_READERS);
      return { items: await listPolicies(ctx.db), nextCursor: null };
    },
  );

  app.get(
    "/api/v1/policies/:id",
    {
      schema: {
        tags: ["policies"],
        summary: "A policy with every version: table, status, test report, preview, approvals",
        params: PolicyIdParams,
        response: { 200: PolicyDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, LEDGER_READERS);
      return getPolicy(ctx.db, req.params.id);
    },
  );

  app.post(
    "/api/v1/policies/validate",
    {
      schema: {
        tags: ["policies"],
        summary: "Validate a decision table without saving it (problems name rule and column)",
        body: TableBody,
        response: { 200: ValidateResult, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      requireAuthor(await requireUser(ctx, req));
      const problems = validateForApi(req.body.table, ctx);
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
        params: PolicyIdParams,
        body: TableBody,
        response: { 201: CreatedVersion, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      requireAuthor(user);
      return reply.status(201).send(await createVersion(ctx, user, req.params.id, req.body.table));
    },
  );

  /** The schema of a step of a version's way to publication. */
  const step = <T extends TSchema>(summary: string, ok: T) => ({
    tags: ["policies"],
    summary,
    params: PolicyVersionParams,
    response: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  });

  app.post(
    "/api/v1/policies/:id/versions/:version/test",
    {
      schema: step(
        "Run the officer's cases and the FEEL cross-check on generated boundary cases",
        TestReport,
      ),
    },
    async (req) => {
      requireAuthor(await requireUser(ctx, req));
      return runTests(ctx, req.params.id, req.params.version);
    },
  );

  app.post(
    "/api/v1/policies/:id/versions/:version/preview",
    {
      schema: step(
        "Match the registry: eligible count, total amount, difference from the published version",
        Preview,
      ),
    },
    async (req) => {
      requireAuthor(await requireUser(ctx, req));
      return previewVersion(ctx, req.params.id, req.params.version);
    },
  );

  app.post(
    "/api/v1/policies/:id/versions/:version/approve",
    {
      schema: step(
        "Approve the preview (needs passing tests and a preview; another officer than the drafter)",
        ApprovedVersion,
      ),
    },
    async (req) => {
      const user = await requireUser(ctx, req);
      requireAuthor(user);
      return approveVersion(ctx, user, req.params.id, req.params.version);
    },
  );

  app.post(
    "/api/v1/policies/:id/versions/:version/publish",
    {
      schema: step(
        "Publish an approved version: the registry is re-matched and the ledger updated",
        PublishedVersion,
      ),
    },
    async (req) => {
      const user = await requireUser(ctx, req);
      requireAuthor(user);
      const res = await publishVersion(ctx, user, req.params.id, req.params.version);
      await deliverAfterCommit(ctx);
      return res;
    },
  );

  app.get(
    "/api/v1/entitlements",
    {
      schema: {
        tags: ["entitlements"],
        summary: "The entitlements ledger (handlers see their department's), each row with its abilities",
        querystring: LedgerQuery,
        response: { 200: EntitlementPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, LEDGER_READERS);
      return listLedger(ctx, user, req.query);
    },
  );

  app.get(
    "/api/v1/entitlements/:id",
    {
      schema: {
        tags: ["entitlements"],
        summary: "One entitlement, its immutable history and the explanation (per condition, in Chinese)",
        params: EntitlementIdParams,
        response: { 200: EntitlementDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, LEDGER_READERS);
      return getEntitlementDetail(ctx, user, req.params.id);
    },
  );

  app.post(
    "/api/v1/entitlements/actions/:action",
    {
      schema: {
        tags: ["entitlements"],
        summary: "Confirm, reject (with a reason) or disburse entitlements, in bulk and all or nothing",
        params: LedgerActionParams,
        body: LedgerActionBody,
        response: { 200: LedgerActionResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, LEDGER_ACTORS);
      const items = await applyLedgerAction(ctx, user, req.params.action, req.body.items, req.body.reason);
      await deliverAfterCommit(ctx);
      return { items };
    },
  );

  app.get(
    "/api/v1/enterprises/:uscc/entitlements",
    {
      schema: {
        tags: ["enterprises"],
        summary:
          "What the enterprise is entitled to and why (ledger with explanations; current matches incl. needs-data)",
        params: UsccParams,
        response: { 200: EnterpriseEntitlements, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, LEDGER_READERS);
      return enterpriseEntitlements(ctx, user, parseUsccParam(req.params.uscc));
    },
  );

  app.get(
    "/api/v1/public/enterprises/:uscc/entitlements",
    {
      schema: {
        tags: ["public"],
        summary: "An enterprise looks up its entitlements with its verification code",
        security: [],
        params: PublicLookupParams,
        querystring: PublicLookupQuery,
        response: { 200: PublicLookup, ...errorResponses(400, 404, 429) },
      },
    },
    async (req) => lookupEntitlements(ctx, req.ip, req.params.uscc, req.query.code),
  );
}
