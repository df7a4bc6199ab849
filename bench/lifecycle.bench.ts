/**
 * Life-cycle throughput: N appeals through receive → dispatch → sign → reply → callback (5 events
 * each) via the use-case layer with W concurrent workers, against a raw baseline that inserts the
 * same number of event rows, one row per transaction, with the same W workers, on the same database.
 *
 *   npm run bench -- lifecycle [--json] [--n 300] [--workers 8] [--engine pglite|postgres]
 *                              [--rounds 2] [--breakdown 20]
 *
 * Rounds alternate raw, use case, raw, use case, ...; the best round of each is reported.
 * `--breakdown K` (default 20, 0 = off) then runs K more appeals one at a time through an
 * instrumented Kysely (a plugin that times every query) to show where an action's time goes.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from "kysely";
import pgDriver from "pg";
import type { AppealAction } from "../common/appeal-state.ts";
import type { ActionInput, ReceiveAppealInput } from "../common/contracts/appeals.ts";
import type { AppContext } from "../server/app-context.ts";
import { openContext } from "../server/bootstrap.ts";
import { performAction } from "../server/modules/appeals/perform-action.ts";
import { receiveAppeal } from "../server/modules/intake/receive-appeal.ts";
import type { AuthUser } from "../server/modules/users/auth-user.ts";
import { createUser } from "../server/modules/users/manage-users.ts";
import { indexWords } from "../server/platform/chinese-text.ts";
import type { Storage, StorageTarget } from "../server/storage/connect.ts";
import type { Db } from "../server/storage/database.ts";
import { startPostgres, type TestPostgres } from "../test/support/postgres-server.ts";
import type { BenchResult, BenchSection } from "./run.ts";
import { mean, percentile } from "./stats.ts";

type Engine = "pglite" | "postgres";
const ENGINES: readonly Engine[] = ["pglite", "postgres"];

const HOUSING = "c2101-housing";
const LEAF_CATEGORY = "010101";
const REGION = "210102";
const EVENTS_PER_APPEAL = 5;

const STEPS = ["receive", "dispatch", "sign", "reply", "callback"] as const;
type Step = (typeof STEPS)[number];

interface Options {
  n: number;
  workers: number;
  engines: Engine[];
  rounds: number;
  breakdown: number;
}

// ---------------------------------------------------------------------------------------------
// Arguments

function flagValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === `--${name}`) return args[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

function intFlag(args: string[], name: string, dflt: number, min: number): number {
  const raw = flagValue(args, name);
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min} (got ${raw})`);
  return v;
}

function parseOptions(args: string[]): Options {
  const engine = flagValue(args, "engine");
  if (engine !== undefined && !ENGINES.includes(engine as Engine)) {
    throw new Error(`--engine must be one of ${ENGINES.join(", ")} (got ${engine})`);
  }
  return {
    n: intFlag(args, "n", 300, 1),
    workers: intFlag(args, "workers", 8, 1),
    engines: engine ? [engine as Engine] : [...ENGINES],
    rounds: intFlag(args, "rounds", 2, 1),
    breakdown: intFlag(args, "breakdown", 20, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const log = (msg: string) => process.stderr.write(`[lifecycle] ${msg}\n`);

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Runs `task(i)` for i in [0, total) on `workers` concurrent loops sharing one counter. */
async function runWorkers(total: number, workers: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, total) }, async () => {
      for (let i = next++; i < total; i = next++) await task(i);
    }),
  );
}

async function countEvents(db: Db): Promise<number> {
  const r = await sql<{ c: number }>`select count(*)::int as c from appeal_events`.execute(db);
  return Number(r.rows[0]!.c);
}

function appealInput(i: number): ReceiveAppealInput {
  return {
    kind: "complaint",
    title: `小区供暖温度不达标（压测 ${i}）`,
    body: "和平区幸福里小区3号楼室内温度只有14度，已经持续一周，请尽快处理。",
    citizen: { name: "王建国", phone: "13812345678" },
    location: { regionCode: REGION, address: "和平区幸福里小区3号楼" },
    categoryCode: LEAF_CATEGORY,
  };
}

interface Staff {
  agent: AuthUser;
  handler: AuthUser;
  supervisor: AuthUser;
}

