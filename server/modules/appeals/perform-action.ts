import {
  type AppealAction,
  type AppealCore,
  type AppealEvent,
  actionsAllowedInState,
  applyEvent,
  FOLLOWED_ACTIONS,
  stateProblem,
  TRANSITIONS,
} from "../../../common/appeal-state.ts";
import type { AppContext } from "../../app-context.ts";
import { AppError, conflict, forbidden, notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import { ACTION_HANDLERS } from "./action-handlers.ts";
import { type AuthUser, abilitiesOf, canSeeAppeal, roleAllows } from "./appeal.policy.ts";
import {
  type AppealRecord,
  appendEvent,
  coreOf,
  type EventActor,
  findAppeal,
  rowToRecord,
  saveCore,
} from "./appeal.repo.ts";

/** What an action's handler gets to build its event. */
export interface ActionArgs<I> {
  ctx: AppContext;
  tx: Tx;
  appeal: AppealRecord;
  input: I;
  user: AuthUser;
  now: Date;
}

/**
 * One action of the life cycle: validates its input against the catalog and builds the event.
 * It never writes: {@link performAction} applies the event and stores state and event together.
 */
export type ActionHandler<I = any> = (args: ActionArgs<I>) => Promise<AppealEvent> | AppealEvent;

/**
 * Runs one action on one appeal in one transaction: visibility → version → state → role →
 * handler → new state and its event (and the same for appeals merged into it, 并案) → commit.
 * Any error rolls everything back, so a failed action leaves appeal and history as they were.
 */
export async function performAction(
  ctx: AppContext,
  user: AuthUser,
  appealId: string,
  action: AppealAction,
  input: { version: number } & Record<string, unknown>,
): Promise<AppealRecord> {
  const handler = ACTION_HANDLERS[action];
  if (!handler) throw new AppError(404, "UNKNOWN_ACTION", `There is no action ${action}.`);
  return ctx.db.transaction().execute(async (tx) => {
    const appeal = await findAppeal(tx, appealId, true);
    if (!appeal || !canSeeAppeal(user, appeal, ctx.directory)) throw notFound("appeal", appealId);
    if (input.version !== appeal.version) {
      throw conflict(
        "STALE_VERSION",
        `The appeal changed since you loaded it (your version ${input.version}, now ${appeal.version}). Reload and try again.`,
        [{ field: "version", expected: appeal.version, got: input.version }],
      );
    }
    const problem = stateProblem(appeal, action);
    if (problem) {
      const allowed = abilitiesOf(user, appeal, ctx.directory);
      throw conflict(
        "INVALID_TRANSITION",
        `Cannot ${action} an appeal in state ${appeal.status}: ${problem}. Allowed now: ${allowed.join(", ") || "none"}.`,
        [
          {
            state: appeal.status,
            action,
            allowedActions: allowed,
            allowedInState: actionsAllowedInState(appeal),
          },
        ],
      );
    }
    if (!roleAllows(user, appeal, ctx.directory, action)) {
      const allowed = abilitiesOf(user, appeal, ctx.directory);
      throw forbidden(
        `Your role (${user.role}) may not ${action} this appeal in state ${appeal.status}; allowed: ${TRANSITIONS[action].actors.join(", ")}. Allowed to you now: ${allowed.join(", ") || "none"}.`,
        [
          {
            action,
            role: user.role,
            allowedActors: TRANSITIONS[action].actors,
            state: appeal.status,
            allowedActions: allowed,
          },
        ],
      );
    }
    const now = ctx.clock.now();
    const event = await handler({ ctx, tx, appeal, input, user, now });
    const actor: EventActor = { id: user.id, name: user.name, role: user.role };
    const updated = await commitEvent(tx, appeal, event, actor);
    if (FOLLOWED_ACTIONS.has(action) && appeal.hasFollowers)
      await propagateToMerged(tx, updated, action, event);
    if (event.type === "merged") {
      await tx
        .updateTable("appeals")
        .set({ has_followers: true })
        .where("id", "=", event.data.intoId)
        .execute();
    }
    return updated;
  });
}

/** Applies an event to an appeal and stores the new state with the event (caller holds the tx). */
export async function commitEvent(
  tx: Tx,
  appeal: AppealRecord,
  event: AppealEvent,
  actor: EventActor,
): Promise<AppealRecord> {
  const next: AppealCore = applyEvent(coreOf(appeal), event);
  if (!(await saveCore(tx, appeal, appeal.version, next))) {
    throw conflict("STALE_VERSION", "The appeal changed while you were acting on it. Reload and try again.", [
      { field: "version" },
    ]);
  }
  await appendEvent(tx, appeal, next.version, event, actor, appeal.status, next.status);
  return { ...appeal, ...next };
}

/** Merged appeals (并案) follow their master's handling steps; each keeps its own callback. */
async function propagateToMerged(tx: Tx, master: AppealRecord, action: AppealAction, event: AppealEvent) {
  const rows = await tx
    .selectFrom("appeals")
    .selectAll()
    .where("merged_into", "=", master.id)
    .where("status", "<>", "closed")
    .forUpdate()
    .execute();
  for (const row of rows) {
    const child = rowToRecord(row);
    if (stateProblem(child, action, true) !== null) continue;
    await commitEvent(tx, child, event, { id: null, name: `并案主单 ${master.ticketNo}`, role: "system" });
  }
}
