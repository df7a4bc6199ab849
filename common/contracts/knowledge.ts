import { type Static, Type } from "@sinclair/typebox";
import { IsoDateTime, Nullable, Page, StringEnum } from "./shared.ts";

export const ARTICLE_STATUS_VALUES = ["draft", "published", "archived"] as const;

const Code = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" });
const IsoDate = Type.String({ format: "date", description: "YYYY-MM-DD (China calendar date)" });
/** The largest article body accepted, in bytes of UTF-8 (checked again after sanitising). */
export const MAX_ARTICLE_BODY_BYTES = 200 * 1024;

const Source = Type.Object(
  {
    title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    url: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    number: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: "文号, e.g. 辽政办发〔2023〕1号" })),
    ),
  },
  { additionalProperties: false },
);

const articleFields = {
  title: Type.String({ maxLength: 200, description: "plain text; markup is kept as typed, never rendered" }),
  body: Type.String({
    // Characters, a loose outer bound; the 200 KB limit on the sanitised body is checked in bytes.
    maxLength: 400_000,
    description:
      "rich text (HTML); kept to p, br, strong, em, ul, ol, li, a[href http/https], h3, h4, tables",
  }),
  categoryCodes: Type.Array(Code, { maxItems: 20 }),
  regionCodes: Type.Array(Code, { maxItems: 50, description: "empty = the whole province" }),
  departmentId: Type.String({ minLength: 1, maxLength: 64, description: "owning department" }),
  source: Nullable(Source),
  effectiveFrom: IsoDate,
  effectiveTo: Nullable(IsoDate),
  reviewBy: Nullable(IsoDate),
  status: StringEnum(ARTICLE_STATUS_VALUES),
  sample: Type.Boolean({ description: "demo content (示例内容)" }),
};

/** `POST /api/v1/knowledge`. */
export const CreateArticleBody = Type.Object(
  {
    title: articleFields.title,
    body: articleFields.body,
    categoryCodes: Type.Optional(articleFields.categoryCodes),
    regionCodes: Type.Optional(articleFields.regionCodes),
    departmentId: articleFields.departmentId,
    source: Type.Optional(articleFields.source),
    effectiveFrom: Type.Optional(articleFields.effectiveFrom),
    effectiveTo: Type.Optional(articleFields.effectiveTo),
    reviewBy: Type.Optional(articleFields.reviewBy),
    status: Type.Optional(articleFields.status),
    sample: Type.Optional(articleFields.sample),
  },
  { additionalProperties: false },
);
export type CreateArticleInput = Static<typeof CreateArticleBody>;

/** `PATCH /api/v1/knowledge/{id}`: the `version` seen, and the fields that change. */
export const PatchArticleBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(articleFields.title),
    body: Type.Optional(articleFields.body),
    categoryCodes: Type.Optional(articleFields.categoryCodes),
    regionCodes: Type.Optional(articleFields.regionCodes),
    departmentId: Type.Optional(articleFields.departmentId),
    source: Type.Optional(articleFields.source),
    effectiveFrom: Type.Optional(articleFields.effectiveFrom),
    effectiveTo: Type.Optional(articleFields.effectiveTo),
    reviewBy: Type.Optional(articleFields.reviewBy),
    status: Type.Optional(articleFields.status),
    sample: Type.Optional(articleFields.sample),
  },
  { additionalProperties: false },
);
export type PatchArticleInput = Static<typeof PatchArticleBody>;

/** `Idempotency-Key` of `POST /api/v1/knowledge`: a retried create returns the first answer. */
export const CreateArticleHeaders = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ maxLength: 200 })),
});

/** An article as the API presents it. */
export const ArticleDto = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer(),
    status: StringEnum(ARTICLE_STATUS_VALUES),
    title: Type.String(),
    body: Type.String({ description: "sanitised HTML" }),
    categoryCodes: Type.Array(Type.String()),
    regionCodes: Type.Array(Type.String()),
    departmentId: Type.String(),
    departmentName: Nullable(Type.String()),
    source: Type.Object({
      title: Nullable(Type.String()),
      url: Nullable(Type.String()),
      number: Nullable(Type.String()),
    }),
    effectiveFrom: Type.String(),
    effectiveTo: Nullable(Type.String()),
    reviewBy: Nullable(Type.String()),
    expired: Type.Boolean(),
    needsReview: Type.Boolean(),
    current: Type.Boolean({ description: "published, in effect and not past its review date" }),
    sample: Type.Boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    abilities: Type.Array(StringEnum(["edit", "answer"] as const)),
    versions: Type.Optional(
      Type.Array(
        Type.Object({
          version: Type.Integer(),
          status: Type.String(),
          title: Type.String(),
          body: Type.String(),
          meta: Type.Record(Type.String(), Type.Unknown()),
          editor: Type.Object({ id: Nullable(Type.String()), name: Type.String() }),
          at: IsoDateTime,
        }),
      ),
    ),
  },
  { $id: "KnowledgeArticle" },
);
export type Article = Static<typeof ArticleDto>;
/** One stored version of an article (`versions` of `GET /api/v1/knowledge/{id}`). */
export type ArticleVersion = NonNullable<Article["versions"]>[number];

