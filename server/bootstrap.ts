import type { AppContext } from "./app-context.ts";
import { ACTION_HANDLERS, RECEIVED_HOOKS, REGISTRY_FOLLOWERS } from "./composition.ts";
import type { Config } from "./config/config.ts";
import { RoutingModels } from "./modules/classification/routing-models.ts";
import { Directory } from "./modules/directory/directory-cache.ts";
import { seedReferenceData } from "./modules/directory/seed-reference-data.ts";
import { seedSlaData } from "./modules/sla/seed-sla-data.ts";
import { SlaService } from "./modules/sla/sla-service.ts";
import { type Clock, systemClock } from "./platform/clock.ts";
import { openStorage, type Storage, type StorageTarget } from "./storage/connect.ts";

/** Where a config says the data lives. */
export const storageTarget = (c: Pick<Config, "databaseUrl" | "dataDir">): StorageTarget =>
  c.databaseUrl ? { databaseUrl: c.databaseUrl } : { dataDir: c.dataDir };

/**
 * The composition root's first half: storage (migrated), reference data on first start, and the
 * in-memory catalog and SLA engine, and the action registry, as one context.
 */
export async function openContext(
  target: StorageTarget,
  clock: Clock = systemClock,
): Promise<{ ctx: AppContext; storage: Storage }> {
  const storage = await openStorage(target);
  await seedReferenceData(storage.db);
  await seedSlaData(storage.db);
  const ctx: AppContext = {
    db: storage.db,
    clock,
    directory: await new Directory().load(storage.db),
    sla: await SlaService.load(storage.db),
    routing: await RoutingModels.load(storage.db, clock.now()),
    actions: ACTION_HANDLERS,
    onReceived: RECEIVED_HOOKS,
    registryFollowers: REGISTRY_FOLLOWERS,
  };
  return { ctx, storage };
}
