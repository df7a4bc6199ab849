import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runJobInSlot } from "../server/jobs/scheduler.ts";
import { seedHotspotBurst } from "../server/modules/hotspots/demo-burst.ts";
import { fetchAppeal, receiveAppeal } from "./support/appeal-factory.ts";
import { assertError } from "./support/http-helpers.ts";
import { firstLeaf, startTestApp, T0, type TestApp } from "./support/test-app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const HOUR = 3600_000;
const WATER = [
  "中山路{n}号院从昨天开始停水，一直没有通知，家里老人做饭都没水，请自来水公司尽快处理。",
  "中山路{n}号院突然停水，没有任何通知，到现在还没来水，请自来水公司尽快处理。",
  "反映中山路{n}号院停水问题，从昨天开始没水，也没有通知，请自来水公司尽快恢复供水。",
];
const LIGHTS = "光明小区门口路灯坏了好几盏，晚上出行很不安全，请尽快维修路灯。";
const OTHER = [
  "请问灵活就业人员养老保险怎么缴纳，缴费基数是多少。",
  "孩子上小学的学区怎么划分，户口在外地能不能入学。",
  "住房公积金提取需要什么材料，可以网上办理吗。",
];

test("a burst of similar appeals in one district becomes a hot spot with a warning; supervising it writes events", async () => {
  const start = new Date(T0).getTime();
  // Background: three appeals about street lights over three days in another district, and unrelated ones.
  for (let i = 0; i < 3; i++) {
    t.clock.set(new Date(start - (3 - i) * 24 * HOUR));
    await receiveAppeal(t, {
      title: "路灯不亮",
      body: LIGHTS,
      citizen: { name: "张三", phone: `1391111000${i}` },
      location: { regionCode: "210103", address: "光明小区" },
    });
    await receiveAppeal(t, {
      title: "咨询",
      body: OTHER[i]!,
      citizen: { name: "赵六", phone: `1392222000${i}` },
    });
  }
  // The burst: 8 water-cut appeals in Heping district within 9 hours, from 8 callers (test sessions last 12 h).
  const burst: string[] = [];
  for (let i = 0; i < 8; i++) {
    t.clock.set(new Date(start + i * 1.25 * HOUR));
    const a = await receiveAppeal(t, {
      title: "中山路停水",
      body: WATER[i % 3]!.replace("{n}", String(10 + i)),
      citizen: { name: "市民", phone: `1380000000${i}` },
      location: { regionCode: "210102", address: `中山路${10 + i}号院` },
    });
    burst.push(a.id);
  }
  const now = new Date(start + 10 * HOUR);
  t.clock.set(now);
  const result = await runJobInSlot(t.ctx, "hotspot-scan", "test-1", now);
  assert.ok(result);
  assert.equal((result as { warnings: number }).warnings, 1);

  const list = await t.call("supervisor", "GET", "/api/v1/hotspots");
  assert.equal(list.status, 200, JSON.stringify(list.json));
  assert.equal(
    list.json.items.length,
    2,
    JSON.stringify(list.json.items.map((i: { title: string }) => i.title)),
  );
  const [top, second] = list.json.items;
  assert.ok(top.heat > second.heat, "ranked by heat");
  assert.equal(top.size, 8);
  assert.equal(top.regionCode, "210102");
  assert.equal(top.warning, true);
  assert.deepEqual([...top.appealIds].sort(), [...burst].sort());
  assert.equal(
    top.trend.reduce((n: number, d: { count: number }) => n + d.count, 0),
    8,
  );
  assert.ok(Array.isArray(top.keywords) && top.keywords.length > 0);
  // Abilities come from the server (hotspot.policy.ts): a supervisor may supervise an open hot spot.
  assert.deepEqual(top.abilities, ["supervise"]);
  assert.ok(["season", "trailing", "none"].includes(top.baseline.kind), "what the burst was compared with");
  const asAgent = await t.call("agent", "GET", "/api/v1/hotspots");
  assert.deepEqual(asAgent.json.items[0].abilities, [], "an agent sees hot spots but may not supervise");
  assert.ok(top.from <= top.to);
  assert.equal(second.size, 3);
  assert.equal(second.warning, false);
  assert.equal(second.regionCode, "210103");
  // Phones never appear.
  assert.ok(!JSON.stringify(list.json).includes("13800000000"));

  // Filters: region prefix and time.
  const heping = await t.call("agent", "GET", "/api/v1/hotspots?regionCode=210102");
  assert.deepEqual(
    heping.json.items.map((i: { id: string }) => i.id),
    [top.id],
  );
  const past = await t.call(
    "agent",
    "GET",
    `/api/v1/hotspots?to=${new Date(start - 4 * 24 * HOUR).toISOString()}`,
  );
  assert.equal(past.json.items.length, 0);
  assertError(await t.call("supervisor", "GET", "/api/v1/hotspots?regionCode=abc"), 400);
  assertError(await t.call("handler", "GET", "/api/v1/hotspots"), 403);

  const one = await t.call("supervisor", "GET", `/api/v1/hotspots/${top.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.json.appeals.length, 8);
  assert.ok(one.json.appeals.every((a: { ticketNo: string }) => a.ticketNo.startsWith("2101-")));
  assertError(
    await t.call("supervisor", "GET", "/api/v1/hotspots/00000000-0000-4000-8000-000000000000"),
    404,
  );

  // A rescan keeps the hot spot's id.
  await runJobInSlot(t.ctx, "hotspot-scan", "test-2", now);
  const again = await t.call("supervisor", "GET", "/api/v1/hotspots");
  assert.equal(again.json.items[0].id, top.id);

  // Supervise: agents may not; a supervisor turns it into supervised work, with an event per appeal.
  assertError(
    await t.call("agent", "POST", `/api/v1/hotspots/${top.id}/supervise`, { note: "请重点督办" }),
    403,
  );
  assertError(await t.call("supervisor", "POST", `/api/v1/hotspots/${top.id}/supervise`, {}), 400);
  const sup = await t.call("supervisor", "POST", `/api/v1/hotspots/${top.id}/supervise`, {
    note: "片区集中停水，请自来水公司限时处理",
  });
  assert.equal(sup.status, 200, JSON.stringify(sup.json));
  assert.equal(sup.json.hotspot.status, "supervised");
  assert.equal(sup.json.supervised.length, 8);
  assert.ok(burst.includes(sup.json.hotspot.supervisedAppealId));
  assert.deepEqual(sup.json.hotspot.abilities, [], "a supervised hot spot is not offered again");
  assert.equal(
    sup.json.hotspot.appeals.length,
    8,
    "the answer carries the appeals (the response schema keeps them)",
  );
  for (const id of burst) {
    const a = await fetchAppeal(t, id);
    assert.equal(a.supervised, true);
    const ev = (a.events ?? []).filter((e) => e.type === "supervised");
    assert.equal(ev.length, 1);
  }
  // Supervised hot spots stay supervised across scans and are listed as such.
  await runJobInSlot(t.ctx, "hotspot-scan", "test-3", now);
  const listed = await t.call("supervisor", "GET", "/api/v1/hotspots?status=supervised");
  assert.deepEqual(
    listed.json.items.map((i: { id: string }) => i.id),
    [top.id],
  );
});

test("the demo burst (seedHotspotBurst) shows up as a warned hot spot after one scan", async () => {
  const d = await startTestApp();
  try {
    const now = d.clock.now();
    const ids = await seedHotspotBurst(d.ctx, {
      now,
      actor: { id: null, name: "demo", role: "system" },
      categoryCode: firstLeaf,
    });
    assert.equal(ids.length, 10);
    await runJobInSlot(d.ctx, "hotspot-scan", "demo", now);
    const res = await d.call("supervisor", "GET", "/api/v1/hotspots?warning=true");
    assert.equal(res.json.items.length, 1, JSON.stringify(res.json));
    assert.equal(res.json.items[0].size, 10);
    assert.equal(res.json.items[0].regionCode, "210102");
    assert.match(res.json.items[0].warningReason, /10 similar appeals in 24 h/);
  } finally {
    await d.close();
  }
});

test("trial finding 2: ten gas-smell appeals from one street in a minute warn in GET /hotspots right after the 8th; the scan keeps that one hot spot", async () => {
  const g = await startTestApp();
  try {
    const GAS = [
      ["兴华街燃气味很重", "兴华街12号楼道里燃气味很重，担心燃气泄漏，请燃气公司马上来查看。"],
      ["兴华街有燃气泄漏", "铁西区兴华街这边闻到很浓的燃气味，怀疑燃气泄漏，请尽快派人处理。"],
      ["兴华街漏气", "兴华街16号附近漏气，燃气味很大，居民很害怕，请燃气公司赶紧来检修。"],
      ["兴华街燃气味", "兴华街小区楼下燃气味刺鼻，可能是燃气管道漏气，请立即处理。"],
      ["燃气泄漏 兴华街", "兴华街20号单元门口燃气泄漏，味道很浓，请燃气公司来人排查。"],
      ["兴华街闻到燃气味", "在兴华街路口闻到燃气味，越来越浓，担心出事，请相关部门尽快处理。"],
      ["兴华街燃气管道漏气", "兴华街燃气管道好像漏气了，整条街都是燃气味，请燃气公司马上处理。"],
      ["兴华街燃气味越来越重", "兴华街8号楼燃气味越来越重，怀疑燃气泄漏，请尽快派人检查。"],
      ["兴华街燃气泄漏", "兴华街这边燃气泄漏，燃气味很浓，请燃气公司立即来处理。"],
      ["兴华街漏气燃气味", "兴华街30号附近漏气，燃气味很大，请燃气公司尽快来人。"],
    ];
    const start = g.clock.now().getTime();
    const ids: string[] = [];
    const warned = async () =>
      (await g.call("supervisor", "GET", "/api/v1/hotspots?warning=true")).json.items as {
        id: string;
        size: number;
        recent: number;
        appealIds: string[];
        warningReason: string;
      }[];
    for (const [i, [title, body]] of GAS.entries()) {
      g.clock.set(new Date(start + i * 6_000)); // ten in one minute
      const a = await receiveAppeal(g, {
        title,
        body,
        citizen: { name: "市民", phone: `1355555000${i}` },
        location: { regionCode: "210106", address: `铁西区兴华街${10 + 2 * i}号` },
      });
      ids.push(a.id);
      const w = await warned();
      if (i < 7) assert.equal(w.length, 0, `no warning after ${i + 1}: ${JSON.stringify(w)}`);
      if (i === 7) {
        assert.equal(w.length, 1, "a warning right after the 8th, without a scan");
        assert.equal(w[0]!.size, 8);
        assert.equal(w[0]!.recent, 8);
        assert.deepEqual([...w[0]!.appealIds].sort(), [...ids].sort());
      }
    }
    const [live] = await warned();
    assert.equal(live!.size, 10);
    const all = await g.call("supervisor", "GET", "/api/v1/hotspots");
    assert.equal(all.json.items.length, 1, "one live cluster, not one per appeal");
    // The 15-minute scan re-scores it and keeps its id: no second cluster for the live one.
    const now = new Date(start + 15 * 60_000);
    g.clock.set(now);
    await runJobInSlot(g.ctx, "hotspot-scan", "gas-1", now);
    const after = await g.call("supervisor", "GET", "/api/v1/hotspots");
    assert.equal(
      after.json.items.length,
      1,
      JSON.stringify(after.json.items.map((i: { id: string }) => i.id)),
    );
    assert.equal(after.json.items[0].id, live!.id);
    assert.equal(after.json.items[0].size, 10);
    assert.equal(after.json.items[0].warning, true);
    // An 11th report after the scan joins the same hot spot at once.
    g.clock.set(new Date(now.getTime() + 60_000));
    const late = await receiveAppeal(g, {
      title: "兴华街燃气味",
      body: "兴华街还是有很浓的燃气味，请燃气公司再来看看。",
      citizen: { name: "市民", phone: "13555550099" },
      location: { regionCode: "210106", address: "铁西区兴华街40号" },
    });
    const [joined] = await warned();
    assert.equal(joined!.id, live!.id);
    assert.ok(joined!.appealIds.includes(late.id));
  } finally {
    await g.close();
  }
});
