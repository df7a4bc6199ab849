/**
 * 免申即享 (policies granted without applying), as other modules, the CLI and the scheduler use
 * it. See README.md in this folder.
 */

export { localOutboxSender, type OutboxSender } from "./outbox.ts";
export {
  deliverAfterCommit,
  deliverOutbox,
  deliverOutboxRound,
  OUTBOX_MAX_ATTEMPTS,
  type OutboxRound,
} from "./outbox-delivery.job.ts";
export { rematchAll } from "./rematch-all.ts";
export { rematchEnterprises } from "./rematch-enterprise.ts";
export { seedPolicies } from "./seed-policies.ts";
