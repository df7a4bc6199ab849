import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../../common/appeal-state.ts";
import { Nullable, StringEnum } from "../../../common/contracts/shared.ts";
import { normalizeUscc, usccProblem } from "../../../common/uscc.ts";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { AppError, badField, badInput, notFound } from "../../platform/errors.ts";
import { deliverOutbox, enterpriseEntitlements, issueLookupCode } from "../policies/ledger.ts";
import { rematchEnterprises } from "../policies/matching.ts";
import { ATTRIBUTES } from "./attributes.ts";
import { importEnterprises, parseCsv, readSheet } from "./import-enterprises.ts";
import {
  enterpriseHistory,
  findEnterprise,
  presentEnterprise,
  saveEnterprises,
  validateEnterprise,
} from "./registry.ts";

/** Who reads the registry, and who edits it. */
export const REGISTRY_READERS: readonly Role[] = ["admin", "policy_officer", "handler", "supervisor"];
export const REGISTRY_EDITORS: readonly Role[] = ["admin", "policy_officer"];

const AttrValue = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean(), Type.Null()]);
const Enterprise = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  cityCode: Type.String(),
  attrs: Type.Record(Type.String(), AttrValue),
  synthetic: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
const UsccParams = Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }) });

function usccParam(raw: string): string {
  const uscc = normalizeUscc(raw);
  const p = usccProblem(uscc);
  if (p) throw badField("params.uscc", p);
  return uscc;
}

/** The enterprise registry (企业库): list, read with history, create/update (versioned), import. */
export async function enterpriseRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/enterprise-attributes",
    {
      schema: {
        tags: ["enterprises"],
        summary: "The controlled list of enterprise attributes (types, labels, enum values)",
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return { items: ATTRIBUTES };
    },
  );

  app.get(
    "/api/v1/enterprises",
    {
      schema: {
        tags: ["enterprises"],
        summary: "List enterprises (filter by region prefix or name)",
        querystring: Type.Object({
          regionCode: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Enterprise), nextCursor: Nullable(Type.String()) }),
        },
      },
    },
    async (req) => {
      await requireUser(ctx, req, REGISTRY_READERS);
      const f = req.query as { regionCode?: string; q?: string; limit: number; cursor?: string };
      let q = ctx.db
        .selectFrom("enterprises")
        .select(["city_code", "uscc", "name", "attrs", "synthetic", "version", "updated_at"]);
      if (f.regionCode) q = q.where("region_code", "like", `${f.regionCode}%`);
      if (f.q) q = q.where("name", "like", `%${f.q.replace(/[%_\\]/g, "\\$&")}%`);
      if (f.cursor) q = q.where("uscc", ">", f.cursor);
      const rows = await q
        .orderBy("uscc")
        .limit(f.limit + 1)
        .execute();
      const page = rows.slice(0, f.limit);
      return {
        items: page.map((r) => presentEnterprise(r as Parameters<typeof presentEnterprise>[0])),
        nextCursor: rows.length > f.limit ? (page[page.length - 1]?.uscc ?? null) : null,
      };
    },
  );

  app.get(
    "/api/v1/enterprises/:uscc",
    {
      schema: {
        tags: ["enterprises"],
        summary: "An enterprise and its version history (what we knew, when)",
        params: UsccParams,
      },
    },
    async (req) => {
      await requireUser(ctx, req, REGISTRY_READERS);
      const uscc = usccParam((req.params as { uscc: string }).uscc);
      const e = await findEnterprise(ctx.db, uscc);
      if (!e) throw notFound("enterprise", uscc);
      return { ...e, history: await enterpriseHistory(ctx.db, uscc) };
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
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            attrs: Type.Record(Type.String({ maxLength: 60 }), AttrValue),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, REGISTRY_EDITORS);
      const uscc = usccParam((req.params as { uscc: string }).uscc);
      const body = req.body as { name: string; attrs: Record<string, unknown> };
      const { record, problems } = validateEnterprise(
        { uscc, name: body.name, attrs: body.attrs },
        ctx.directory,
      );
      if (problems.length) {
        throw badInput(
          `The enterprise is invalid: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`,
          problems.map((p) => ({
            field: p.field === "name" ? "body.name" : `body.attrs.${p.field}`,
            message: p.message,
          })),
        );
      }
      const rematch = await ctx.db.transaction().execute(async (tx) => {
        const changed = await saveEnterprises(ctx, tx, [record], { source: "api", changedBy: user.name });
        return rematchEnterprises(ctx, tx, changed, { id: user.id, name: user.name });
      });
      await deliverOutbox(ctx).catch(() => 0);
      return { ...(await findEnterprise(ctx.db, uscc)), rematch };
    },
  );

  app.post(
    "/api/v1/enterprises/import",
    {
      schema: {
        tags: ["enterprises"],
        summary:
          "Import enterprises from CSV text or XLSX (base64), all or nothing; problems name row and column",
        body: Type.Object(
          {
            format: StringEnum(["csv", "xlsx"] as const),
            content: Type.String({ minLength: 1, maxLength: 1_000_000 }),
            mapping: Type.Optional(
              Type.Record(Type.String({ maxLength: 60 }), Type.String({ minLength: 1, maxLength: 100 })),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, REGISTRY_EDITORS);
      const body = req.body as { format: "csv" | "xlsx"; content: string; mapping?: Record<string, string> };
      let rows: Record<string, string>[];
      try {
        if (body.format === "csv") {
          const lines = parseCsv(body.content);
          const header = (lines[0] ?? []).map((h) => h.trim());
          rows = lines
            .slice(1)
            .filter((l) => l.some((c) => c.trim()))
            .map((l) => Object.fromEntries(header.map((h, i) => [h, (l[i] ?? "").trim()])));
        } else {
          rows = await readSheet({ bytes: Buffer.from(body.content, "base64"), format: "xlsx" });
        }
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw badField("body.content", `the file cannot be read: ${(e as Error).message}`);
      }
      for (const field of Object.keys(body.mapping ?? {})) {
        if (field !== "uscc" && field !== "name" && !ATTRIBUTES.some((a) => a.key === field && !a.derived)) {
          throw badField(`body.mapping.${field}`, "is not an importable field");
        }
      }
      const res = await importEnterprises(ctx, rows, body.mapping ?? {}, {
        changedBy: user.name,
        afterSave: (tx, changed) => rematchEnterprises(ctx, tx, changed, { id: user.id, name: user.name }),
      });
      if (res.problems.length) {
        throw badInput(
          `Nothing was imported: ${res.problems.length} problem(s), e.g. row ${res.problems[0]?.row}, column ${res.problems[0]?.column}: ${res.problems[0]?.message}`,
          res.problems.slice(0, 500).map(
            (p) =>
              ({
                field: `row ${p.row}, column ${p.column}`,
                message: p.message,
                row: p.row,
                column: p.column,
              }) as never,
          ),
        );
      }
      await deliverOutbox(ctx).catch(() => 0);
      return { imported: res.imported, changed: res.changed };
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
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, REGISTRY_EDITORS);
      const uscc = usccParam((req.params as { uscc: string }).uscc);
      return reply.status(201).send({ uscc, code: await issueLookupCode(ctx, uscc) });
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
      },
    },
    async (req) => {
      await requireUser(ctx, req, REGISTRY_READERS);
      return enterpriseEntitlements(ctx, usccParam((req.params as { uscc: string }).uscc));
    },
  );
}
