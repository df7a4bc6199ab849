import { type Kysely, type Migration, Migrator, sql } from "kysely";
import * as m0001 from "./migrations/0001-initial.ts";

/** Forward-only migrations, in order. A static list: no file-system scanning at run time. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": m0001,
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
