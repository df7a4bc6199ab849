import { type Static, Type } from "@sinclair/typebox";
import { IsoDateTime, Nullable, StringEnum } from "./shared.ts";

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

/** `POST /api/v1/appeals/{id}/knowledge-miss` and `POST /api/v1/knowledge/misses`. */
export const KnowledgeMissBody = Type.Object(
  {
    query: Type.Optional(Type.String({ maxLength: 500, description: "what the agent searched for" })),
    shownArticleIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

/** `POST /api/v1/knowledge/import`: the XLSX file as base64 (the layout `GET …/knowledge.xlsx` writes). */
export const ImportKnowledgeBody = Type.Object(
  { file: Type.String({ minLength: 1, maxLength: 1_000_000, description: "the .xlsx file, base64" }) },
  { additionalProperties: false },
);