async function createStaff(ctx: AppContext): Promise<Staff> {
  const make = async (username: string, role: AuthUser["role"], departmentId: string | null) => {
    const u = await createUser(ctx, {
      username,
      password: "bench-password-1",
      name: username,
      role,
      departmentId,
    });
    const user: AuthUser = {
      id: u.id,
      username: u.username,
      name: u.name,
      role: u.role,
      departmentId: u.departmentId,
    };
    return user;
  };
  return {
    agent: await make("bench-agent", "agent", null),
    handler: await make("bench-handler", "handler", HOUSING),
    supervisor: await make("bench-supervisor", "supervisor", null),
  };
}

type Timer = (step: Step, ms: number) => void;

/** One appeal's whole life cycle through the use cases: 5 transactions, 5 events. */
async function lifecycle(ctx: AppContext, staff: Staff, i: number, record: Timer): Promise<void> {
  const { agent, handler } = staff;
  const step = async <T>(name: Step, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    record(name, performance.now() - t0);
    return out;
  };
  const act = <A extends AppealAction>(user: AuthUser, id: string, action: A, body: ActionInput<A>) =>
    performAction(ctx, user, id, action, body);

  let a = await step("receive", () =>
    receiveAppeal(ctx, appealInput(i), { actor: { id: agent.id, name: agent.name, role: agent.role } }),
  );
  a = await step("dispatch", () =>
    act(agent, a.id, "dispatch", {
      version: a.version,
      leadDepartmentId: HOUSING,
      categoryCode: LEAF_CATEGORY,
    }),
  );
  a = await step("sign", () => act(handler, a.id, "sign", { version: a.version }));
  a = await step("reply", () =>
    act(handler, a.id, "reply", {
      version: a.version,
      text: "经核查，已协调供热公司上门检修，室温已恢复至18度以上。",
      outcome: "resolved",
    }),
  );
  a = await step("callback", () =>
    act(agent, a.id, "callback", { version: a.version, satisfaction: "satisfied", resolved: true }),
  );
  if (a.status !== "closed") throw new Error(`appeal ${a.ticketNo} ended in ${a.status}, expected closed`);
}

// ---------------------------------------------------------------------------------------------
// CPU accounting: this process, and (when the server is a local child of ours) PostgreSQL's processes

interface CpuSample {
  nodeMs: number;
  serverMs: number | null;
}
type CpuProbe = () => CpuSample;

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** pid → [ppid, utime + stime in ms], from /proc (Linux only). */
function procStat(pid: string): [number, number] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return [Number(f[1]), (Number(f[11]) + Number(f[12])) * TICK_MS];
  } catch {
    return null;
  }
}

/** A probe that adds up the CPU time of the postmaster and its children (backends, walwriter…). */
async function cpuProbe(db: Db, engine: Engine): Promise<CpuProbe> {
  const node = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let postmaster: number | null = null;
  if (engine === "postgres" && process.platform === "linux") {
    const r = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    const st = procStat(String(r.rows[0]!.pid));
    postmaster = st ? st[0] : null;
  }
  return () => {
    if (postmaster === null) return { nodeMs: node(), serverMs: null };
    let serverMs = 0;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      const st = procStat(pid);
      if (st && (st[0] === postmaster || Number(pid) === postmaster)) serverMs += st[1];
    }
    return { nodeMs: node(), serverMs };
  };
}

