#!/usr/bin/env node
// Builds the console (console/dist) when it is missing or older than its sources, so that
// `npm start` on a fresh clone serves a built console. `--check` only reports (exit 1 = stale).
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(repo, "console", "dist", "index.html");
// Everything the bundle is made of: the console's sources, the shared contracts, the map generator.
const sources = [
  join(repo, "console", "src"),
  join(repo, "console", "index.html"),
  join(repo, "console", "vite.config.ts"),
  join(repo, "common"),
  join(repo, "scripts", "liaoning-map.ts"),
  join(repo, "server", "config", "province.ts"),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const d of readdirSync(path, { withFileTypes: true })) m = Math.max(m, newest(join(path, d.name)));
  return m;
}

/** True when console/dist is missing or older than a source file. */
export function consoleStale() {
  if (!existsSync(dist)) return true;
  const built = statSync(dist).mtimeMs;
  return sources.some((s) => newest(s) > built);
}

/** Runs `vite build` for the console; throws when it fails. */
export function buildConsole() {
  const vite = join(repo, "node_modules", "vite", "bin", "vite.js");
  const res = spawnSync(
    process.execPath,
    [vite, "build", "--config", "console/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: repo,
      stdio: "inherit",
    },
  );
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status})`);
}

const LOCK = join(repo, "console", ".build.lock");

/**
 * Runs `fn` holding console/.build.lock, so that test files started in parallel build once: the
 * others wait, then find the console fresh. A lock older than 5 minutes is taken as abandoned.
 */
function withLock(fn) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      closeSync(openSync(LOCK, "wx"));
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!consoleStale()) process.exit(0);
  if (process.argv.includes("--check")) {
    console.log("console/dist is missing or older than its sources");
    process.exit(1);
  }
  withLock(() => {
    if (!consoleStale()) return; // another process built it while we waited
    console.log("Building the console (console/dist)…");
    buildConsole();
  });
}
