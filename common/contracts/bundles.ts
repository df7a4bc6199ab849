/**
 * The wire contract of 一件事一次办 (bundles): definitions (versioned), the merged form, bundle
 * cases with their sub-cases and clocks, the applicant's public view, reform figures and
 * life-event matching. TypeBox: validation, types, serialisation and OpenAPI from one definition.
 */
import { type Static, Type } from "@sinclair/typebox";
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  SUBCASE_ACTIONS,
  SUBCASE_STATUSES,
  SUSPENSION_REASONS,
} from "../case-state.ts";
import { IsoDateTime, Nullable, PageQuery, StringEnum } from "./shared.ts";

/** A code inside a definition: lower-case letters, digits and dashes. */
const Code = Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,63}$", description: "a code, e.g. food-licence" });
const DepartmentId = Type.String({ minLength: 1, maxLength: 64 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Days = Type.Integer({ minimum: 1, maximum: 365 });

/** Where a field's value comes from. `enterprise_registry` and `citizen_appeal` are shared data (免提交). */
export const FIELD_SOURCES = ["applicant", "enterprise_registry", "citizen_appeal", "issued"] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];
/** Keys the shared-data sources fill: enterprise registry by USCC, a citizen's earlier appeal. */
export const SHARED_FIELD_KEYS: Readonly<
  Record<"enterprise_registry" | "citizen_appeal", readonly string[]>
> = {
  enterprise_registry: [
    "name",
    "uscc",
    "regionCode",
    "industryCode",
    "foundedOn",
    "registeredCapital",
    "employees",
  ],
  citizen_appeal: ["name", "address", "regionCode"],
};
export const FIELD_TYPES = ["text", "date", "number", "idNumber", "phone", "uscc", "choice"] as const;
/** 申请人自备 / 数据共享 / 政府核发. */
export const MATERIAL_SOURCES = ["applicant", "shared", "issued"] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];
export const MATERIAL_FORMS = ["paper", "electronic"] as const;
export const EVIDENCE_LEVELS = ["A", "B", "C", "D"] as const;
export const SITUATION_KINDS = ["yesno", "choice"] as const;

