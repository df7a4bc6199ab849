import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "./support/test-app.ts";

/**
 * Routing intelligence (智能分拨) through the HTTP API: a model learned from the hotline's own
 * settled appeals suggests categories as the agent types, dispatches confident appeals by itself,
 * learns from returns, swaps versions without a restart, and shows up in the metrics.
 */

const HEATING = "010208"; // 城乡建设/城市建设和市政管理/冬季采暖
const WATER = "010216"; // 城乡建设/城市建设和市政管理/自来水供应
const NOISE = "040203"; // 环境保护/环境污染/噪音污染
const PROPERTY = "011003"; // 城乡建设/住房保障与房地产/物业服务
const REGION = "210102"; // 沈阳市和平区

const TOPICS: Record<string, { titles: string[]; bodies: string[] }> = {
  [HEATING]: {
    titles: ["暖气不热", "供暖温度不达标", "家里暖气片冰凉", "采暖费交了暖气不热"],
    bodies: [
      "家里暖气片不热，室内温度只有十四度，供暖公司一直没有人来处理",
      "入冬以来供暖温度一直不达标，老人孩子冻得受不了，请督促热力公司解决",
      "暖气管道漏水后暖气不热，室温太低，希望尽快维修采暖设施",
    ],
  },
  [WATER]: {
    titles: ["小区停水", "自来水水压太低", "突然停水没有通知", "自来水浑浊发黄"],
    bodies: [
      "小区从早上开始停水，自来水公司没有提前通知，居民生活用水困难",
      "高层住户自来水水压太低，楼上基本没有水，请供水公司加压",
      "家里自来水发黄有异味，担心水质问题，请尽快检测供水管网",
    ],
  },
  [NOISE]: {
    titles: ["夜间施工噪音扰民", "工地半夜施工太吵", "广场舞音响噪音大", "商铺大喇叭噪音"],
    bodies: [
      "附近工地每天晚上十一点以后还在施工，噪音很大，严重影响居民休息",
      "楼下广场舞音响声音太大，噪音扰民，晚上九点以后还在跳，请城管处理",
      "临街商铺用大喇叭循环播放广告，噪音污染严重，影响周边居民生活",
    ],
  },
};

function texts(code: string, n: number): { title: string; body: string }[] {
  const t = TOPICS[code]!;
  return Array.from({ length: n }, (_, i) => ({
    title: t.titles[i % t.titles.length]!,
    body: `${t.bodies[i % t.bodies.length]!}（第${i + 1}次反映）`,
  }));
}

