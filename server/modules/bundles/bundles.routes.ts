import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import {
  AppealIdParams,
  BundleDto,
  BundleIdParams,
  BundleSummary,
  BundleVersionDto,
  BundleVersionParams,
  CreateBundleBody,
  DraftSavedDto,
  FormBody,
  FormDto,
  MatchBody,
  MatchesDto,
  PublishBody,
  ReformMetricsDto,
  SaveDraftBody,
  ValidateBody,
  ValidationResult,
} from "../../../common/contracts/bundles.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { badInput, notFound } from "../../platform/errors.ts";
import { CASE_STAFF } from "../cases/index.ts";
import { requireUser } from "../users/request-user.ts";
import { BUNDLE_EDITORS, BUNDLE_READERS, bundleAbilities, FIGURE_READERS } from "./bundle.policy.ts";
import { definitionOf, findBundleRow, findVersion, listBundleRows, listVersions } from "./bundles.repo.ts";
import { checkDefinition, createBundle, publishVersion, saveDraft } from "./edit-definitions.ts";
import { matchLifeEvents } from "./match-life-events.ts";
import { presentForm, resolveAnswers } from "./merge-form.ts";
import { reformMetrics, reformMetricsXlsx } from "./reform-metrics.ts";
import { findAppealForCase, loadSharedData } from "./shared-data.ts";

