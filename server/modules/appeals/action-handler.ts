import type { AppealAction, AppealEvent } from "../../../common/appeal-state.ts";
import type { AppContext } from "../../app-context.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { AppealRecord } from "./appeal.repo.ts";

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
 * One action of the life cycle, as an action module (dispatch, callback, sla, supervision,
 * intake) provides it: validates its input against the catalog and builds the event. It never
 * writes: `performAction` applies the event and stores state and event together.
 */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds handlers of every action's input
export type ActionHandler<I = any> = (args: ActionArgs<I>) => Promise<AppealEvent> | AppealEvent;

/**
 * Every action's handler, by action: built once at the composition root (`server/composition.ts`)
 * and carried on the context, so the aggregate never imports the modules that act on it. The
 * record type makes the compiler check that no action is missing.
 */
export type ActionRegistry = Readonly<Record<AppealAction, ActionHandler>>;

/**
 * What else happens when an appeal is received, inside the receipt's transaction (e.g. it joins a
 * live hot-spot cluster). Registered at the composition root, so intake never imports the modules
 * that react to a receipt. A hook must not fail the receipt: it guards its own work.
 */
export type ReceivedHook = (ctx: AppContext, tx: Tx, appeal: AppealRecord) => Promise<unknown>;
