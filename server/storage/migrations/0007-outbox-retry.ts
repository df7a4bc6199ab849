import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * Notification outbox retries: a failed delivery waits before its next attempt (backing off with
 * each failure), so the scheduled `outbox-delivery` job retries it without hammering a gateway.
 * And the key the 0006 comment promised: city first, like the rest of the enterprise's rows, so
 * the outbox could be distributed by city on Citus (deliveries address rows by city and id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    alter table outbox add column next_attempt_at timestamptz;
    alter table outbox drop constraint outbox_pkey;
    alter table outbox add primary key (city_code, id);
    `,
  );
}
