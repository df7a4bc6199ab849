/**
 * 一件事 throughput against plain appeals, in the same run on the same database.
 *
 *   npm run bench -- bundles [--json] [--cases 150] [--workers 8] [--engine postgres|pglite]
 *                            [--form-requests 300]
 *
 * Bundle round: N cases of 新生儿出生 (5 sub-cases, a dependency chain) started and completed
 * through the use cases — start, accept, then accept → approve → issue-result for every sub-case as
 * the engine dispatches it (17 transactions, 21 events per case). Appeal round: N appeals through
 * receive → dispatch → sign → reply → callback (5 transactions). Both with W concurrent workers.
 * Then the form endpoint (`POST /api/v1/bundles/{id}/form`, through HTTP inject with a session)
 * answered M times; its p99. With `--json` the last line is
 * `{"casesPerSecond":…,"appealsPerSecond":…,"ratio":…,"formP99Ms":…}`.
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import type { AppContext } from "../server/app-context.ts";
import { openContext } from "../server/bootstrap.ts";
import { buildApp } from "../server/http/app.ts";
import { performAction } from "../server/modules/appeals/perform-action.ts";
import { BUNDLE_CASE_HANDLERS } from "../server/modules/bundles/bundle-case-actions.ts";
import { seedSampleBundles } from "../server/modules/bundles/seed-bundles.ts";
import { startBundleCase } from "../server/modules/bundles/start-bundle-case.ts";
import { findCase, performCaseAction } from "../server/modules/cases/index.ts";
import { receiveAppeal } from "../server/modules/intake/receive-appeal.ts";
import type { AuthUser } from "../server/modules/users/auth-user.ts";
import { createUser } from "../server/modules/users/manage-users.ts";
import type { Storage, StorageTarget } from "../server/storage/connect.ts";
import { startPostgres, type TestPostgres } from "../test/support/postgres-server.ts";
import type { BenchResult } from "./run.ts";
import { percentile } from "./stats.ts";

const HOUSING = "c2101-housing";
const REGION = "210102";
const PASSWORD = "bench-password-1";

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function intFlag(args: string[], name: string, dflt: number): number {
  const raw = flag(args, name);
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be an integer ≥ 1 (got ${raw})`);
  return v;
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function runWorkers(total: number, workers: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, total) }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

async function staffUser(
  ctx: AppContext,
  username: string,
  role: AuthUser["role"],
  departmentId: string | null,
) {
  const u = await createUser(ctx, { username, password: PASSWORD, name: username, role, departmentId });
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    departmentId: u.departmentId,
  } as AuthUser;
}

interface Staff {
  agent: AuthUser;
  housing: AuthUser;
  byDepartment: Map<string, AuthUser>;
}

/** One appeal through its life cycle: 5 transactions. */
async function appealLifecycle(ctx: AppContext, s: Staff, i: number): Promise<void> {
  let a = await receiveAppeal(
    ctx,
    {
      kind: "complaint",
      title: `小区供暖温度不达标（压测 ${i}）`,
      body: "和平区幸福里小区3号楼室内温度只有14度，已经持续一周，请尽快处理。",
      citizen: { name: "王建国", phone: "13812345678" },
      location: { regionCode: REGION, address: "和平区幸福里小区3号楼" },
      categoryCode: "010101",
    },
    { actor: { id: s.agent.id, name: s.agent.name, role: s.agent.role } },
  );
  a = await performAction(ctx, s.agent, a.id, "dispatch", {
    version: a.version,
    leadDepartmentId: HOUSING,
    categoryCode: "010101",
  });
  a = await performAction(ctx, s.housing, a.id, "sign", { version: a.version });
  a = await performAction(ctx, s.housing, a.id, "reply", {
    version: a.version,
    text: "已联系供热公司上门检修，室温已恢复。",
    outcome: "resolved",
  });
  await performAction(ctx, s.agent, a.id, "callback", {
    version: a.version,
    satisfaction: "satisfied",
    resolved: true,
  });
}

/** One 新生儿出生 case started and completed: 17 transactions. */
async function bundleLifecycle(ctx: AppContext, s: Staff, i: number): Promise<void> {
  const { rec } = await ctx.db.transaction().execute((tx) =>
    startBundleCase(ctx, tx, s.agent, {
      bundleId: "newborn",
      applicant: { name: "王芳", phone: "13800001111" },
      regionCode: REGION,
      values: {
        "baby-name": `李小满${i}`,
        phone: "13800001111",
        "mother-id-no": "210102199001011234",
        "household-address": "和平区南京街1号",
      },
      materials: ["mother-id", "father-id", "father-household", "photo"],
    }),
  );
  let cur = await performCaseAction(
    ctx,
    s.agent,
    rec.id,
    { target: "case", action: "accept", version: 1, input: {} },
    BUNDLE_CASE_HANDLERS,
  );
  const steps = [
    ["accept", {}],
    ["approve", {}],
    ["issue-result", { resultNo: `B-${i}` }],
  ] as const;
  while (cur.state.case.status === "accepted") {
    const ready = cur.state.subcases.filter((x) => x.status === "dispatched");
    if (ready.length === 0) throw new Error(`case ${rec.caseNo} is stuck`);
    for (const sub of ready) {
      const user = s.byDepartment.get(sub.departmentId)!;
      for (const [action, input] of steps) {
        const v = cur.state.subcases.find((x) => x.id === sub.id)!.version;
        cur = await performCaseAction(ctx, user, rec.id, {
          target: "subcase",
          subcaseId: sub.id,
          action,
          version: v,
          input,
        });
      }
    }
  }
  if (cur.state.case.status !== "completed")
    throw new Error(`case ${rec.caseNo} ended ${cur.state.case.status}`);
}

