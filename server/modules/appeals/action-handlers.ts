import type { AppealAction } from "../../../common/appeal-state.ts";
import { callbackAppeal, closeAppeal, reopenAppeal } from "../callback/callback-actions.ts";
import {
  dispatchAppeal,
  replyToAppeal,
  returnAppeal,
  signAppeal,
  transferAppeal,
} from "../dispatch/dispatch-actions.ts";
import { answerDirectly } from "../intake/answer-directly.ts";
import { approveExtension, rejectExtension, requestExtension } from "../sla/extension-actions.ts";
import { mergeAppeal, superviseAppeal } from "../supervision/supervision-actions.ts";
import type { ActionHandler } from "./perform-action.ts";

/** Every action's handler, by action: the compiler checks that none is missing. */
export const ACTION_HANDLERS: Readonly<Record<AppealAction, ActionHandler>> = {
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
};
