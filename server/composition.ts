import type { ActionRegistry, ReceivedHook } from "./modules/appeals/action-handler.ts";
import { callbackAppeal, closeAppeal, reopenAppeal } from "./modules/callback/callback-actions.ts";
import {
  dispatchAppeal,
  replyToAppeal,
  returnAppeal,
  signAppeal,
  transferAppeal,
} from "./modules/dispatch/dispatch-actions.ts";
import type { RegistryFollowers } from "./modules/enterprises/registry-followers.ts";
import { joinLiveHotspot } from "./modules/hotspots/join-live-hotspot.ts";
import { answerDirectly } from "./modules/intake/answer-directly.ts";
import { deliverAfterCommit, rematchEnterprises } from "./modules/policies/index.ts";
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

/**
 * What happens in the receipt's transaction once an appeal is received: it joins (or starts) a live
 * hot-spot cluster, so a burst warns within a minute instead of at the next 15-minute scan.
 */
export const RECEIVED_HOOKS: readonly ReceivedHook[] = Object.freeze([joinLiveHotspot]);

/**
 * What follows a change of the enterprise registry: 免申即享 re-matches the changed enterprises
 * against every published policy in the same transaction, and delivers its notices after commit.
 */
export const REGISTRY_FOLLOWERS: RegistryFollowers = Object.freeze({
  afterChange: rematchEnterprises,
  afterCommit: deliverAfterCommit,
});
