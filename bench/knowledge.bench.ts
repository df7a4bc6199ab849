/**
 * Knowledge-base search latency: the in-memory BM25 index (what `GET /api/v1/knowledge?q=` runs)
 * against two brute-force baselines measured in the same run over the same articles:
 * - `scan`: every article's folded text checked for every query word in JavaScript (no index);
 * - `ilike`: PostgreSQL (embedded PGlite) `ILIKE '%word%'` on title and body for every query word.
 *
 *   npm run bench -- knowledge [--json] [--n 10000] [--queries 300] [--no-sql]
 *
 * Articles are synthetic: sentences of the project's own sample articles recombined, with cities
 * and numbers varied. Queries are typical agent questions and the prefixes an agent types on the
 * way to them (search as you type). `searchKnowledge` also goes through the service (the sync
 * check and the presentation), as the HTTP route does.
 */
import { performance } from "node:perf_hooks";
import type { AppContext } from "../server/app-context.ts";
import { openContext } from "../server/bootstrap.ts";
import { knowledgeIndex } from "../server/modules/knowledge/knowledge-index.ts";
import { SAMPLE_ARTICLES } from "../server/modules/knowledge/sample-articles.ts";
import { KnowledgeIndex } from "../server/modules/knowledge/search-index.ts";
import { searchKnowledge } from "../server/modules/knowledge/search-knowledge.ts";
import { foldText, queryWords } from "../server/platform/chinese-text.ts";
import { FixedClock } from "../server/platform/clock.ts";
import { newId } from "../server/platform/ids.ts";
import { mulberry32 as rng } from "../server/platform/seeded-random.ts";
import type { BenchResult } from "./run.ts";

const CITIES = [
  "沈阳市",
  "大连市",
  "鞍山市",
  "抚顺市",
  "本溪市",
  "丹东市",
  "锦州市",
  "营口市",
  "阜新市",
  "辽阳市",
  "盘锦市",
  "铁岭市",
  "朝阳市",
  "葫芦岛市",
];
const QUERIES = [
  "暖气不热怎么办",
  "供暖费什么时候交",
  "供暖費怎麼交",
  "室温不达标",
  "医保异地报销",
  "社保卡丢了",
  "孩子上小学要什么材料",
  "公积金提取",
  "房本怎么办",
  "失业金能领多久",
  "个体户营业执照",
  "燃气泄漏",
  "退伍军人优待证",
  "12345能办什么",
  "停电报修",
  "户口迁移",
  "拖欠工资",
  "养老金资格认证",
  "身份证补办",
  "居住证办理条件",
];

interface Synthetic {
  id: string;
  title: string;
  bodyText: string;
  categoryCodes: string[];
  regionCodes: string[];
  departmentId: string;
}

function synthesize(n: number): Synthetic[] {
  const rand = rng(12345);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sentences = SAMPLE_ARTICLES.flatMap((a) => a.paragraphs.join("").split("。").filter(Boolean));
  const out: Synthetic[] = [];
  for (let i = 0; i < n; i++) {
    const base = pick(SAMPLE_ARTICLES);
    const cityIdx = Math.floor(rand() * (CITIES.length + 4));
    const city = CITIES[cityIdx];
    const body = [
      base.paragraphs[0]!,
      ...Array.from({ length: 3 + Math.floor(rand() * 5) }, () => pick(sentences)),
    ];
    out.push({
      id: newId(),
      title: `${city ?? ""}${base.title}（${2000 + (i % 26)}版）`,
      bodyText: `${body.join("。")}。第${i}号说明。`,
      categoryCodes: base.categoryCodes,
      regionCodes: city ? [`21${String(cityIdx + 1).padStart(2, "0")}`] : [],
      departmentId: base.departmentId,
    });
  }
  return out;
}

