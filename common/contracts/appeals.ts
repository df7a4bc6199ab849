import { type Static, Type } from "@sinclair/typebox";
import {
  APPEAL_ACTIONS,
  APPEAL_KINDS,
  APPEAL_STATUSES,
  CHANNELS,
  REPLY_OUTCOMES,
  SATISFACTIONS,
  URGENCIES,
} from "../appeal-state.ts";
import { IsoDateTime, Nullable, PageQuery, StringEnum } from "./shared.ts";

const RegionCode = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$", description: "GB/T 2260 code" });
const CategoryCode = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" });
const DepartmentId = Type.String({ minLength: 1, maxLength: 64 });

/** Body of `POST /api/v1/appeals` (and, with fewer fields, the public submission). */
export const ReceiveAppealBody = Type.Object(
  {
    kind: StringEnum(APPEAL_KINDS),
    channel: Type.Optional(StringEnum(CHANNELS)),
    urgency: Type.Optional(StringEnum(URGENCIES)),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 10000 }),
    citizen: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 50 })),
          phone: Type.Optional(Type.String({ maxLength: 30 })),
          anonymous: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    enterprise: Type.Optional(
      Nullable(
        Type.Object(
          { uscc: Type.String({ maxLength: 18 }), name: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
      ),
    ),
    location: Type.Optional(
      Type.Object(
        {
          regionCode: Type.Optional(RegionCode),
          address: Type.Optional(Type.String({ maxLength: 300 })),
          lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
          lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
        },
        { additionalProperties: false },
      ),
    ),
    categoryCode: Type.Optional(CategoryCode),
    businessEnvironment: Type.Optional(Type.Boolean()),
    autoDispatch: Type.Optional(
      Type.Boolean({
        description:
          "let the platform dispatch a confidently classified appeal (default true; ignored when categoryCode is given)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReceiveAppealInput = Static<typeof ReceiveAppealBody>;

/** Body of `POST /api/v1/public/appeals`: what a citizen types on the portal. */
export const PublicAppealBody = Type.Object(
  {
    kind: StringEnum(APPEAL_KINDS),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 10000 }),
    name: Type.Optional(Type.String({ maxLength: 50 })),
    phone: Type.String({ minLength: 5, maxLength: 30 }),
    regionCode: Type.Optional(RegionCode),
    address: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type PublicAppealInput = Static<typeof PublicAppealBody>;

/** Answer of `POST /api/v1/public/appeals`: the ticket number and the secret to track it with. */
export const PublicSubmitted = Type.Object({
  ticketNo: Type.String(),
  secret: Type.String({ description: "shown once; tracking needs it with the ticket number" }),
  status: StringEnum(APPEAL_STATUSES),
  createdAt: IsoDateTime,
});
export type PublicSubmitted = Static<typeof PublicSubmitted>;

/** `GET /api/v1/public/appeals/{ticketNo}?secret=`. */
export const PublicTrackParams = Type.Object({ ticketNo: Type.String({ maxLength: 40 }) });
export const PublicTrackQuery = Type.Object({ secret: Type.String({ minLength: 1, maxLength: 100 }) });

/** What a citizen sees of their appeal: no names, no departments, no internal notes. */
export const PublicTracked = Type.Object({
  ticketNo: Type.String(),
  status: StringEnum(APPEAL_STATUSES),
  statusLabel: Type.String({ description: "the status in Chinese" }),
  kind: StringEnum(APPEAL_KINDS),
  title: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  replyBy: IsoDateTime,
  reply: Nullable(Type.String({ description: "the department's answer, once replied" })),
  history: Type.Array(Type.Object({ type: Type.String(), label: Type.String(), at: IsoDateTime })),
});
export type PublicTracked = Static<typeof PublicTracked>;

/** The optional `Idempotency-Key` header of a creating request. */
export const IdempotencyHeaders = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ maxLength: 200 })),
});

/** Bodies of the actions; every one carries the `version` the caller saw. */
export const ActionBodies = {
  "answer-directly": Type.Object({
    version: Type.Integer({ minimum: 1 }),
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    articleId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  }),
  dispatch: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    leadDepartmentId: DepartmentId,
    coDepartmentIds: Type.Optional(Type.Array(DepartmentId, { maxItems: 10 })),
    categoryCode: CategoryCode,
  }),
  sign: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
  return: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  }),
  transfer: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    departmentId: DepartmentId,
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  }),
  "request-extension": Type.Object({
    version: Type.Integer({ minimum: 1 }),
    days: Type.Integer({ minimum: 1, maximum: 30 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  }),
  "approve-extension": Type.Object({
    version: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  }),
  "reject-extension": Type.Object({
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  }),
  reply: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    outcome: StringEnum(REPLY_OUTCOMES),
  }),
  callback: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    satisfaction: StringEnum(SATISFACTIONS),
    resolved: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  }),
  reopen: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  }),
  supervise: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    note: Type.String({ minLength: 1, maxLength: 1000 }),
  }),
  merge: Type.Object({ version: Type.Integer({ minimum: 1 }), intoId: Type.String({ maxLength: 64 }) }),
  close: Type.Object({
    version: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  }),
} as const;
for (const k of APPEAL_ACTIONS) {
  // Unknown fields are refused so a typo ("reasn") is a 400, not silently ignored.
  (ActionBodies[k] as { additionalProperties?: boolean }).additionalProperties = false;
}
export type ActionInput<A extends keyof typeof ActionBodies> = Static<(typeof ActionBodies)[A]>;

