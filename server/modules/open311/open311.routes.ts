import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Open311SettingsBody, Open311SettingsDto } from "../../../common/contracts/open311-settings.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { type TypedApp, typed } from "../../http/typed-app.ts";
import { AppError, rateLimited, retryAfterOf } from "../../platform/errors.ts";
import { RateLimiter } from "../../platform/rate-limiter.ts";
import { requireUser } from "../users/request-user.ts";
import { parseForm, readSubmission } from "./form-body.ts";
import { serviceType, setServiceType } from "./open311-settings.ts";
import { presentDefinition, presentDiscovery, presentService } from "./presenters.ts";
import { findRequest, findRequests, parseRequestQuery } from "./query-requests.ts";
import { findService, listServices } from "./service-catalog.ts";
import { checkJurisdiction, resolveToken, submitOpen311Request } from "./submit-request.ts";
import {
  errorItems,
  type Format,
  formatOfUrl,
  open311Error,
  parseFormat,
  sendAs,
  unknownFormat,
} from "./wire.ts";
import {
  DiscoveryDto,
  FormatParam,
  Jurisdiction,
  Open311ErrorList,
  open311Responses,
  ServiceDefinitionDto,
  ServiceList,
  ServiceRequestList,
  SubmitAnswerDto,
  TokenAnswerDto,
} from "./wire-schemas.ts";

/** The version of this endpoint's definition, for discovery's `changeset`. */
const CHANGESET = "2026-11-26T00:00:00+08:00";
const PREFIX = "/open311/v2";
const tags = ["open311"];
/** Every answer is in the format its `.{format}` suffix names (OpenAPI's content types). */
const produces = ["text/xml", "application/json"];

/**
 * Open311 GeoReport v2 at `/open311/v2/`, so existing Open311 apps and clients work unchanged:
 * discovery, services, service definitions, requests (GET and POST), one request, tokens; each in
 * `.xml` and `.json`. Errors are the standard's `{code, description}` list with its statuses.
 * Plus `GET/PUT /api/v1/open311/settings` (admin) to choose `realtime` or `batch` answers.
 */