function typedQueries(count: number): string[] {
  const rand = rng(777);
  const out: string[] = [];
  while (out.length < count) {
    const q = QUERIES[Math.floor(rand() * QUERIES.length)]!;
    // Half are the whole question, half a prefix typed on the way to it.
    out.push(rand() < 0.5 ? q : q.slice(0, 2 + Math.floor(rand() * (q.length - 1))));
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Untimed passes over the queries before timing. */
const WARM_PASSES = 2;

type Stats = { p50Ms: number; p99Ms: number; meanMs: number };

/**
 * Times several methods on the same queries, interleaved query by query (A, B, C, A, B, C …), so
 * a busy neighbour on a shared machine slows them alike. Untimed passes first warm the
 * segmenter's caches and the JIT (a search is ~10× slower before V8 has optimised it).
 */
async function timeInterleaved(
  queries: string[],
  methods: Record<string, (q: string) => unknown>,
): Promise<Record<string, Stats>> {
  const names = Object.keys(methods);
  for (let pass = 0; pass < WARM_PASSES; pass++)
    for (const q of queries) for (const m of names) await methods[m]!(q);
  const times: Record<string, number[]> = Object.fromEntries(names.map((m) => [m, []]));
  for (const q of queries) {
    for (const m of names) {
      const t0 = performance.now();
      await methods[m]!(q);
      times[m]!.push(performance.now() - t0);
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return Object.fromEntries(
    names.map((m) => {
      const t = times[m]!.sort((x, y) => x - y);
      return [
        m,
        {
          p50Ms: round(percentile(t, 50)),
          p99Ms: round(percentile(t, 99)),
          meanMs: round(t.reduce((x, y) => x + y, 0) / t.length),
        },
      ];
    }),
  );
}

function arg(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

export async function run(args: string[]): Promise<BenchResult> {
  const n = arg(args, "n", 10_000);
  const queryCount = arg(args, "queries", 300);
  const withSql = !args.includes("--no-sql");
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const today = "2025-03-03";

  log(`synthesizing ${n} articles…`);
  const docs = synthesize(n);
  const queries = typedQueries(queryCount);

  log("building the index…");
  const t0 = performance.now();
  const index = new KnowledgeIndex();
  for (const d of docs) {
    index.upsert({
      ...d,
      revision: 1,
      status: "published",
      effectiveFrom: "2024-01-01",
      effectiveTo: null,
      reviewBy: null,
      sample: true,
      version: 1,
      updatedAt: "2025-01-01T00:00:00.000Z",
    });
  }
  const buildSeconds = Math.round((performance.now() - t0) / 10) / 100;

  log("timing the index and the brute-force scan…");
  const folded = docs.map((d) => foldText(`${d.title}\n${d.bodyText}`));
  const scanSearch = (q: string) => {
    const words = queryWords(q);
    const hits: { i: number; s: number }[] = [];
    for (let i = 0; i < folded.length; i++) {
      let s = 0;
      for (const w of words) if (folded[i]!.includes(w)) s++;
      if (s) hits.push({ i, s });
    }
    return hits.sort((a, b) => b.s - a.s).slice(0, 10);
  };
  const memory = await timeInterleaved(queries, {
    bm25: (q) => index.search({ q, today, limit: 10 }),
    scan: scanSearch,
  });
  const bm25 = memory.bm25!;
  const scan = memory.scan!;
  const rows: Record<string, unknown>[] = [
    { method: "BM25 index (in memory)", articles: n, queries: queryCount, ...bm25, p99VsIndex: 1 },
    {
      method: "scan (JS includes)",
      articles: n,
      queries: queryCount,
      ...scan,
      p99VsIndex: round2(scan.p99Ms / bm25.p99Ms),
    },
  ];
  const json: Record<string, unknown> = { articles: n, queries: queryCount, buildSeconds, bm25, scan };

  if (withSql) {
    log("loading the articles into PGlite…");
    const { ctx, storage } = await openContext({ memory: true }, new FixedClock("2025-03-03T01:00:00.000Z"));
    try {
      await loadIntoDb(ctx, docs);
      await knowledgeIndex(ctx, true);
      log("timing ILIKE and the service path…");
      const few = queries.slice(0, Math.min(queryCount, 100));
      const onDb = await timeInterleaved(few, {
        ilike: async (q) => {
          let sqlq = ctx.db.selectFrom("knowledge_articles").select(["id", "title"]);
          for (const w of queryWords(q)) {
            const pat = `%${w.replace(/[%_\\]/g, "\\$&")}%`;
            sqlq = sqlq.where((eb) => eb.or([eb("title", "ilike", pat), eb("body_text", "ilike", pat)]));
          }
          return sqlq.limit(10).execute();
        },
        service: (q) => searchKnowledge(ctx, { q, limit: 10 }),
      });
      const ilike = onDb.ilike!;
      const service = onDb.service!;
      rows.push({
        method: "ILIKE on PGlite",
        articles: n,
        queries: few.length,
        ...ilike,
        p99VsIndex: round2(ilike.p99Ms / bm25.p99Ms),
      });
      rows.push({
        method: "searchKnowledge (service)",
        articles: n,
        queries: few.length,
        ...service,
        p99VsIndex: round2(service.p99Ms / bm25.p99Ms),
      });
      json.ilike = ilike;
      json.service = service;
    } finally {
      await storage.close();
    }
  }
  return { table: rows, json, sections: [{ title: "index build", table: [{ articles: n, buildSeconds }] }] };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

async function loadIntoDb(ctx: AppContext, docs: Synthetic[]): Promise<void> {
  const now = ctx.clock.now();
  for (let i = 0; i < docs.length; i += 500) {
    await ctx.db
      .insertInto("knowledge_articles")
      .values(
        docs.slice(i, i + 500).map((d) => ({
          id: d.id,
          version: 1,
          status: "published",
          title: d.title,
          body: `<p>${d.bodyText}</p>`,
          body_text: d.bodyText,
          category_codes: d.categoryCodes,
          region_codes: d.regionCodes,
          department_id: d.departmentId,
          source_title: null,
          source_url: null,
          source_number: null,
          effective_from: "2024-01-01",
          effective_to: null,
          review_by: null,
          sample: true,
          created_by: null,
          updated_by: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
}
