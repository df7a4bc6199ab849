/**
 * Open311 cost over the database: the public request list (the standard's default page of 1,000)
 * in JSON, XML and with `extensions=true`, through the whole HTTP stack (app.inject), against a
 * baseline that runs the bare SQL select of the same 1,000 rows; and POST (form-encoded, API key,
 * validation, receipt, submission row) against calling the receive use case directly, one at a time.
 * Both sides run in the same process on the same embedded PGlite database.
 *
 *   npm run bench -- open311 [--json] [--rows 20000] [--reps 7] [--posts 100]
 *
 * `--rows` appeals are written as a fixture (half Open311, half phone, over the last 80 days), so
 * the list has to find Open311 reports among others.
 */
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import type { ReceiveAppealInput } from "../common/contracts/appeals.ts";
import { openContext } from "../server/bootstrap.ts";
import { buildApp } from "../server/http/app.ts";
import { receiveAppeal } from "../server/modules/intake/receive-appeal.ts";
import { issueApiKey } from "../server/modules/users/api-keys.ts";
import { createUser } from "../server/modules/users/manage-users.ts";
import { FixedClock } from "../server/platform/clock.ts";
import type { BenchResult } from "./run.ts";
import { median } from "./stats.ts";

function flag(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function run(args: string[]): Promise<BenchResult> {
  const rows = flag(args, "rows", 20000);
  const reps = flag(args, "reps", 7);
  const posts = flag(args, "posts", 100);
  const clock = new FixedClock("2025-06-02T01:00:00.000Z");
  const { ctx, storage } = await openContext({ memory: true }, clock);
  const app = await buildApp(ctx);
  try {
    const admin = await createUser(ctx, {
      username: "bench-admin",
      password: "bench-password",
      name: "基准",
      role: "admin",
    });
    const { key } = await issueApiKey(ctx, "bench", admin.id);
    process.stderr.write(`writing ${rows} appeals…\n`);
    const step = (80 * 86400) / rows;
    await sql`
      insert into appeals (city_code, id, ticket_no, version, status, kind, channel, urgency, title, body,
        category_code, region_code, address, lat, lng, citizen_name, citizen_phone, reply_by, created_at, updated_at)
      select '2101', gen_random_uuid(), '2101-20250101-' || lpad(g::text, 7, '0'), 1, 'received', 'help',
        case when g % 2 = 0 then 'open311' else 'phone' end, 'normal', '路灯不亮',
        '中山路与民主路交口路灯不亮已经三天，夜间行人看不清路面，请尽快维修。' || g, '010204', '210102',
        '沈阳市和平区中山路 ' || g || ' 号', 41.8, 123.43, '张三', '13800001111',
        timestamptz '2025-06-20T00:00:00Z',
        timestamptz '2025-06-02T00:00:00Z' - (g * ${step}::float8) * interval '1 second',
        timestamptz '2025-06-02T00:00:00Z' - (g * ${step}::float8) * interval '1 second'
      from generate_series(1, ${rows}) g
    `.execute(ctx.db);
    // Each Open311 report has its receipt event, so `extensions=true` has history to read.
    await sql`
      insert into appeal_events (city_code, appeal_id, seq, type, at, actor_role, to_status, data)
      select city_code, id, 1, 'received', created_at, 'integration', 'received', '{}'::jsonb
      from appeals where channel = 'open311'
    `.execute(ctx.db);
    await sql`analyze appeals`.execute(ctx.db);
    await sql`analyze appeal_events`.execute(ctx.db);

    const since = new Date(clock.now().getTime() - 90 * 86400 * 1000);
    const baseline = () =>
      ctx.db
        .selectFrom("appeals")
        .selectAll()
        .where("channel", "=", "open311")
        .where("created_at", ">=", since)
        .where("created_at", "<=", clock.now())
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(1000)
        .execute();
    const variants: [string, string][] = [
      ["GET requests.json (1,000)", "/open311/v2/requests.json"],
      ["GET requests.xml (1,000)", "/open311/v2/requests.xml"],
      ["GET requests.json extensions=true", "/open311/v2/requests.json?extensions=true"],
    ];
    const table: Record<string, unknown>[] = [];
    const json: Record<string, unknown> = { rows, reps, posts };
    for (const [label, url] of variants) {
      const base: number[] = [];
      const http: number[] = [];
      let bytes = 0;
      await baseline(); // warm-up: plans and caches, not measured
      await app.inject({ url, remoteAddress: "10.0.1.1" });
      for (let i = 0; i < reps; i++) {
        base.push(await timed(baseline));
        http.push(
          await timed(async () => {
            const res = await app.inject({ url, remoteAddress: `10.0.0.${i}` });
            if (res.statusCode !== 200)
              throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
            bytes = res.body.length;
          }),
        );
      }
      const b = median(base);
      const h = median(http);
      table.push({
        case: label,
        "baseline SQL ms": b,
        "Open311 ms": h,
        ratio: h / b,
        "answer KB": bytes / 1024,
      });
      json[label] = { baselineMs: b, open311Ms: h, ratio: h / b, bytes };
    }

    const input: ReceiveAppealInput = {
      kind: "help",
      title: "路灯不亮",
      body: "中山路与民主路交口路灯不亮已经三天",
      location: { regionCode: "2101", lat: 41.7968, lng: 123.4293 },
      categoryCode: "010204",
    };
    const form = new URLSearchParams({
      api_key: key,
      service_code: "010204",
      lat: "41.7968",
      long: "123.4293",
      description: "中山路与民主路交口路灯不亮已经三天",
      "attribute[facility]": "streetlight",
    }).toString();
    const direct: number[] = [];
    const viaOpen311: number[] = [];
    for (let i = 0; i < posts; i++) {
      direct.push(
        await timed(() => receiveAppeal(ctx, input, { actor: { id: null, name: "bench", role: "agent" } })),
      );
      viaOpen311.push(
        await timed(async () => {
          const res = await app.inject({
            method: "POST",
            url: "/open311/v2/requests.json",
            payload: form,
            headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
          });
          if (res.statusCode !== 200) throw new Error(`POST: ${res.statusCode} ${res.body}`);
        }),
      );
    }
    const d = median(direct);
    const p = median(viaOpen311);
    table.push({
      case: "POST requests.json (form)",
      "baseline SQL ms": d,
      "Open311 ms": p,
      ratio: p / d,
      "answer KB": null,
    });
    json["POST requests.json"] = { baselineMs: d, open311Ms: p, ratio: p / d };
    return { table, json };
  } finally {
    await app.close();
    await storage.close();
  }
}