export async function open311Routes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  r.get(
    "/api/v1/open311/settings",
    {
      schema: {
        tags,
        summary: "Open311 settings (admin)",
        response: { 200: Open311SettingsDto, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return { type: await serviceType(ctx.db) };
    },
  );
  r.put(
    "/api/v1/open311/settings",
    {
      schema: {
        tags,
        summary: "Choose realtime (ids) or batch (tokens) answers to Open311 POSTs (admin)",
        body: Open311SettingsBody,
        response: { 200: Open311SettingsDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      await setServiceType(ctx.db, req.body.type);
      return { type: req.body.type };
    },
  );
  await app.register(async (o) => open311Endpoint(typed(o), ctx), { prefix: PREFIX });
}

/** The `.{format}` of a request that failed anywhere (its params may not have been parsed). */
function formatOfFailed(req: FastifyRequest): Format {
  const p: unknown = req.params;
  const raw =
    p && typeof p === "object" && "format" in p && typeof p.format === "string" ? p.format : undefined;
  return parseFormat(raw) ?? formatOfUrl(req.url);
}

/** The format a `.{format}` suffix names; 404 for any other suffix. */
function formatOf(raw: string): Format {
  const f = parseFormat(raw);
  if (!f) throw unknownFormat(raw.slice(0, 20));
  return f;
}

async function open311Endpoint(o: TypedApp, ctx: AppContext) {
  // Anonymous reads are bounded per client address: the list (up to 1,000 requests an answer)
  // more tightly than the small resources.
  const listLimiter = new RateLimiter(60, 60_000);
  const readLimiter = new RateLimiter(600, 60_000);
  const limit = (limiter: RateLimiter, req: FastifyRequest) => {
    const now = ctx.clock.now().getTime();
    const wait = limiter.retryAfter(req.ip, now);
    if (wait > 0) {
      throw rateLimited(`Too many requests from your address; try again in ${wait} seconds.`, wait);
    }
    limiter.hit(req.ip, now);
  };

  o.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, parseForm(typeof body === "string" ? body : body.toString("utf8")));
    } catch (e) {
      done(e instanceof Error ? e : new Error(String(e)), undefined);
    }
  });
  o.setErrorHandler((err, req, reply) => {
    const { status, items } = errorItems(err);
    if (status >= 500) req.log.error({ err }, "unhandled error in Open311");
    const wait = err instanceof AppError ? retryAfterOf(err) : undefined;
    if (wait) reply.header("retry-after", String(wait));
    return sendAs(reply, formatOfFailed(req), status, "errors", items);
  });
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    sendAs(reply, formatOfUrl(req.url), 404, "errors", [
      {
        code: 404,
        description: `There is no Open311 resource ${req.method} ${(req.url.split("?")[0] ?? "").slice(0, 200)}.`,
      },
    ]);
  o.setNotFoundHandler(notFound);
  // Explicit catch-alls: a site-wide `GET /*` (the console's fallback) would otherwise answer here.
  o.all("/", { schema: { hide: true } }, notFound);
  o.all("/*", { schema: { hide: true } }, notFound);

  o.get(
    "/discovery.:format",
    {
      schema: {
        tags,
        summary: "Open311 service discovery",
        security: [],
        produces,
        params: Type.Object({ format: FormatParam }),
        response: open311Responses(DiscoveryDto),
      },
    },
    async (req, reply) => {
      const fmt = formatOf(req.params.format);
      limit(readLimiter, req);
      const base = `${req.protocol}://${req.host}${PREFIX}/`;
      return sendAs(reply, fmt, 200, "discovery", presentDiscovery(base, CHANGESET));
    },
  );

  o.get(
    "/services.:format",
    {
      schema: {
        tags,
        summary: "Open311 service list (our leaf categories)",
        security: [],
        produces,
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction }),
        response: open311Responses(ServiceList),
      },
    },
    async (req, reply) => {
      const fmt = formatOf(req.params.format);
      limit(readLimiter, req);
      checkJurisdiction(ctx, req.query.jurisdiction_id);
      const type = await serviceType(ctx.db);
      return sendAs(
        reply,
        fmt,
        200,
        "services",
        listServices(ctx.directory).map((s) => presentService(s, type)),
      );
    },
  );

  o.get(
    "/services/:service_code.:format",
    {
      schema: {
        tags,
        summary: "Open311 service definition (attributes)",
        security: [],
        produces,
        params: Type.Object({ service_code: Type.String(), format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction }),
        response: open311Responses(ServiceDefinitionDto),
      },
    },
    async (req, reply) => {
      const fmt = formatOf(req.params.format);
      limit(readLimiter, req);
      checkJurisdiction(ctx, req.query.jurisdiction_id);
      const code = req.params.service_code;
      if (!code) throw open311Error(400, "service_code", "is required");
      const svc = findService(ctx.directory, code);
      if (!svc) throw open311Error(404, "service_code", `${code.slice(0, 40)} was not found`);
      return sendAs(reply, fmt, 200, "service_definition", presentDefinition(svc));
    },
  );

  o.post(
    "/requests.:format",
    {
      schema: {
        tags,
        summary: "Open311: submit a service request (API key)",
        description:
          "Body `application/x-www-form-urlencoded` (the standard) or JSON: `api_key`, `service_code`, " +
          "`lat`+`long` or `address_string`, `attribute[CODE]=v` (`attribute[CODE][]=v` for lists), optional " +
          "`jurisdiction_id`, `description` (≤ 4,000), `first_name`, `last_name`, `phone`, `email`, `media_url`, " +
          "`account_id`, `device_id`. Becomes an appeal of channel `open311`. Optional `Idempotency-Key` header.",
        security: [],
        produces,
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object({
          api_key: Type.Optional(Type.String({ description: "the standard puts it in the body; here too" })),
        }),
        headers: Type.Object({
          "x-api-key": Type.Optional(Type.String()),
          "idempotency-key": Type.Optional(Type.String()),
        }),
        response: { ...open311Responses(Type.Array(SubmitAnswerDto)), 413: Open311ErrorList },
      },
    },
    async (req, reply) => {
      const fmt = formatOf(req.params.format);
      const sub = readSubmission(req.body);
      const apiKey = sub.fields.api_key ?? req.query.api_key ?? req.headers["x-api-key"];
      const idem = req.headers["idempotency-key"];
      const answer = await submitOpen311Request(ctx, sub, {
        apiKey: apiKey?.trim() || undefined,
        ...(idem ? { idempotencyKey: idem.slice(0, 200) } : {}),
      });
      return sendAs(reply, fmt, 200, "service_requests", [answer]);
    },
  );

  o.get(
    "/requests.:format",
    {
      schema: {
        tags,
        summary: "Open311: query service requests (public; no personal data)",
        security: [],
        produces,
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object({
          jurisdiction_id: Jurisdiction,
          service_request_id: Type.Optional(Type.String({ description: "Comma list; overrides the rest" })),
          service_code: Type.Optional(Type.String({ description: "Comma list" })),
          status: Type.Optional(Type.String({ description: "open, closed (comma list)" })),
          start_date: Type.Optional(Type.String({ description: "W3C datetime; window ≤ 90 days" })),
          end_date: Type.Optional(Type.String({ description: "W3C datetime; default now" })),
          page: Type.Optional(Type.String({ description: "1, 2, …" })),
          page_size: Type.Optional(Type.String({ description: "1–1000 (default 1000)" })),
          extensions: Type.Optional(Type.String({ description: "true: attributes and public notes" })),
        }),
        response: open311Responses(ServiceRequestList),
      },
    },
    async (req, reply) => {
      const fmt = formatOf(req.params.format);
      limit(listLimiter, req);
      const q = parseRequestQuery(ctx, req.query);
      return sendAs(reply, fmt, 200, "service_requests", await findRequests(ctx, q));
    },
  );

  o.get(
    "/requests/:service_request_id.:format",
    {
      schema: {
        tags,
        summary: "Open311: one service request",
        security: [],
        produces,
        params: Type.Object({ service_request_id: Type.String(), format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction, extensions: Type.Optional(Type.String()) }),
        response: open311Responses(ServiceRequestList),
      },
    },
    async (req, reply) => {
      const fmt = formatOf(req.params.format);
      limit(readLimiter, req);
      const id = req.params.service_request_id;
      if (!id) throw open311Error(400, "service_request_id", "is required");
      const rows = await findRequest(
        ctx,
        id,
        req.query.jurisdiction_id,
        req.query.extensions?.trim().toLowerCase() === "true",
      );
      return sendAs(reply, fmt, 200, "service_requests", rows);
    },
  );

  o.get(
    "/tokens/:token.:format",
    {
      schema: {
        tags,
        summary: "Open311: the service_request_id of a token",
        security: [],
        produces,
        params: Type.Object({ token: Type.String(), format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction }),
        response: open311Responses(Type.Array(TokenAnswerDto)),
      },
    },
    async (req, reply) => {
      const fmt = formatOf(req.params.format);
      limit(readLimiter, req);
      const token = req.params.token;
      if (!token) throw open311Error(400, "token", "is required");
      const jurisdiction = checkJurisdiction(ctx, req.query.jurisdiction_id);
      return sendAs(reply, fmt, 200, "service_requests", await resolveToken(ctx, token, jurisdiction));
    },
  );
}
