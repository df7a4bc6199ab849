import { type AppealCore, type AppealEvent, applyEvent } from "../../../common/appeal-state.ts";
import { conflict } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import { type AppealRecord, appendEvent, coreOf, type EventActor, saveCore } from "./appeal.repo.ts";

/**
 * Applies an event to an appeal with the pure reducer and stores the new state with the event,
 * the update guarded by `version` (the caller holds the transaction). Every change of an appeal
 * goes through here: `performAction`, the SLA sweep and the platform's auto-dispatch.
 */
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
