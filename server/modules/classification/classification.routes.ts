import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { StringEnum } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { badField, notFound } from "../../platform/errors.ts";
import { planAutoDispatch } from "./auto-dispatch.ts";
import { retrainFromHistory } from "./retrain.ts";
import {
  activateModel,
  type ClassificationSettings,
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
} from "./routing-models.ts";
import { appealText, suggestCategories, suggestDepartment } from "./suggest.ts";

const SuggestBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    body: Type.Optional(Type.String({ maxLength: 200_000 })),
    regionCode: Type.Optional(Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" })),
    categoryCode: Type.Optional(Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" })),
  },
  { additionalProperties: false },
);

const SettingsBody = Type.Object(
  {
    autoDispatchThreshold: Type.Optional(Type.Number({ minimum: 0.3, maximum: 1 })),
    autoDispatchEnabled: Type.Optional(Type.Boolean()),
    retrainEnabled: Type.Optional(Type.Boolean()),
    retrainHour: Type.Optional(Type.Integer({ minimum: 0, maximum: 23 })),
    minSamplesPerLabel: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

const Target = StringEnum(["category", "department"] as const);

/** Routing intelligence (智能分拨): live suggestions, models and their settings. */
export async function classificationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    "/api/v1/classification/suggest",
    {
      schema: {
        tags: ["classification"],
        summary: "Category and department suggestions for a text, as the agent types",
        description:
          "Top 3 categories with scores and the words that drove each, the department the routing table (or a confident department model) gives for the top category or the given `categoryCode`, and whether the appeal would be dispatched by itself. Empty `items` means no suggestion.",
        body: SuggestBody,
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["agent", "supervisor", "admin", "handler"]);
      const b = req.body as { title?: string; body?: string; regionCode?: string; categoryCode?: string };
      if (b.regionCode && !ctx.directory.regions.has(b.regionCode)) {
        throw badField("body.regionCode", `unknown region ${b.regionCode}`);
      }
      if (b.categoryCode && !ctx.directory.categories.has(b.categoryCode)) {
        throw badField("body.categoryCode", `unknown category ${b.categoryCode}`);
      }
      const text = appealText(b.title ?? "", b.body ?? "");
      const { items, modelVersion } = suggestCategories(ctx, text);
      const categoryCode = b.categoryCode ?? items[0]?.code ?? null;
      const department = categoryCode
        ? suggestDepartment(ctx, { categoryCode, regionCode: b.regionCode ?? null, text })
        : null;
      // An agent's own category is theirs to dispatch; otherwise ask what intake would decide.
      const wouldAutoDispatch =
        !b.categoryCode &&
        planAutoDispatch(ctx, { suggestions: items, modelVersion, regionCode: b.regionCode ?? null, text })
          .dispatched;
      return {
        items,
        modelVersion,
        departmentId: department?.departmentId ?? null,
        department,
        wouldAutoDispatch,
        threshold: ctx.routing.settings.autoDispatchThreshold,
      };
    },
  );

  app.get(
    "/api/v1/classification/models",
    { schema: { tags: ["classification"], summary: "Stored model versions (newest first)" } },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor"]);
      const rows = await ctx.db
        .selectFrom("classifier_models")
        .select([
          "id",
          "target",
          "version",
          "source",
          "created_at",
          "created_by",
          "sample_count",
          "label_count",
          "metrics",
          "active",
        ])
        .orderBy("target")
        .orderBy("version", "desc")
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          target: r.target,
          version: r.version,
          source: r.source,
          createdAt: new Date(r.created_at).toISOString(),
          createdBy: r.created_by,
          sampleCount: r.sample_count,
          labelCount: r.label_count,
          metrics: r.metrics,
          active: r.active,
        })),
      };
    },
  );

  app.post(
    "/api/v1/classification/models/:id/activate",
    {
      schema: {
        tags: ["classification"],
        summary: "Make a stored version the active model of its target (admin); no restart needed",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      const { id } = req.params as { id: string };
      const done = await activateModel(ctx.db, id);
      if (!done) throw notFound("model", id);
      await ctx.routing.refresh(ctx.db);
      return { id, ...done, active: true };
    },
  );

  app.post(
    "/api/v1/classification/retrain",
    {
      schema: {
        tags: ["classification"],
        summary: "Retrain from the hotline's history now (admin)",
        description:
          "Trains on settled appeals (final category and department after returns, transfers and corrections). The new version is activated only if it is at least as accurate as the active model on held-out history, unless `force`.",
        body: Type.Object(
          { target: Type.Optional(Target), force: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, ["admin"]);
      const b = req.body as { target?: "category" | "department"; force?: boolean };
      const targets = b.target ? [b.target] : (["category", "department"] as const);
      const items = [];
      for (const t of targets) {
        items.push(await retrainFromHistory(ctx, t, { force: b.force, createdBy: user.username }));
      }
      return { items };
    },
  );

  app.get(
    "/api/v1/classification/settings",
    { schema: { tags: ["classification"], summary: "Auto-dispatch threshold and retrain schedule" } },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor", "agent"]);
      return ctx.routing.settings;
    },
  );

  app.put(
    "/api/v1/classification/settings",
    {
      schema: {
        tags: ["classification"],
        summary: "Change the auto-dispatch threshold or the retrain schedule (admin)",
        body: SettingsBody,
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      const next: ClassificationSettings = {
        ...DEFAULT_SETTINGS,
        ...ctx.routing.settings,
        ...(req.body as Partial<ClassificationSettings>),
      };
      await ctx.db
        .insertInto("settings")
        .values({ key: SETTINGS_KEY, value: JSON.stringify(next) })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(next) }))
        .execute();
      await ctx.routing.refresh(ctx.db);
      return ctx.routing.settings;
    },
  );
}
