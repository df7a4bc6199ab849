import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import {
  ArticleDto,
  CreateArticleBody,
  type CreateArticleInput,
  ImportKnowledgeBody,
  KnowledgeHitDto,
  KnowledgeMissBody,
  PatchArticleBody,
  type PatchArticleInput,
  SearchKnowledgeQuery,
} from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { withIdempotency } from "../../http/idempotency.ts";
import { badField } from "../../platform/errors.ts";
import { APPEAL_STAFF } from "../appeals/appeal.policy.ts";
import { presentArticle } from "./article.presenter.ts";
import { exportArticlesXlsx, importArticlesXlsx } from "./article-xlsx.ts";
import { KNOWLEDGE_READERS, KNOWLEDGE_STATS_READERS, KNOWLEDGE_WRITERS } from "./knowledge.policy.ts";
import { knowledgeIndex } from "./knowledge-index.ts";
import { knowledgeStats } from "./knowledge-stats.ts";
import { getArticleWithVersions, listArticles } from "./query-articles.ts";
import { recordMiss } from "./record-miss.ts";
import { createArticle, updateArticle } from "./save-article.ts";
import { searchKnowledge, suggestForAppeal } from "./search-knowledge.ts";

const errors = {
  400: { $ref: "Error#" },
  401: { $ref: "Error#" },
  403: { $ref: "Error#" },
  404: { $ref: "Error#" },
  409: { $ref: "Error#" },
};
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const StatsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
  },
  { additionalProperties: false },
);
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The knowledge base (知识库): search, articles and their versions, misses, stats, XLSX. */
export async function knowledgeRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(ArticleDto);

  app.get(
    "/api/v1/knowledge",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Search articles (ranked, with snippets) or, without q, list them",
        description:
          "With `q`: BM25-ranked hits over jieba words (title weighted), traditional characters folded, " +
          "common synonyms (暖气/供暖, 社保/社会保险 …) and the word being typed expanded. " +
          "`regionCode`: articles for that region, a region containing it, or the whole province. " +
          "`categoryCode`: prefix either way. Current published articles only unless `includeExpired` / `status`.",
        querystring: SearchKnowledgeQuery,
        // Hits (with q) and articles (without) differ in shape; both are documented above.
        response: { ...errors },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_READERS);
      const q = req.query as {
        q?: string;
        categoryCode?: string;
        regionCode?: string;
        departmentId?: string;
        status?: "draft" | "published" | "archived" | "any";
        includeExpired?: boolean;
        limit?: number;
        cursor?: string;
      };
      const limit = q.limit ?? 20;
      if (q.q?.trim()) {
        if (q.status === "archived")
          throw badField("querystring.status", "archived articles are not searchable; list them without q");
        const hits = await searchKnowledge(ctx, {
          q: q.q,
          categoryCode: q.categoryCode,
          regionCode: q.regionCode,
          status: q.status as "draft" | "published" | "any" | undefined,
          includeExpired: q.includeExpired,
          // The department filter runs on the ranked hits, so rank deeper when it is set.
          limit: q.departmentId ? 500 : limit,
        });
        const items = (q.departmentId ? hits.filter((h) => h.departmentId === q.departmentId) : hits).slice(
          0,
          limit,
        );
        return { items, nextCursor: null };
      }
      const page = await listArticles(ctx, { ...q, limit });
      return { items: page.items.map((a) => presentArticle(ctx, user, a)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/v1/knowledge/stats",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Usage and misses per article and owning department; recent misses (owners)",
        querystring: StatsQuery,
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_STATS_READERS);
      const q = req.query as { from?: string; to?: string };
      const to = q.to ? new Date(q.to) : ctx.clock.now();
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86400_000);
      if (from >= to) throw badField("querystring.from", "must be before to");
      return knowledgeStats(ctx, user, { from, to });
    },
  );

  app.get(
    "/api/v1/knowledge.xlsx",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Every article as an Excel sheet (the layout the import reads)",
        querystring: Type.Object(
          { includeArchived: Type.Optional(Type.Boolean({ default: false })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      const buf = await exportArticlesXlsx(
        ctx,
        (req.query as { includeArchived?: boolean }).includeArchived ?? false,
      );
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", 'attachment; filename="knowledge.xlsx"')
        .send(buf);
    },
  );

  app.post(
    "/api/v1/knowledge/import",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Import articles from an Excel sheet (all or nothing)",
        description:
          'Body `{ "file": "<the .xlsx, base64>" }` (at most ≈750 KB of file under the 1 MiB body limit), ' +
          "laid out as `GET /api/v1/knowledge.xlsx` writes it. A row with an existing id changes that article " +
          "(its version must still match), other rows create articles. Any problem refuses the whole file, " +
          "each problem named by row and column.",
        body: ImportKnowledgeBody,
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      const text = (req.body as { file: string }).file.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw badField("body.file", "is not base64");
      return importArticlesXlsx(ctx, user, Buffer.from(text, "base64"));
    },
  );

  app.post(
    "/api/v1/knowledge/misses",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Flag that no article fitted a search (no appeal yet)",
        body: KnowledgeMissBody,
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const body = req.body as { query?: string; shownArticleIds?: string[] };
      return reply.status(201).send(await recordMiss(ctx, user, body));
    },
  );

  app.get(
    "/api/v1/knowledge/:id",
    {
      schema: {
        tags: ["knowledge"],
        summary: "One article with every version, newest first",
        params: IdParams,
        response: { 200: Type.Ref(ArticleDto), ...errors },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_READERS);
      const { article, versions } = await getArticleWithVersions(ctx, (req.params as { id: string }).id);
      return presentArticle(ctx, user, article, versions);
    },
  );

  app.post(
    "/api/v1/knowledge",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Write an article (admin, supervisor, or a handler of the owning department)",
        body: CreateArticleBody,
        headers: Type.Object({ "idempotency-key": Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: Type.Ref(ArticleDto), ...errors },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      const input = req.body as CreateArticleInput;
      const res = await withIdempotency(
        ctx,
        `knowledge:${user.id}`,
        req.headers["idempotency-key"] as string | undefined,
        input,
        async (tx) => ({
          status: 201,
          body: presentArticle(ctx, user, await createArticle(ctx, user, input, tx)),
        }),
      );
      await knowledgeIndex(ctx, true);
      if (res.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(res.status).send(res.body);
    },
  );

  app.patch(
    "/api/v1/knowledge/:id",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Change an article: a new version (send the version you saw; 409 STALE_VERSION otherwise)",
        params: IdParams,
        body: PatchArticleBody,
        response: { 200: Type.Ref(ArticleDto), ...errors },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, KNOWLEDGE_WRITERS);
      const id = (req.params as { id: string }).id;
      const article = await updateArticle(ctx, user, id, req.body as PatchArticleInput);
      return presentArticle(ctx, user, article);
    },
  );

  app.get(
    "/api/v1/appeals/:id/knowledge-suggestions",
    {
      schema: {
        tags: ["knowledge"],
        summary: "Articles that may answer this appeal (from its title, body and region)",
        params: IdParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(KnowledgeHitDto) }), ...errors },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const appealId = (req.params as { id: string }).id;
      const limit = (req.query as { limit?: number }).limit ?? 5;
      return { items: await suggestForAppeal(ctx, { appealId, user }, limit) };
    },
  );

  app.post(
    "/api/v1/appeals/:id/knowledge-miss",
    {
      schema: {
        tags: ["knowledge"],
        summary: "No article fitted this appeal (one click on the agent desk)",
        params: IdParams,
        body: Type.Optional(KnowledgeMissBody),
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, APPEAL_STAFF);
      const body = (req.body ?? {}) as { query?: string; shownArticleIds?: string[] };
      const appealId = (req.params as { id: string }).id;
      return reply.status(201).send(await recordMiss(ctx, user, { ...body, appealId }));
    },
  );
}
