import type { ActionRegistry, ReceivedHook } from "./modules/appeals/action-handler.ts";
import type { RoutingModels } from "./modules/classification/routing-models.ts";
import type { Directory } from "./modules/directory/directory-cache.ts";
import type { RegistryFollowers } from "./modules/enterprises/registry-followers.ts";
import type { SlaService } from "./modules/sla/sla-service.ts";
import type { Clock } from "./platform/clock.ts";
import type { Db } from "./storage/database.ts";

/** Everything a use case needs, built once in the composition root (`main.ts`) or a test. */
export interface AppContext {
  db: Db;
  clock: Clock;
  directory: Directory;
  sla: SlaService;
  /** Classifier models and their settings (智能分拨); the routing table is `directory.routes`. */
  routing: RoutingModels;
  /** Every action's handler (`server/composition.ts`): what `performAction` runs. */
  actions: ActionRegistry;
  /** What runs in the receipt's transaction after an appeal is received (`server/composition.ts`). */
  onReceived: readonly ReceivedHook[];
  /** What follows a change of the enterprise registry (the policies re-match; `server/composition.ts`). */
  registryFollowers: RegistryFollowers;
}
