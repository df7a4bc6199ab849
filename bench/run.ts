/**
 * A small benchmark runner.
 *
 *   npm run bench -- <name> [--json] [bench flags]
 *
 * loads `bench/<name>.bench.ts`, calls its `run(args)` with every argument after the name, prints the
 * returned table as an aligned text table and, with `--json`, prints the returned JSON as ONE line,
 * the very last line of stdout. Progress goes to stderr, so stdout stays machine-readable.
 * An unknown (or missing) name lists the available benches and exits with status 2.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One titled table besides the main one (e.g. a breakdown). */
export interface BenchSection {
  title: string;
  table: Record<string, unknown>[];
}

/** What a bench's `run` returns. */
export interface BenchResult {
  table: Record<string, unknown>[];
  json: unknown;
  /** Optional extra tables, printed after the main one. */
  sections?: BenchSection[];
}

/** The module a `<name>.bench.ts` file is. */
export interface BenchModule {
  run(args: string[]): Promise<BenchResult>;
}

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const SUFFIX = ".bench.ts";

function availableBenches(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return String(v);
    const abs = Math.abs(v);
    return v.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** An aligned text table: numbers right-aligned, text left-aligned. */
export function formatTable(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "(no rows)";
  const cols: string[] = [];
  for (const row of rows) for (const k of Object.keys(row)) if (!cols.includes(k)) cols.push(k);
  const cells = rows.map((row) => cols.map((c) => formatCell(row[c])));
  const numeric = cols.map((c) => rows.every((r) => r[c] === undefined || typeof r[c] === "number"));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const pad = (s: string, i: number) => (numeric[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (parts: string[]) => `| ${parts.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${"-".repeat(w + 1)}:` : `:${"-".repeat(w + 1)}`)).join("|")}|`;
  return [line(cols), rule, ...cells.map(line)].join("\n");
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const nameAt = argv.findIndex((a) => !a.startsWith("-"));
  const name = nameAt >= 0 ? argv[nameAt] : undefined;
  const available = availableBenches();
  if (!name || !available.includes(name)) {
    process.stderr.write(
      `${name ? `Unknown bench "${name}".` : "No bench named."}\n` +
        "Usage: npm run bench -- <name> [--json] [flags]\n" +
        `Available benches: ${available.join(", ") || "(none)"}\n`,
    );
    return 2;
  }
  const args = argv.filter((_, i) => i !== nameAt);
  const json = args.includes("--json");
  const mod = (await import(pathToFileURL(join(BENCH_DIR, `${name}${SUFFIX}`)).href)) as BenchModule;
  if (typeof mod.run !== "function") {
    process.stderr.write(`bench/${name}${SUFFIX} does not export run(args)\n`);
    return 2;
  }
  const result = await mod.run(args);
  process.stdout.write(`\n${formatTable(result.table)}\n`);
  for (const s of result.sections ?? []) process.stdout.write(`\n${s.title}\n${formatTable(s.table)}\n`);
  if (json) process.stdout.write(`${JSON.stringify(result.json)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
