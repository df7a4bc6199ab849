import type { EntitlementEvent } from "../../../common/contracts/policies.ts";
import type { Tx } from "../../storage/database.ts";

/**
 * The immutable history of an entitlement (granted, recomputed, confirmed, rejected, disbursed,
 * withdrawn): one row per change, appended in the change's transaction.
 */

/** Who made a change, for events (`id` null: the system, e.g. a CLI re-match). */
export interface Actor {
  id: string | null;
  name: string;
}

/** Appends an event to an entitlement's history. */
export async function appendEntitlementEvent(
  tx: Tx,
  ev: {
    city: string;
    id: string;
    type: string;
    from: string | null;
    to: string;
    actor: Actor;
    at: Date;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const last = await tx
    .selectFrom("entitlement_events")
    .select((eb) => eb.fn.max<number>("seq").as("seq"))
    .where("city_code", "=", ev.city)
    .where("entitlement_id", "=", ev.id)
    .executeTakeFirst();
  await tx
    .insertInto("entitlement_events")
    .values({
      city_code: ev.city,
      entitlement_id: ev.id,
      seq: (last?.seq ?? 0) + 1,
      type: ev.type,
      from_status: ev.from,
      to_status: ev.to,
      actor_id: ev.actor.id,
      actor_name: ev.actor.name,
      at: ev.at,
      data: JSON.stringify(ev.data ?? {}),
    })
    .execute();
}

/** The history of one entitlement, oldest first. */
export async function entitlementEvents(db: Tx, id: string): Promise<EntitlementEvent[]> {
  const rows = await db
    .selectFrom("entitlement_events")
    .selectAll()
    .where("entitlement_id", "=", id)
    .orderBy("seq")
    .execute();
  return rows.map((e) => ({
    seq: e.seq,
    type: e.type,
    from: e.from_status,
    to: e.to_status,
    actor: e.actor_name,
    at: new Date(e.at).toISOString(),
    data: e.data,
  }));
}
