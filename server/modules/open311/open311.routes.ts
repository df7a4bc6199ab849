import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { StringEnum } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { AppError, rateLimited, retryAfterOf } from "../../platform/errors.ts";
import { RateLimiter } from "../../platform/rate-limiter.ts";
import { requireUser } from "../users/request-user.ts";
import { parseForm, readSubmission } from "./form-body.ts";
import { SERVICE_TYPES, type ServiceType, serviceType, setServiceType } from "./open311-settings.ts";
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

/** The version of this endpoint's definition, for discovery's `changeset`. */
const CHANGESET = "2026-11-26T00:00:00+08:00";
const PREFIX = "/open311/v2";

const FormatParam = Type.String({ description: "`xml` (text/xml) or `json` (application/json)" });
const Jurisdiction = Type.Optional(
  Type.String({ description: "Region code (GB/T 2260): 21 (Liaoning), a city (2101) or a district" }),
);
const tags = ["open311"];

/**
 * Open311 GeoReport v2 at `/open311/v2/`, so existing Open311 apps and clients work unchanged:
 * discovery, services, service definitions, requests (GET and POST), one request, tokens; each in
 * `.xml` and `.json`. Errors are the standard's `{code, description}` list with its statuses.
 * Plus `GET/PUT /api/v1/open311/settings` (admin) to choose `realtime` or `batch` answers.
 */
export async function open311Routes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/open311/settings",
    { schema: { tags, summary: "Open311 settings (admin)" } },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return { type: await serviceType(ctx.db) };
    },
  );
  app.put(
    "/api/v1/open311/settings",
    {
      schema: {
        tags,
        summary: "Choose realtime (ids) or batch (tokens) answers to Open311 POSTs (admin)",
        body: Type.Object({ type: StringEnum(SERVICE_TYPES) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      const type = (req.body as { type: ServiceType }).type;
      await setServiceType(ctx.db, type);
      return { type };
    },
  );
  await app.register(async (o) => open311Endpoint(o, ctx), { prefix: PREFIX });
}

async function open311Endpoint(o: FastifyInstance, ctx: AppContext) {
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
      done(null, parseForm(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  o.setErrorHandler((err, req, reply) => {
    const { status, items } = errorItems(err as AppError);
    if (status >= 500) req.log.error({ err }, "unhandled error in Open311");
    const wait = err instanceof AppError ? retryAfterOf(err) : undefined;
    if (wait) reply.header("retry-after", String(wait));
    const fmt = parseFormat((req.params as { format?: string } | undefined)?.format) ?? formatOfUrl(req.url);
    return sendAs(reply, fmt, status, "errors", items as never);
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

  const fmtOf = (req: FastifyRequest): Format => {
    const raw = (req.params as { format: string }).format;
    const f = parseFormat(raw);
    if (!f) throw unknownFormat(raw.slice(0, 20));
    return f;
  };
  const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;

  o.get(
    "/discovery.:format",
    {
      schema: {
        tags,
        summary: "Open311 service discovery",
        security: [],
        params: Type.Object({ format: FormatParam }),
      },
    },
    async (req, reply) => {
      const fmt = fmtOf(req);
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
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction }),
      },
    },
    async (req, reply) => {
      const fmt = fmtOf(req);
      limit(readLimiter, req);
      checkJurisdiction(ctx, query(req).jurisdiction_id);
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
        params: Type.Object({ service_code: Type.String(), format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction }),
      },
    },
    async (req, reply) => {
      const fmt = fmtOf(req);
      limit(readLimiter, req);
      checkJurisdiction(ctx, query(req).jurisdiction_id);
      const code = (req.params as { service_code: string }).service_code;
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
        params: Type.Object({ format: FormatParam }),
      },
    },
    async (req, reply) => {
      const fmt = fmtOf(req);
      const sub = readSubmission(req.body);
      const header = req.headers["x-api-key"];
      const apiKey =
        sub.fields.api_key ?? query(req).api_key ?? (typeof header === "string" ? header : undefined);
      const idem = req.headers["idempotency-key"];
      const answer = await submitOpen311Request(ctx, sub, {
        apiKey: apiKey?.trim() || undefined,
        ...(typeof idem === "string" && idem ? { idempotencyKey: idem.slice(0, 200) } : {}),
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
      },
    },
    async (req, reply) => {
      const fmt = fmtOf(req);
      limit(listLimiter, req);
      const q = parseRequestQuery(ctx, query(req));
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
        params: Type.Object({ service_request_id: Type.String(), format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction, extensions: Type.Optional(Type.String()) }),
      },
    },
    async (req, reply) => {
      const fmt = fmtOf(req);
      limit(readLimiter, req);
      const id = (req.params as { service_request_id: string }).service_request_id;
      if (!id) throw open311Error(400, "service_request_id", "is required");
      const q = query(req);
      const rows = await findRequest(
        ctx,
        id,
        q.jurisdiction_id,
        q.extensions?.trim().toLowerCase() === "true",
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
        params: Type.Object({ token: Type.String(), format: FormatParam }),
        querystring: Type.Object({ jurisdiction_id: Jurisdiction }),
      },
    },
    async (req, reply) => {
      const fmt = fmtOf(req);
      limit(readLimiter, req);
      const token = (req.params as { token: string }).token;
      if (!token) throw open311Error(400, "token", "is required");
      const jurisdiction = checkJurisdiction(ctx, query(req).jurisdiction_id);
      return sendAs(reply, fmt, 200, "service_requests", await resolveToken(ctx, token, jurisdiction));
    },
  );
}
