import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * Four-eyes approval of policy versions (双人复核): the id of the user who drafted a version, so
 * that another officer approves it. Names are for people to read; ids say who is who. Versions
 * drafted before this (and by the sample-data seeder) have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    alter table policy_versions add column created_by_id text;
    `,
  );
}
