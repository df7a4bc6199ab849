/**
 * Wire contract of the hot-spots module: duplicates at intake (重复诉求 / 并案 candidates) and hot
 * spots (热点 / 小苗头). Validation, serialisation, OpenAPI and the console's types come from here.
 */
import { type Static, Type } from "@sinclair/typebox";
import { APPEAL_STATUSES } from "../appeal-state.ts";
import { IsoDateTime, Nullable, StringEnum } from "./shared.ts";

/** A hot spot's life: found by a scan (`open`), turned into supervised work, or gone from the window. */
export const HOTSPOT_STATUSES = ["open", "supervised", "expired"] as const;
export type HotspotStatus = (typeof HOTSPOT_STATUSES)[number];

/** What a user may do with a hot spot (sent as `abilities`, computed by `hotspot.policy.ts`). */
export const HOTSPOT_ABILITIES = ["supervise"] as const;
export type HotspotAbility = (typeof HOTSPOT_ABILITIES)[number];

const RegionCode = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" });

/** `{id}` of `/appeals/{id}/duplicates` and `/hotspots/{id}`. */
export const HotspotIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** `?sameDistrict=&minScore=&limit=` of both duplicate searches. */
export const DuplicateQuery = Type.Object(
  {
    sameDistrict: Type.Optional(
      Type.Boolean({ description: "only the same district (default: the whole city)" }),
    ),
    minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type DuplicateQueryInput = Static<typeof DuplicateQuery>;

/** `POST /api/v1/duplicates/check`: a text not yet received (the agent desk, while typing). */
export const DuplicateCheckBody = Type.Object(
  {
    title: Type.String({ maxLength: 200 }),
    body: Type.String({ maxLength: 10000 }),
    regionCode: Type.Optional(Nullable(RegionCode)),
    address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    phone: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 30,
          pattern: "^[0-9+()\\-. ]*$",
          description: "the caller's number: the same caller is strong evidence of a repeat",
        }),
      ),
    ),
    categoryCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false },
);
export type DuplicateCheckInput = Static<typeof DuplicateCheckBody>;

/** Why a candidate scored as it did (the console shows "同一来电人 · 同一地址 · 文本相似 0.46"). */
export const DUPLICATE_REASON_CODES = [
  "textSimilarity",
  "sameCaller",
  "sameAddress",
  "nearbyAddress",
  "sameCategory",
  "timeApart",
] as const;
export type DuplicateReasonCode = (typeof DUPLICATE_REASON_CODES)[number];

/** One part of a duplicate score. */
export const DuplicateReasonDto = Type.Object({
  code: StringEnum(DUPLICATE_REASON_CODES),
  value: Type.Number({
    description:
      "textSimilarity: 0–1; sameAddress / nearbyAddress: metres apart when both have coordinates, else 1; timeApart: hours; others 1",
  }),
  points: Type.Number({ description: "what it adds to the score" }),
});
export type DuplicateReason = Static<typeof DuplicateReasonDto>;

/** One duplicate candidate: an open appeal the user may see, with its similarity. */
export const DuplicateItemDto = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  score: Type.Number({
    description:
      "0–1: text similarity (TF-IDF cosine of words blended with bigram Jaccard) plus the same caller, address, category and day, as far as the texts are alike",
  }),
  reasons: Type.Array(DuplicateReasonDto, { description: "the parts of the score, largest first" }),
  status: StringEnum(APPEAL_STATUSES),
  title: Type.String(),
  regionCode: Nullable(Type.String()),
  createdAt: IsoDateTime,
  mergedInto: Nullable(Type.String()),
  sameDistrict: Type.Boolean(),
});
export type DuplicateItem = Static<typeof DuplicateItemDto>;

/** Both duplicate searches answer `{ items }`, most similar first. */
export const DuplicateList = Type.Object({ items: Type.Array(DuplicateItemDto) });
export type DuplicateListDto = Static<typeof DuplicateList>;

/** `GET /api/v1/hotspots`. */
export const HotspotListQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
    regionCode: Type.Optional(RegionCode),
    status: Type.Optional(StringEnum(HOTSPOT_STATUSES)),
    warning: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type HotspotListQueryInput = Static<typeof HotspotListQuery>;

/** What the scan compared a burst with. */
export const HotspotBaselineDto = Type.Object({
  kind: StringEnum(["season", "trailing", "none"] as const, {
    description: "same calendar weeks a year earlier, the trailing days, or no history",
  }),
  matches: Type.Number(),
  days: Type.Number(),
  ratePerDay: Type.Number(),
});

/** A hot spot of `GET /api/v1/hotspots`. */
export const HotspotDto = Type.Object({
  id: Type.String(),
  status: StringEnum(HOTSPOT_STATUSES),
  heat: Type.Number(),
  size: Type.Integer({ description: "appeals in the cluster" }),
  callers: Type.Integer({ description: "distinct callers" }),
  votes: Type.Integer(),
  regionCode: Nullable(Type.String()),
  place: Nullable(Type.String({ description: "a short place word linking the appeals, not a display name" })),
  title: Type.String(),
  keywords: Type.Array(Type.String()),
  from: IsoDateTime,
  to: IsoDateTime,
  appealIds: Type.Array(Type.String(), { description: "oldest first" }),
  warning: Type.Boolean({ description: "an early warning (小苗头)" }),
  warningReason: Nullable(Type.String()),
  recent: Type.Integer({ description: "similar appeals in the burst span" }),
  expected: Type.Number({ description: "what the baseline expects for that span" }),
  baseline: HotspotBaselineDto,
  trend: Type.Array(Type.Object({ day: Type.String({ description: "YYYY-MM-DD" }), count: Type.Integer() })),
  scannedAt: IsoDateTime,
  supervisedAppealId: Nullable(Type.String()),
  supervisedAt: Nullable(IsoDateTime),
  abilities: Type.Array(StringEnum(HOTSPOT_ABILITIES), { description: "what this user may do now" }),
});
export type Hotspot = Static<typeof HotspotDto>;

export const HotspotList = Type.Object({ items: Type.Array(HotspotDto) });
export type HotspotListDto = Static<typeof HotspotList>;

/** An appeal of a hot spot, for its table and map. */
export const HotspotAppealDto = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  title: Type.String(),
  status: StringEnum(APPEAL_STATUSES),
  regionCode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  createdAt: IsoDateTime,
  mergedInto: Nullable(Type.String()),
  supervised: Type.Boolean(),
});
export type HotspotAppeal = Static<typeof HotspotAppealDto>;

/** `GET /api/v1/hotspots/{id}`: the hot spot with its appeals. */
export const HotspotDetailDto = Type.Composite([
  HotspotDto,
  Type.Object({ appeals: Type.Array(HotspotAppealDto) }),
]);
export type HotspotDetail = Static<typeof HotspotDetailDto>;

/** `POST /api/v1/hotspots/{id}/supervise`. */
export const SuperviseHotspotBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 800 }) },
  { additionalProperties: false },
);
export type SuperviseHotspotInput = Static<typeof SuperviseHotspotBody>;

/** What supervising did: the appeals now supervised, and those skipped with the reason. */
export const SuperviseHotspotResult = Type.Object({
  hotspot: HotspotDetailDto,
  supervised: Type.Array(Type.String()),
  skipped: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
});
export type SuperviseHotspotResultDto = Static<typeof SuperviseHotspotResult>;