/** Receives, dispatches (to `categoryCode`, via the routing table), signs and replies to an appeal. */
async function settledAppeal(
  t: TestApp,
  text: { title: string; body: string },
  categoryCode: string,
  opts: { firstCategory?: string } = {},
) {
  const created = await t.call("agent", "POST", "/api/v1/appeals", {
    kind: "complaint",
    title: text.title,
    body: text.body,
    location: { regionCode: REGION },
    autoDispatch: false,
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  let a = created.json;
  const routeTo = (code: string) => t.ctx.directory.routes.lookup(code, REGION)!.departmentId;
  if (opts.firstCategory) {
    // A misroute (派错): the department returns it (退单) and the agent dispatches it again.
    a = (
      await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/dispatch`, {
        version: a.version,
        categoryCode: opts.firstCategory,
        leadDepartmentId: routeTo(opts.firstCategory),
      })
    ).json;
    a = (
      await t.call("admin", "POST", `/api/v1/appeals/${a.id}/actions/return`, {
        version: a.version,
        reason: "不属于本单位职责",
      })
    ).json;
  }
  a = (
    await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/dispatch`, {
      version: a.version,
      categoryCode,
      leadDepartmentId: routeTo(categoryCode),
    })
  ).json;
  a = (await t.call("admin", "POST", `/api/v1/appeals/${a.id}/actions/sign`, { version: a.version })).json;
  const replied = await t.call("admin", "POST", `/api/v1/appeals/${a.id}/actions/reply`, {
    version: a.version,
    text: "已处理",
    outcome: "resolved",
  });
  assert.equal(replied.status, 200, JSON.stringify(replied.json));
  return replied.json;
}

describe("routing intelligence over the API", () => {
  let t: TestApp;
  let firstVersion: number;

  before(async () => {
    t = await startTestApp();
    for (const code of [HEATING, WATER, NOISE]) {
      for (const x of texts(code, 8)) await settledAppeal(t, x, code);
    }
  });
  after(() => t?.close());

  it("retrains from settled history and suggests the right category with the words behind it", async () => {
    const r = await t.call("admin", "POST", "/api/v1/classification/retrain", { target: "category" });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const [cat] = r.json.items;
    assert.equal(cat.status, "trained");
    assert.equal(cat.activated, true);
    assert.equal(cat.samples, 24);
    assert.equal(cat.labels, 3);
    firstVersion = cat.version;

    const s = await t.call("agent", "POST", "/api/v1/classification/suggest", {
      title: "暖气不热",
      body: "我家暖气片一点都不热，室内温度太低了",
      regionCode: REGION,
    });
    assert.equal(s.status, 200);
    assert.equal(s.json.items[0].code, HEATING);
    assert.equal(s.json.items[0].name, "冬季采暖");
    assert.ok(s.json.items[0].words.length > 0, "the words that drove the suggestion are shown");
    assert.ok(s.json.items.length <= 3);
    assert.equal(s.json.modelVersion, firstVersion);
    assert.equal(s.json.departmentId, t.ctx.directory.routes.lookup(HEATING, REGION)!.departmentId);
    assert.equal(s.json.department.source, "table");
  });

  it("dispatches a confident appeal by itself and leaves an unsure one for the agent", async () => {
    const set = await t.call("admin", "PUT", "/api/v1/classification/settings", {
      autoDispatchThreshold: 0.5,
    });
    assert.equal(set.status, 200);
    assert.equal(set.json.autoDispatchThreshold, 0.5);

    const auto = await t.call("agent", "POST", "/api/v1/appeals", {
      kind: "complaint",
      title: "暖气不热",
      body: "家里暖气片不热，室内温度只有十三度，请热力公司处理",
      location: { regionCode: REGION },
    });
    assert.equal(auto.status, 201);
    assert.equal(auto.json.status, "dispatched");
    assert.equal(auto.json.autoDispatched, true);
    assert.equal(auto.json.categoryCode, HEATING);
    assert.equal(auto.json.leadDepartmentId, t.ctx.directory.routes.lookup(HEATING, REGION)!.departmentId);
    const detail = await t.call("supervisor", "GET", `/api/v1/appeals/${auto.json.id}`);
    const dispatched = detail.json.events.find((e: { type: string }) => e.type === "dispatched");
    assert.ok(dispatched, "the dispatch is in the timeline");

    const manual = await t.call("agent", "POST", "/api/v1/appeals", {
      kind: "complaint",
      title: "暖气不热",
      body: "家里暖气片不热，室内温度只有十三度",
      location: { regionCode: REGION },
      autoDispatch: false,
    });
    assert.equal(manual.json.status, "received");
    assert.equal(manual.json.categorySuggestions[0].code, HEATING, "suggestions are kept for the agent");

    const noRegion = await t.call("agent", "POST", "/api/v1/appeals", {
      kind: "complaint",
      title: "暖气不热",
      body: "家里暖气片不热，室内温度只有十三度",
    });
    assert.equal(noRegion.json.status, "received", "without a known place nobody is dispatched blindly");

    const strict = await t.call("admin", "PUT", "/api/v1/classification/settings", {
      autoDispatchThreshold: 1,
    });
    assert.equal(strict.status, 200);
    const unsure = await t.call("agent", "POST", "/api/v1/appeals", {
      kind: "complaint",
      title: "暖气不热",
      body: "家里暖气片不热",
      location: { regionCode: REGION },
    });
    assert.equal(unsure.json.status, "received");
    assert.equal(unsure.json.autoDispatched, false);
  });

  it("learns from returns: corrected appeals change the next model's answer", async () => {
    const ambiguous = {
      title: "小区物业不管暖气漏水",
      body: "物业公司对楼道暖气管道漏水不管不问，物业服务太差",
    };
    const before = await t.call("agent", "POST", "/api/v1/classification/suggest", ambiguous);
    assert.notEqual(before.json.items[0].code, PROPERTY, "the first model has never seen 物业服务");

    // Two hours later, twenty such appeals were first sent to the heating office, returned (退单), and
    // re-sent to 物业服务.
    t.clock.advance(2 * 3_600_000);
    for (let i = 0; i < 20; i++) {
      await settledAppeal(
        t,
        { title: ambiguous.title, body: `${ambiguous.body}，物业费照收（第${i + 1}户）` },
        PROPERTY,
        { firstCategory: HEATING },
      );
    }
    const r = await t.call("admin", "POST", "/api/v1/classification/retrain", { target: "category" });
    const [cat] = r.json.items;
    assert.equal(cat.status, "trained");
    // The 20 returns, plus any appeal whose suggestion at intake the agent overruled.
    assert.ok(cat.corrected >= 20, `corrections counted as training signal: ${cat.corrected}`);
    assert.equal(cat.activated, true);
    // The gate compared both models on the appeals the old one had never seen.
    assert.equal(cat.previousHoldoutAccuracy, 0);
    assert.ok(cat.holdoutAccuracy > 0.5, JSON.stringify(cat));
    const after = await t.call("agent", "POST", "/api/v1/classification/suggest", ambiguous);
    assert.equal(after.json.items[0].code, PROPERTY);
    assert.equal(after.json.modelVersion, cat.version);
  });

  it("swaps the active model version without a restart", async () => {
    const list = await t.call("admin", "GET", "/api/v1/classification/models");
    assert.equal(list.status, 200);
    const old = list.json.items.find((m: { target: string; version: number }) => m.version === firstVersion);
    assert.ok(old);
    assert.equal(old.active, false);
    const act = await t.call("admin", "POST", `/api/v1/classification/models/${old.id}/activate`);
    assert.equal(act.status, 200);
    const s = await t.call("agent", "POST", "/api/v1/classification/suggest", { title: "暖气不热" });
    assert.equal(s.json.modelVersion, firstVersion);
    const denied = await t.call("agent", "POST", `/api/v1/classification/models/${old.id}/activate`);
    assert.equal(denied.status, 403);
  });

  it("reports first-time-right and auto-dispatch rates per department", async () => {
    const m = await t.call(
      "supervisor",
      "GET",
      "/api/v1/metrics?groupBy=department&from=2025-01-01T00:00:00Z&to=2025-03-10T00:00:00Z",
    );
    assert.equal(m.status, 200);
    const heatingDept = t.ctx.directory.routes.lookup(HEATING, REGION)!.departmentId;
    const propertyDept = t.ctx.directory.routes.lookup(PROPERTY, REGION)!.departmentId;
    assert.notEqual(heatingDept, propertyDept);
    const rate = (n: number, d: number) => Math.round((n / d) * 10000) / 10000;
    const row = (key: string) => {
      const found = m.json.items.find((r: { key: string }) => r.key === key);
      assert.ok(found, `${key} in ${JSON.stringify(m.json.items.map((r: { key: string }) => r.key))}`);
      return found;
    };
    // Heating: 8 settled appeals dispatched there by the agent, first time right, and the one the
    // platform dispatched by itself (not settled yet, so outside first-time-right).
    const heating = row(heatingDept);
    assert.equal(heating.received, 9);
    assert.equal(heating.dispatched, 9);
    assert.equal(heating.autoDispatched, 1);
    assert.equal(heating.autoDispatchRate, rate(1, 9));
    assert.equal(heating.firstTimeRightRate, 1);
    assert.equal(heating.returned, 0);
    // Property services: 20 appeals sent to heating first, returned and re-dispatched: none first time
    // right, none dispatched by the platform.
    const property = row(propertyDept);
    assert.equal(property.received, 20);
    assert.equal(property.dispatched, 20);
    assert.equal(property.autoDispatched, 0);
    assert.equal(property.autoDispatchRate, 0);
    assert.equal(property.firstTimeRightRate, 0);
    assert.equal(property.returned, 20);
    const all = await t.call(
      "supervisor",
      "GET",
      "/api/v1/metrics?from=2025-01-01T00:00:00Z&to=2025-03-10T00:00:00Z",
    );
    const total = all.json.items[0];
    // 44 settled appeals, 20 of them returned once: 24 first-time right.
    assert.equal(total.firstTimeRightRate, rate(24, 44));
    // 45 dispatched (24 + 20 by agents, 1 by the platform).
    assert.equal(total.dispatched, 45);
    assert.equal(total.autoDispatched, 1);
    assert.equal(total.autoDispatchRate, rate(1, 45));
  });

  it("answers odd input sensibly and refuses what it cannot use", async () => {
    const ask = (body: unknown) => t.call("agent", "POST", "/api/v1/classification/suggest", body);
    const empty = await ask({});
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.json.items, []);
    const emoji = await ask({ body: "😀😀😀🙏🙏" });
    assert.equal(emoji.status, 200);
    assert.deepEqual(emoji.json.items, []);
    const huge = await ask({ body: "暖气不热".repeat(25_000) });
    assert.equal(huge.status, 200);
    assert.equal(huge.json.items[0].code, HEATING);
    const html = await ask({ body: "<script>alert(1)</script><b>暖氣不熱</b>，室內溫度太低" });
    assert.equal(html.status, 200);
    assert.equal(html.json.items[0].code, HEATING, "traditional characters and tags are folded away");
    const english = await ask({ body: "The heating in my flat does not work" });
    assert.equal(english.status, 200);
    const badRegion = await ask({ title: "暖气不热", regionCode: "999999" });
    assert.equal(badRegion.status, 400);
    assert.equal(badRegion.json.error.details[0].field, "body.regionCode");
    const anonymous = await t.call(null, "POST", "/api/v1/classification/suggest", { title: "暖气不热" });
    assert.equal(anonymous.status, 401);
    const badThreshold = await t.call("admin", "PUT", "/api/v1/classification/settings", {
      autoDispatchThreshold: 7,
    });
    assert.equal(badThreshold.status, 400);
  });
});

describe("routing intelligence for an Open311 report", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    for (const code of [HEATING, WATER, NOISE]) {
      for (const x of texts(code, 8)) await settledAppeal(t, x, code);
    }
    await t.call("admin", "POST", "/api/v1/classification/retrain", { target: "category" });
    await t.call("admin", "PUT", "/api/v1/classification/settings", { autoDispatchThreshold: 0.5 });
  });
  after(() => t?.close());

  async function post(serviceCode: string, description: string, attributes: Record<string, string>) {
    const key = await t.call("admin", "POST", "/api/v1/api-keys", { name: "city app" });
    const form = new URLSearchParams({
      api_key: key.json.key,
      service_code: serviceCode,
      lat: "41.7968",
      long: "123.4293",
      description,
    });
    for (const [k, v] of Object.entries(attributes)) form.append(`attribute[${k}]`, v);
    const res = await t.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: form.toString(),
    });
    assert.equal(res.statusCode, 200, res.body);
    const ticketNo = res.json()[0].service_request_id as string;
    const list = await t.call(
      "supervisor",
      "GET",
      `/api/v1/appeals?q=${encodeURIComponent(description.slice(0, 4))}`,
    );
    return list.json.items.find((a: { ticketNo: string }) => a.ticketNo === ticketNo);
  }

  it("dispatches a citizen's service choice by itself when the model agrees, and leaves it to an agent when not", async () => {
    const agreed = await post(HEATING, "暖气不热，家里暖气片冰凉，室内温度太低", {
      heating_issue: "too_cold",
    });
    assert.equal(agreed.status, "dispatched");
    assert.equal(agreed.autoDispatched, true);
    assert.equal(agreed.categoryCode, HEATING);

    const disagreed = await post(NOISE, "暖气不热，暖气片冰凉，室温只有十三度", { noise_source: "other" });
    assert.equal(disagreed.status, "received", "a citizen's wrong pick waits for an agent");
    assert.equal(disagreed.categorySuggestions[0].code, HEATING);
  });
});
