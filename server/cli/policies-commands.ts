import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import type { AppContext } from "../app-context.ts";
import {
  importEnterprises,
  parseEnterpriseMapping,
  readSheet,
} from "../modules/enterprises/import-enterprises.ts";
import { deliverOutbox, rematchAll, rematchEnterprises, seedPolicies } from "../modules/policies/index.ts";

export const POLICIES_USAGE = `  hotline enterprises import FILE.csv|FILE.xlsx [--map attr=column,...]
                                      import the enterprise registry (企业库), all or nothing, with a progress bar;
                                      problems are listed by row and column (fields: uscc, name, regionCode, revenue…)
  hotline policies match [--all]      re-match the whole registry against every published policy (免申即享) and
                                      update the ledger
  hotline policies seed [--enterprises N]
                                      synthetic enterprises (labelled 合成) and the sample policies, published`;

/** Opens the database for a command (the caller's lock and close). */
export type Opener = (what: string) => Promise<{ ctx: AppContext; close: () => Promise<void> }>;

const SYSTEM = { id: null, name: "命令行 CLI" };

/** `hotline enterprises …` */
export async function runEnterprisesCli(argv: string[], open: Opener): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { map: { type: "string" } },
  });
  const [sub, file] = positionals;
  if (sub !== "import" || !file) throw new Error(`enterprises: use\n${POLICIES_USAGE}`);
  const mapping = parseEnterpriseMapping(values.map);
  const rows = await readSheet({ file });
  const { ctx, close } = await open("hotline enterprises import");
  const bar = new cliProgress.SingleBar(
    { format: "  enterprises [{bar}] {value}/{total} (validate, then store)" },
    cliProgress.Presets.shades_classic,
  );
  try {
    bar.start(rows.length * 2, 0);
    const r = await importEnterprises(ctx, rows, mapping, {
      changedBy: SYSTEM.name,
      onProgress: (d, total) => {
        bar.setTotal(total);
        bar.update(d);
      },
      afterSave: (tx, changed) => rematchEnterprises(ctx, tx, changed, SYSTEM),
    });
    bar.stop();
    if (r.problems.length) {
      console.log(`Nothing was imported: ${r.problems.length} problem(s).`);
      for (const p of r.problems.slice(0, 50))
        console.log(`  row ${p.row}, column ${p.column}: ${p.message}`);
      if (r.problems.length > 50) console.log(`  … and ${r.problems.length - 50} more`);
      process.exitCode = 1;
      return;
    }
    await deliverOutbox(ctx, undefined, 1_000_000);
    console.log(
      `Imported ${r.imported} enterprises (${r.changed} new or changed), re-matched against the published policies.`,
    );
  } finally {
    bar.stop();
    await close();
  }
}

/** `hotline policies …` */
export async function runPoliciesCli(argv: string[], open: Opener): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { all: { type: "boolean" }, enterprises: { type: "string" } },
  });
  const sub = positionals[0];
  if (sub === "match") {
    const { ctx, close } = await open("hotline policies match");
    const bar = new cliProgress.SingleBar(
      { format: "  match [{bar}] {value}/{total} enterprises" },
      cliProgress.Presets.shades_classic,
    );
    try {
      bar.start(1, 0);
      const r = await rematchAll(ctx, SYSTEM, (d, total) => {
        bar.setTotal(total);
        bar.update(d);
      });
      bar.stop();
      await deliverOutbox(ctx, undefined, 1_000_000);
      console.log(JSON.stringify(r));
    } finally {
      bar.stop();
      await close();
    }
    return;
  }
  if (sub === "seed") {
    const n = Number(values.enterprises ?? 5000);
    if (!Number.isInteger(n) || n < 0) throw new Error("--enterprises must be a whole number");
    const { ctx, close } = await open("hotline policies seed");
    try {
      const r = await seedPolicies(ctx, {
        enterprises: n,
        onProgress: (step, d, t) => process.stderr.write(`\r  ${step} ${d}/${t}   `),
      });
      process.stderr.write("\n");
      console.log(JSON.stringify(r));
    } finally {
      await close();
    }
    return;
  }
  throw new Error(`policies: use\n${POLICIES_USAGE}`);
}