/** A situation answer that includes a procedure or a material: `{ situation, equals }`. */
export const Condition = Type.Object(
  { situation: Code, equals: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);

export const ProcedureDef = Type.Object(
  {
    code: Code,
    name: Name,
    departmentId: DepartmentId,
    legalDays: Days,
    promisedDays: Days,
    dependsOn: Type.Array(Code, { maxItems: 20 }),
    materials: Type.Array(
      Type.Object({ code: Code, when: Type.Optional(Condition) }, { additionalProperties: false }),
      { maxItems: 60 },
    ),
    /** Fields the procedure's own application form asks (besides those its materials carry). */
    fields: Type.Array(Code, { maxItems: 100 }),
    when: Type.Optional(Condition),
    /** 跑动次数 when the procedure is done on its own (before the reform). */
    separateTrips: Type.Integer({ minimum: 0, maximum: 20 }),
    resultName: Name,
  },
  { additionalProperties: false },
);

export const SituationDef = Type.Object(
  {
    code: Code,
    question: Name,
    kind: StringEnum(SITUATION_KINDS),
    /** For `choice`; a `yesno` question has the values `yes` and `no`. */
    options: Type.Array(
      Type.Object(
        { value: Type.String({ minLength: 1, maxLength: 60 }), label: Name },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    default: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);

export const MaterialDef = Type.Object(
  {
    code: Code,
    name: Name,
    /** 原件 (true) or 复印件. */
    original: Type.Boolean(),
    form: StringEnum(MATERIAL_FORMS),
    source: StringEnum(MATERIAL_SOURCES),
    /** For `issued`: the procedure of this bundle that issues it (it must come earlier in the chain). */
    issuedBy: Type.Optional(Code),
    evidenceLevel: StringEnum(EVIDENCE_LEVELS),
    fields: Type.Array(Code, { maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const FieldDef = Type.Object(
  {
    code: Code,
    label: Name,
    type: StringEnum(FIELD_TYPES),
    source: StringEnum(FIELD_SOURCES),
    /** For shared sources: which value (see {@link SHARED_FIELD_KEYS}). */
    sourceKey: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    required: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** One version of a bundle (一件事) definition. */
export const BundleDefinition = Type.Object(
  {
    name: Name,
    description: Type.String({ maxLength: 2000 }),
    leadDepartmentId: DepartmentId,
    coDepartmentIds: Type.Array(DepartmentId, { maxItems: 30 }),
    /** Words in a call that reveal the life event (死亡, 出生, 开店 …), for 12345 matching. */
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 40 }),
    /** A sample, with the public report its figures come from. */
    sample: Type.Optional(
      Type.Object({ source: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
    ),
    procedures: Type.Array(ProcedureDef, { minItems: 1, maxItems: 30 }),
    situations: Type.Array(SituationDef, { maxItems: 30 }),
    materials: Type.Array(MaterialDef, { maxItems: 200 }),
    fields: Type.Array(FieldDef, { maxItems: 300 }),
  },
  { additionalProperties: false },
);
export type BundleDefinition = Static<typeof BundleDefinition>;
export type ProcedureDef = Static<typeof ProcedureDef>;
export type MaterialDef = Static<typeof MaterialDef>;
export type FieldDef = Static<typeof FieldDef>;
export type SituationDef = Static<typeof SituationDef>;

/** One problem publishing would refuse: where (a path into the definition), which item, what. */
export const DefinitionProblem = Type.Object({
  path: Type.String(),
  item: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export type DefinitionProblem = Static<typeof DefinitionProblem>;

export const ValidationResult = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(DefinitionProblem),
});
export type ValidationResult = Static<typeof ValidationResult>;

export const BUNDLE_VERSION_STATUSES = ["draft", "published", "retired"] as const;
export const BUNDLE_ABILITIES = ["edit", "publish", "start-case"] as const;

export const BundleVersionSummary = Type.Object({
  version: Type.Integer(),
  status: StringEnum(BUNDLE_VERSION_STATUSES),
  createdAt: IsoDateTime,
  publishedAt: Nullable(IsoDateTime),
});

export const BundleSummary = Type.Object({
  id: Code,
  name: Type.String(),
  leadDepartmentId: Type.String(),
  leadDepartmentName: Type.String(),
  sample: Type.Boolean(),
  publishedVersion: Nullable(Type.Integer()),
  draftVersion: Nullable(Type.Integer()),
  procedureCount: Type.Integer(),
  updatedAt: IsoDateTime,
  abilities: Type.Array(StringEnum(BUNDLE_ABILITIES)),
});
export type BundleSummary = Static<typeof BundleSummary>;

export const BundleDto = Type.Composite([
  BundleSummary,
  Type.Object({
    versions: Type.Array(BundleVersionSummary),
    published: Nullable(BundleDefinition),
    draft: Nullable(BundleDefinition),
  }),
]);
export type BundleDto = Static<typeof BundleDto>;

export const BundleVersionDto = Type.Object({
  bundleId: Code,
  version: Type.Integer(),
  status: StringEnum(BUNDLE_VERSION_STATUSES),
  definition: BundleDefinition,
  createdAt: IsoDateTime,
  publishedAt: Nullable(IsoDateTime),
});
export type BundleVersionDto = Static<typeof BundleVersionDto>;

export const CreateBundleBody = Type.Object(
  { id: Code, definition: BundleDefinition },
  { additionalProperties: false },
);
export type CreateBundleBody = Static<typeof CreateBundleBody>;
export const SaveDraftBody = Type.Object({ definition: BundleDefinition }, { additionalProperties: false });
export const ValidateBody = Type.Object(
  { definition: Type.Optional(BundleDefinition) },
  { additionalProperties: false },
);
export const PublishBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

const Answers = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 60 }), {
  description: "situation code → answer value",
  maxProperties: 30,
});
const Values = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 500 }), {
  description: "field code → value",
  maxProperties: 300,
});

/** Body of `POST /api/v1/bundles/{id}/form`. */
export const FormBody = Type.Object(
  {
    answers: Type.Optional(Answers),
    /** A version other than the published one (e.g. a case pinned to it). */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    /** An enterprise applicant: its registry record fills the shared fields. */
    uscc: Type.Optional(Type.String({ pattern: "^[0-9A-HJ-NP-RTUW-Y]{18}$" })),
    /** A caller's earlier appeal (12345): fills name, address and region. */
    appealId: Type.Optional(Type.String({ format: "uuid" })),
  },
  { additionalProperties: false },
);
export type FormBody = Static<typeof FormBody>;

export const FormDto = Type.Object({
  bundleId: Type.String(),
  version: Type.Integer(),
  questions: Type.Array(
    Type.Object({
      code: Type.String(),
      question: Type.String(),
      kind: StringEnum(SITUATION_KINDS),
      options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
      answer: Type.String(),
    }),
  ),
  procedures: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      departmentId: Type.String(),
      departmentName: Type.String(),
      legalDays: Type.Integer(),
      promisedDays: Type.Integer(),
      dependsOn: Type.Array(Type.String()),
    }),
  ),
  fields: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      type: StringEnum(FIELD_TYPES),
      required: Type.Boolean(),
      source: StringEnum(FIELD_SOURCES),
      usedBy: Type.Array(Type.String()),
      value: Nullable(Type.String()),
      /** 免提交: filled from shared data or issued by an earlier procedure; the applicant need not give it. */
      exempt: Type.Boolean(),
    }),
  ),
  materials: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      original: Type.Boolean(),
      form: StringEnum(MATERIAL_FORMS),
      source: StringEnum(MATERIAL_SOURCES),
      evidenceLevel: StringEnum(EVIDENCE_LEVELS),
      usedBy: Type.Array(Type.String()),
      exempt: Type.Boolean(),
    }),
  ),
  summary: Type.Object({
    fields: Type.Integer(),
    fieldsToFill: Type.Integer(),
    materials: Type.Integer(),
    materialsToSubmit: Type.Integer(),
    exemptRate: Type.Number(),
  }),
});
export type FormDto = Static<typeof FormDto>;