/** CPU µs per event, for this process and the server, between two samples. */
function cpuPerEvent(a: CpuSample, b: CpuSample, events: number) {
  return {
    nodeCpuUsPerEvent: round(((b.nodeMs - a.nodeMs) * 1000) / events, 0),
    serverCpuUsPerEvent:
      a.serverMs === null || b.serverMs === null
        ? null
        : round(((b.serverMs - a.serverMs) * 1000) / events, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// The two measured runs

interface UseCaseRound {
  wallMs: number;
  appeals: number;
  events: number;
  appealsPerSecond: number;
  eventsPerSecond: number;
  nodeCpuUsPerEvent: number;
  serverCpuUsPerEvent: number | null;
  latency: Record<Step | "all", { p50: number; p99: number; mean: number }>;
}

async function runUseCaseRound(
  ctx: AppContext,
  staff: Staff,
  n: number,
  workers: number,
  cpu: CpuProbe,
  offset: number,
): Promise<UseCaseRound> {
  const samples = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const before = await countEvents(ctx.db);
  const cpu0 = cpu();
  const t0 = performance.now();
  await runWorkers(n, workers, (i) => lifecycle(ctx, staff, offset + i, (s, ms) => samples[s].push(ms)));
  const wallMs = performance.now() - t0;
  const cpu1 = cpu();
  const events = (await countEvents(ctx.db)) - before;
  if (events !== n * EVENTS_PER_APPEAL) {
    log(`warning: counted ${events} new events, expected ${n * EVENTS_PER_APPEAL}`);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), mean: round(mean(s)) };
  };
  const latency = Object.fromEntries(STEPS.map((s) => [s, stats(samples[s])])) as UseCaseRound["latency"];
  latency.all = stats(STEPS.flatMap((s) => samples[s]));
  return {
    wallMs: round(wallMs, 1),
    appeals: n,
    events,
    appealsPerSecond: round((n * 1000) / wallMs, 1),
    eventsPerSecond: round((events * 1000) / wallMs, 1),
    ...cpuPerEvent(cpu0, cpu1, events),
    latency,
  };
}

interface RawRound {
  wallMs: number;
  events: number;
  rawEventsPerSecond: number;
  nodeCpuUsPerEvent: number | null;
  serverCpuUsPerEvent: number | null;
}

const RAW_TYPES = ["received", "dispatched", "signed", "replied", "called_back"];

async function createRawTable(db: Db): Promise<void> {
  await sql`drop table if exists bench_raw_events`.execute(db);
  await sql`create table bench_raw_events (
    id bigserial primary key,
    appeal_id uuid,
    seq int,
    type text,
    at timestamptz,
    data jsonb
  )`.execute(db);
}

/** `total` event rows, one per transaction (begin, insert, commit), on `workers` loops. */
async function rawRound(db: Db, total: number, workers: number, cpu?: CpuProbe): Promise<RawRound> {
  const appealIds: string[] = Array.from({ length: Math.ceil(total / EVENTS_PER_APPEAL) }, () =>
    randomUUID(),
  );
  const before = Number(
    (await sql<{ c: number }>`select count(*)::int as c from bench_raw_events`.execute(db)).rows[0]!.c,
  );
  const cpu0 = cpu?.();
  const t0 = performance.now();
  await runWorkers(total, workers, async (i) => {
    const seq = (i % EVENTS_PER_APPEAL) + 1;
    const data = JSON.stringify({ bench: true, i, note: "经核查，已协调供热公司上门检修。" });
    await db.transaction().execute((tx) =>
      sql`insert into bench_raw_events (appeal_id, seq, type, at, data)
          values (${appealIds[Math.floor(i / EVENTS_PER_APPEAL)]!}, ${seq}, ${RAW_TYPES[seq - 1]!},
                  ${new Date().toISOString()}, ${data}::jsonb)`.execute(tx),
    );
  });
  const wallMs = performance.now() - t0;
  const cpu1 = cpu?.();
  const after = Number(
    (await sql<{ c: number }>`select count(*)::int as c from bench_raw_events`.execute(db)).rows[0]!.c,
  );
  const events = after - before;
  return {
    wallMs: round(wallMs, 1),
    events,
    rawEventsPerSecond: round((events * 1000) / wallMs, 1),
    ...(cpu0 && cpu1
      ? cpuPerEvent(cpu0, cpu1, events)
      : { nodeCpuUsPerEvent: null, serverCpuUsPerEvent: null }),
  };
}

// ---------------------------------------------------------------------------------------------
// Breakdown: queries per action, time in queries vs. the rest

interface QueryStat {
  label: string;
  ms: number;
}

/** A plugin that labels (verb + table) and times every query run through the Kysely it is on. */
class QueryTimer implements KyselyPlugin {
  private readonly compiler = new PostgresQueryCompiler();
  private readonly started = new Map<string, { label: string; t0: number }>();
  current: QueryStat[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const { sql: text } = this.compiler.compileQuery(args.node, args.queryId);
    this.started.set(args.queryId.queryId, { label: labelOf(text), t0: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const s = this.started.get(args.queryId.queryId);
    if (s) {
      this.started.delete(args.queryId.queryId);
      this.current.push({ label: s.label, ms: performance.now() - s.t0 });
    }
    return args.result;
  }
}

function labelOf(text: string): string {
  const t = text.replace(/\s+/g, " ").trim().toLowerCase();
  const table = (re: RegExp) => re.exec(t)?.[1] ?? "?";
  let label: string;
  if (t.startsWith("select")) label = `select ${table(/ from "?(\w+)"?/)}`;
  else if (t.startsWith("insert")) label = `insert ${table(/^insert into "?(\w+)"?/)}`;
  else if (t.startsWith("update")) label = `update ${table(/^update "?(\w+)"?/)}`;
  else if (t.startsWith("delete")) label = `delete ${table(/^delete from "?(\w+)"?/)}`;
  else label = t.split(" ")[0] ?? "?";
  if (t.includes(" on conflict ")) label += " (upsert)";
  if (t.endsWith(" for update")) label += " for update";
  return label;
}

interface Breakdown {
  appeals: number;
  selectOneRttMs: number;
  rawInsertTxMs: number;
  indexWordsMs: number;
  perStep: Record<
    Step,
    {
      totalMs: number;
      queries: number;
      roundTrips: number;
      queryMs: number;
      otherMs: number;
      queryMix: string;
    }
  >;
}

async function breakdown(ctx: AppContext, staff: Staff, k: number, offset: number): Promise<Breakdown> {
  const timer = new QueryTimer();
  const ictx: AppContext = { ...ctx, db: ctx.db.withPlugin(timer) };
  const per = Object.fromEntries(
    STEPS.map((s) => [s, { total: [] as number[], queries: [] as QueryStat[][] }]),
  ) as Record<Step, { total: number[]; queries: QueryStat[][] }>;
  for (let i = 0; i < k; i++) {
    await lifecycle(ictx, staff, offset + i, (s, ms) => {
      per[s].total.push(ms);
      per[s].queries.push(timer.current);
      timer.current = [];
    });
  }
  // Reference costs: one round trip, one raw one-row transaction, the search-token segmentation.
  const rtt: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await sql`select 1`.execute(ctx.db);
    rtt.push(performance.now() - t0);
  }
  const rawTx: number[] = [];
  const raw0 = performance.now();
  await rawRound(ctx.db, 200, 1);
  rawTx.push((performance.now() - raw0) / 200);
  const text = appealInput(1);
  const iw0 = performance.now();
  for (let i = 0; i < 200; i++) indexWords(`${text.title} ${text.body} ${text.location?.address ?? ""}`);
  const indexWordsMs = (performance.now() - iw0) / 200;

  const perStep = {} as Breakdown["perStep"];
  for (const s of STEPS) {
    const qs = per[s].queries;
    const queries = mean(qs.map((q) => q.length));
    const queryMs = mean(qs.map((q) => q.reduce((a, b) => a + b.ms, 0)));
    const totalMs = mean(per[s].total);
    const mix = new Map<string, number>();
    for (const q of qs[0] ?? []) mix.set(q.label, (mix.get(q.label) ?? 0) + 1);
    perStep[s] = {
      totalMs: round(totalMs, 3),
      queries: round(queries, 2),
      roundTrips: round(queries + 2, 2), // + begin and commit, which the driver sends itself
      queryMs: round(queryMs, 3),
      otherMs: round(totalMs - queryMs, 3),
      queryMix: [...mix].map(([l, c]) => (c > 1 ? `${c}× ${l}` : l)).join(", "),
    };
  }
  return {
    appeals: k,
    selectOneRttMs: round(mean(rtt), 3),
    rawInsertTxMs: round(mean(rawTx), 3),
    indexWordsMs: round(indexWordsMs, 3),
    perStep,
  };
}

// ---------------------------------------------------------------------------------------------
// One engine

interface EngineResult {
  engine: Engine;
  n: number;
  workers: number;
  appealsPerSecond: number;
  eventsPerSecond: number;
  rawEventsPerSecond: number;
  ratio: number;
  events: number;
  wallMs: number;
  rawWallMs: number;
  latencyMs: UseCaseRound["latency"];
  /** CPU µs per event in the best rounds: this process (Kysely, pg/PGlite, use cases) and the server. */
  cpuUsPerEvent: {
    raw: { node: number | null; server: number | null };
    useCase: { node: number | null; server: number | null };
  };
  rounds: { raw: RawRound[]; useCase: Omit<UseCaseRound, "latency">[] };
  breakdown?: Breakdown;
  /** The machine, since client, server and any other load share its CPUs. */
  host: { cpus: number; loadAvg1mBefore: number; loadAvg1mAfter: number };
}

async function benchEngine(engine: Engine, opts: Options): Promise<EngineResult> {
  let pg: TestPostgres | undefined;
  let storage: Storage | undefined;
  const loadBefore = round(loadavg()[0]!);
  try {
    let target: StorageTarget;
    if (engine === "postgres") {
      log("starting PostgreSQL…");
      pg = await startPostgres();
      target = { databaseUrl: pg.url };
    } else {
      target = { memory: true };
    }
    log(`${engine}: opening context (migrations, reference data)…`);
    const opened = await openContext(target);
    storage = opened.storage;
    const { ctx } = opened;
    if (engine === "postgres" && opts.workers > 10) {
      log(`note: the PostgreSQL pool has 10 connections; ${opts.workers} workers will queue for them`);
    }
    const staff = await createStaff(ctx);
    await createRawTable(ctx.db);
    try {
      // Warm-up, not measured: JIT, the jieba dictionary, the pool's connections, plan caches.
      log(`${engine}: warming up…`);
      const warm = Math.max(opts.workers * 2, 16);
      await runWorkers(warm, opts.workers, (i) => lifecycle(ctx, staff, -1 - i, () => {}));
      await rawRound(ctx.db, warm * EVENTS_PER_APPEAL, opts.workers);

      const cpu = await cpuProbe(ctx.db, engine);
      const raws: RawRound[] = [];
      const useCases: UseCaseRound[] = [];
      const totalEvents = opts.n * EVENTS_PER_APPEAL;
      for (let r = 0; r < opts.rounds; r++) {
        const raw = await rawRound(ctx.db, totalEvents, opts.workers, cpu);
        raws.push(raw);
        log(
          `${engine} round ${r + 1}: raw ${raw.events} rows in ${raw.wallMs} ms → ${raw.rawEventsPerSecond}/s`,
        );
        const uc = await runUseCaseRound(ctx, staff, opts.n, opts.workers, cpu, r * opts.n);
        useCases.push(uc);
        log(
          `${engine} round ${r + 1}: use case ${uc.appeals} appeals / ${uc.events} events in ${uc.wallMs} ms → ` +
            `${uc.eventsPerSecond} events/s`,
        );
      }
      const bestRaw = raws.reduce((a, b) => (b.rawEventsPerSecond > a.rawEventsPerSecond ? b : a));
      const bestUc = useCases.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));

      let bd: Breakdown | undefined;
      if (opts.breakdown > 0) {
        log(`${engine}: breakdown over ${opts.breakdown} sequential appeals…`);
        bd = await breakdown(ctx, staff, opts.breakdown, 1_000_000);
      }
      const { latency, ...bestUcRest } = bestUc;
      return {
        engine,
        n: opts.n,
        workers: opts.workers,
        appealsPerSecond: bestUc.appealsPerSecond,
        eventsPerSecond: bestUc.eventsPerSecond,
        rawEventsPerSecond: bestRaw.rawEventsPerSecond,
        ratio: round(bestUc.eventsPerSecond / bestRaw.rawEventsPerSecond, 3),
        events: bestUcRest.events,
        wallMs: bestUcRest.wallMs,
        rawWallMs: bestRaw.wallMs,
        latencyMs: latency,
        cpuUsPerEvent: {
          raw: { node: bestRaw.nodeCpuUsPerEvent, server: bestRaw.serverCpuUsPerEvent },
          useCase: { node: bestUc.nodeCpuUsPerEvent, server: bestUc.serverCpuUsPerEvent },
        },
        rounds: { raw: raws, useCase: useCases.map(({ latency: _l, ...rest }) => rest) },
        ...(bd ? { breakdown: bd } : {}),
        host: {
          cpus: availableParallelism(),
          loadAvg1mBefore: loadBefore,
          loadAvg1mAfter: round(loadavg()[0]!),
        },
      };
    } finally {
      await sql`drop table if exists bench_raw_events`.execute(ctx.db).catch((e: unknown) => {
        log(`could not drop bench_raw_events: ${String(e)}`);
      });
    }
  } finally {
    try {
      await storage?.close();
    } finally {
      if (pg) {
        log("stopping PostgreSQL…");
        await untilDisconnected(pg.url).catch(() => {});
        await pg.stop();
      }
    }
  }
}

