#!/usr/bin/env node
// Runs every *.test.ts under common/, server/, test/ and bench/ with node:test through tsx.
// (Node 20's test runner does not expand globs itself.) Extra arguments filter by path substring.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const roots = ["common", "server", "test", "bench", "scripts"];
const filters = process.argv.slice(2);
const files = roots
  .flatMap((root) => {
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && d.name.endsWith(".test.ts"))
        .map((d) => join(d.parentPath ?? d.path, d.name));
    } catch {
      return [];
    }
  })
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const concurrency = process.env.HOTLINE_TEST_CONCURRENCY ?? "2";
const res = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...files],
  { stdio: "inherit" },
);
process.exit(res.status ?? 1);
