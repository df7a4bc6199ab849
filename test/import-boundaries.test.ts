/**
 * The import-boundary check (issue 12): every relative import of `server/**` and `common/**` is an
 * edge between two *units* (a module folder `server/modules/<name>`, or a shared layer such as
 * `platform` or `storage`); units sit in layers, and an import may only run sideways or down.
 * Fails on
 * - an import circle between modules (runtime or type-only: a circle is one design, not two);
 * - an import that runs up the layers and is not in {@link ALLOWED_UPWARD};
 * - an allow-list entry (upward import or circle) that no longer exists, so the lists only shrink;
 * - a file in a folder that has no layer yet (a new module must be placed on purpose).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";

const ROOT = resolve(process.env.IMPORT_BOUNDARIES_ROOT ?? join(import.meta.dirname, ".."));

/**
 * Which unit a file belongs to: the first rule that matches its path (relative to the repository).
 * Table types (`*.table.ts`) are the storage schema, assembled by `storage/database.ts`, so they
 * belong to storage whichever module folder holds them.
 */
const UNIT_RULES: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/^common\//, "common"],
  [/^server\/(platform|config)\//, "platform"],
  [/^server\/modules\/[^/]+\/[^/]+\.table\.ts$/, "storage"],
  [/^server\/storage\//, "storage"],
  // The typed Fastify instance: a type helper with no server imports, used by every `.routes.ts`.
  [/^server\/http\/typed-app\.ts$/, "http-kit"],
  [/^server\/app-context\.ts$/, "context"],
  [/^server\/modules\/([^/]+)\//, (m) => `modules/${m[1]}`],
  [/^server\/http\//, "http"],
  [/^server\/jobs\//, "jobs"],
  [/^server\/(bootstrap|composition[^/]*|main)\.ts$/, "root"],
  [/^server\/cli\//, "cli"],
];

/**
 * The layers, lowest first. A unit may import its own layer and the layers below.
 * Why this order:
 * - common: pure TypeScript shared with the console; imports nothing of the server.
 * - platform, http-kit: clock, errors, ids, China time, config; the typed route instance.
 * - storage: the database map, connections, migrations, idempotency keys, and the table types.
 * - context: the AppContext type every use case receives (it names the services below it).
 * - directory, users: the catalog and the staff (who is acting); everything else asks them.
 * - appeals: the aggregate (repo, policy, presenter) and the action engine (`performAction`,
 *   `commitEvent`, the `ActionHandler` type); it knows no action module.
 * - sla, dispatch, callback, supervision: the action modules: handlers plugged into the engine
 *   at the composition root, plus the deadline engine and its sweep. cases: the generic case life
 *   cycle (一件事), a second aggregate beside appeals that counts its clocks on the SLA calendar.
 * - classification, knowledge: services over appeals (the classifier dispatches through the
 *   dispatch handler; the knowledge base reads appeals).
 * - intake: receives appeals (asks the classifier, answers from the knowledge base).
 * - metrics, open311, hotspots, enterprises: features on top of intake and the aggregate.
 * - policies, bundles: programmes over the enterprise registry: decision tables (免申即享) and
 *   bundles of cases (一件事) that fill their forms from the registry.
 * - demo: seeds everything above through the same use cases.
 * - http, jobs: the shell (routes of every module, the scheduler of every job).
 * - root: the composition root (bootstrap, the action registry); cli: the command line over all.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["common"],
  ["platform", "http-kit"],
  ["storage"],
  ["context"],
  ["modules/directory", "modules/users"],
  ["modules/appeals"],
  ["modules/sla", "modules/dispatch", "modules/callback", "modules/supervision", "modules/cases"],
  ["modules/classification", "modules/knowledge"],
  ["modules/intake"],
  ["modules/metrics", "modules/open311", "modules/hotspots", "modules/enterprises"],
  ["modules/policies", "modules/bundles"],
  ["modules/demo"],
  ["http", "jobs"],
  ["root"],
  ["cli"],
];

/**
 * The upward imports that remain, `from -> to` (files relative to the repository), each with why.
 * Remove an entry when its import goes; add one only with a reason a reviewer accepts.
 */
export const ALLOWED_UPWARD: Readonly<Record<string, string>> = {
  "server/app-context.ts -> server/modules/directory/directory-cache.ts":
    "type only: the context carries the catalog cache the composition root builds",
  "server/app-context.ts -> server/modules/sla/sla-service.ts":
    "type only: the context carries the SLA engine the composition root builds",
  "server/app-context.ts -> server/modules/classification/routing-models.ts":
    "type only: the context carries the classifier models the composition root builds",
  "server/app-context.ts -> server/modules/enterprises/registry-followers.ts":
    "type only: the context carries what follows a registry change (the policies re-match), wired at the root",
  "server/app-context.ts -> server/modules/appeals/action-handler.ts":
    "type only: the context carries the action registry the composition root builds",
};

/**
 * Circles between modules that remain, as their sorted module names joined by " ↔ ", with why.
 * Each is also made of allowed upward imports above; the list only shrinks.
 */
export const ALLOWED_CIRCLES: Readonly<Record<string, string>> = {};

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  for (const top of ["server", "common"]) {
    for (const d of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
      if (!d.isFile() || !/\.tsx?$/.test(d.name) || d.name.endsWith(".test.ts")) continue;
      out.push(relative(root, join(d.parentPath ?? d.path, d.name)).replaceAll("\\", "/"));
    }
  }
  return out.sort();
}

/** The relative imports of one file (static, re-exports, side-effect and dynamic `import("…")`). */
function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    if (!spec.startsWith(".")) return;
    const to = relative(root, resolve(root, dirname(file), spec)).replaceAll("\\", "/");
    edges.push({ from: file, to, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, allTypes);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

/** The unit of a file, or null when no rule places it. */
export function unitOf(file: string): string | null {
  for (const [re, unit] of UNIT_RULES) {
    const m = file.match(re);
    if (m) return typeof unit === "string" ? unit : unit(m);
  }
  return null;
}

const LAYER_OF = new Map(LAYERS.flatMap((units, i) => units.map((u) => [u, i] as const)));

/** Every import between two units, and the files no rule places. */
export function importGraph(root = ROOT) {
  const files = sourceFiles(root);
  const unplaced = files.filter((f) => {
    const u = unitOf(f);
    return u === null || !LAYER_OF.has(u);
  });
  const edges = files
    .flatMap((f) => importsOf(root, f))
    .filter((e) => {
      const a = unitOf(e.from);
      const b = unitOf(e.to);
      return a !== null && b !== null && a !== b;
    });
  return { files, unplaced, edges };
}

/** The imports that run up the layers. */
export function upwardImports(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((e) => {
    const a = LAYER_OF.get(unitOf(e.from)!);
    const b = LAYER_OF.get(unitOf(e.to)!);
    return a !== undefined && b !== undefined && b > a;
  });
}

/** Circles between modules: strongly connected components (Tarjan) of more than one module. */
export function moduleCircles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = unitOf(e.from)!;
    const b = unitOf(e.to)!;
    if (!a.startsWith("modules/") || !b.startsWith("modules/")) continue;
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)!.add(b);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) circles.push(scc.sort().join(" ↔ "));
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) connect(v);
  return circles.sort();
}

const key = (e: ImportEdge) => `${e.from} -> ${e.to}`;

describe("import boundaries", () => {
  const { files, unplaced, edges } = importGraph();
  const upward = upwardImports(edges);
  const circles = moduleCircles(edges);
  if (process.env.IMPORT_BOUNDARIES_REPORT) {
    console.log(
      JSON.stringify({ files: files.length, edges: edges.length, upward: upward.map(key), circles }, null, 1),
    );
  }

  it("reads the import lines of server/ and common/", () => {
    assert.ok(files.length > 100, `only ${files.length} files found under ${ROOT}`);
    assert.ok(edges.length > 100, `only ${edges.length} imports between units`);
  });

  it("places every file in a layer", () => {
    assert.deepEqual(unplaced, [], "add the new folder to UNIT_RULES and LAYERS, with why it sits there");
  });

  it("has no import circle between modules but the allowed ones", () => {
    const fresh = circles.filter((c) => !(c in ALLOWED_CIRCLES));
    assert.deepEqual(fresh, [], `new import circle(s) between modules:\n${fresh.join("\n")}`);
    const gone = Object.keys(ALLOWED_CIRCLES).filter((c) => !circles.includes(c));
    assert.deepEqual(gone, [], "a circle in ALLOWED_CIRCLES is gone: delete its entry");
  });

  it("has no import that runs up the layers but the allowed ones", () => {
    const fresh = upward.filter((e) => !(key(e) in ALLOWED_UPWARD));
    assert.deepEqual(
      fresh.map((e) => `${key(e)}  (${unitOf(e.from)} → ${unitOf(e.to)})`),
      [],
      "an import runs up the layers (see LAYERS): import the other way, move the code down, or wire it at the composition root",
    );
    const found = new Set(upward.map(key));
    const gone = Object.keys(ALLOWED_UPWARD).filter((k) => !found.has(k));
    assert.deepEqual(gone, [], "an import in ALLOWED_UPWARD is gone: delete its entry");
  });
});
