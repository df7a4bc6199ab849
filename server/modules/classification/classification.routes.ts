import type { FastifyInstance } from "fastify";
import {
  ActivatedModel,
  ClassificationSettingsBody,
  ClassificationSettingsDto,
  ModelIdParams,
  ModelVersionList,
  RetrainBody,
  RetrainResultList,
  SuggestBody,
  SuggestResult,
} from "../../../common/contracts/classification.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { requireUser } from "../users/request-user.ts";
import { classificationSettingsView } from "./auto-dispatch.ts";
import {
  activateModelVersion,
  listModels,
  retrainModels,
  updateClassificationSettings,
} from "./manage-models.ts";
import { suggestRouting } from "./suggest-routing.ts";

const tags = ["classification"];

/** Routing intelligence (智能分拨): live suggestions, models and their settings. */
export async function classificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/v1/classification/suggest",
    {
      schema: {
        tags,
        summary: "Category and department suggestions for a text, as the agent types",
        description:
          "Top 3 categories with scores and the words that drove each, the department the routing table (or a confident department model) gives for the top category or the given `categoryCode`, and whether the appeal would be dispatched by itself. Empty `items` means no suggestion.",
        body: SuggestBody,
        response: { 200: SuggestResult, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["agent", "supervisor", "admin", "handler"]);
      return suggestRouting(ctx, req.body);
    },
  );

  r.get(
    "/api/v1/classification/models",
    {
      schema: {
        tags,
        summary: "Stored model versions (newest first)",
        response: { 200: ModelVersionList, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor"]);
      return { items: await listModels(ctx) };
    },
  );

  r.post(
    "/api/v1/classification/models/:id/activate",
    {
      schema: {
        tags,
        summary: "Make a stored version the active model of its target (admin); no restart needed",
        params: ModelIdParams,
        response: { 200: ActivatedModel, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return activateModelVersion(ctx, req.params.id);
    },
  );

  r.post(
    "/api/v1/classification/retrain",
    {
      schema: {
        tags,
        summary: "Retrain from the hotline's history now (admin)",
        description:
          "Trains on settled appeals (final category and department after returns, transfers and corrections). The new version is activated only if it is at least as accurate as the active model on held-out history, unless `force`.",
        body: RetrainBody,
        response: { 200: RetrainResultList, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, ["admin"]);
      return { items: await retrainModels(ctx, user, req.body) };
    },
  );

  r.get(
    "/api/v1/classification/settings",
    {
      schema: {
        tags,
        summary: "Auto-dispatch threshold and retrain schedule",
        response: { 200: ClassificationSettingsDto, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin", "supervisor", "agent"]);
      return classificationSettingsView(ctx);
    },
  );

  r.put(
    "/api/v1/classification/settings",
    {
      schema: {
        tags,
        summary: "Change the auto-dispatch threshold or the retrain schedule (admin)",
        body: ClassificationSettingsBody,
        response: { 200: ClassificationSettingsDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      await updateClassificationSettings(ctx, req.body);
      return classificationSettingsView(ctx);
    },
  );
}
