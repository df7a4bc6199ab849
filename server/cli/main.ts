import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { APPEAL_KINDS, type AppealKind } from "../../common/appeal-state.ts";
import { openContext, storageTarget } from "../bootstrap.ts";
import { type Config, loadConfig } from "../config/config.ts";
import { buildApp } from "../http/app.ts";
import { JOBS, type JobName, startScheduler } from "../jobs/scheduler.ts";
import { retrainFromHistory } from "../modules/classification/retrain.ts";
import { type DemoLogins, seedDemo } from "../modules/demo/seed-demo.ts";
import { appealIndexOf } from "../modules/hotspots/appeal-index.ts";
import { seedPolicies } from "../modules/policies/seed-policies.ts";
import { FixedClock, systemClock } from "../platform/clock.ts";
import { lockDataDir } from "../storage/data-dir-lock.ts";
import { CLASSIFIER_USAGE, runClassifierCli } from "./classifier-commands.ts";
import { exportAppeals } from "./export-appeals.ts";
import { HOTSPOTS_USAGE, runHotspotsCli } from "./hotspots-commands.ts";
import { importAppeals, parseMapping, readTable } from "./import-appeals.ts";
import { POLICIES_USAGE, runEnterprisesCli, runPoliciesCli } from "./policies-commands.ts";

const USAGE = `hotline — the 12345 hotline platform

  hotline serve [--demo]              start the HTTP server (demo data on an empty database with --demo or HOTLINE_DEMO=1)
  hotline migrate                     apply pending database migrations
  hotline seed --demo [--count N]     fill an empty database with demo users and appeals
  hotline import FILE.csv|FILE.xlsx [--map field=column,...] [--kind consult]
                                      receive appeals from a table (fields: title, body, kind, name, phone,
                                      regionCode, address, categoryCode, receivedAt)
  hotline export --out FILE.xlsx|FILE.csv [--from ISO] [--to ISO]
  hotline jobs run sla-sweep|hotspot-scan|… [--now ISO-time]
${CLASSIFIER_USAGE}
${HOTSPOTS_USAGE}
${POLICIES_USAGE}

Configuration comes from the environment: PORT, HOST, HOTLINE_DATA_DIR, DATABASE_URL, HOTLINE_DEMO,
HOTLINE_DEMO_PASSWORD (see README.md).`;

