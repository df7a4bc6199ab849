import {
  applyCaseEvent,
  CASE_STATUS_LABELS,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseEvent,
  type CaseState,
  caseActionsInState,
  caseStateProblem,
  initialCaseState,
  isInputProblem,
  SUBCASE_STATUS_LABELS,
  type SubcaseAction,
  type SubcaseActionInput,
  type SubcasePlan,
  subcaseActionsInState,
  subcaseEvent,
  subcaseStateProblem,
  systemFollowUps,
} from "../../../common/case-state.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, conflict, forbidden, notFound } from "../../platform/errors.ts";
import { newId, newSecret, sha256 } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../users/auth-user.ts";
import {
  canSeeCase,
  canSeeSubcase,
  caseAbilities,
  caseRoleAllows,
  subcaseAbilities,
  subcaseRoleAllows,
} from "./case.policy.ts";
import {
  appendEvents,
  type CaseEventActor,
  type CaseRecord,
  findCase,
  insertCase,
  nextCaseNo,
  saveState,
} from "./case.repo.ts";

/** What a parent action's handler gets to build its event. */
export interface CaseActionArgs {
  ctx: AppContext;
  tx: Tx;
  rec: CaseRecord;
  input: Record<string, unknown>;
  user: AuthUser;
  now: Date;
}

/**
 * Builds the event of one parent action; never writes. A module overrides the ones that need its
 * knowledge (a bundle's `accept` works out the missing materials for 容缺受理).
 */
export type CaseActionHandler = (args: CaseActionArgs) => Promise<CaseEvent> | CaseEvent;

const reasonOf = (input: Record<string, unknown>): string => {
  const r = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!r) throw badField("body.reason", "is required for this action");
  return r;
};

/** The default parent handlers; a module passes its own for the actions it specialises. */
export const DEFAULT_CASE_HANDLERS: Readonly<Record<CaseAction, CaseActionHandler>> = {
  accept: ({ now }) => ({
    type: "accepted",
    at: now.toISOString(),
    data: { pendingMaterials: [], supplyBy: null },
  }),
  reject: ({ now, input }) => ({
    type: "rejected",
    at: now.toISOString(),
    data: { reason: reasonOf(input) },
  }),
  withdraw: ({ now, input }) => ({
    type: "withdrawn",
    at: now.toISOString(),
    data: { reason: reasonOf(input) },
  }),
  "supply-materials": ({ now, input, rec }) => {
    const materials = Array.isArray(input.materials) ? input.materials.map(String) : [];
    if (materials.length === 0) throw badField("body.materials", "name at least one material supplied");
    const unknown = materials.filter((m) => !rec.state.case.pendingMaterials.includes(m));
    if (unknown.length) {
      throw badField(
        "body.materials",
        `${unknown.join(", ")} ${unknown.length > 1 ? "are" : "is"} not pending; pending: ${rec.state.case.pendingMaterials.join(", ")}`,
      );
    }
    return { type: "materials_supplied", at: now.toISOString(), data: { materials } };
  },
};

/** One action on a case or one of its sub-cases. */
export type CaseActionRequest =
  | { target: "case"; action: CaseAction; version: number; input: Record<string, unknown> }
  | {
      target: "subcase";
      subcaseId: string;
      action: SubcaseAction;
      version: number;
      input: SubcaseActionInput;
    };

const SYSTEM: CaseEventActor = { id: null, name: "系统", role: "system" };

/**
 * Runs one action inside the caller's transaction: load with the row lock → visible? (404) →
 * version (409 STALE_VERSION) → state allows it? (409 INVALID_TRANSITION naming the state and the
 * actions allowed) → role (403) → the handler builds the event → the reducer → the follow-ups the
 * system makes on its own (dispatch, cancellation, 统一出件) → state and every event written together.
 */
