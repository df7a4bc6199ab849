/**
 * Routing intelligence in the product: how fast the live suggestion endpoint answers (beside
 * `/healthz`, the HTTP floor, and the model's own predict, measured in the same run), what
 * auto-dispatch adds to intake (beside intake with auto-dispatch off), and how coverage and
 * precision of auto-dispatch trade off against the threshold.
 *
 *   npm run bench -- routing [--json] [--train 3000] [--queries 400] [--intakes 200]
 *
 * Data: the project's own demo composer (160 templates × Liaoning places), so it runs anywhere;
 * training and query appeals come from different seeds. Embedded PGlite in memory.
 */
import { performance } from "node:perf_hooks";
import { openContext } from "../server/bootstrap.ts";
import { buildApp } from "../server/http/app.ts";
import { trainClassifier } from "../server/modules/classification/classifier.ts";
import { storeModel } from "../server/modules/classification/routing-models.ts";
import { appealText } from "../server/modules/classification/suggest.ts";
import { composeDemoAppeals, type DemoAppeal } from "../server/modules/demo/compose-appeals.ts";
import { createUser } from "../server/modules/users/manage-users.ts";
import type { BenchResult } from "./run.ts";
import { percentile } from "./stats.ts";

function flag(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { p50Ms: r3(percentile(s, 50)), p99Ms: r3(percentile(s, 99)) };
}

export async function run(args: string[]): Promise<BenchResult> {
  const nTrain = flag(args, "train", 3000);
  const nQueries = flag(args, "queries", 400);
  const nIntakes = flag(args, "intakes", 200);
  const now = new Date();
  const { ctx, storage } = await openContext({ memory: true });
  try {
    const compose = (count: number, seed: number): DemoAppeal[] =>
      composeDemoAppeals({
        count,
        seed,
        now,
        days: 90,
        categories: ctx.directory.categoryTree(),
        regions: [...ctx.directory.regions.values()].map((r) => ({
          code: r.code,
          name: r.name,
          parentCode: r.parentCode,
          level: r.level as 1 | 2 | 3,
        })),
      });
    const train = compose(nTrain, 1);
    const queries = compose(nQueries, 2);
    const intakes = compose(nIntakes * 2, 3);

    process.stderr.write(`training a category model on ${train.length} demo appeals…\n`);
    const t0 = performance.now();
    const model = trainClassifier(
      train.map((d) => ({ text: appealText(d.title, d.body), label: d.categoryCode })),
    );
    const trainSeconds = (performance.now() - t0) / 1000;
    await storeModel(ctx.db, {
      target: "category",
      source: "file",
      bytes: model.serialize(),
      sampleCount: train.length,
      labelCount: model.labels.length,
      activate: true,
      now,
    });
    await ctx.routing.refresh(ctx.db);

    // Threshold sweep on held-out appeals: share dispatched by itself, and how often it was right.
    const scored = queries.map((d) => {
      const top = model.predict(appealText(d.title, d.body), 1)[0];
      return { score: top?.score ?? 0, right: top?.label === d.categoryCode };
    });
    const sweep = [0.5, 0.7, 0.85, 0.9, 0.95].map((th) => {
      const auto = scored.filter((s) => s.score >= th);
      return {
        threshold: th,
        autoDispatchShare: r3(auto.length / scored.length),
        precision: auto.length ? r3(auto.filter((s) => s.right).length / auto.length) : null,
      };
    });
    const top1 = r3(scored.filter((s) => s.right).length / scored.length);

    const app = await buildApp(ctx);
    await createUser(ctx, {
      username: "bench-agent",
      password: "bench-password-1",
      name: "坐席",
      role: "agent",
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "bench-agent", password: "bench-password-1" },
    });
    const auth = { authorization: `Bearer ${login.json().token as string}` };

    const timeIt = async (fn: (i: number) => Promise<unknown>, n: number) => {
      for (let i = 0; i < Math.min(20, n); i++) await fn(i); // warm-up
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await fn(i);
        ms.push(performance.now() - s);
      }
      return stats(ms);
    };

    process.stderr.write("timing predict, /healthz and the suggest endpoint…\n");
    const predict = await timeIt(async (i) => {
      const d = queries[i % queries.length]!;
      return model.predict(appealText(d.title, d.body), 3);
    }, nQueries);
    const healthz = await timeIt(() => app.inject({ method: "GET", url: "/healthz" }), nQueries);
    const suggest = await timeIt(async (i) => {
      const d = queries[i % queries.length]!;
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/classification/suggest",
        headers: auth,
        payload: { title: d.title, body: d.body, regionCode: d.location.regionCode },
      });
      if (res.statusCode !== 200) throw new Error(`suggest answered ${res.statusCode}: ${res.body}`);
    }, nQueries);

    process.stderr.write("timing intake with and without auto-dispatch…\n");
    let autoDispatched = 0;
    const intake = (autoDispatch: boolean, offset: number) => async (i: number) => {
      const d = intakes[offset + (i % nIntakes)]!;
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/appeals",
        headers: auth,
        payload: {
          kind: d.kind,
          title: d.title,
          body: d.body,
          location: { regionCode: d.location.regionCode, address: d.location.address },
          autoDispatch,
        },
      });
      if (res.statusCode !== 201) throw new Error(`intake answered ${res.statusCode}: ${res.body}`);
      if (autoDispatch && res.json().autoDispatched) autoDispatched++;
    };
    const manual = await timeIt(intake(false, 0), nIntakes);
    const auto = await timeIt(intake(true, nIntakes), nIntakes);
    await app.close();

    const table = [
      { what: "model predict (in process)", ...predict, ratio: r3(predict.p99Ms / healthz.p99Ms) },
      { what: "GET /healthz (HTTP floor, baseline)", ...healthz, ratio: 1 },
      { what: "POST /classification/suggest", ...suggest, ratio: r3(suggest.p99Ms / healthz.p99Ms) },
      { what: "POST /appeals, autoDispatch off (baseline)", ...manual, ratio: 1 },
      { what: "POST /appeals, autoDispatch on", ...auto, ratio: r3(auto.p99Ms / manual.p99Ms) },
    ];
    return {
      table,
      sections: [
        {
          title: `Auto-dispatch threshold sweep (${queries.length} held-out demo appeals, top-1 accuracy ${top1}, model trained on ${train.length} in ${r3(trainSeconds)} s)`,
          table: sweep,
        },
      ],
      json: {
        trainSamples: train.length,
        trainSeconds: r3(trainSeconds),
        top1Accuracy: top1,
        predict,
        healthz,
        suggest,
        intakeManual: manual,
        intakeAuto: auto,
        autoDispatchedShareAtDefault: r3(autoDispatched / Math.min(20 + nIntakes, 2 * nIntakes)),
        sweep,
      },
    };
  } finally {
    await storage.close();
  }
}
