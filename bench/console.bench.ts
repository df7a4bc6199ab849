/**
 * Console first load, cold, on localhost, in Debian's Chromium (playwright-core, /usr/bin/chromium):
 * navigation → login screen ready (first meaningful paint of the console), then log in → agent
 * desk ready; and the gzipped JavaScript the first screen loads. Baseline in the same run: the
 * same server's /healthz JSON page and a static page of the same server (/docs, Swagger UI).
 * Each round uses a fresh browser context (empty cache = cold).
 *
 *   npm run bench -- console [--json] [--rounds 5]
 *
 * Goals (issue 4): ≤ 1.5 s cold, ≤ 800 KB gzipped JS for the first screen.
 */
import { performance } from "node:perf_hooks";
import { buildConsole, launchChromium, requireChromium, serveOnRealTime } from "../test/browser/support.ts";
import { PASSWORD, startTestApp } from "../test/support/test-app.ts";
import type { BenchResult } from "./run.ts";
import { median } from "./stats.ts";

export async function run(args: string[]): Promise<BenchResult> {
  const i = args.indexOf("--rounds");
  const rounds = i >= 0 ? Number(args[i + 1]) || 5 : 5;
  requireChromium();
  buildConsole();
  const t = await startTestApp();
  const base = await serveOnRealTime(t);
  const browser = await launchChromium();
  const samples = {
    healthz: [] as number[],
    docs: [] as number[],
    login: [] as number[],
    desk: [] as number[],
  };
  let jsGzip = 0;
  let jsRaw = 0;
  let jsFiles = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      process.stderr.write(`round ${r + 1}/${rounds}\n`);
      for (const [key, url, ready] of [
        ["healthz", "/healthz", "body"],
        ["docs", "/docs", ".swagger-ui"],
      ] as const) {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        const t0 = performance.now();
        await page.goto(base + url);
        await page.locator(ready).first().waitFor();
        samples[key].push(performance.now() - t0);
        await ctx.close();
      }
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      const js: { raw: number; gz: number }[] = [];
      page.on("response", async (res) => {
        if (!res.url().endsWith(".js")) return;
        const enc = (await res.allHeaders())["content-encoding"];
        const len = Number((await res.allHeaders())["content-length"] ?? 0);
        const body = await res.body().catch(() => Buffer.alloc(0));
        js.push({ raw: body.length, gz: enc === "gzip" ? len : body.length });
      });
      const t0 = performance.now();
      await page.goto(base);
      await page.locator("#username").waitFor();
      samples.login.push(performance.now() - t0);
      await page.waitForLoadState("networkidle");
      if (r === 0) {
        jsGzip = js.reduce((s, x) => s + x.gz, 0);
        jsRaw = js.reduce((s, x) => s + x.raw, 0);
        jsFiles = js.length;
      }
      await page.locator("#username").fill("t-agent");
      await page.locator("#password").fill(PASSWORD);
      const t1 = performance.now();
      await page.locator("button[type=submit]").click();
      await page.getByTestId("desk-phone").waitFor();
      samples.desk.push(performance.now() - t1);
      await ctx.close();
    }
  } finally {
    await browser.close();
    await t.close();
  }
  const healthz = median(samples.healthz);
  const docs = median(samples.docs);
  const login = median(samples.login);
  const desk = median(samples.desk);
  const table = [
    { what: "baseline: /healthz (JSON) cold", ms: healthz, ratio: 1 },
    { what: "baseline: /docs (Swagger UI) cold", ms: docs, ratio: docs / healthz },
    { what: "console: login screen ready, cold", ms: login, ratio: login / healthz, goal_ms: 1500 },
    { what: "console: log in → agent desk ready", ms: desk, ratio: desk / healthz, goal_ms: 1500 },
  ];
  return {
    table,
    sections: [
      {
        title: "first screen JavaScript",
        table: [{ files: jsFiles, raw_kb: jsRaw / 1024, gzip_kb: jsGzip / 1024, goal_gzip_kb: 800 }],
      },
    ],
    json: {
      rounds,
      healthzMs: healthz,
      docsMs: docs,
      loginReadyMs: login,
      deskReadyMs: desk,
      firstScreenJsGzipKb: jsGzip / 1024,
      firstScreenJsRawKb: jsRaw / 1024,
      ok: login <= 1500 && desk <= 1500 && jsGzip / 1024 <= 800,
    },
  };
}