/** 一件事 definitions: list, read, draft, validate, publish; the merged form; reform figures; matching. */
export async function bundleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const depName = (id: string) => ctx.directory.departments.get(id)?.name ?? id;

  r.get(
    "/api/v1/bundles",
    {
      schema: {
        tags: ["bundles"],
        summary: "List bundles (一件事)",
        response: { 200: Type.Object({ items: Type.Array(BundleSummary) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, BUNDLE_READERS);
      const rows = await listBundleRows(ctx.db);
      const items = await Promise.all(
        rows.map(async (b) => {
          const v = await findVersion(ctx.db, b.id, b.publishedVersion ?? b.draftVersion);
          return {
            id: b.id,
            name: b.name,
            leadDepartmentId: b.leadDepartmentId,
            leadDepartmentName: depName(b.leadDepartmentId),
            sample: b.sample,
            publishedVersion: b.publishedVersion,
            draftVersion: b.draftVersion,
            procedureCount: v?.definition.procedures.length ?? 0,
            updatedAt: b.updatedAt,
            abilities: bundleAbilities(user, b.publishedVersion !== null),
          };
        }),
      );
      return { items };
    },
  );

  r.get(
    "/api/v1/bundles/:id",
    {
      schema: {
        tags: ["bundles"],
        summary: "One bundle: its versions, the published definition and the draft",
        params: BundleIdParams,
        response: { 200: BundleDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, BUNDLE_READERS);
      const b = await findBundleRow(ctx.db, req.params.id);
      if (!b) throw notFound("bundle", req.params.id);
      const versions = await listVersions(ctx.db, b.id);
      const draftV = versions.find((v) => v.status === "draft")?.version ?? null;
      const published = b.publishedVersion ? await findVersion(ctx.db, b.id, b.publishedVersion) : null;
      const draft = draftV ? await findVersion(ctx.db, b.id, draftV) : null;
      return {
        id: b.id,
        name: b.name,
        leadDepartmentId: b.leadDepartmentId,
        leadDepartmentName: depName(b.leadDepartmentId),
        sample: b.sample,
        publishedVersion: b.publishedVersion,
        draftVersion: draftV,
        procedureCount: (published ?? draft)?.definition.procedures.length ?? 0,
        updatedAt: b.updatedAt,
        abilities: bundleAbilities(user, b.publishedVersion !== null),
        versions: versions.map((v) => ({
          version: v.version,
          status: v.status,
          createdAt: v.createdAt,
          publishedAt: v.publishedAt,
        })),
        published: published?.definition ?? null,
        draft: draft?.definition ?? null,
      };
    },
  );

  r.get(
    "/api/v1/bundles/:id/versions/:version",
    {
      schema: {
        tags: ["bundles"],
        summary: "One version of a bundle's definition",
        params: BundleVersionParams,
        response: { 200: BundleVersionDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, BUNDLE_READERS);
      const v = await findVersion(ctx.db, req.params.id, req.params.version);
      if (!v) throw notFound("bundle version", `${req.params.id}@${req.params.version}`);
      return v;
    },
  );

  r.post(
    "/api/v1/bundles",
    {
      schema: {
        tags: ["bundles"],
        summary: "Create a bundle with its first draft",
        body: CreateBundleBody,
        response: { 201: DraftSavedDto, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, BUNDLE_EDITORS);
      await ctx.db
        .transaction()
        .execute((tx) => createBundle(ctx, tx, user, req.body.id, req.body.definition));
      return reply.status(201).send({ bundleId: req.body.id, version: 1 });
    },
  );

  r.put(
    "/api/v1/bundles/:id/draft",
    {
      schema: {
        tags: ["bundles"],
        summary: "Save the draft (a new draft version after the published one)",
        params: BundleIdParams,
        body: SaveDraftBody,
        response: { 200: DraftSavedDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, BUNDLE_EDITORS);
      const version = await ctx.db
        .transaction()
        .execute((tx) => saveDraft(ctx, tx, user, req.params.id, req.body.definition));
      return { bundleId: req.params.id, version };
    },
  );

  r.post(
    "/api/v1/bundles/:id/validate",
    {
      schema: {
        tags: ["bundles"],
        summary:
          "What publishing would refuse, each problem naming its item (the draft, or the body's definition)",
        params: BundleIdParams,
        body: ValidateBody,
        response: { 200: ValidationResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, BUNDLE_EDITORS);
      let def = req.body.definition;
      if (!def) {
        const versions = await listVersions(ctx.db, req.params.id);
        const draft = versions.find((v) => v.status === "draft");
        if (!draft) throw notFound("draft of bundle", req.params.id);
        def = (await findVersion(ctx.db, req.params.id, draft.version))!.definition;
      }
      const problems = checkDefinition(ctx, def);
      return { valid: problems.length === 0, problems };
    },
  );

  r.post(
    "/api/v1/bundles/:id/publish",
    {
      schema: {
        tags: ["bundles"],
        summary: "Publish a draft version (400 naming every problem)",
        params: BundleIdParams,
        body: PublishBody,
        response: { 200: DraftSavedDto, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, BUNDLE_EDITORS);
      await ctx.db
        .transaction()
        .execute((tx) => publishVersion(ctx, tx, user, req.params.id, req.body.version));
      return { bundleId: req.params.id, version: req.body.version };
    },
  );

  r.post(
    "/api/v1/bundles/:id/form",
    {
      schema: {
        tags: ["bundles"],
        summary: "Answers → the merged form and the one material list (shared data prefilled, 免提交)",
        params: BundleIdParams,
        body: FormBody,
        response: { 200: FormDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, BUNDLE_READERS);
      const version = req.body.version ?? (await findBundleRow(ctx.db, req.params.id))?.publishedVersion;
      const def = version ? await definitionOf(ctx.db, ctx.db, req.params.id, version) : null;
      if (!version || !def)
        throw notFound("bundle version", `${req.params.id}@${req.body.version ?? "published"}`);
      const { answers, problems } = resolveAnswers(def, req.body.answers);
      if (problems.length)
        throw badInput(
          `Invalid input: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`,
          problems,
        );
      const shared = await loadSharedData(ctx.db, { uscc: req.body.uscc, appealId: req.body.appealId });
      return presentForm(req.params.id, version, def, answers, shared, depName);
    },
  );

  r.get(
    "/api/v1/bundles/:id/reform-metrics",
    {
      schema: {
        tags: ["bundles"],
        summary: "Reform figures: before vs after, and from real cases",
        params: BundleIdParams,
        response: { 200: ReformMetricsDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, FIGURE_READERS);
      return reformMetrics(ctx, req.params.id);
    },
  );

  r.get(
    "/api/v1/bundles/:id/reform-metrics.xlsx",
    {
      schema: {
        tags: ["bundles"],
        summary: "Reform figures as a spreadsheet",
        params: BundleIdParams,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: {
          200: Type.Unsafe<Buffer>({ type: "string", format: "binary" }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, FIGURE_READERS);
      const buf = await reformMetricsXlsx(await reformMetrics(ctx, req.params.id));
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="reform-${req.params.id}.xlsx"`)
        .send(buf);
    },
  );

  r.post(
    "/api/v1/bundles/match",
    {
      schema: {
        tags: ["bundles"],
        summary: "Life-event matching: text → the bundles it reveals",
        body: MatchBody,
        response: { 200: MatchesDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, BUNDLE_READERS);
      return matchLifeEvents(ctx.db, req.body.text);
    },
  );

  r.get(
    "/api/v1/appeals/:id/bundle-matches",
    {
      schema: {
        tags: ["bundles"],
        summary: "Bundles matching an appeal's text, for the agent desk (帮办代办)",
        params: AppealIdParams,
        response: { 200: MatchesDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, CASE_STAFF);
      const a = await findAppealForCase(ctx.db, req.params.id);
      if (!a) throw notFound("appeal", req.params.id);
      return matchLifeEvents(ctx.db, a.text);
    },
  );
}