/** Body of `POST /api/v1/bundle-cases`: start a case (申请), by the window or an agent (帮办代办). */
export const StartCaseBody = Type.Object(
  {
    bundleId: Code,
    answers: Type.Optional(Answers),
    applicant: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 50 }),
        phone: Type.Optional(Type.String({ pattern: "^1[3-9][0-9]{9}$" })),
        uscc: Type.Optional(Type.String({ pattern: "^[0-9A-HJ-NP-RTUW-Y]{18}$" })),
      },
      { additionalProperties: false },
    ),
    regionCode: Type.String({ pattern: "^[0-9]{6}$", description: "county-level GB/T 2260 code" }),
    values: Type.Optional(Values),
    /** Codes of the materials handed in. */
    materials: Type.Optional(Type.Array(Code, { maxItems: 200 })),
    /** The 12345 appeal the case is started from (帮办代办); the appeal links to the case. */
    appealId: Type.Optional(Type.String({ format: "uuid" })),
  },
  { additionalProperties: false },
);
export type StartCaseBody = Static<typeof StartCaseBody>;

export const ClockDto = Type.Object({
  limitDays: Type.Integer(),
  dueAt: Nullable(IsoDateTime),
  usedDays: Nullable(Type.Integer()),
  remainingDays: Nullable(Type.Integer()),
  paused: Type.Boolean(),
  overdue: Type.Boolean(),
});

export const SubcaseDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  dependsOn: Type.Array(Type.String()),
  status: StringEnum(SUBCASE_STATUSES),
  statusLabel: Type.String(),
  version: Type.Integer(),
  dispatchedAt: Nullable(IsoDateTime),
  clocks: Type.Object({ legal: ClockDto, promised: ClockDto }),
  suspension: Nullable(
    Type.Object({ reason: StringEnum(SUSPENSION_REASONS), label: Type.String(), since: IsoDateTime }),
  ),
  suspendedDays: Type.Integer(),
  correctionCount: Type.Integer(),
  resultAt: Nullable(IsoDateTime),
  resultName: Type.String(),
  resultNo: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  expectedFinishAt: Nullable(IsoDateTime),
  waitingFor: Nullable(Type.String()),
  abilities: Type.Array(StringEnum(SUBCASE_ACTIONS)),
});
export type SubcaseDto = Static<typeof SubcaseDto>;

export const CaseEventDto = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  at: IsoDateTime,
  subcaseId: Nullable(Type.String()),
  actor: Type.Object({ name: Type.String(), role: Type.String() }),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const BundleCaseDto = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  bundleId: Type.String(),
  bundleVersion: Type.Integer(),
  bundleName: Type.String(),
  status: StringEnum(CASE_STATUSES),
  statusLabel: Type.String(),
  version: Type.Integer(),
  applicant: Type.Object({
    name: Type.String(),
    phone: Nullable(Type.String()),
    uscc: Nullable(Type.String()),
  }),
  regionCode: Type.String(),
  leadDepartmentId: Type.String(),
  leadDepartmentName: Type.String(),
  answers: Type.Record(Type.String(), Type.String()),
  materials: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), submitted: Type.Boolean() })),
  pendingMaterials: Type.Array(Type.String()),
  supplyBy: Nullable(IsoDateTime),
  reason: Nullable(Type.String()),
  submittedAt: IsoDateTime,
  acceptedAt: Nullable(IsoDateTime),
  completedAt: Nullable(IsoDateTime),
  expectedFinishAt: Nullable(IsoDateTime),
  subcases: Type.Array(SubcaseDto),
  /** Sub-cases of other departments, hidden from a handler (counted, never shown). */
  hiddenSubcases: Type.Integer(),
  appealIds: Type.Array(Type.String()),
  abilities: Type.Array(StringEnum(CASE_ACTIONS)),
  events: Type.Optional(Type.Array(CaseEventDto)),
});
export type BundleCaseDto = Static<typeof BundleCaseDto>;