/** Opens the database for a command; the embedded one is locked so that only one process uses it. */
async function open(config: Config, what: string, clock = systemClock) {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, what);
  try {
    const opened = await openContext(storageTarget(config), clock);
    return {
      ...opened,
      close: async () => {
        await opened.storage.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

function printLogins(l: DemoLogins, url: string) {
  const lines = [
    "",
    "  Hotline demo logins (shown once; set HOTLINE_DEMO_PASSWORD to choose them):",
    ...l.users.map((u) => `    ${u.username.padEnd(12)} ${u.role.padEnd(15)} ${u.password}`),
    `    h-<department-id> handler (${l.handlerCount} departments, e.g. ${l.exampleHandlers.join(", ")}) password ${l.handlerPassword}`,
    `  Open ${url}/docs for the API; log in with POST ${url}/api/v1/session`,
    "",
  ];
  console.log(lines.join("\n"));
}

/** Retrains one routing model from history with a progress bar. */
async function retrainWithBar(
  ctx: Parameters<typeof retrainFromHistory>[0],
  target: "category" | "department",
  opts: { force?: boolean; createdBy: string },
) {
  const bar = new cliProgress.SingleBar(
    { format: `  ${target} model [{bar}] {percentage}%` },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0);
  try {
    return await retrainFromHistory(ctx, target, {
      ...opts,
      onProgress: (d, t) => bar.update(Math.round((100 * d) / Math.max(t, 1))),
    });
  } finally {
    bar.update(100);
    bar.stop();
  }
}

async function seedWithProgress(ctx: Parameters<typeof seedDemo>[0], count: number, password: string | null) {
  const bar = new cliProgress.SingleBar(
    { format: "  demo data [{bar}] {value}/{total} appeals" },
    cliProgress.Presets.shades_classic,
  );
  bar.start(count, 0);
  const logins = await seedDemo(ctx, { count, password, onProgress: (d) => bar.update(d) });
  bar.stop();
  // The demo's history teaches the routing models (leaf categories and departments), as a real
  // hotline's would after its first months.
  for (const target of ["category", "department"] as const) {
    await retrainWithBar(ctx, target, { createdBy: "demo seed" });
  }
  // 免申即享: a synthetic enterprise registry and the sample policies, published through the same
  // create → test → preview → approve → publish path an officer takes.
  const policyBar = new cliProgress.SingleBar(
    { format: "  policies [{bar}] {value}/{total} {step}" },
    cliProgress.Presets.shades_classic,
  );
  policyBar.start(1, 0, { step: "" });
  await seedPolicies(ctx, {
    enterprises: 2000,
    onProgress: (step, d, t) => {
      policyBar.setTotal(t);
      policyBar.update(d, { step });
    },
  });
  policyBar.stop();
  return logins;
}

async function serve(config: Config, demo: boolean) {
  const { ctx, close } = await open(config, "hotline serve");
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
  if (demo) {
    const any = await ctx.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (!any) printLogins(await seedWithProgress(ctx, 5000, config.demoPassword), url);
  }
  const app = await buildApp(ctx, { logger: true, trustProxy: config.trustProxy });
  // Build the near-duplicate index of the last 30 days in the background, so the first
  // duplicate lookup at intake does not pay for it.
  void appealIndexOf(ctx)
    .sync(ctx.clock.now())
    .catch((e: Error) => app.log.warn(`near-duplicate index: ${e.message}`));
  const stopJobs = startScheduler(ctx, (m) => app.log.info(m));
  const shutdown = async () => {
    stopJobs();
    await app.close();
    await close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Hotline is listening on ${url}`);
}

/**
 * `hotline classifier train` without `--data`: retrain the routing models from the hotline's own
 * settled appeals (returns, transfers and agent corrections included), with a progress bar.
 */
async function trainFromHistory(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { target: { type: "string" }, force: { type: "boolean" } },
  });
  if (values.target && values.target !== "category" && values.target !== "department")
    throw new Error("--target must be category or department");
  const config = loadConfig(process.env, { demo: false });
  const { ctx, close } = await open(config, "hotline classifier train");
  try {
    const targets = values.target
      ? [values.target as "category" | "department"]
      : (["category", "department"] as const);
    for (const target of targets) {
      const r = await retrainWithBar(ctx, target, {
        force: values.force,
        createdBy: "hotline classifier train",
      });
      console.log(JSON.stringify(r));
    }
  } finally {
    await close();
  }
}

async function main(argv: string[]) {
  if (argv[0] === "classifier" && argv[1] === "train" && !argv.includes("--data"))
    return trainFromHistory(argv.slice(2));
  if (argv[0] === "classifier") return runClassifierCli(argv.slice(1));
  if (argv[0] === "hotspots") return runHotspotsCli(argv.slice(1));
  if (argv[0] === "enterprises" || argv[0] === "policies") {
    const config = loadConfig(process.env, { demo: false });
    const opener = (what: string) => open(config, what);
    return argv[0] === "enterprises"
      ? runEnterprisesCli(argv.slice(1), opener)
      : runPoliciesCli(argv.slice(1), opener);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: "boolean" },
      count: { type: "string" },
      map: { type: "string" },
      kind: { type: "string" },
      out: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      now: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [cmd, ...rest] = positionals;
  if (!cmd || values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig(process.env, { demo: cmd === "serve" && values.demo === true });
  switch (cmd) {
    case "serve":
      return serve(config, config.demo);
    case "migrate": {
      const { close } = await open(config, "hotline migrate");
      await close();
      console.log("Migrations applied; reference data present.");
      return;
    }
    case "seed": {
      if (!values.demo) throw new Error("seed: only --demo is supported");
      const { ctx, close } = await open(config, "hotline seed");
      try {
        const any = await ctx.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
        if (any) throw new Error("seed --demo needs an empty database (users exist already)");
        printLogins(
          await seedWithProgress(ctx, Number(values.count ?? 5000), config.demoPassword),
          "http://localhost:8080",
        );
      } finally {
        await close();
      }
      return;
    }
    case "import": {
      const file = rest[0];
      if (!file) throw new Error("import: name a .csv or .xlsx file");
      if (values.kind && !APPEAL_KINDS.includes(values.kind as AppealKind))
        throw new Error(`--kind must be one of ${APPEAL_KINDS.join(", ")}`);
      const mapping = parseMapping(values.map);
      const rows = await readTable(file);
      const { ctx, close } = await open(config, "hotline import");
      const bar = new cliProgress.SingleBar(
        { format: "  import [{bar}] {value}/{total} rows" },
        cliProgress.Presets.shades_classic,
      );
      try {
        bar.start(rows.length, 0);
        const r = await importAppeals(ctx, rows, mapping, {
          defaultKind: values.kind as AppealKind | undefined,
          onProgress: (d) => bar.update(d),
        });
        bar.stop();
        console.log(`Imported ${r.imported} of ${rows.length} rows.`);
        for (const p of r.problems.slice(0, 50))
          console.log(`  row ${p.row}, column ${p.column}: ${p.message}`);
        if (r.problems.length > 50) console.log(`  … and ${r.problems.length - 50} more problems`);
        if (r.problems.length) process.exitCode = 1;
      } finally {
        bar.stop();
        await close();
      }
      return;
    }
    case "export": {
      if (!values.out) throw new Error("export: --out FILE.xlsx or FILE.csv is required");
      const { ctx, close } = await open(config, "hotline export");
      try {
        const to = values.to ? new Date(values.to) : new Date();
        const from = values.from ? new Date(values.from) : new Date(to.getTime() - 90 * 86400_000);
        if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
          throw new Error("--from/--to must be ISO dates");
        const n = await exportAppeals(ctx, values.out, from, to);
        console.log(`Wrote ${n} appeals to ${values.out}.`);
      } finally {
        await close();
      }
      return;
    }
    case "jobs": {
      const [sub, name] = rest;
      if (sub !== "run" || !name || !(name in JOBS))
        throw new Error(`jobs: use "jobs run <${Object.keys(JOBS).join("|")}> [--now ISO]"`);
      const now = values.now ? new Date(values.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error(`--now: not an ISO time: ${values.now}`);
      const { ctx, close } = await open(config, `hotline jobs run ${name}`, new FixedClock(now));
      try {
        const result = await JOBS[name as JobName](ctx, now);
        console.log(JSON.stringify({ job: name, now: now.toISOString(), ...result }));
      } finally {
        await close();
      }
      return;
    }
    default:
      throw new Error(`unknown command "${cmd}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((e: Error) => {
  console.error(`hotline: ${e.message}`);
  process.exit(1);
});
