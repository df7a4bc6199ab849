import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { startPostgres } from "./postgres-server.ts";
import { startTestApp, type TestApp } from "./test-app.ts";

/** A test app and how to take it down (with its database server, where it has one). */
export interface OpenedApp {
  t: TestApp;
  stop(): Promise<void>;
}

/** A test app on embedded PGlite in memory. */
export async function openPgliteApp(): Promise<OpenedApp> {
  const t = await startTestApp();
  return { t, stop: () => t.close() };
}

/**
 * A test app on a throwaway PostgreSQL server. `stop` closes the app, waits until the server has
 * no connection of it left, then stops the server: `pg`'s pool resolves `end()` before its
 * sockets are closed, and a server shutting down under an open one makes the client throw
 * "terminating connection due to administrator command" into whatever test runs next.
 */
export async function openPostgresApp(): Promise<OpenedApp> {
  const server = await startPostgres();
  let t: TestApp;
  try {
    t = await startTestApp({ databaseUrl: server.url });
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    t,
    stop: async () => {
      try {
        await t.close();
        // An external server (HOTLINE_TEST_DATABASE_URL) keeps running: nothing to wait for.
        if (!process.env.HOTLINE_TEST_DATABASE_URL) await untilNoOtherConnections(server.url);
      } finally {
        await server.stop();
      }
    },
  };
}

async function untilNoOtherConnections(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const res = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      if (res.rows[0]?.n === 0) return;
      await sleep(20);
    }
  } finally {
    await client.end();
  }
}
