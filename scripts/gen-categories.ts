/**
 * Generates the category taxonomy seed from the TeddyCup 2020 label taxonomy (附件1).
 *
 * Run: `npx tsx scripts/gen-categories.ts [csv]`. Reads `../shared/data/teddycup2020/attachment1_label_taxonomy.csv`
 * (relative to the repo root; columns 一级分类,二级分类,三级分类), or the CSV path given, and writes
 * `server/modules/directory/seed/categories.json`, a three-level tree with two-digit codes per level,
 * numbered in order of first appearance in the file.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  buildCategoryTree,
  type CategoryRow,
  flattenCategories,
} from "../server/modules/directory/seed/categories.ts";
import type { SeedCategory } from "../server/modules/directory/seed/types.ts";
import { parseCsv } from "../server/platform/csv.ts";

const repoRoot = join(import.meta.dirname, "..");
const sourcePath = process.argv[2]
  ? resolve(process.argv[2])
  : resolve(repoRoot, "../shared/data/teddycup2020/attachment1_label_taxonomy.csv");
const targetPath = join(repoRoot, "server/modules/directory/seed/categories.json");
const HEADER = ["一级分类", "二级分类", "三级分类"] as const;

function fail(message: string): never {
  console.error(`gen-categories: ${message}`);
  process.exit(1);
}

/** Serialises the tree with one line per level-3 leaf, to keep the file short and diffable. */
function serialise(tree: readonly SeedCategory[]): string {
  const render = (node: SeedCategory, indent: string): string => {
    if (node.children.length === 0) return `${indent}${JSON.stringify(node)}`;
    const children = node.children.map((c) => render(c, `${indent}    `)).join(",\n");
    return `${indent}{\n${indent}  "code": ${JSON.stringify(node.code)},\n${indent}  "name": ${JSON.stringify(node.name)},\n${indent}  "children": [\n${children}\n${indent}  ]\n${indent}}`;
  };
  return `[\n${tree.map((n) => render(n, "  ")).join(",\n")}\n]\n`;
}

if (!existsSync(sourcePath)) {
  fail(
    `taxonomy file not found at ${sourcePath}. It ships in the shared data folder (teddycup2020/attachment1_label_taxonomy.csv) next to the repository; categories.json is committed, so this script is only needed to regenerate it.`,
  );
}
const [header, ...body] = parseCsv(readFileSync(sourcePath, "utf8")).filter((r) =>
  r.some((c) => c.trim() !== ""),
);
if (!header) fail("taxonomy file is empty");
const columns = HEADER.map((name) => header.findIndex((h) => h.trim() === name));
if (columns.some((c) => c < 0)) fail(`expected columns ${HEADER.join(",")}, found ${header.join(",")}`);

const seen = new Set<string>();
const rows: CategoryRow[] = [];
body.forEach((cells, index) => {
  const [l1, l2, l3] = columns.map((c) => (cells[c] ?? "").trim());
  if (!l1 || !l2 || !l3) fail(`row ${index + 2} has an empty category name: ${cells.join(",")}`);
  const key = `${l1}\u0000${l2}\u0000${l3}`;
  if (seen.has(key)) return;
  seen.add(key);
  rows.push([l1, l2, l3]);
});

const tree = buildCategoryTree(rows);
writeFileSync(targetPath, serialise(tree), "utf8");
const flat = flattenCategories(tree);
const count = (level: number) => flat.filter((c) => c.level === level).length;
console.log(
  `gen-categories: ${body.length} rows (${body.length - rows.length} duplicates dropped) -> ${count(1)} level-1, ${count(2)} level-2, ${count(3)} level-3 categories`,
);
