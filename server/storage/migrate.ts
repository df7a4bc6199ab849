import { type Kysely, type Migration, Migrator, sql } from "kysely";
import * as m0001 from "./migrations/0001-initial.ts";
import * as m0002 from "./migrations/0002-classification.ts";
import * as m0003 from "./migrations/0003-open311.ts";
import * as m0004 from "./migrations/0004-knowledge.ts";
import * as m0005 from "./migrations/0005-hotspots.ts";
import * as m0006 from "./migrations/0006-policies.ts";
import * as m0007 from "./migrations/0007-outbox-retry.ts";
import * as m0008 from "./migrations/0008-policy-four-eyes.ts";
import * as m0010 from "./migrations/0010-bundles.ts";

/** Forward-only migrations, in order. A static list: no file-system scanning at run time. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-classification": m0002,
  "0003-open311": m0003,
  "0004-knowledge": m0004,
  "0005-hotspots": m0005,
  "0006-policies": m0006,
  "0007-outbox-retry": m0007,
  "0008-policy-four-eyes": m0008,
  "0010-bundles": m0010,
};

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    throw new Error(
      `migration ${failed?.migrationName ?? "?"} failed: ${String((error as Error).message ?? error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** True when every known migration has been applied (for `/readyz`). */
export async function migrationsApplied(db: Kysely<any>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

/** Runs a block of semicolon-separated DDL one statement at a time (PGlite's extended protocol takes one). */
export async function execStatements(db: Kysely<unknown>, ddl: string): Promise<void> {
  for (const stmt of ddl.split(/;\s*\n/)) {
    if (stmt.trim()) await sql.raw(stmt).execute(db);
  }
}
