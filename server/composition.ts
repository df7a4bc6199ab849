import type { ActionRegistry } from "./modules/appeals/action-handler.ts";
import { callbackAppeal, closeAppeal, reopenAppeal } from "./modules/callback/callback-actions.ts";
import {
  dispatchAppeal,
  replyToAppeal,
  returnAppeal,
  signAppeal,
  transferAppeal,
} from "./modules/dispatch/dispatch-actions.ts";
import { answerDirectly } from "./modules/intake/answer-directly.ts";
import { approveExtension, rejectExtension, requestExtension } from "./modules/sla/extension-actions.ts";
import { mergeAppeal, superviseAppeal } from "./modules/supervision/supervision-actions.ts";

/**
 * The composition root's wiring of the life cycle: every action's handler, by action, from the
 * module that owns it. The appeal aggregate (`modules/appeals/`) defines the engine and the
 * `ActionHandler` type and knows none of these modules; the context carries this registry to
 * `performAction`, so the HTTP app, the CLI, the demo seeder and the tests run the same handlers.
 * The record type makes the compiler check that no action is missing.
 */
export const ACTION_HANDLERS: ActionRegistry = Object.freeze({
  "answer-directly": answerDirectly,
  dispatch: dispatchAppeal,
  sign: signAppeal,
  return: returnAppeal,
  transfer: transferAppeal,
  "request-extension": requestExtension,
  "approve-extension": approveExtension,
  "reject-extension": rejectExtension,
  reply: replyToAppeal,
  callback: callbackAppeal,
  reopen: reopenAppeal,
  supervise: superviseAppeal,
  merge: mergeAppeal,
  close: closeAppeal,
});
