import type { FastifyInstance } from "fastify";
import {
  AttributeList,
  EnterpriseDetail,
  EnterpriseListQuery,
  EnterprisePage,
  ImportEnterprisesBody,
  ImportResult,
  LookupCode,
  SavedEnterprise,
  SaveEnterpriseBody,
  UsccParams,
} from "../../../common/contracts/enterprises.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { requireUser } from "../users/request-user.ts";
import { ATTRIBUTES } from "./attributes.ts";
import { REGISTRY_EDITORS, REGISTRY_READERS } from "./enterprise.policy.ts";
import { presentEnterprise } from "./enterprise.presenter.ts";
import { importEnterpriseFile } from "./import-enterprise-file.ts";
import { issueLookupCode } from "./lookup-code.ts";
import { getEnterpriseDetail, listEnterprises } from "./registry.ts";
import { saveEnterprise } from "./save-enterprise.ts";
import { parseUsccParam } from "./uscc-param.ts";

/**
 * The enterprise registry (企业库): the attribute list, list, read with history, create/update
 * (versioned; re-matched against the published policies), import, the lookup code. Each route:
 * authorise → use case → presenter (`common/contracts/enterprises.ts`). An enterprise's
 * entitlements are served by the policies module.
 */
export async function enterpriseRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = typed(root);

  app.get(
    "/api/v1/enterprise-attributes",
    {
      schema: {
        tags: ["enterprises"],
        summary: "The controlled list of enterprise attributes (types, labels, enum values)",
        response: { 200: AttributeList, ...errorResponses(401) },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return { items: ATTRIBUTES.map((a) => ({ ...a, values: a.values && [...a.values] })) };
    },
  );

  app.get(
    "/api/v1/enterprises",
    {
      schema: {
        tags: ["enterprises"],
        summary: "List enterprises (filter by region prefix or name)",
        querystring: EnterpriseListQuery,
        response: { 200: EnterprisePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, REGISTRY_READERS);
      const page = await listEnterprises(ctx.db, req.query);
      return { items: page.items.map((e) => presentEnterprise(e, user)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/v1/enterprises/:uscc",
    {
      schema: {
        tags: ["enterprises"],
        summary: "An enterprise and its version history (what we knew, when)",
        params: UsccParams,
        response: { 200: EnterpriseDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, REGISTRY_READERS);
      return presentEnterprise(await getEnterpriseDetail(ctx.db, parseUsccParam(req.params.uscc)), user);
    },
  );

  app.put(
    "/api/v1/enterprises/:uscc",
    {
      schema: {
        tags: ["enterprises"],
        summary:
          "Create or update an enterprise (a new version); it is re-matched against every published policy",
        params: UsccParams,
        body: SaveEnterpriseBody,
        response: { 200: SavedEnterprise, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, REGISTRY_EDITORS);
      const saved = await saveEnterprise(ctx, user, parseUsccParam(req.params.uscc), req.body);
      return presentEnterprise(saved, user);
    },
  );

  app.post(
    "/api/v1/enterprises/import",
    {
      schema: {
        tags: ["enterprises"],
        summary:
          "Import enterprises from CSV text or XLSX (base64), all or nothing; problems name row and column",
        body: ImportEnterprisesBody,
        response: { 200: ImportResult, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, REGISTRY_EDITORS);
      return importEnterpriseFile(ctx, user, req.body);
    },
  );

  app.post(
    "/api/v1/enterprises/:uscc/lookup-code",
    {
      schema: {
        tags: ["enterprises"],
        summary:
          "Issue a new verification code for the enterprise's public lookup (shown once, stored hashed)",
        params: UsccParams,
        response: { 201: LookupCode, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, REGISTRY_EDITORS);
      const uscc = parseUsccParam(req.params.uscc);
      return reply.status(201).send({ uscc, code: await issueLookupCode(ctx, uscc) });
    },
  );
}