export const StartedCaseDto = Type.Composite([
  BundleCaseDto,
  Type.Object({ secret: Type.String({ description: "for public tracking; shown once" }) }),
]);

export const ListCasesQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(StringEnum(CASE_STATUSES)),
    bundleId: Type.Optional(Code),
    subcaseStatus: Type.Optional(StringEnum(SUBCASE_STATUSES)),
    departmentId: Type.Optional(DepartmentId),
    appealId: Type.Optional(Type.String({ format: "uuid" })),
  },
  { additionalProperties: false },
);
export type ListCasesQuery = Static<typeof ListCasesQuery>;

/** Body of `POST /api/v1/bundle-cases/{id}/actions`. */
export const CaseActionBody = Type.Object(
  {
    action: StringEnum(CASE_ACTIONS),
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    /** `supply-materials`: the 容缺 materials now handed in. */
    materials: Type.Optional(Type.Array(Code, { maxItems: 200 })),
    /** `accept`: accept although applicant materials are missing (容缺受理). */
    tolerateMissing: Type.Optional(Type.Boolean()),
    /** `accept` with 容缺: working days to supply them (default 5). */
    supplyWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  },
  { additionalProperties: false },
);
export type CaseActionBody = Static<typeof CaseActionBody>;

/** Body of `POST /api/v1/bundle-cases/{id}/subcases/{sid}/actions`. */
export const SubcaseActionBody = Type.Object(
  {
    action: StringEnum(SUBCASE_ACTIONS),
    version: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    suspension: Type.Optional(StringEnum(["publicity", "expert_review"] as const)),
    resultNo: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type SubcaseActionBody = Static<typeof SubcaseActionBody>;

/** The applicant's view (公开查询): progress, what each part waits for, the expected finish. */
export const PublicCaseDto = Type.Object({
  caseNo: Type.String(),
  bundleName: Type.String(),
  status: StringEnum(CASE_STATUSES),
  statusLabel: Type.String(),
  submittedAt: IsoDateTime,
  completedAt: Nullable(IsoDateTime),
  expectedFinishAt: Nullable(IsoDateTime),
  pendingMaterials: Type.Array(Type.String()),
  subcases: Type.Array(
    Type.Object({
      name: Type.String(),
      departmentName: Type.String(),
      status: StringEnum(SUBCASE_STATUSES),
      statusLabel: Type.String(),
      waitingFor: Nullable(Type.String()),
      expectedFinishAt: Nullable(IsoDateTime),
      resultName: Type.String(),
      resultAt: Nullable(IsoDateTime),
    }),
  ),
});
export type PublicCaseDto = Static<typeof PublicCaseDto>;
export const PublicCaseQuery = Type.Object(
  { secret: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

const Figures = Type.Object({
  steps: Type.Integer(),
  materials: Type.Integer(),
  fields: Type.Integer(),
  trips: Type.Integer(),
  limitDays: Type.Integer(),
});

/** Reform figures (改革成效), computed from the definition and from real cases, never typed in. */
export const ReformMetricsDto = Type.Object({
  bundleId: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  before: Figures,
  after: Figures,
  /** Share of the distinct materials the applicant need not hand in (数据共享 / 政府核发). */
  exemptRate: Type.Number(),
  /** (before − after) / before, per figure. */
  reduction: Type.Object({
    steps: Type.Number(),
    materials: Type.Number(),
    fields: Type.Number(),
    trips: Type.Number(),
    limitDays: Type.Number(),
  }),
  cases: Type.Object({
    started: Type.Integer(),
    completed: Type.Integer(),
    medianWorkingDays: Nullable(Type.Number()),
    p90WorkingDays: Nullable(Type.Number()),
    onTimeRate: Nullable(Type.Number()),
    correctionRate: Nullable(Type.Number()),
  }),
});
export type ReformMetricsDto = Static<typeof ReformMetricsDto>;

export const MatchBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10000 }) },
  { additionalProperties: false },
);
export const MatchesDto = Type.Object({
  items: Type.Array(
    Type.Object({
      bundleId: Type.String(),
      name: Type.String(),
      score: Type.Number(),
      matched: Type.Array(Type.String()),
    }),
  ),
});
export type MatchesDto = Static<typeof MatchesDto>;

export const BundleIdParams = Type.Object({ id: Code });
export const BundleVersionParams = Type.Object({ id: Code, version: Type.Integer({ minimum: 1 }) });
export const CaseIdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
export const SubcaseParams = Type.Object({ id: Type.String({ format: "uuid" }), sid: Code });
export const CaseNoParams = Type.Object({ caseNo: Type.String({ minLength: 1, maxLength: 40 }) });
export const AppealIdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
export const IdempotencyHeaders = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ maxLength: 200 })),
});
export const DraftSavedDto = Type.Object({ bundleId: Type.String(), version: Type.Integer() });
