import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { ErrorBody } from "../../common/contracts/shared.ts";
import type { AppContext } from "../app-context.ts";
import { appealRoutes } from "../modules/appeals/appeals.routes.ts";
import { bundleCaseRoutes, bundleRoutes } from "../modules/bundles/index.ts";
import { classificationRoutes } from "../modules/classification/classification.routes.ts";
import { directoryRoutes } from "../modules/directory/directory.routes.ts";
import { enterpriseRoutes } from "../modules/enterprises/enterprises.routes.ts";
import { hotspotRoutes } from "../modules/hotspots/hotspots.routes.ts";
import { intakeRoutes } from "../modules/intake/intake.routes.ts";
import { publicRoutes } from "../modules/intake/public.routes.ts";
import { knowledgeRoutes } from "../modules/knowledge/knowledge.routes.ts";
import { metricsRoutes } from "../modules/metrics/metrics.routes.ts";
import { open311Routes } from "../modules/open311/open311.routes.ts";
import { policyRoutes } from "../modules/policies/policies.routes.ts";
import { slaRoutes } from "../modules/sla/sla.routes.ts";
import { userRoutes } from "../modules/users/users.routes.ts";
import { AppError, badField, retryAfterOf } from "../platform/errors.ts";
import { migrationsApplied } from "../storage/migrate.ts";
import { consoleRoutes } from "./console.ts";
import { drainBody } from "./drain-body.ts";
import { redactUrl, securityHeaders } from "./security-headers.ts";

/** Options of the HTTP shell. */
export interface AppOptions {
  logger?: boolean;
  /** Reverse proxies to believe about the client (see `HOTLINE_TRUST_PROXY`); none by default. */
  trustProxy?: string[] | number | null;
}

/** The Fastify instance with its type provider, as every `.routes.ts` receives it. */
export type App = FastifyInstance & { withTypeProvider(): FastifyInstance };

function errorBody(code: string, message: string, details: unknown[] = []) {
  return { error: { code, message, details } };
}

/** The setting as Fastify takes it: a hop count becomes "believe the first n hops". */
function proxyTrust(setting: AppOptions["trustProxy"]) {
  if (setting == null) return false;
  if (typeof setting === "number") return (_address: string, hop: number) => hop < setting;
  return setting;
}

/** Ajv's validation errors → contract details naming each field (`body.location.regionCode`). */
function validationDetails(err: FastifyError) {
  return (err.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const extra = (v.params as { additionalProperty?: string }).additionalProperty;
    const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
    const field = [path, missing ?? extra].filter(Boolean).join(".");
    const message = extra ? "is not a known field" : (v.message ?? "is invalid");
    const part = err.validationContext ?? "body";
    // The part itself when the whole body (or query) is wrong: not `body.body`, which names a field.
    return { field: field ? `${part}.${field}` : part, message };
  });
}

/**
 * The first place in a request part, as `part.path`, where `bad` holds for a value or a key.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
function firstBadField(part: string, value: unknown, bad: (v: unknown) => boolean): string | null {
  const stack: [string, unknown][] = [[part, value]];
  while (stack.length) {
    const [path, v] = stack.pop()!;
    if (bad(v)) return path;
    if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (bad(k)) return path;
        stack.push([`${path}.${k}`, x]);
      }
    }
  }
  return null;
}

/** PostgreSQL text and jsonb cannot store NUL: refused as bad input instead of failing in the database. */
const holdsNul = (v: unknown) => typeof v === "string" && v.includes("\u0000");
/**
 * Infinity and NaN are not numbers anyone meant: "1e400" (a JSON number, or a string coerced to a
 * number by the schema) overflows to Infinity, passes every range check and cannot be stored.
 */
const notFinite = (v: unknown) => typeof v === "number" && !Number.isFinite(v);

function requestParts(req: FastifyRequest): [string, unknown][] {
  return [
    ["params", req.params],
    ["querystring", req.query],
    ["body", req.body],
  ];
}

/**
 * Builds the HTTP app (no listen): plugins, error mapping, OpenAPI, routes of every module.
 * Routes are thin: validate (TypeBox) → authorize → use case → present.
 */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: "info",
          // Tracking secrets, API keys and searched phone numbers never reach the access log.
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({
              method: req.method,
              url: redactUrl(req.url),
              remoteAddress: req.ip,
            }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    // Client addresses key the rate limits: never take them from X-Forwarded-For unless a proxy is configured.
    trustProxy: proxyTrust(opts.trustProxy),
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: "array", useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      const wait = retryAfterOf(err);
      if (wait) reply.header("retry-after", String(wait));
      return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
    }
    if (err.validation) {
      const details = validationDetails(err);
      return reply
        .status(400)
        .send(
          errorBody(
            "VALIDATION_FAILED",
            `Invalid input: ${details.map((d) => `${d.field} ${d.message}`).join("; ")}`,
            details,
          ),
        );
    }
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      // Read the rest of the upload (bounded) so the client can read this answer instead of a reset.
      await drainBody(req.raw);
      return reply.status(413).send(errorBody("PAYLOAD_TOO_LARGE", "The body is larger than 1 MiB."));
    }
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply
        .status(415)
        .send(errorBody("UNSUPPORTED_MEDIA_TYPE", "Send JSON (Content-Type: application/json)."));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send(errorBody("BAD_REQUEST", err.message, [{ field: "body", message: err.message }]));
    }
    req.log.error({ err }, "unhandled error");
    return reply
      .status(500)
      .send(errorBody("INTERNAL", "Something went wrong on our side; it has been logged."));
  });
  securityHeaders(app);
  app.addHook("preValidation", async (req) => {
    for (const [part, value] of requestParts(req)) {
      const field = firstBadField(part, value, holdsNul);
      if (field) throw badField(field, "must not contain NUL (\\u0000) characters");
    }
  });
  // After validation, so numbers the schema coerced from strings are checked too.
  app.addHook("preHandler", async (req) => {
    for (const [part, value] of requestParts(req)) {
      const field = firstBadField(part, value, notFinite);
      if (field) throw badField(field, "must be a finite number");
    }
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send(errorBody("NOT_FOUND", `There is no route ${req.method} ${req.url.split("?")[0]}.`)),
  );

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Hotline API",
        version: "1.0.0",
        description: "12345 government service hotline: appeals (诉求) from receipt to closure.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "hotline_session" },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.addSchema(ErrorBody);

  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
    try {
      const ok = await migrationsApplied(ctx.db);
      if (!ok) return reply.status(503).send(errorBody("NOT_READY", "Migrations are pending."));
      return { status: "ready" };
    } catch (e) {
      return reply.status(503).send(errorBody("NOT_READY", `Database unreachable: ${(e as Error).message}`));
    }
  });

  await app.register(async (api) => {
    await userRoutes(api, ctx);
    await intakeRoutes(api, ctx);
    await appealRoutes(api, ctx);
    await publicRoutes(api, ctx);
    await directoryRoutes(api, ctx);
    await slaRoutes(api, ctx);
    await metricsRoutes(api, ctx);
    await enterpriseRoutes(api, ctx);
    await policyRoutes(api, ctx);
    await knowledgeRoutes(api, ctx);
    await open311Routes(api, ctx);
    await classificationRoutes(api, ctx);
    await hotspotRoutes(api, ctx);
    await bundleRoutes(api, ctx);
    await bundleCaseRoutes(api, ctx);
  });
  // The console at `/` and the citizens' portal at `/public` (built by `npm run build:console`).
  await consoleRoutes(app);
  return app;
}
