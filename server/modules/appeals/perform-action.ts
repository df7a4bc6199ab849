import {
  type AppealAction,
  type AppealEvent,
  actionsAllowedInState,
  FOLLOWED_ACTIONS,
  stateProblem,
  TRANSITIONS,
} from "../../../common/appeal-state.ts";
import type { AppContext } from "../../app-context.ts";
import { AppError, conflict, forbidden, notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { abilitiesOf, canSeeAppeal, roleAllows } from "./appeal.policy.ts";
import { type AppealRecord, type EventActor, findAppeal, rowToRecord } from "./appeal.repo.ts";
import { commitEvent } from "./commit-event.ts";

/** Where an action runs. */
export interface PerformOptions {
  /**
   * The caller's transaction (e.g. the demo seeder's batch); by default the action has its own.
   * Either way a failed action throws, and the caller's transaction rolls back with it.
   */
  tx?: Tx;
}

/**
 * Runs one action on one appeal in one transaction: visibility → version → state → role →
 * handler (from the context's registry) → new state and its event (and the same for appeals
 * merged into it, 并案) → commit. Any error rolls everything back, so a failed action leaves appeal
 * and history as they were. The time of the action is `ctx.clock.now()`: a back-dated clock
 * replays history (the demo seeder).
 */
export async function performAction(
  ctx: AppContext,
  user: AuthUser,
  appealId: string,
  action: AppealAction,
  input: { version: number } & Record<string, unknown>,
  opts: PerformOptions = {},
): Promise<AppealRecord> {
  const handler = ctx.actions[action];
  if (!handler) throw new AppError(404, "UNKNOWN_ACTION", `There is no action ${action}.`);
  const run = async (tx: Tx) => {
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
  };
  return opts.tx ? run(opts.tx) : ctx.db.transaction().execute(run);
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
