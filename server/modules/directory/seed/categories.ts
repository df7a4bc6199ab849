import type { FlatCategory, SeedCategory } from "./types.ts";

/** One taxonomy row: level-1, level-2 and level-3 names. */
export type CategoryRow = readonly [string, string, string];

const MAX_SIBLINGS = 99;

function childCode(parentCode: string, index: number): string {
  if (index >= MAX_SIBLINGS) throw new Error(`more than ${MAX_SIBLINGS} categories under "${parentCode}"`);
  return `${parentCode}${String(index + 1).padStart(2, "0")}`;
}

function findOrAdd(siblings: SeedCategory[], parentCode: string, name: string): SeedCategory {
  const existing = siblings.find((c) => c.name === name);
  if (existing) return existing;
  const node: SeedCategory = { code: childCode(parentCode, siblings.length), name, children: [] };
  siblings.push(node);
  return node;
}

/**
 * Builds the three-level category tree from taxonomy rows. Each level gets two digits, numbered in
 * order of first appearance, so the same rows in the same order always give the same codes; identical
 * rows are kept once. Throws on an empty name.
 */
export function buildCategoryTree(rows: Iterable<CategoryRow>): SeedCategory[] {
  const roots: SeedCategory[] = [];
  for (const [l1, l2, l3] of rows) {
    if (!l1 || !l2 || !l3)
      throw new Error(`category row with an empty name: ${JSON.stringify([l1, l2, l3])}`);
    const level1 = findOrAdd(roots, "", l1);
    const level2 = findOrAdd(level1.children, level1.code, l2);
    findOrAdd(level2.children, level2.code, l3);
  }
  return roots;
}

/** Flattens a category tree depth-first (parents before children), with levels, parents and name paths. */
export function flattenCategories(tree: readonly SeedCategory[]): FlatCategory[] {
  const out: FlatCategory[] = [];
  const walk = (nodes: readonly SeedCategory[], parent: FlatCategory | null): void => {
    nodes.forEach((node, index) => {
      const level = parent ? parent.level + 1 : 1;
      if (level > 3) throw new Error(`category ${node.code} is deeper than three levels`);
      const flat: FlatCategory = {
        code: node.code,
        name: node.name,
        parentCode: parent ? parent.code : null,
        level: level as 1 | 2 | 3,
        sort: index + 1,
        path: parent ? [...parent.path, node.name] : [node.name],
      };
      out.push(flat);
      walk(node.children, flat);
    });
  };
  walk(tree, null);
  return out;
}