async function timed(n: number, workers: number, task: (i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await runWorkers(n, workers, task);
  return performance.now() - t0;
}

export async function run(args: string[]): Promise<BenchResult> {
  const n = intFlag(args, "cases", 150);
  const workers = intFlag(args, "workers", 8);
  const formRequests = intFlag(args, "form-requests", 300);
  const engine = flag(args, "engine") ?? "postgres";
  if (engine !== "postgres" && engine !== "pglite") throw new Error("--engine is postgres or pglite");
  let pg: TestPostgres | undefined;
  let storage: Storage | undefined;
  try {
    let target: StorageTarget = { memory: true };
    if (engine === "postgres") {
      log("starting PostgreSQL…");
      pg = await startPostgres();
      target = { databaseUrl: pg.url };
    }
    const opened = await openContext(target);
    storage = opened.storage;
    const ctx = opened.ctx;
    await seedSampleBundles(ctx);
    const byDepartment = new Map<string, AuthUser>();
    for (const d of ["c2101-health", "c2101-police", "c2101-hrss"]) {
      byDepartment.set(d, await staffUser(ctx, `bench-${d}`, "handler", d));
    }
    const s: Staff = {
      agent: await staffUser(ctx, "bench-agent", "agent", null),
      housing: await staffUser(ctx, "bench-housing", "handler", HOUSING),
      byDepartment,
    };

    log("warming up…");
    const warm = Math.max(workers * 2, 16);
    await runWorkers(warm, workers, (i) => appealLifecycle(ctx, s, -1 - i));
    await runWorkers(warm, workers, (i) => bundleLifecycle(ctx, s, -1 - i));

    log(`appeals: ${n} through their life cycle with ${workers} workers…`);
    const appealMs = await timed(n, workers, (i) => appealLifecycle(ctx, s, i));
    log(`bundle cases: ${n} started and completed with ${workers} workers…`);
    const caseMs = await timed(n, workers, (i) => bundleLifecycle(ctx, s, i));
    const check = await ctx.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("c"))
      .where("status", "=", "completed")
      .executeTakeFirstOrThrow();
    if (Number(check.c) < n) throw new Error(`only ${check.c} cases completed`);
    const sample = (await ctx.db.selectFrom("cases").select("id").limit(1).executeTakeFirstOrThrow()).id;
    if (!(await findCase(ctx.db, sample))) throw new Error("a case went missing");

    log(`form endpoint: ${formRequests} requests…`);
    const app = await buildApp(ctx);
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "bench-agent", password: PASSWORD },
    });
    const token = login.json().token as string;
    const answers = [
      { signboard: "yes", "large-venue": "yes" },
      { signboard: "no", "large-venue": "no" },
      { signboard: "yes", "large-venue": "no" },
    ];
    const lat: number[] = [];
    for (let i = 0; i < formRequests + 20; i++) {
      const t0 = performance.now();
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/bundles/open-restaurant/form",
        headers: { authorization: `Bearer ${token}` },
        payload: { answers: answers[i % answers.length] },
      });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`form: ${res.statusCode} ${res.body}`);
      if (i >= 20) lat.push(ms); // the first 20 warm the route
    }
    await app.close();
    lat.sort((a, b) => a - b);

    const casesPerSecond = round(n / (caseMs / 1000));
    const appealsPerSecond = round(n / (appealMs / 1000));
    const json = {
      casesPerSecond,
      appealsPerSecond,
      ratio: round(casesPerSecond / appealsPerSecond, 3),
      formP99Ms: round(percentile(lat, 99)),
    };
    return {
      table: [
        {
          engine,
          n,
          workers,
          cpus: availableParallelism(),
          appealsPerSecond,
          casesPerSecond,
          ratio: json.ratio,
          "goal ratio": 0.5,
          transactionsPerCase: 17,
          transactionsPerAppeal: 5,
          formP50Ms: round(percentile(lat, 50)),
          formP99Ms: json.formP99Ms,
          "goal form p99 ms": 20,
        },
      ],
      json,
    };
  } finally {
    await storage?.close();
    await pg?.stop();
  }
}