const EventDto = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  at: IsoDateTime,
  actor: Nullable(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() })),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

/** An appeal as the API presents it. Personal data is always masked. */
export const AppealDto = Type.Object(
  {
    id: Type.String(),
    ticketNo: Type.String(),
    version: Type.Integer(),
    status: StringEnum(APPEAL_STATUSES),
    kind: StringEnum(APPEAL_KINDS),
    channel: StringEnum(CHANNELS),
    urgency: StringEnum(URGENCIES),
    title: Type.String(),
    body: Type.String(),
    citizen: Type.Object({
      name: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      anonymous: Type.Boolean(),
    }),
    enterprise: Nullable(Type.Object({ uscc: Type.String(), name: Type.String() })),
    location: Type.Object({
      regionCode: Nullable(Type.String()),
      address: Nullable(Type.String()),
      lat: Nullable(Type.Number()),
      lng: Nullable(Type.Number()),
    }),
    categoryCode: Nullable(Type.String()),
    categorySuggestions: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          name: Type.Optional(Type.String()),
          score: Type.Number(),
          words: Type.Optional(Type.Array(Type.String())),
        },
        { additionalProperties: true },
      ),
      { description: "the category model's top 3 at intake, with the words that drove each" },
    ),
    autoDispatched: Type.Boolean({ description: "dispatched by the platform (智能分拨), not an agent" }),
    leadDepartmentId: Nullable(Type.String()),
    coDepartmentIds: Type.Array(Type.String()),
    deadlines: Type.Object({
      signBy: Nullable(IsoDateTime),
      replyBy: IsoDateTime,
      warnAt: Nullable(IsoDateTime),
      pendingExtension: Nullable(
        Type.Object({ days: Type.Integer(), reason: Type.String(), replyBy: IsoDateTime }),
      ),
      extensionDays: Type.Integer(),
    }),
    overdue: Type.Boolean(),
    supervised: Type.Boolean(),
    mergedInto: Nullable(Type.String()),
    businessEnvironment: Type.Boolean(),
    answeredDirectly: Type.Boolean(),
    reply: Nullable(Type.Object({ text: Type.String(), outcome: Nullable(StringEnum(REPLY_OUTCOMES)) })),
    satisfaction: Nullable(StringEnum(SATISFACTIONS)),
    resolved: Nullable(Type.Boolean()),
    returnCount: Type.Integer(),
    transferCount: Type.Integer(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    closedAt: Nullable(IsoDateTime),
    abilities: Type.Array(StringEnum(APPEAL_ACTIONS), {
      description: "actions the current user may take now",
    }),
    canRevealContact: Type.Boolean(),
    events: Type.Optional(Type.Array(EventDto)),
    deadlineExplanation: Type.Optional(Type.Array(Type.String())),
  },
  { $id: "Appeal" },
);
export type AppealDtoT = Static<typeof AppealDto>;

/** `{id}` of an appeal. */
export const AppealIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** `GET /api/v1/appeals/{id}/contact?purpose=`: why the contact is revealed (kept in the audit log). */
export const RevealContactQuery = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200 })) });

/** The citizen's contact in clear (audited). */
export const ContactDto = Type.Object({
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  anonymous: Type.Boolean(),
});
export type ContactDto = Static<typeof ContactDto>;

/** `GET /api/v1/appeals` filters. */
export const ListAppealsQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(StringEnum(APPEAL_STATUSES)),
    kind: Type.Optional(StringEnum(APPEAL_KINDS)),
    categoryCode: Type.Optional(CategoryCode),
    regionCode: Type.Optional(RegionCode),
    departmentId: Type.Optional(DepartmentId),
    overdue: Type.Optional(Type.Boolean()),
    supervised: Type.Optional(Type.Boolean()),
    pendingExtension: Type.Optional(
      Type.Boolean({
        description: "only appeals with (true) or without (false) an extension request awaiting a decision",
      }),
    ),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type ListAppealsFilter = Static<typeof ListAppealsQuery>;
