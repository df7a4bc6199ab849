import type { Open311ServiceType } from "../../../common/contracts/open311-settings.ts";
import type { Tx } from "../../storage/database.ts";

/**
 * How POST answers, as the standard's service `type`: `realtime` gives the `service_request_id`
 * at once; `batch` gives a `token` instead (for clients built for deferred servers), which
 * `GET /tokens/{token}` resolves. Hotline receives synchronously either way, and stores a token
 * for every submission, so switching is safe at any time. The values are the contract's
 * `OPEN311_SERVICE_TYPES` (`common/contracts/open311-settings.ts`).
 */
export type ServiceType = Open311ServiceType;

const KEY = "open311.type";

/** The configured type (`realtime` unless an admin chose otherwise). */
export async function serviceType(db: Tx): Promise<ServiceType> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  return row?.value === "batch" ? "batch" : "realtime";
}

/** Sets the type (admin). */
export async function setServiceType(db: Tx, type: ServiceType): Promise<void> {
  const value = JSON.stringify(type);
  await db
    .insertInto("settings")
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
