import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database, Db } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { PgliteDialect } from "./pglite-dialect.ts";

/** Where the data lives: a PostgreSQL URL, an embedded data directory, or memory (tests). */
export type StorageTarget = { databaseUrl: string } | { dataDir: string } | { memory: true };

/** An open database with a way to close it. */
export interface Storage {
  db: Db;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Opens storage and applies pending migrations (forward only). Both engines speak the same
 * PostgreSQL dialect; `date` columns come back as `YYYY-MM-DD` strings and counts as numbers.
 */
export async function openStorage(target: StorageTarget, opts: { migrate?: boolean } = {}): Promise<Storage> {
  let storage: Storage;
  if ("databaseUrl" in target) {
    const parsers: Record<number, (v: string) => unknown> = {
      [DATE_OID]: (v) => v,
      [INT8_OID]: (v) => Number(v),
      [NUMERIC_OID]: (v) => Number(v),
    };
    const pool = new pg.Pool({
      connectionString: target.databaseUrl,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    storage = { db, kind: "postgres", close: () => db.destroy() };
  } else {
    const dataDir = "dataDir" in target ? target.dataDir : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create(dataDir, {
      parsers: {
        [DATE_OID]: (v: string) => v,
        [INT8_OID]: (v: string) => Number(v),
        [NUMERIC_OID]: (v: string) => Number(v),
      },
    });
    const db = new Kysely<Database>({ dialect: new PgliteDialect(client) });
    storage = { db, kind: "pglite", close: () => db.destroy() };
  }
  if (opts.migrate !== false) await migrateToLatest(storage.db);
  return storage;
}