/** One ranked search hit. */
export const KnowledgeHitDto = Type.Object({
  id: Type.String(),
  title: Type.String(),
  score: Type.Number(),
  snippet: Type.String({ description: "plain text around the matched words" }),
  highlights: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), {
    description: "[start, end) offsets of matched words in snippet",
  }),
  matchedWords: Type.Array(Type.String()),
  status: Type.String(),
  categoryCodes: Type.Array(Type.String()),
  regionCodes: Type.Array(Type.String()),
  departmentId: Type.String(),
  version: Type.Integer(),
  expired: Type.Boolean(),
  needsReview: Type.Boolean(),
  current: Type.Boolean(),
  sample: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export type KnowledgeHit = Static<typeof KnowledgeHitDto>;

/** `GET /api/v1/knowledge`: ranked with `q`, otherwise the latest changed first. */
export const SearchKnowledgeQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500 })),
    categoryCode: Type.Optional(Code),
    regionCode: Type.Optional(Code),
    departmentId: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(StringEnum([...ARTICLE_STATUS_VALUES, "any"] as const)),
    includeExpired: Type.Optional(Type.Boolean({ default: false })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type SearchKnowledgeInput = Static<typeof SearchKnowledgeQuery>;

/**
 * The answer of `GET /api/v1/knowledge`: ranked hits with `q` (no cursor), otherwise a page of
 * articles, the latest changed first.
 */
export const KnowledgeSearchPage = Type.Union([Page(KnowledgeHitDto), Page(Type.Ref(ArticleDto))]);
export type KnowledgeSearchPageDto = Static<typeof KnowledgeSearchPage>;

/** `{id}` of an article (and of an appeal in `/appeals/{id}/knowledge-…`). */
export const KnowledgeIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** `GET /api/v1/appeals/{id}/knowledge-suggestions`. */
export const KnowledgeSuggestionsQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) },
  { additionalProperties: false },
);
export const KnowledgeHitList = Type.Object({ items: Type.Array(KnowledgeHitDto) });
export type KnowledgeHitListDto = Static<typeof KnowledgeHitList>;

/** `POST /api/v1/appeals/{id}/knowledge-miss` and `POST /api/v1/knowledge/misses`. */
export const KnowledgeMissBody = Type.Object(
  {
    query: Type.Optional(Type.String({ maxLength: 500, description: "what the agent searched for" })),
    shownArticleIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type KnowledgeMissInput = Static<typeof KnowledgeMissBody>;

/** `GET /api/v1/knowledge.xlsx`. */
export const ExportKnowledgeQuery = Type.Object(
  { includeArchived: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

/** `POST /api/v1/knowledge/import`: the XLSX file as base64 (the layout `GET …/knowledge.xlsx` writes). */
export const ImportKnowledgeBody = Type.Object(
  { file: Type.String({ minLength: 1, maxLength: 1_000_000, description: "the .xlsx file, base64" }) },
  { additionalProperties: false },
);

/** What an import did. */
export const ImportKnowledgeResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportKnowledgeResultDto = Static<typeof ImportKnowledgeResult>;

/** A recorded miss ("no article fitted"). */
export const KnowledgeMissDto = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  appealId: Nullable(Type.String()),
  query: Type.String({ description: "what was searched (the appeal's title when nothing was typed)" }),
  shownArticleIds: Type.Array(Type.String()),
  categoryCode: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  userName: Type.String(),
});
export type KnowledgeMiss = Static<typeof KnowledgeMissDto>;

/** `GET /api/v1/knowledge/stats`: the window, by default the 30 days up to now. */
export const KnowledgeStatsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
  },
  { additionalProperties: false },
);
export type KnowledgeStatsInput = Static<typeof KnowledgeStatsQuery>;

/** Usage and misses of one article in the window. */
export const ArticleStatsDto = Type.Object({
  id: Type.String(),
  title: Type.String(),
  departmentId: Type.String(),
  status: StringEnum(ARTICLE_STATUS_VALUES),
  current: Type.Boolean(),
  uses: Type.Integer({ description: "appeals answered directly with this article" }),
  lastUsedAt: Nullable(IsoDateTime),
  misses: Type.Integer({ description: "misses flagged while this article was among those shown" }),
});
export type ArticleStats = Static<typeof ArticleStatsDto>;

/** Usage and misses of one owning department's articles. */
export const DepartmentStatsDto = Type.Object({
  departmentId: Type.String(),
  name: Nullable(Type.String()),
  articles: Type.Integer(),
  current: Type.Integer(),
  needsAttention: Type.Integer({ description: "published but expired or past review" }),
  uses: Type.Integer(),
  misses: Type.Integer(),
});
export type DepartmentStats = Static<typeof DepartmentStatsDto>;

/** What the owners of the knowledge base watch (handlers: their own department's subtree). */
export const KnowledgeStatsDto = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  totals: Type.Object({
    articles: Type.Integer(),
    uses: Type.Integer(),
    misses: Type.Integer({ description: "every miss in the window (for handlers: the ones listed)" }),
  }),
  articles: Type.Array(ArticleStatsDto),
  departments: Type.Array(DepartmentStatsDto),
  recentMisses: Type.Array(
    Type.Composite([KnowledgeMissDto, Type.Object({ ticketNo: Nullable(Type.String()) })]),
    { description: "the latest 50, newest first" },
  ),
});
export type KnowledgeStats = Static<typeof KnowledgeStatsDto>;
