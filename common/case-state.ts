/**
 * The life cycle of a multi-department case (一件事 bundles today, land approval 省县直报 next): a
 * parent case (申请) with one sub-case (子件) per procedure or module, each handled by its own
 * department. States, actions, the ONE transition table (with actors and guards), events, the pure
 * reducer and replay — the same shape as `appeal-state.ts` for appeals.
 *
 * The server guards every move with {@link caseStateProblem} / {@link subcaseStateProblem}; events
 * carry everything the reducer needs (deadlines included, computed by the engine on the working
 * calendar), so {@link replayCase} reproduces the stored state exactly. Follow-up moves the system
 * makes on its own (dispatch when dependencies have results, 统一出件 when every sub-case has one)
 * come from {@link systemFollowUps}, a pure function too.
 */

/** Parent case states; mirrored by a CHECK constraint on `cases.status`. */
export const CASE_STATUSES = ["submitted", "accepted", "completed", "rejected", "withdrawn"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Sub-case states; mirrored by a CHECK constraint on `subcases.status`. */
export const SUBCASE_STATUSES = [
  "waiting", // 待前置: a predecessor has no result yet
  "dispatched", // 已分送: with its department, not yet taken up
  "accepted", // 办理中
  "correction", // 补正中 (不计时)
  "suspended", // 中止计时: 公示 / 专家评审 (不计时)
  "approved", // 已审批, result not yet issued
  "issued", // 已出件 (a result)
  "refused", // 不予许可 (a result)
  "cancelled", // 终止: the case was withdrawn or a predecessor was refused (a result)
] as const;
export type SubcaseStatus = (typeof SUBCASE_STATUSES)[number];

/** Sub-case states that are a result: the parent closes when every sub-case is in one (统一出件). */
export const RESULT_STATUSES: ReadonlySet<SubcaseStatus> = new Set(["issued", "refused", "cancelled"]);

/** Why a sub-case's clocks stop (不计时). `correction` = 补正, `publicity` = 公示, `expert_review` = 专家评审. */
export const SUSPENSION_REASONS = ["correction", "publicity", "expert_review"] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** Parent case actions: `POST /api/v1/bundle-cases/{id}/actions` with `{ action, version, … }`. */
export const CASE_ACTIONS = ["accept", "reject", "supply-materials", "withdraw"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Sub-case actions: `POST /api/v1/bundle-cases/{id}/subcases/{sid}/actions`. */
export const SUBCASE_ACTIONS = [
  "accept",
  "request-correction",
  "supply-correction",
  "suspend",
  "resume",
  "approve",
  "refuse",
  "issue-result",
] as const;
export type SubcaseAction = (typeof SUBCASE_ACTIONS)[number];

/**
 * Who may take an action, apart from the state. `intake` = the comprehensive window (综合窗口) or a
 * hotline agent acting for the applicant (帮办代办); `lead_handler` = a handler of the case's lead
 * department (牵头部门); `dept_handler` = a handler of the sub-case's own department.
 */
export type CaseActor = "intake" | "lead_handler" | "dept_handler" | "supervisor" | "admin";

/** The parent's state that the life cycle moves. */
export interface CaseCore {
  status: CaseStatus;
  version: number;
  submittedAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  /** 容缺受理: materials accepted as missing, to be supplied by {@link supplyBy}. */
  pendingMaterials: string[];
  supplyBy: string | null;
  reason: string | null;
  updatedAt: string;
}

/** What a sub-case is created with (from the definition version the case is pinned to). */
export interface SubcasePlan {
  id: string;
  name: string;
  departmentId: string;
  /** Ids of sub-cases whose results this one needs first. */
  dependsOn: string[];
  /** 法定时限, working days. */
  legalDays: number;
  /** 承诺时限, working days (≤ legal). */
  promisedDays: number;
}

/** One sub-case's state. */
export interface SubcaseCore extends SubcasePlan {
  status: SubcaseStatus;
  version: number;
  dispatchedAt: string | null;
  legalDueAt: string | null;
  promisedDueAt: string | null;
  /** Set while the clocks are stopped (补正 / 公示 / 专家评审). */
  suspendedAt: string | null;
  suspensionReason: SuspensionReason | null;
  /** Working days spent suspended so far (added to both limits). */
  suspendedDays: number;
  correctionCount: number;
  resultAt: string | null;
  resultNo: string | null;
  reason: string | null;
  updatedAt: string;
}

/** The whole aggregate: the parent and its sub-cases, in plan order. */
export interface CaseState {
  case: CaseCore;
  subcases: SubcaseCore[];
}

/** Clock values the engine computes on the working calendar and puts into an event. */
export interface DueDates {
  legalDueAt: string;
  promisedDueAt: string;
}

/** Events (事件), one per change, kept forever; `subcaseId` names the sub-case where one is moved. */
export type CaseEvent =
  | { type: "submitted"; at: string; data: { subcases: SubcasePlan[] } }
  | { type: "accepted"; at: string; data: { pendingMaterials: string[]; supplyBy: string | null } }
  | { type: "rejected"; at: string; data: { reason: string } }
  | { type: "withdrawn"; at: string; data: { reason: string } }
  | { type: "materials_supplied"; at: string; data: { materials: string[] } }
  | { type: "completed"; at: string; data: Record<string, never> }
  | { type: "subcase_dispatched"; at: string; subcaseId: string; data: DueDates }
  | { type: "subcase_accepted"; at: string; subcaseId: string; data: { note: string | null } }
  | {
      type: "subcase_suspended";
      at: string;
      subcaseId: string;
      data: { reason: SuspensionReason; note: string };
    }
  | {
      type: "subcase_resumed";
      at: string;
      subcaseId: string;
      /** `days`: working days the suspension lasted; the new due dates include them. */
      data: DueDates & { days: number; note: string | null };
    }
  | { type: "subcase_approved"; at: string; subcaseId: string; data: { note: string | null } }
  | { type: "subcase_refused"; at: string; subcaseId: string; data: { reason: string } }
  | { type: "subcase_issued"; at: string; subcaseId: string; data: { resultNo: string } }
  | { type: "subcase_cancelled"; at: string; subcaseId: string; data: { reason: string } };

export type CaseEventType = CaseEvent["type"];
export type SubcaseEvent = Extract<CaseEvent, { subcaseId: string }>;

/** The events an action produces (the engine's handler fills in the data). */
export const SUBCASE_ACTION_EVENT: Readonly<Record<SubcaseAction, SubcaseEvent["type"]>> = {
  accept: "subcase_accepted",
  "request-correction": "subcase_suspended",
  "supply-correction": "subcase_resumed",
  suspend: "subcase_suspended",
  resume: "subcase_resumed",
  approve: "subcase_approved",
  refuse: "subcase_refused",
  "issue-result": "subcase_issued",
};

interface CaseRule {
  from: readonly CaseStatus[];
  actors: readonly CaseActor[];
  guard?: (s: CaseState) => string | null;
}

interface SubcaseRule {
  from: readonly SubcaseStatus[];
  actors: readonly CaseActor[];
  guard?: (s: CaseState, sub: SubcaseCore) => string | null;
}

const caseIsOpen = (s: CaseState) =>
  s.case.status === "accepted" ? null : `the case is ${s.case.status}, not accepted`;

/**
 * The one transition table. Sub-case actions also need the parent accepted (a withdrawn or
 * rejected case moves nothing), and the result may be issued only once 容缺 materials are in.
 */
export const CASE_TRANSITIONS: {
  readonly case: Readonly<Record<CaseAction, CaseRule>>;
  readonly subcase: Readonly<Record<SubcaseAction, SubcaseRule>>;
} = {
  case: {
    accept: { from: ["submitted"], actors: ["intake", "lead_handler", "admin"] },
    reject: { from: ["submitted"], actors: ["intake", "lead_handler", "admin"] },
    "supply-materials": {
      from: ["accepted"],
      actors: ["intake", "lead_handler", "admin"],
      guard: (s) => (s.case.pendingMaterials.length ? null : "no material is pending (容缺)"),
    },
    withdraw: { from: ["submitted", "accepted"], actors: ["intake", "supervisor", "admin"] },
  },
  subcase: {
    accept: { from: ["dispatched"], actors: ["dept_handler", "admin"], guard: caseIsOpen },
    "request-correction": { from: ["accepted"], actors: ["dept_handler", "admin"], guard: caseIsOpen },
    "supply-correction": {
      from: ["correction"],
      actors: ["dept_handler", "intake", "admin"],
      guard: caseIsOpen,
    },
    suspend: { from: ["accepted"], actors: ["dept_handler", "admin"], guard: caseIsOpen },
    resume: { from: ["suspended"], actors: ["dept_handler", "admin"], guard: caseIsOpen },
    approve: { from: ["accepted"], actors: ["dept_handler", "admin"], guard: caseIsOpen },
    refuse: { from: ["accepted"], actors: ["dept_handler", "admin"], guard: caseIsOpen },
    "issue-result": {
      from: ["approved"],
      actors: ["dept_handler", "admin"],
      guard: (s) =>
        caseIsOpen(s) ??
        (s.case.pendingMaterials.length
          ? `materials accepted as missing (容缺) are not yet supplied: ${s.case.pendingMaterials.join(", ")}`
          : null),
    },
  },
};

/** The state right after submission: every sub-case waiting. */
export function initialCaseState(ev: Extract<CaseEvent, { type: "submitted" }>): CaseState {
  return {
    case: {
      status: "submitted",
      version: 1,
      submittedAt: ev.at,
      acceptedAt: null,
      completedAt: null,
      closedAt: null,
      pendingMaterials: [],
      supplyBy: null,
      reason: null,
      updatedAt: ev.at,
    },
    subcases: ev.data.subcases.map((p) => ({
      ...p,
      dependsOn: [...p.dependsOn],
      status: "waiting",
      version: 1,
      dispatchedAt: null,
      legalDueAt: null,
      promisedDueAt: null,
      suspendedAt: null,
      suspensionReason: null,
      suspendedDays: 0,
      correctionCount: 0,
      resultAt: null,
      resultNo: null,
      reason: null,
      updatedAt: ev.at,
    })),
  };
}

function withSubcase(
  s: CaseState,
  id: string,
  at: string,
  change: (sub: SubcaseCore) => Partial<SubcaseCore>,
): CaseState {
  let found = false;
  const subcases = s.subcases.map((sub) => {
    if (sub.id !== id) return sub;
    found = true;
    return { ...sub, ...change(sub), version: sub.version + 1, updatedAt: at };
  });
  if (!found) throw new Error(`event for unknown sub-case ${id}`);
  return { ...s, subcases };
}

/**
 * The reducer: the next state after one event. Pure. Every event bumps the parent's `version`
 * (the aggregate's history has one sequence); a sub-case event bumps that sub-case's own version too.
 */
export function applyCaseEvent(s: CaseState, ev: CaseEvent): CaseState {
  const c: CaseCore = { ...s.case, version: s.case.version + 1, updatedAt: ev.at };
  const n: CaseState = { ...s, case: c };
  switch (ev.type) {
    case "submitted":
      return initialCaseState(ev);
    case "accepted":
      return {
        ...n,
        case: {
          ...c,
          status: "accepted",
          acceptedAt: ev.at,
          pendingMaterials: [...ev.data.pendingMaterials],
          supplyBy: ev.data.supplyBy,
        },
      };
    case "rejected":
      return {
        ...n,
        case: { ...c, status: "rejected", reason: ev.data.reason, closedAt: ev.at },
        subcases: s.subcases.map((sub) => closeOpen(sub, ev.at, ev.data.reason)),
      };
    case "withdrawn":
      return {
        ...n,
        case: { ...c, status: "withdrawn", reason: ev.data.reason, closedAt: ev.at },
        subcases: s.subcases.map((sub) => closeOpen(sub, ev.at, ev.data.reason)),
      };
    case "materials_supplied": {
      const pending = c.pendingMaterials.filter((m) => !ev.data.materials.includes(m));
      return {
        ...n,
        case: { ...c, pendingMaterials: pending, supplyBy: pending.length ? c.supplyBy : null },
      };
    }
    case "completed":
      return { ...n, case: { ...c, status: "completed", completedAt: ev.at, closedAt: ev.at } };
    case "subcase_dispatched":
      return withSubcase(n, ev.subcaseId, ev.at, () => ({
        status: "dispatched",
        dispatchedAt: ev.at,
        legalDueAt: ev.data.legalDueAt,
        promisedDueAt: ev.data.promisedDueAt,
      }));
    case "subcase_accepted":
      return withSubcase(n, ev.subcaseId, ev.at, () => ({ status: "accepted" }));
    case "subcase_suspended":
      return withSubcase(n, ev.subcaseId, ev.at, (sub) => ({
        status: ev.data.reason === "correction" ? "correction" : "suspended",
        suspendedAt: ev.at,
        suspensionReason: ev.data.reason,
        correctionCount: sub.correctionCount + (ev.data.reason === "correction" ? 1 : 0),
        reason: ev.data.note,
      }));
    case "subcase_resumed":
      return withSubcase(n, ev.subcaseId, ev.at, (sub) => ({
        status: "accepted",
        suspendedAt: null,
        suspensionReason: null,
        suspendedDays: sub.suspendedDays + ev.data.days,
        legalDueAt: ev.data.legalDueAt,
        promisedDueAt: ev.data.promisedDueAt,
        reason: null,
      }));
    case "subcase_approved":
      return withSubcase(n, ev.subcaseId, ev.at, () => ({ status: "approved" }));
    case "subcase_refused":
      return withSubcase(n, ev.subcaseId, ev.at, () => ({
        status: "refused",
        resultAt: ev.at,
        reason: ev.data.reason,
      }));
    case "subcase_issued":
      return withSubcase(n, ev.subcaseId, ev.at, () => ({
        status: "issued",
        resultAt: ev.at,
        resultNo: ev.data.resultNo,
      }));
    case "subcase_cancelled":
      return withSubcase(n, ev.subcaseId, ev.at, () => ({
        status: "cancelled",
        resultAt: ev.at,
        suspendedAt: null,
        suspensionReason: null,
        reason: ev.data.reason,
      }));
  }
}

/** A sub-case without a result ends as cancelled when its case is rejected or withdrawn. */
function closeOpen(sub: SubcaseCore, at: string, reason: string): SubcaseCore {
  if (RESULT_STATUSES.has(sub.status)) return sub;
  return {
    ...sub,
    status: "cancelled",
    resultAt: at,
    suspendedAt: null,
    suspensionReason: null,
    reason,
    version: sub.version + 1,
    updatedAt: at,
  };
}

/** Replays a case's history: the first event must be `submitted`. */
export function replayCase(events: readonly CaseEvent[]): CaseState {
  const [first, ...rest] = events;
  if (first?.type !== "submitted") throw new Error("history must start with a submitted event");
  return rest.reduce(applyCaseEvent, initialCaseState(first));
}

/** Why a parent action cannot run on the state, or null. Roles are checked apart. */
export function caseStateProblem(s: CaseState, action: CaseAction): string | null {
  const rule = CASE_TRANSITIONS.case[action];
  if (!rule.from.includes(s.case.status))
    return `action ${action} is not allowed in case state ${s.case.status}`;
  return rule.guard ? rule.guard(s) : null;
}

/** Why a sub-case action cannot run, or null. Roles are checked apart. */
export function subcaseStateProblem(s: CaseState, sub: SubcaseCore, action: SubcaseAction): string | null {
  const rule = CASE_TRANSITIONS.subcase[action];
  if (!rule.from.includes(sub.status))
    return `action ${action} is not allowed in sub-case state ${sub.status}`;
  return rule.guard ? rule.guard(s, sub) : null;
}

/** Parent actions the state allows, whoever asks. */
export function caseActionsInState(s: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((a) => caseStateProblem(s, a) === null);
}

/** Sub-case actions the state allows, whoever asks. */
export function subcaseActionsInState(s: CaseState, sub: SubcaseCore): SubcaseAction[] {
  return SUBCASE_ACTIONS.filter((a) => subcaseStateProblem(s, sub, a) === null);
}

/** Whether every predecessor of a sub-case has a favourable result (出件). */
export function dependenciesMet(s: CaseState, sub: SubcaseCore): boolean {
  return sub.dependsOn.every((d) => s.subcases.find((x) => x.id === d)?.status === "issued");
}

/** Working-day arithmetic the follow-ups need: the engine passes the working calendar's. */
export type AddWorkingDays = (from: Date, days: number) => Date;

/**
 * What the system does next on its own, as events to apply in order (the engine appends them in
 * the same transaction as the action that made them due): dispatch every waiting sub-case whose
 * predecessors are issued — in parallel, all at once; cancel one whose predecessor was refused or
 * cancelled; complete the case (统一出件) when every sub-case has a result.
 */
export function systemFollowUps(s: CaseState, at: string, addWorkingDays: AddWorkingDays): CaseEvent[] {
  if (s.case.status !== "accepted") return [];
  const out: CaseEvent[] = [];
  let state = s;
  // Cancellations can cascade down a chain; each pass settles one level.
  for (let pass = 0; pass <= state.subcases.length; pass++) {
    const step: CaseEvent[] = [];
    for (const sub of state.subcases) {
      if (sub.status !== "waiting") continue;
      const preds = sub.dependsOn.map((d) => state.subcases.find((x) => x.id === d));
      const failed = preds.find((p) => p && (p.status === "refused" || p.status === "cancelled"));
      if (failed) {
        step.push({
          type: "subcase_cancelled",
          at,
          subcaseId: sub.id,
          data: { reason: `前置事项「${failed.name}」未出件 (predecessor ${failed.id} ${failed.status})` },
        });
      } else if (dependenciesMet(state, sub)) {
        step.push({
          type: "subcase_dispatched",
          at,
          subcaseId: sub.id,
          data: dueDates(sub, at, 0, addWorkingDays),
        });
      }
    }
    if (step.length === 0) break;
    for (const ev of step) state = applyCaseEvent(state, ev);
    out.push(...step);
  }
  if (state.subcases.every((x) => RESULT_STATUSES.has(x.status))) {
    out.push({ type: "completed", at, data: {} });
  }
  return out;
}

/** Both clocks of a sub-case from its dispatch, extended by the working days it was suspended. */
export function dueDates(
  sub: Pick<SubcaseCore, "legalDays" | "promisedDays">,
  dispatchedAt: string,
  suspendedDays: number,
  addWorkingDays: AddWorkingDays,
): DueDates {
  const from = new Date(dispatchedAt);
  return {
    legalDueAt: addWorkingDays(from, sub.legalDays + suspendedDays).toISOString(),
    promisedDueAt: addWorkingDays(from, sub.promisedDays + suspendedDays).toISOString(),
  };
}

/**
 * The invariants every reachable state keeps (the property test checks them after each step):
 * an empty list when all hold, else what is wrong.
 */
export function caseInvariantProblems(s: CaseState): string[] {
  const p: string[] = [];
  const byId = new Map(s.subcases.map((x) => [x.id, x]));
  for (const sub of s.subcases) {
    const paused = sub.status === "correction" || sub.status === "suspended";
    if (paused !== (sub.suspendedAt !== null)) p.push(`${sub.id}: suspendedAt does not match ${sub.status}`);
    if (RESULT_STATUSES.has(sub.status) !== (sub.resultAt !== null))
      p.push(`${sub.id}: resultAt does not match ${sub.status}`);
    if (sub.status !== "waiting" && sub.status !== "cancelled") {
      if (!sub.dispatchedAt || !sub.legalDueAt || !sub.promisedDueAt)
        p.push(`${sub.id}: moved without clocks`);
      for (const d of sub.dependsOn)
        if (byId.get(d)?.status !== "issued") p.push(`${sub.id}: dispatched before ${d} was issued`);
    }
    if (sub.promisedDueAt && sub.legalDueAt && sub.promisedDueAt > sub.legalDueAt)
      p.push(`${sub.id}: promised limit after the legal one`);
    if (sub.status !== "waiting" && s.case.status === "submitted")
      p.push(`${sub.id}: moved before acceptance`);
  }
  const allResults = s.subcases.every((x) => RESULT_STATUSES.has(x.status));
  if (s.case.status === "completed" && !allResults) p.push("completed with a sub-case lacking a result");
  if (s.case.status === "accepted" && allResults) p.push("every sub-case has a result but the case is open");
  if ((s.case.status === "rejected" || s.case.status === "withdrawn") && !allResults)
    p.push(`${s.case.status} with an open sub-case`);
  return p;
}

/** Chinese labels of parent states. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  submitted: "已申请",
  accepted: "已受理",
  completed: "已办结",
  rejected: "不予受理",
  withdrawn: "已撤回",
};

/** Chinese labels of sub-case states. */
export const SUBCASE_STATUS_LABELS: Readonly<Record<SubcaseStatus, string>> = {
  waiting: "等待前置事项",
  dispatched: "已分送",
  accepted: "办理中",
  correction: "补正中",
  suspended: "暂停计时",
  approved: "已审批",
  issued: "已出件",
  refused: "不予许可",
  cancelled: "已终止",
};

/** Chinese labels of suspension reasons (不计时). */
export const SUSPENSION_LABELS: Readonly<Record<SuspensionReason, string>> = {
  correction: "补正",
  publicity: "公示",
  expert_review: "专家评审",
};

/** The working-calendar arithmetic events need (the server passes its `WorkingCalendar`). */
export interface CaseCalendar {
  addWorkingDays(from: Date, n: number): Date;
  workingDaysBetween(a: Date, b: Date): number;
}

/** The input of a sub-case action (the wire body without `action` and `version`). */
export interface SubcaseActionInput {
  note?: string | null;
  /** `refuse`: why (不予许可理由). */
  reason?: string;
  /** `suspend`: 公示 or 专家评审 (补正 has its own action). */
  suspension?: Exclude<SuspensionReason, "correction">;
  /** `issue-result`: the licence or certificate number (证照编号). */
  resultNo?: string;
}

/** A missing input of an action: the field and why. */
export interface ActionInputProblem {
  field: string;
  message: string;
}

/**
 * The event a sub-case action produces, or the input problem. Pure: the clocks' arithmetic comes
 * from `cal`, so the server and the property test build identical events.
 */
export function subcaseEvent(
  sub: SubcaseCore,
  action: SubcaseAction,
  input: SubcaseActionInput,
  at: string,
  cal: CaseCalendar,
): SubcaseEvent | ActionInputProblem {
  const subcaseId = sub.id;
  const note = input.note?.trim() || null;
  switch (action) {
    case "accept":
      return { type: "subcase_accepted", at, subcaseId, data: { note } };
    case "request-correction":
      if (!note)
        return { field: "note", message: "say what the applicant must correct or supply (补正内容)" };
      return { type: "subcase_suspended", at, subcaseId, data: { reason: "correction", note } };
    case "suspend":
      if (!input.suspension)
        return { field: "suspension", message: "is required: publicity or expert_review" };
      if (!note) return { field: "note", message: "say why the clocks stop" };
      return { type: "subcase_suspended", at, subcaseId, data: { reason: input.suspension, note } };
    case "supply-correction":
    case "resume": {
      const days = sub.suspendedAt
        ? Math.max(0, cal.workingDaysBetween(new Date(sub.suspendedAt), new Date(at)))
        : 0;
      const due = dueDates(sub, sub.dispatchedAt ?? at, sub.suspendedDays + days, (f, n) =>
        cal.addWorkingDays(f, n),
      );
      return { type: "subcase_resumed", at, subcaseId, data: { ...due, days, note } };
    }
    case "approve":
      return { type: "subcase_approved", at, subcaseId, data: { note } };
    case "refuse": {
      const reason = input.reason?.trim();
      if (!reason)
        return { field: "reason", message: "is required: why the application is refused (不予许可理由)" };
      return { type: "subcase_refused", at, subcaseId, data: { reason } };
    }
    case "issue-result": {
      const resultNo = input.resultNo?.trim();
      if (!resultNo)
        return { field: "resultNo", message: "is required: the number of the licence or certificate" };
      return { type: "subcase_issued", at, subcaseId, data: { resultNo } };
    }
  }
}

/** True when {@link subcaseEvent} returned a problem rather than an event. */
export const isInputProblem = (x: SubcaseEvent | ActionInputProblem): x is ActionInputProblem =>
  "field" in x && !("type" in x);