export async function runCaseAction(
  ctx: AppContext,
  tx: Tx,
  user: AuthUser,
  caseId: string,
  req: CaseActionRequest,
  handlers: Partial<Record<CaseAction, CaseActionHandler>> = {},
): Promise<CaseRecord> {
  const rec = await findCase(tx, caseId, true);
  if (!rec || !canSeeCase(user, rec, ctx.directory)) throw notFound("case", caseId);
  const now = ctx.clock.now();
  let event: CaseEvent;
  if (req.target === "subcase") {
    const sub = rec.state.subcases.find((s) => s.id === req.subcaseId);
    if (!sub || !canSeeSubcase(user, sub, ctx.directory))
      throw notFound("sub-case", `${caseId}/${req.subcaseId}`);
    if (req.version !== sub.version) {
      throw conflict(
        "STALE_VERSION",
        `The sub-case changed since you loaded it (your version ${req.version}, now ${sub.version}). Reload and try again.`,
        [{ field: "version", expected: sub.version, got: req.version }],
      );
    }
    const problem = subcaseStateProblem(rec.state, sub, req.action);
    if (problem) {
      const allowed = subcaseAbilities(user, rec, sub, ctx.directory);
      throw conflict(
        "INVALID_TRANSITION",
        `Cannot ${req.action} a sub-case in state ${sub.status} (${SUBCASE_STATUS_LABELS[sub.status]}): ${problem}. Allowed now: ${allowed.join(", ") || "none"}.`,
        [
          {
            state: sub.status,
            caseState: rec.state.case.status,
            action: req.action,
            allowedActions: allowed,
            allowedInState: subcaseActionsInState(rec.state, sub),
          },
        ],
      );
    }
    if (!subcaseRoleAllows(user, sub, ctx.directory, req.action)) {
      throw forbidden(
        `Your role (${user.role}) may not ${req.action} this sub-case; allowed: ${CASE_TRANSITIONS.subcase[req.action].actors.join(", ")}.`,
        [{ action: req.action, role: user.role, allowedActors: CASE_TRANSITIONS.subcase[req.action].actors }],
      );
    }
    const built = subcaseEvent(sub, req.action, req.input, now.toISOString(), ctx.sla.calendar);
    if (isInputProblem(built)) throw badField(`body.${built.field}`, built.message);
    event = built;
  } else {
    if (req.version !== rec.state.case.version) {
      throw conflict(
        "STALE_VERSION",
        `The case changed since you loaded it (your version ${req.version}, now ${rec.state.case.version}). Reload and try again.`,
        [{ field: "version", expected: rec.state.case.version, got: req.version }],
      );
    }
    const problem = caseStateProblem(rec.state, req.action);
    if (problem) {
      const allowed = caseAbilities(user, rec, ctx.directory);
      throw conflict(
        "INVALID_TRANSITION",
        `Cannot ${req.action} a case in state ${rec.state.case.status} (${CASE_STATUS_LABELS[rec.state.case.status]}): ${problem}. Allowed now: ${allowed.join(", ") || "none"}.`,
        [
          {
            state: rec.state.case.status,
            action: req.action,
            allowedActions: allowed,
            allowedInState: caseActionsInState(rec.state),
          },
        ],
      );
    }
    if (!caseRoleAllows(user, rec, ctx.directory, req.action)) {
      throw forbidden(
        `Your role (${user.role}) may not ${req.action} this case; allowed: ${CASE_TRANSITIONS.case[req.action].actors.join(", ")}.`,
        [{ action: req.action, role: user.role, allowedActors: CASE_TRANSITIONS.case[req.action].actors }],
      );
    }
    const handler = handlers[req.action] ?? DEFAULT_CASE_HANDLERS[req.action];
    event = await handler({ ctx, tx, rec, input: req.input, user, now });
  }
  return commitCaseEvents(ctx, tx, rec, event, { id: user.id, name: user.name, role: user.role });
}

/** {@link runCaseAction} in a transaction of its own. */
export function performCaseAction(
  ctx: AppContext,
  user: AuthUser,
  caseId: string,
  req: CaseActionRequest,
  handlers: Partial<Record<CaseAction, CaseActionHandler>> = {},
): Promise<CaseRecord> {
  return ctx.db.transaction().execute((tx) => runCaseAction(ctx, tx, user, caseId, req, handlers));
}

const statusIn = (s: CaseState, ev: CaseEvent): string =>
  "subcaseId" in ev ? (s.subcases.find((x) => x.id === ev.subcaseId)?.status ?? "") : s.case.status;

/** Applies an event and the system's follow-ups, and stores state and events (caller holds the tx). */
export async function commitCaseEvents(
  ctx: AppContext,
  tx: Tx,
  rec: CaseRecord,
  event: CaseEvent,
  actor: CaseEventActor,
): Promise<CaseRecord> {
  const rows: { event: CaseEvent; actor: CaseEventActor; fromStatus: string; toStatus: string }[] = [];
  let state = rec.state;
  const push = (ev: CaseEvent, who: CaseEventActor) => {
    const from = statusIn(state, ev);
    state = applyCaseEvent(state, ev);
    rows.push({ event: ev, actor: who, fromStatus: from, toStatus: statusIn(state, ev) });
  };
  push(event, actor);
  const cal = ctx.sla.calendar;
  for (const f of systemFollowUps(state, event.at, (from, n) => cal.addWorkingDays(from, n))) push(f, SYSTEM);
  if (!(await saveState(tx, rec, state))) {
    throw conflict("STALE_VERSION", "The case changed while you were acting on it. Reload and try again.", [
      { field: "version" },
    ]);
  }
  await appendEvents(tx, rec, rec.state.case.version + 1, rows);
  return { ...rec, state };
}

/** What a module gives to open a case. */
export interface NewCase {
  kind: CaseRecord["kind"];
  cityCode: string;
  definitionId: string;
  definitionVersion: number;
  leadDepartmentId: string;
  applicantName: string;
  application: unknown;
  subcases: SubcasePlan[];
}

/**
 * Opens a case (申请) in state `submitted` with its sub-cases waiting, and its first event; returns
 * the record and the tracking secret (shown once; only its hash is kept).
 */
export async function openCase(
  ctx: AppContext,
  tx: Tx,
  user: AuthUser,
  n: NewCase,
): Promise<{ rec: CaseRecord; secret: string }> {
  const now = ctx.clock.now();
  const submitted: Extract<CaseEvent, { type: "submitted" }> = {
    type: "submitted",
    at: now.toISOString(),
    data: { subcases: n.subcases },
  };
  const rec: CaseRecord = {
    cityCode: n.cityCode,
    id: newId(),
    kind: n.kind,
    caseNo: await nextCaseNo(tx, n.cityCode, now),
    definitionId: n.definitionId,
    definitionVersion: n.definitionVersion,
    leadDepartmentId: n.leadDepartmentId,
    applicantName: n.applicantName,
    application: n.application,
    createdById: user.id,
    state: initialCaseState(submitted),
  };
  const secret = newSecret(12);
  await insertCase(tx, rec, sha256(secret));
  await appendEvents(tx, rec, 1, [
    {
      event: submitted,
      actor: { id: user.id, name: user.name, role: user.role },
      fromStatus: null,
      toStatus: "submitted",
    },
  ]);
  return { rec, secret };
}
