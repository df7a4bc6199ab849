import { type Static, Type } from "@sinclair/typebox";
import { IsoDateTime, Nullable, StringEnum } from "./shared.ts";

/**
 * The wire contract of 免申即享 (policies granted without applying): decision tables and their
 * versions from draft to publication, the entitlements ledger (兑现台账), explanations and the
 * enterprise's public lookup. Routes in `server/modules/policies/policies.routes.ts`; the console
 * imports the `Static<>` types below instead of copying the shapes.
 */

// ---- vocabularies ----

export const HIT_POLICIES = ["UNIQUE", "FIRST", "ANY", "COLLECT"] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

/** What a policy says about one enterprise. `needs_data` is never "not eligible". */
export const MATCH_STATUSES = ["eligible", "not_eligible", "needs_data", "error"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const VERSION_STATUSES = ["draft", "approved", "published", "superseded"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** An entitlement's life: pending → confirmed → disbursed, or rejected / withdrawn. */
export const LEDGER_STATUSES = ["pending", "confirmed", "disbursed", "rejected", "withdrawn"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** What the issuing department does to entitlements: confirm 确认, reject 退回, disburse 兑付. */
export const LEDGER_ACTION_NAMES = ["confirm", "reject", "disburse"] as const;
export type LedgerActionName = (typeof LEDGER_ACTION_NAMES)[number];

/** A policy's id in URLs: lower-case letters, digits and hyphens. */
export const POLICY_ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";

/** One attribute value of an enterprise (null = unknown). */
export const AttrValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
export type AttrValue = Static<typeof AttrValue>;

// ---- the decision table ----

export const GoldenCase = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    /** Attribute values of the test enterprise (missing = unknown). */
    attrs: Type.Record(Type.String(), AttrValue),
    expect: Type.Object(
      { status: StringEnum(MATCH_STATUSES), amount: Type.Optional(Type.Number()) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type GoldenCase = Static<typeof GoldenCase>;

export const Rule = Type.Object(
  {
    /** One condition per input column, in column order. */
    when: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 24 }),
    eligible: Type.Boolean(),
    /** The amount formula (元), e.g. `min(rdSpend * 0.1, 500000)`; "0" when no money. */
    amount: Type.String({ minLength: 1, maxLength: 1000 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type Rule = Static<typeof Rule>;

/**
 * A policy version as a DMN-shaped decision table (决策表): input columns from the controlled
 * attribute list, one condition per column per rule (`>= 5`, `[1..100]`, `2101, 2102`,
 * `within 3 years`, `-`), a hit policy, and per rule: eligible and the amount formula.
 */
export const DecisionTable = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    /** The department that issues the policy; its handlers confirm the entitlements. */
    issuingDepartmentId: Type.String({ minLength: 1, maxLength: 64 }),
    legalBasis: Type.String({ minLength: 1, maxLength: 2000 }),
    effectiveFrom: Type.String({ format: "date" }),
    effectiveTo: Nullable(Type.String({ format: "date" })),
    sample: Type.Optional(Type.Boolean()),
    hitPolicy: StringEnum(HIT_POLICIES),
    inputs: Type.Array(
      Type.Object(
        { attribute: Type.String({ minLength: 1, maxLength: 60 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 24 },
    ),
    rules: Type.Array(Rule, { minItems: 1, maxItems: 200 }),
    /** The evaluation date the officer's cases assume (default: today). */
    testDate: Type.Optional(Type.String({ format: "date" })),
    /** Cases the officer writes; the generated boundary cases are added when testing. */
    tests: Type.Optional(Type.Array(GoldenCase, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type DecisionTable = Static<typeof DecisionTable>;

// ---- requests ----

export const PolicyIdParams = Type.Object({ id: Type.String({ pattern: POLICY_ID_PATTERN }) });
export const PolicyVersionParams = Type.Object({
  id: Type.String({ pattern: POLICY_ID_PATTERN }),
  version: Type.Integer({ minimum: 1 }),
});

/** Body of `POST /policies/validate` and `POST /policies/{id}/versions`. */
export const TableBody = Type.Object({ table: DecisionTable }, { additionalProperties: false });
export type TableInput = Static<typeof TableBody>;

/** `GET /entitlements?status=&policyId=&uscc=&departmentId=&limit=&cursor=` */
export const LedgerQuery = Type.Object({
  status: Type.Optional(StringEnum(LEDGER_STATUSES)),
  policyId: Type.Optional(Type.String({ maxLength: 64 })),
  uscc: Type.Optional(Type.String({ maxLength: 18 })),
  departmentId: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ format: "uuid" })),
});
export type LedgerQuery = Static<typeof LedgerQuery>;

export const EntitlementIdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const LedgerActionParams = Type.Object({ action: StringEnum(LEDGER_ACTION_NAMES) });

/** Body of `POST /entitlements/actions/{action}`: all or nothing. */
export const LedgerActionBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { id: Type.String({ format: "uuid" }), version: Type.Optional(Type.Integer({ minimum: 1 })) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
    /** Required to reject (退回原因). */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type LedgerActionInput = Static<typeof LedgerActionBody>;

export const PublicLookupParams = Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }) });
export const PublicLookupQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) });

// ---- responses: policies and versions ----

export const PolicySummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  departmentId: Type.String(),
  sample: Type.Boolean(),
  publishedVersion: Nullable(Type.Integer()),
  latestVersion: Nullable(Type.Integer()),
  latestStatus: Nullable(StringEnum(VERSION_STATUSES)),
  updatedAt: IsoDateTime,
});
export type PolicySummary = Static<typeof PolicySummary>;

export const PolicyList = Type.Object({ items: Type.Array(PolicySummary), nextCursor: Type.Null() });
export type PolicyList = Static<typeof PolicyList>;

/** The report of testing a version (stored with it; approval and publication need `passed`). */
export const TestReport = Type.Object({
  passed: Type.Boolean(),
  evalDate: Type.String(),
  officerCases: Type.Array(
    Type.Object({
      name: Type.String(),
      passed: Type.Boolean(),
      expected: Type.Object({ status: StringEnum(MATCH_STATUSES), amount: Type.Optional(Type.Number()) }),
      actual: Type.Object({ status: StringEnum(MATCH_STATUSES), amount: Type.Number() }),
    }),
  ),
  generatedCases: Type.Integer(),
  /** Generated cases where the compiled engine and the FEEL interpreter (feelin) disagree. */
  disagreements: Type.Array(
    Type.Object({
      name: Type.String(),
      attrs: Type.Record(Type.String(), AttrValue),
      engine: Type.Object({ status: Type.String(), amount: Type.Number() }),
      feel: Type.Object({ status: Type.String(), amount: Type.Number() }),
    }),
  ),
});
export type TestReport = Static<typeof TestReport>;

export const PREVIEW_CHANGES = ["newly_eligible", "no_longer_eligible", "amount_changed"] as const;

/** A version matched against the whole registry, compared with the published version. */
export const Preview = Type.Object({
  evalDate: Type.String(),
  enterprises: Type.Integer(),
  eligible: Type.Integer(),
  needsData: Type.Integer(),
  errors: Type.Integer(),
  totalAmount: Type.Number(),
  previousVersion: Nullable(Type.Integer()),
  diff: Type.Object({
    newlyEligible: Type.Integer(),
    noLongerEligible: Type.Integer(),
    amountChanged: Type.Integer(),
    amountDelta: Type.Number(),
    examples: Type.Array(
      Type.Object({
        uscc: Type.String(),
        change: StringEnum(PREVIEW_CHANGES),
        before: Nullable(Type.Number()),
        after: Nullable(Type.Number()),
      }),
    ),
  }),
});
export type Preview = Static<typeof Preview>;

export const PolicyVersion = Type.Object({
  version: Type.Integer(),
  status: StringEnum(VERSION_STATUSES),
  table: DecisionTable,
  testReport: Nullable(TestReport),
  preview: Nullable(Preview),
  previewAt: Nullable(IsoDateTime),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(IsoDateTime),
  publishedBy: Nullable(Type.String()),
  publishedAt: Nullable(IsoDateTime),
  createdBy: Type.String(),
  /** Who drafted it; another officer approves it. Null: sample data, or before four-eyes approval. */
  createdById: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type PolicyVersion = Static<typeof PolicyVersion>;

export const PolicyDetail = Type.Object({
  id: Type.String(),
  title: Type.String(),
  departmentId: Type.String(),
  sample: Type.Boolean(),
  publishedVersion: Nullable(Type.Integer()),
  versions: Type.Array(PolicyVersion),
});
export type PolicyDetail = Static<typeof PolicyDetail>;

/** A problem naming the request field (`body.table.rules[1].when[0]`). */
export const Problem = Type.Object({ field: Type.String(), message: Type.String() });
export type Problem = Static<typeof Problem>;

export const ValidateResult = Type.Object({ valid: Type.Boolean(), problems: Type.Array(Problem) });
export type ValidateResult = Static<typeof ValidateResult>;

export const CreatedVersion = Type.Object({
  policyId: Type.String(),
  version: Type.Integer(),
  status: StringEnum(VERSION_STATUSES),
});
export type CreatedVersion = Static<typeof CreatedVersion>;

export const ApprovedVersion = Type.Object({
  policyId: Type.String(),
  version: Type.Integer(),
  status: Type.Literal("approved"),
  preview: Preview,
});
export type ApprovedVersion = Static<typeof ApprovedVersion>;

/** How the ledger changed after a re-match: new pending rows, recomputed amounts, withdrawn rows. */
export const LedgerChanges = Type.Object({
  created: Type.Integer(),
  recomputed: Type.Integer(),
  withdrawn: Type.Integer(),
});
export type LedgerChanges = Static<typeof LedgerChanges>;

export const PublishedVersion = Type.Composite([
  Type.Object({ policyId: Type.String(), version: Type.Integer(), status: Type.Literal("published") }),
  LedgerChanges,
]);
export type PublishedVersion = Static<typeof PublishedVersion>;

// ---- responses: explanations and the ledger ----

/** One condition of one rule, explained in Chinese. `ok` null = the data is missing. */
export const ConditionLine = Type.Object({
  attribute: Type.String(),
  label: Type.String(),
  ok: Nullable(Type.Boolean()),
  text: Type.String(),
});
export type ConditionLine = Static<typeof ConditionLine>;

/** Which rule decided, each condition, the amount's formula with values; `text` is the whole. */
export const Explanation = Type.Object({
  status: StringEnum(MATCH_STATUSES),
  /** 0-based rule index; null when no single rule decided (needs data, not eligible). */
  rule: Nullable(Type.Integer()),
  conditions: Type.Array(ConditionLine),
  amountText: Nullable(Type.String()),
  missing: Type.Array(Type.String()),
  text: Type.String(),
});
export type Explanation = Static<typeof Explanation>;

/** What this user may do with an entitlement now (its state and the user's department decide). */
export const EntitlementAbilities = Type.Object({
  confirm: Type.Boolean(),
  reject: Type.Boolean(),
  disburse: Type.Boolean(),
});
export type EntitlementAbilities = Static<typeof EntitlementAbilities>;

/** One row of the entitlements ledger (兑现台账). */
export const Entitlement = Type.Object({
  id: Type.String(),
  uscc: Type.String(),
  enterpriseName: Nullable(Type.String()),
  policyId: Type.String(),
  policyTitle: Nullable(Type.String()),
  policyVersion: Type.Integer(),
  departmentId: Type.String(),
  amount: Type.Number(),
  status: StringEnum(LEDGER_STATUSES),
  reason: Nullable(Type.String()),
  version: Type.Integer(),
  /** The attribute values the decision used, as they were when it was made. */
  inputs: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  abilities: EntitlementAbilities,
});
export type Entitlement = Static<typeof Entitlement>;

export const EntitlementPage = Type.Object({
  items: Type.Array(Entitlement),
  nextCursor: Nullable(Type.String()),
});
export type EntitlementPage = Static<typeof EntitlementPage>;

export const EntitlementEvent = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  from: Nullable(Type.String()),
  to: Type.String(),
  actor: Nullable(Type.String()),
  at: IsoDateTime,
  data: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type EntitlementEvent = Static<typeof EntitlementEvent>;

export const EntitlementDetail = Type.Composite([
  Entitlement,
  Type.Object({ events: Type.Array(EntitlementEvent), explanation: Explanation }),
]);
export type EntitlementDetail = Static<typeof EntitlementDetail>;

export const LedgerActionResult = Type.Object({ items: Type.Array(Entitlement) });
export type LedgerActionResult = Static<typeof LedgerActionResult>;

/** A published policy's live evaluation of one enterprise (eligible, needs data or error). */
export const CurrentMatch = Type.Object({
  policyId: Type.String(),
  policyTitle: Type.String(),
  policyVersion: Type.Integer(),
  status: StringEnum(MATCH_STATUSES),
  amount: Type.Number(),
  missing: Type.Array(Type.String()),
  explanation: Explanation,
});
export type CurrentMatch = Static<typeof CurrentMatch>;

/** `GET /enterprises/{uscc}/entitlements`: the ledger with explanations, and current matches. */
export const EnterpriseEntitlements = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  evalDate: Type.String(),
  entitlements: Type.Array(Type.Composite([Entitlement, Type.Object({ explanation: Explanation })])),
  current: Type.Array(CurrentMatch),
});
export type EnterpriseEntitlements = Static<typeof EnterpriseEntitlements>;

/** `GET /public/enterprises/{uscc}/entitlements`: what the enterprise itself may read. */
export const PublicLookup = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  entitlements: Type.Array(
    Type.Object({
      policyTitle: Nullable(Type.String()),
      amount: Type.Number(),
      status: StringEnum(LEDGER_STATUSES),
      reason: Nullable(Type.String()),
      explanation: Type.String(),
      updatedAt: IsoDateTime,
    }),
  ),
  needsData: Type.Array(Type.Object({ policyTitle: Type.String(), explanation: Type.String() })),
  messages: Type.Array(Type.Object({ subject: Type.String(), body: Type.String(), at: IsoDateTime })),
});
export type PublicLookup = Static<typeof PublicLookup>;
