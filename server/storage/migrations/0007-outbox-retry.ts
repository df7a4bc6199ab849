import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * Notification outbox retries: a failed delivery waits before its next attempt (backing off with
 * each failure), so the scheduled `outbox-delivery` job retries it without hammering a gateway.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    alter table outbox add column next_attempt_at timestamptz;
    `,
  );
}
