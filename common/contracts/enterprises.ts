import { type Static, Type } from "@sinclair/typebox";
import { AttrValue, LedgerChanges } from "./policies.ts";
import { IsoDateTime, Nullable, StringEnum } from "./shared.ts";

/**
 * The wire contract of the enterprise registry (企业库) behind 免申即享: the controlled attribute
 * list, enterprises with their version history, create/update, import, the lookup code. Routes in
 * `server/modules/enterprises/enterprises.routes.ts`.
 */

export { AttrValue };

/** The kinds of value an attribute holds. */
export const ATTR_TYPES = ["number", "date", "enum", "boolean", "region", "industry"] as const;
export type AttrType = (typeof ATTR_TYPES)[number];

/** One attribute of the controlled list (what a decision table may test). */
export const AttrDef = Type.Object({
  key: Type.String(),
  type: StringEnum(ATTR_TYPES),
  /** Chinese label, as officers and enterprises read it. */
  label: Type.String(),
  /** Unit shown after a number ("元", "%", "人"). */
  unit: Type.Optional(Type.String()),
  /** For enums: allowed values, with their Chinese labels. */
  values: Type.Optional(Type.Array(Type.String())),
  valueLabels: Type.Optional(Type.Record(Type.String(), Type.String())),
  /** Derived by the registry (e.g. the size class): an import may not set it. */
  derived: Type.Optional(Type.Boolean()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
});
export type AttrDef = Static<typeof AttrDef>;

export const AttributeList = Type.Object({ items: Type.Array(AttrDef) });
export type AttributeList = Static<typeof AttributeList>;

// ---- requests ----

export const UsccParams = Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }) });

/** `GET /enterprises?regionCode=&q=&limit=&cursor=` */
export const EnterpriseListQuery = Type.Object({
  /** A GB/T 2260 prefix: 2 digits = province, 4 = city, 6 = district. */
  regionCode: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })),
  /** Part of the name. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 40 })),
});
export type EnterpriseListQuery = Static<typeof EnterpriseListQuery>;

/** Body of `PUT /enterprises/{uscc}`: attributes not named are unknown. */
export const SaveEnterpriseBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    attrs: Type.Record(
      Type.String({ maxLength: 60 }),
      Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean(), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type SaveEnterpriseInput = Static<typeof SaveEnterpriseBody>;

export const IMPORT_FORMATS = ["csv", "xlsx"] as const;

/** Body of `POST /enterprises/import`: CSV text or XLSX as base64; mapping = field → column header. */
export const ImportEnterprisesBody = Type.Object(
  {
    format: StringEnum(IMPORT_FORMATS),
    content: Type.String({ minLength: 1, maxLength: 1_000_000 }),
    mapping: Type.Optional(
      Type.Record(Type.String({ maxLength: 60 }), Type.String({ minLength: 1, maxLength: 100 })),
    ),
  },
  { additionalProperties: false },
);
export type ImportEnterprisesInput = Static<typeof ImportEnterprisesBody>;

// ---- responses ----

/** What this user may do with an enterprise. */
export const EnterpriseAbilities = Type.Object({
  /** Change its data (a new version; the registry is re-matched). */
  edit: Type.Boolean(),
  /** Issue a new verification code for the public lookup. */
  issueLookupCode: Type.Boolean(),
});
export type EnterpriseAbilities = Static<typeof EnterpriseAbilities>;

export const Enterprise = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  cityCode: Type.String(),
  attrs: Type.Record(Type.String(), AttrValue),
  /** Generated demo data (合成), never a real enterprise. */
  synthetic: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: IsoDateTime,
  abilities: EnterpriseAbilities,
});
export type Enterprise = Static<typeof Enterprise>;

export const EnterprisePage = Type.Object({
  items: Type.Array(Enterprise),
  nextCursor: Nullable(Type.String()),
});
export type EnterprisePage = Static<typeof EnterprisePage>;

/** One version of an enterprise's data: what we knew, and when. */
export const EnterpriseVersion = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  attrs: Type.Record(Type.String(), AttrValue),
  validFrom: IsoDateTime,
  validTo: Nullable(IsoDateTime),
  source: Type.String(),
  changedBy: Nullable(Type.String()),
});
export type EnterpriseVersion = Static<typeof EnterpriseVersion>;

export const EnterpriseDetail = Type.Composite([
  Enterprise,
  Type.Object({ history: Type.Array(EnterpriseVersion) }),
]);
export type EnterpriseDetail = Static<typeof EnterpriseDetail>;

/** `PUT /enterprises/{uscc}`: the stored enterprise and how the re-match changed the ledger. */
export const SavedEnterprise = Type.Composite([Enterprise, Type.Object({ rematch: LedgerChanges })]);
export type SavedEnterprise = Static<typeof SavedEnterprise>;

export const ImportResult = Type.Object({ imported: Type.Integer(), changed: Type.Integer() });
export type ImportResult = Static<typeof ImportResult>;

/** The new verification code, shown once (only its hash is stored). */
export const LookupCode = Type.Object({ uscc: Type.String(), code: Type.String() });
export type LookupCode = Static<typeof LookupCode>;