/**
 * pg's `Pool.end()` (so `storage.close()`) resolves before its clients' sockets are closed; stopping
 * the server then makes it send them FATAL 57P01, which the ended pool re-emits as an unhandled
 * 'error'. So wait until the server sees no other connection to the database before stopping it.
 */
async function untilDisconnected(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pgDriver.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const r = await client.query<{ c: number }>(
        "select count(*)::int as c from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      if (r.rows[0]?.c === 0) return;
      await sleep(20);
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

export async function run(args: string[]): Promise<BenchResult> {
  const opts = parseOptions(args);
  log(
    `${availableParallelism()} CPUs, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        " ",
      )}; n=${opts.n} workers=${opts.workers} rounds=${opts.rounds} engines=${opts.engines.join(",")} ` +
      `breakdown=${opts.breakdown}`,
  );
  const results: EngineResult[] = [];
  for (const engine of opts.engines) results.push(await benchEngine(engine, opts));

  const table = results.map((r) => ({
    engine: r.engine,
    n: r.n,
    workers: r.workers,
    appealsPerSecond: r.appealsPerSecond,
    eventsPerSecond: r.eventsPerSecond,
    rawEventsPerSecond: r.rawEventsPerSecond,
    ratio: r.ratio,
    p50Ms: r.latencyMs.all.p50,
    p99Ms: r.latencyMs.all.p99,
    ...Object.fromEntries(STEPS.map((s) => [`${s} p50/p99`, `${r.latencyMs[s].p50}/${r.latencyMs[s].p99}`])),
  }));

  const sections: BenchSection[] = [
    {
      title:
        "CPU per event in the best rounds (µs; node = this process incl. PGlite, server = PostgreSQL's processes):",
      table: results.map((r) => ({
        engine: r.engine,
        "raw wall/event": round(1e6 / r.rawEventsPerSecond, 0),
        "raw node": r.cpuUsPerEvent.raw.node,
        "raw server": r.cpuUsPerEvent.raw.server,
        "use case wall/event": round(1e6 / r.eventsPerSecond, 0),
        "use case node": r.cpuUsPerEvent.useCase.node,
        "use case server": r.cpuUsPerEvent.useCase.server,
      })),
    },
  ];
  const withBd = results.filter((r) => r.breakdown);
  if (withBd.length) {
    sections.push({
      title: `Where an action's time goes (one appeal at a time, ${opts.breakdown} appeals; ms are means):`,
      table: withBd.flatMap((r) =>
        STEPS.map((s) => ({
          engine: r.engine,
          step: s,
          totalMs: r.breakdown!.perStep[s].totalMs,
          queries: r.breakdown!.perStep[s].queries,
          roundTrips: r.breakdown!.perStep[s].roundTrips,
          queryMs: r.breakdown!.perStep[s].queryMs,
          otherMs: r.breakdown!.perStep[s].otherMs,
          queries_: r.breakdown!.perStep[s].queryMix,
        })),
      ),
    });
    sections.push({
      title: "Reference costs (ms, one at a time):",
      table: withBd.map((r) => ({
        engine: r.engine,
        "select 1 round trip": r.breakdown!.selectOneRttMs,
        "raw 1-row insert tx": r.breakdown!.rawInsertTxMs,
        "indexWords (jieba) per receipt": r.breakdown!.indexWordsMs,
      })),
    });
  }

  const json = Object.fromEntries(results.map(({ engine, ...rest }) => [engine, rest]));
  return { table, json, sections };
}
