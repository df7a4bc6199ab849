import type { FastifyInstance } from "fastify";
import {
  BundleCaseDto,
  CaseActionBody,
  CaseIdParams,
  CaseNoParams,
  IdempotencyHeaders,
  ListCasesQuery,
  PublicCaseDto,
  PublicCaseQuery,
  StartCaseBody,
  StartedCaseDto,
  SubcaseActionBody,
  SubcaseParams,
} from "../../../common/contracts/bundles.ts";
import { errorResponses, Page } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { withIdempotency } from "../../storage/idempotency.ts";
import { CASE_STAFF } from "../cases/index.ts";
import { requireUser } from "../users/request-user.ts";
import { actOnCase } from "./act-on-case.ts";
import { CASE_STARTERS } from "./bundle.policy.ts";
import { getBundleCase, listBundleCases, presentCaseFor, trackBundleCase } from "./query-bundle-cases.ts";
import { startBundleCase } from "./start-bundle-case.ts";

/** Bundle cases: start, list, read, act on the case and its sub-cases; the applicant's tracking. */
export async function bundleCaseRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/v1/bundle-cases",
    {
      schema: {
        tags: ["bundle-cases"],
        summary: "Start a bundle case (一次申请); 201 with the case and its tracking secret (shown once)",
        headers: IdempotencyHeaders,
        body: StartCaseBody,
        response: { 201: StartedCaseDto, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, CASE_STARTERS);
      const res = await withIdempotency(
        ctx,
        `bundle-cases:${user.id}`,
        req.headers["idempotency-key"],
        req.body,
        async (tx) => {
          const { rec, secret } = await startBundleCase(ctx, tx, user, req.body);
          return { status: 201, body: { ...(await presentCaseFor(ctx, tx, user, rec)), secret } };
        },
      );
      if (res.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send(res.body);
    },
  );

  r.get(
    "/api/v1/bundle-cases",
    {
      schema: {
        tags: ["bundle-cases"],
        summary: "List bundle cases (a handler: those with a sub-case of its department)",
        querystring: ListCasesQuery,
        response: { 200: Page(BundleCaseDto), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, CASE_STAFF);
      return listBundleCases(ctx, user, req.query);
    },
  );

  r.get(
    "/api/v1/bundle-cases/:id",
    {
      schema: {
        tags: ["bundle-cases"],
        summary: "One bundle case with its sub-cases, clocks, history and abilities",
        params: CaseIdParams,
        response: { 200: BundleCaseDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, CASE_STAFF);
      return getBundleCase(ctx, user, req.params.id);
    },
  );

  r.post(
    "/api/v1/bundle-cases/:id/actions",
    {
      schema: {
        tags: ["bundle-cases"],
        summary: "An action on the case: accept (容缺: tolerateMissing), reject, supply-materials, withdraw",
        params: CaseIdParams,
        headers: IdempotencyHeaders,
        body: CaseActionBody,
        response: { 200: BundleCaseDto, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, CASE_STAFF);
      const { action, version, ...input } = req.body;
      const res = await actOnCase(ctx, user, {
        scope: `bundle-case-actions:${user.id}:${req.params.id}`,
        key: req.headers["idempotency-key"],
        body: req.body,
        caseId: req.params.id,
        request: { target: "case", action, version, input },
      });
      if (res.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(200).send(res.body);
    },
  );

  r.post(
    "/api/v1/bundle-cases/:id/subcases/:sid/actions",
    {
      schema: {
        tags: ["bundle-cases"],
        summary:
          "An action on a sub-case by its department: accept, request-correction, supply-correction, suspend, resume, approve, refuse, issue-result",
        params: SubcaseParams,
        headers: IdempotencyHeaders,
        body: SubcaseActionBody,
        response: { 200: BundleCaseDto, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, CASE_STAFF);
      const { action, version, ...input } = req.body;
      const res = await actOnCase(ctx, user, {
        scope: `bundle-subcase-actions:${user.id}:${req.params.id}:${req.params.sid}`,
        key: req.headers["idempotency-key"],
        body: req.body,
        caseId: req.params.id,
        request: { target: "subcase", subcaseId: req.params.sid, action, version, input },
      });
      if (res.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(200).send(res.body);
    },
  );

  r.get(
    "/api/v1/public/bundle-cases/:caseNo",
    {
      schema: {
        tags: ["public"],
        summary: "The applicant's view of a bundle case: case number + secret",
        params: CaseNoParams,
        querystring: PublicCaseQuery,
        security: [],
        response: { 200: PublicCaseDto, ...errorResponses(400, 404) },
      },
    },
    async (req) => trackBundleCase(ctx, req.params.caseNo, req.query.secret),
  );
}
