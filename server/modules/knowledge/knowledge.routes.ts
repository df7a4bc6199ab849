import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import {
  ArticleDto,
  CreateArticleBody,
  CreateArticleHeaders,
  ExportKnowledgeQuery,
  ImportKnowledgeBody,
  ImportKnowledgeResult,
  KnowledgeHitList,
  KnowledgeIdParams,
  KnowledgeMissBody,
  KnowledgeMissDto,
  KnowledgeSearchPage,
  KnowledgeStatsDto,
  KnowledgeStatsQuery,
  KnowledgeSuggestionsQuery,
  PatchArticleBody,
  SearchKnowledgeQuery,
} from "../../../common/contracts/knowledge.ts";
import { errorResponses } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { withIdempotency } from "../../storage/idempotency.ts";
import { APPEAL_STAFF } from "../appeals/appeal.policy.ts";
import { requireUser } from "../users/request-user.ts";
import { presentArticle } from "./article.presenter.ts";
import { exportArticlesXlsx } from "./article-xlsx.ts";
import { browseKnowledge } from "./browse-knowledge.ts";
import { importKnowledgeFile } from "./import-knowledge-file.ts";
import { KNOWLEDGE_READERS, KNOWLEDGE_STATS_READERS, KNOWLEDGE_WRITERS } from "./knowledge.policy.ts";
import { knowledgeIndex } from "./knowledge-index.ts";
import { knowledgeStats, statsWindow } from "./knowledge-stats.ts";
import { getArticleWithVersions } from "./query-articles.ts";
import { recordMiss } from "./record-miss.ts";
import { createArticle, updateArticle } from "./save-article.ts";
import { suggestForAppeal } from "./search-knowledge.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const tags = ["knowledge"];

/** The knowledge base (知识库): search, articles and their versions, misses, stats, XLSX. */
export async function knowledgeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  r.addSchema(ArticleDto);

  r.get(
    "/api/v1/knowledge",
    {
      schema: {
        tags,
        summary: "Search articles (ranked, with snippets) or, without q, list them",
        description:
          "With `q`: BM25-ranked hits over jieba words (title weighted), traditional characters folded, " +
          "common synonyms (暖气/供暖, 社保/社会保险 …) and the word being typed expanded. " +
          "`regionCode`: articles for that region, a region containing it, or the whole province. " +
          "`categoryCode`: prefix either way. Current published articles only unless `includeExpired` / `status`. " +
          "Hits (with `q`) and articles (without) differ in shape: the two branches of the answer.",
        querystring: SearchKnowledgeQuery,
        response: { 200: KnowledgeSearchPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_READERS);
      return browseKnowledge(ctx, user, req.query);
    },
  );

  r.get(
    "/api/v1/knowledge/stats",
    {
      schema: {
        tags,
        summary: "Usage and misses per article and owning department; recent misses (owners)",
        querystring: KnowledgeStatsQuery,
        response: { 200: KnowledgeStatsDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_STATS_READERS);
      return knowledgeStats(ctx, user, statsWindow(ctx, req.query));
    },
  );

  r.get(
    "/api/v1/knowledge.xlsx",
    {
      schema: {
        tags,
        summary: "Every article as an Excel sheet (the layout the import reads)",
        querystring: ExportKnowledgeQuery,
        produces: [XLSX_TYPE],
        response: {
          200: { description: "the .xlsx file", type: "string", format: "binary" },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      const buf = await exportArticlesXlsx(ctx, req.query.includeArchived ?? false);
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", 'attachment; filename="knowledge.xlsx"')
        .send(buf);
    },
  );

  r.post(
    "/api/v1/knowledge/import",
    {
      schema: {
        tags,
        summary: "Import articles from an Excel sheet (all or nothing)",
        description:
          'Body `{ "file": "<the .xlsx, base64>" }` (at most ≈750 KB of file under the 1 MiB body limit), ' +
          "laid out as `GET /api/v1/knowledge.xlsx` writes it. A row with an existing id changes that article " +
          "(its version must still match), other rows create articles. Any problem refuses the whole file, " +
          "each problem named by row and column.",
        body: ImportKnowledgeBody,
        response: { 200: ImportKnowledgeResult, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      return importKnowledgeFile(ctx, user, req.body.file);
    },
  );

  r.post(
    "/api/v1/knowledge/misses",
    {
      schema: {
        tags,
        summary: "Flag that no article fitted a search (no appeal yet)",
        body: KnowledgeMissBody,
        response: { 201: KnowledgeMissDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      return reply.status(201).send(await recordMiss(ctx, user, req.body));
    },
  );

  r.get(
    "/api/v1/knowledge/:id",
    {
      schema: {
        tags,
        summary: "One article with every version, newest first",
        params: KnowledgeIdParams,
        response: { 200: ArticleDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_READERS);
      const { article, versions } = await getArticleWithVersions(ctx, req.params.id);
      return presentArticle(ctx, user, article, versions);
    },
  );

  r.post(
    "/api/v1/knowledge",
    {
      schema: {
        tags,
        summary: "Write an article (admin, supervisor, or a handler of the owning department)",
        body: CreateArticleBody,
        headers: CreateArticleHeaders,
        response: { 201: ArticleDto, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      const res = await withIdempotency(
        ctx,
        `knowledge:${user.id}`,
        req.headers["idempotency-key"],
        req.body,
        async (tx) => ({
          status: 201,
          body: presentArticle(ctx, user, await createArticle(ctx, user, req.body, tx)),
        }),
      );
      // Written inside the idempotency transaction: the index follows after commit.
      await knowledgeIndex(ctx, true);
      if (res.replayed) reply.header("idempotent-replayed", "true");
      // A replay answers what the first request did: always 201 here (a refusal stores nothing).
      return reply.status(201).send(res.body);
    },
  );

  r.patch(
    "/api/v1/knowledge/:id",
    {
      schema: {
        tags,
        summary: "Change an article: a new version (send the version you saw; 409 STALE_VERSION otherwise)",
        params: KnowledgeIdParams,
        body: PatchArticleBody,
        response: { 200: ArticleDto, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      return presentArticle(ctx, user, await updateArticle(ctx, user, req.params.id, req.body));
    },
  );

  r.get(
    "/api/v1/appeals/:id/knowledge-suggestions",
    {
      schema: {
        tags,
        summary: "Articles that may answer this appeal (from its title, body and region)",
        params: KnowledgeIdParams,
        querystring: KnowledgeSuggestionsQuery,
        response: { 200: KnowledgeHitList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      return { items: await suggestForAppeal(ctx, { appealId: req.params.id, user }, req.query.limit ?? 5) };
    },
  );

  r.post(
    "/api/v1/appeals/:id/knowledge-miss",
    {
      schema: {
        tags,
        summary: "No article fitted this appeal (one click on the agent desk)",
        params: KnowledgeIdParams,
        // The body may be left out: the appeal's title then stands for the query.
        body: Type.Optional(KnowledgeMissBody),
        response: { 201: KnowledgeMissDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const body = req.body ?? {};
      return reply.status(201).send(await recordMiss(ctx, user, { ...body, appealId: req.params.id }));
    },
  );
}
