/**
 * The life cycle of an appeal (诉求): states, actions, the one transition table, and the pure
 * reducer that turns events into state. The server guards every move with {@link transition};
 * replaying an appeal's events through {@link applyEvent} reproduces its stored state exactly.
 */

/** Appeal kinds (诉求类型). */
export const APPEAL_KINDS = ["consult", "help", "complaint", "report", "suggestion", "praise"] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/** Channels (渠道) an appeal arrives by. */
export const CHANNELS = ["phone", "web", "app", "wechat", "sms", "email", "open311", "transfer"] as const;
export type Channel = (typeof CHANNELS)[number];

export const URGENCIES = ["normal", "urgent"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** States (状态); mirrored by a CHECK constraint on `appeals.status`. */
export const APPEAL_STATUSES = ["received", "dispatched", "signed", "replied", "reopened", "closed"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const REPLY_OUTCOMES = ["resolved", "explained", "unresolvable"] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

export const SATISFACTIONS = ["satisfied", "basically", "unsatisfied"] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const ROLES = ["agent", "handler", "supervisor", "admin", "policy_officer"] as const;
export type Role = (typeof ROLES)[number];

/** Actions of the HTTP contract: `POST /api/v1/appeals/{id}/actions/{action}`. */
export const APPEAL_ACTIONS = [
  "answer-directly",
  "dispatch",
  "sign",
  "return",
  "transfer",
  "request-extension",
  "approve-extension",
  "reject-extension",
  "reply",
  "callback",
  "reopen",
  "supervise",
  "merge",
  "close",
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

/** Who may take an action, apart from the state: `lead_handler` = a handler of the lead department. */
export type Actor = "agent" | "lead_handler" | "supervisor" | "admin";

interface TransitionRule {
  /** States the action may start from. */
  from: readonly AppealStatus[];
  /** Roles allowed; handlers only for the appeal's lead department (or a department above it). */
  actors: readonly Actor[];
  /** Extra state condition beyond the status, with the reason when it fails. */
  guard?: (s: AppealCore) => string | null;
}

const OPEN: readonly AppealStatus[] = ["received", "dispatched", "signed", "replied", "reopened"];

/**
 * The one transition table. The target state is decided by the event the action produces
 * (see {@link applyEvent}): e.g. `callback` closes or reopens depending on satisfaction.
 */
export const TRANSITIONS: Readonly<Record<AppealAction, TransitionRule>> = {
  "answer-directly": { from: ["received"], actors: ["agent", "supervisor", "admin"] },
  dispatch: { from: ["received"], actors: ["agent", "supervisor", "admin"] },
  sign: { from: ["dispatched", "reopened"], actors: ["lead_handler", "admin"] },
  // A department may refuse a misrouted appeal before or after signing (退单); it goes back to the pool.
  return: { from: ["dispatched", "signed"], actors: ["lead_handler", "admin"] },
  transfer: { from: ["dispatched", "signed"], actors: ["lead_handler", "supervisor", "admin"] },
  "request-extension": {
    from: ["signed", "reopened"],
    actors: ["lead_handler", "admin"],
    guard: (s) => (s.pendingExtension ? "an extension request is already pending" : null),
  },
  "approve-extension": {
    from: ["signed", "reopened"],
    actors: ["supervisor", "admin"],
    guard: (s) => (s.pendingExtension ? null : "no extension request is pending"),
  },
  "reject-extension": {
    from: ["signed", "reopened"],
    actors: ["supervisor", "admin"],
    guard: (s) => (s.pendingExtension ? null : "no extension request is pending"),
  },
  reply: { from: ["signed", "reopened"], actors: ["lead_handler", "admin"] },
  callback: { from: ["replied"], actors: ["agent", "supervisor", "admin"] },
  reopen: {
    from: ["replied", "closed"],
    actors: ["supervisor", "admin"],
    // 重办 sends the appeal back to its lead department; one closed before any dispatch has none.
    guard: (s) =>
      s.leadDepartmentId ? null : "it was closed without being dispatched, so no department can redo it",
  },
  supervise: { from: OPEN, actors: ["supervisor", "admin"] },
  merge: {
    from: ["received", "dispatched", "signed"],
    actors: ["agent", "supervisor", "admin"],
    guard: (s) => (s.mergedInto ? "the appeal is already merged" : null),
  },
  close: { from: OPEN, actors: ["supervisor", "admin"] },
};

/** Actions a merged appeal mirrors from its master (并案); callbacks stay per citizen. */
export const FOLLOWED_ACTIONS: ReadonlySet<AppealAction> = new Set([
  "dispatch",
  "sign",
  "return",
  "transfer",
  "approve-extension",
  "reply",
]);

/** The state of an appeal that the life cycle moves (everything but its immutable intake fields). */
export interface AppealCore {
  status: AppealStatus;
  version: number;
  categoryCode: string | null;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  signBy: string | null;
  replyBy: string;
  warnAt: string | null;
  warned: boolean;
  overdue: boolean;
  supervised: boolean;
  mergedInto: string | null;
  answeredDirectly: boolean;
  replyText: string | null;
  replyOutcome: ReplyOutcome | null;
  satisfaction: Satisfaction | null;
  resolved: boolean | null;
  pendingExtension: { days: number; reason: string; replyBy: string } | null;
  extensionDays: number;
  returnCount: number;
  transferCount: number;
  dispatchCount: number;
  reopenCount: number;
  dispatchedAt: string | null;
  signedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  calledBackAt: string | null;
  updatedAt: string;
}

/** Events (事件), one per change, kept forever. `data` carries everything the reducer needs. */
export type AppealEvent =
  | { type: "received"; at: string; data: { replyBy: string; warnAt: string; categoryCode: string | null } }
  | { type: "answered_directly"; at: string; data: { text: string; articleId?: string | null } }
  | {
      type: "dispatched";
      at: string;
      data: {
        leadDepartmentId: string;
        coDepartmentIds: string[];
        categoryCode: string;
        signBy: string;
        replyBy: string;
        warnAt: string;
        /** Set when the platform dispatched by itself (智能分拨): the model version and its score. */
        auto?: { modelVersion: number; score: number };
      };
    }
  | { type: "signed"; at: string; data: Record<string, never> }
  | { type: "returned"; at: string; data: { reason: string; departmentId: string | null } }
  | {
      type: "transferred";
      at: string;
      data: { fromDepartmentId: string | null; departmentId: string; reason: string; signBy: string };
    }
  | { type: "extension_requested"; at: string; data: { days: number; reason: string; replyBy: string } }
  | { type: "extension_approved"; at: string; data: { days: number; replyBy: string; warnAt: string } }
  | { type: "extension_rejected"; at: string; data: { reason: string | null } }
  | { type: "replied"; at: string; data: { text: string; outcome: ReplyOutcome } }
  | {
      type: "called_back";
      at: string;
      data: {
        satisfaction: Satisfaction;
        resolved: boolean;
        note: string | null;
        /** Set when unsatisfied: the new reply deadline of the reopened appeal (重办). */
        replyBy: string | null;
        warnAt: string | null;
      };
    }
  | { type: "reopened"; at: string; data: { reason: string; replyBy: string; warnAt: string } }
  | { type: "supervised"; at: string; data: { note: string; automatic: boolean } }
  | { type: "merged"; at: string; data: { intoId: string; intoTicketNo: string; master: AppealCoreSnapshot } }
  | { type: "closed"; at: string; data: { reason: string } }
  | { type: "sla_warned"; at: string; data: { replyBy: string } }
  | { type: "overdue_marked"; at: string; data: { clock: "sign" | "reply"; deadline: string } };

export type AppealEventType = AppealEvent["type"];

/** The part of a master's state a merged appeal adopts. */
export type AppealCoreSnapshot = Pick<
  AppealCore,
  | "status"
  | "categoryCode"
  | "leadDepartmentId"
  | "coDepartmentIds"
  | "signBy"
  | "replyBy"
  | "warnAt"
  | "replyText"
  | "replyOutcome"
>;

/** The state right after receipt. */
export function initialCore(ev: Extract<AppealEvent, { type: "received" }>): AppealCore {
  return {
    status: "received",
    version: 1,
    categoryCode: ev.data.categoryCode,
    leadDepartmentId: null,
    coDepartmentIds: [],
    signBy: null,
    replyBy: ev.data.replyBy,
    warnAt: ev.data.warnAt,
    warned: false,
    overdue: false,
    supervised: false,
    mergedInto: null,
    answeredDirectly: false,
    replyText: null,
    replyOutcome: null,
    satisfaction: null,
    resolved: null,
    pendingExtension: null,
    extensionDays: 0,
    returnCount: 0,
    transferCount: 0,
    dispatchCount: 0,
    reopenCount: 0,
    dispatchedAt: null,
    signedAt: null,
    repliedAt: null,
    closedAt: null,
    calledBackAt: null,
    updatedAt: ev.at,
  };
}

/**
 * The reducer: the next state after one event. Pure; used both to make a change and to replay history.
 * Every event bumps `version` by one.
 */
export function applyEvent(s: AppealCore, ev: AppealEvent): AppealCore {
  const n: AppealCore = { ...s, version: s.version + 1, updatedAt: ev.at };
  switch (ev.type) {
    case "received":
      return initialCore(ev);
    case "answered_directly":
      return { ...n, status: "closed", answeredDirectly: true, replyText: ev.data.text, closedAt: ev.at };
    case "dispatched":
      return {
        ...n,
        status: "dispatched",
        leadDepartmentId: ev.data.leadDepartmentId,
        coDepartmentIds: ev.data.coDepartmentIds,
        categoryCode: ev.data.categoryCode,
        signBy: ev.data.signBy,
        replyBy: ev.data.replyBy,
        warnAt: ev.data.warnAt,
        dispatchCount: s.dispatchCount + 1,
        dispatchedAt: ev.at,
        signedAt: null,
      };
    case "signed":
      return { ...n, status: "signed", signedAt: ev.at };
    case "returned":
      return {
        ...n,
        status: "received",
        leadDepartmentId: null,
        coDepartmentIds: [],
        signBy: null,
        signedAt: null,
        pendingExtension: null,
        returnCount: s.returnCount + 1,
      };
    case "transferred":
      return {
        ...n,
        status: "dispatched",
        leadDepartmentId: ev.data.departmentId,
        signBy: ev.data.signBy,
        signedAt: null,
        pendingExtension: null,
        transferCount: s.transferCount + 1,
      };
    case "extension_requested":
      return { ...n, pendingExtension: { ...ev.data } };
    case "extension_approved":
      return {
        ...n,
        pendingExtension: null,
        extensionDays: s.extensionDays + ev.data.days,
        replyBy: ev.data.replyBy,
        warnAt: ev.data.warnAt,
        // A later deadline may lift the overdue mark; the sweep sets it again if still late.
        overdue: s.overdue && ev.data.replyBy <= ev.at,
        warned: false,
      };
    case "extension_rejected":
      return { ...n, pendingExtension: null };
    case "replied":
      return {
        ...n,
        status: "replied",
        replyText: ev.data.text,
        replyOutcome: ev.data.outcome,
        repliedAt: ev.at,
        pendingExtension: null,
      };
    case "called_back": {
      const base = {
        ...n,
        satisfaction: ev.data.satisfaction,
        resolved: ev.data.resolved,
        calledBackAt: ev.at,
      };
      if (ev.data.satisfaction === "unsatisfied") {
        return reopenState(base, ev.data.replyBy ?? s.replyBy, ev.data.warnAt);
      }
      return { ...base, status: "closed", closedAt: ev.at };
    }
    case "reopened":
      return reopenState(n, ev.data.replyBy, ev.data.warnAt);
    case "supervised":
      return { ...n, supervised: true };
    case "merged": {
      const m = ev.data.master;
      return {
        ...n,
        mergedInto: ev.data.intoId,
        status: m.status,
        categoryCode: m.categoryCode ?? s.categoryCode,
        leadDepartmentId: m.leadDepartmentId,
        coDepartmentIds: m.coDepartmentIds,
        signBy: m.signBy,
        replyBy: m.replyBy,
        warnAt: m.warnAt,
        replyText: m.replyText,
        replyOutcome: m.replyOutcome,
        // Its own extension request is moot: it follows the master's deadlines from now on.
        pendingExtension: null,
      };
    }
    case "closed":
      return { ...n, status: "closed", closedAt: ev.at, pendingExtension: null };
    case "sla_warned":
      return { ...n, warned: true };
    case "overdue_marked":
      return { ...n, overdue: true };
  }
}

function reopenState(s: AppealCore, replyBy: string, warnAt: string | null): AppealCore {
  return {
    ...s,
    status: "reopened",
    replyBy,
    warnAt,
    warned: false,
    overdue: false,
    closedAt: null,
    // Extensions belong to a reply window; a reopen starts a fresh one.
    extensionDays: 0,
    reopenCount: s.reopenCount + 1,
  };
}

/** Replays an appeal's history: the first event must be `received`. */
export function replay(events: readonly AppealEvent[]): AppealCore {
  const [first, ...rest] = events;
  if (!first || first.type !== "received") throw new Error("history must start with a received event");
  return rest.reduce(applyEvent, initialCore(first));
}

/** Why an action cannot run on a state, or null when the state allows it. Roles are checked apart. */
export function stateProblem(s: AppealCore, action: AppealAction, asFollower = false): string | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(s.status)) return `action ${action} is not allowed in state ${s.status}`;
  // A merged appeal moves with its master (并案) until it is reopened on its own after a callback.
  if (!asFollower && s.mergedInto && FOLLOWED_ACTIONS.has(action) && s.status !== "reopened") {
    return `the appeal is merged into ${s.mergedInto} and follows it`;
  }
  // A follower takes the step its master already passed the guard for (e.g. an approved extension:
  // the request was the master's, so the merged appeal has none pending of its own).
  return rule.guard && !asFollower ? rule.guard(s) : null;
}

/** The actions the state allows, whoever asks. */
export function actionsAllowedInState(s: AppealCore): AppealAction[] {
  return APPEAL_ACTIONS.filter((a) => stateProblem(s, a) === null);
}

/** Chinese labels of states, for the console and for messages. */
export const STATUS_LABELS: Readonly<Record<AppealStatus, string>> = {
  received: "已受理",
  dispatched: "已派单",
  signed: "已签收",
  replied: "已答复",
  reopened: "重办",
  closed: "已办结",
};
