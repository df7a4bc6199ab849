import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { noteAppealReceived } from "../server/modules/hotspots/appeal-index.ts";
import { act, fetchAppeal, mustAct, receiveAppeal } from "./support/appeal-factory.ts";
import { assertError } from "./support/http-helpers.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const HEAT = {
  title: "幸福里小区3号楼暖气不热",
  body: "和平区幸福里小区3号楼暖气不热，室内温度只有14度，已经持续一周了，老人孩子都冻感冒了，请供热公司尽快上门处理。",
};
const HEAT_AGAIN = {
  title: "幸福里小区暖气不热",
  body: "幸福里小区3号楼的暖气一直不热，屋里温度才14度，已经一个星期了，家里老人孩子都冻感冒了，请供热公司尽快来处理。",
};
const PENSION = {
  title: "灵活就业养老保险怎么交",
  body: "请问灵活就业人员的养老保险在哪里缴纳，每年的缴费基数是多少，能不能在网上办理，需要带什么材料。",
};
const at = (regionCode: string, address = "幸福里小区") => ({ location: { regionCode, address } });

test("a repeat complaint is listed as a duplicate with a high score; unrelated, other-city and closed appeals are not", async () => {
  const first = await receiveAppeal(t, { ...HEAT, ...at("210102") });
  const unrelated = await receiveAppeal(t, { ...PENSION, ...at("210102") });
  const otherCity = await receiveAppeal(t, { ...HEAT, ...at("210202") }); // Dalian
  const closed = await receiveAppeal(t, { ...HEAT, ...at("210102") });
  await mustAct(t, "agent", closed, "answer-directly");
  const repeat = await receiveAppeal(t, {
    ...HEAT_AGAIN,
    ...at("210102"),
    citizen: { name: "李四", phone: "13900001111" },
  });

  const res = await t.call("agent", "GET", `/api/v1/appeals/${repeat.id}/duplicates`);
  assert.equal(res.status, 200, JSON.stringify(res.json));
  const ids = res.json.items.map((i: { id: string }) => i.id);
  assert.ok(ids.includes(first.id), JSON.stringify(res.json));
  const hit = res.json.items.find((i: { id: string }) => i.id === first.id);
  assert.ok(hit.score >= 0.4 && hit.score <= 1, `score ${hit.score}`);
  assert.equal(hit.ticketNo, first.ticketNo);
  assert.equal(hit.status, "received");
  assert.equal(hit.regionCode, "210102");
  assert.equal(typeof hit.createdAt, "string");
  for (const not of [unrelated.id, otherCity.id, closed.id, repeat.id]) assert.ok(!ids.includes(not), not);
  // Most similar first.
  const scores = res.json.items.map((i: { score: number }) => i.score);
  assert.deepEqual(
    scores,
    [...scores].sort((a: number, b: number) => b - a),
  );
});

test("the region filter: same city by default, same district on request", async () => {
  const here = await receiveAppeal(t, { ...HEAT, title: "沈河区暖气不热", ...at("210103") });
  const q = await receiveAppeal(t, { ...HEAT_AGAIN, title: "沈河区暖气不热", ...at("210103") });
  const neighbour = await receiveAppeal(t, { ...HEAT, title: "沈河区暖气不热", ...at("210104") });
  const city = await t.call("supervisor", "GET", `/api/v1/appeals/${q.id}/duplicates`);
  const cityIds = city.json.items.map((i: { id: string }) => i.id);
  assert.ok(cityIds.includes(here.id) && cityIds.includes(neighbour.id), JSON.stringify(city.json));
  const district = await t.call("supervisor", "GET", `/api/v1/appeals/${q.id}/duplicates?sameDistrict=true`);
  const dIds = district.json.items.map((i: { id: string }) => i.id);
  assert.ok(dIds.includes(here.id));
  assert.ok(!dIds.includes(neighbour.id));
  assert.ok(district.json.items.every((i: { regionCode: string }) => i.regionCode === "210103"));
});

test("the agent desk checks text before the appeal exists; bad input is refused", async () => {
  const res = await t.call("agent", "POST", "/api/v1/duplicates/check", {
    ...HEAT_AGAIN,
    regionCode: "210102",
  });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  assert.ok(res.json.items.length >= 1);
  assert.ok(res.json.items.every((i: { regionCode: string }) => i.regionCode.startsWith("2101")));
  const none = await t.call("agent", "POST", "/api/v1/duplicates/check", {
    ...PENSION,
    title: "医保报销",
    body: "异地就医的医保报销比例是多少，需要提前备案吗",
    regionCode: "210102",
  });
  assert.equal(none.status, 200);
  assert.ok(!none.json.items.some((i: { title: string }) => i.title.includes("暖气")));
  assertError(
    await t.call("agent", "POST", "/api/v1/duplicates/check", { ...HEAT, regionCode: "219999" }),
    400,
    undefined,
    "body.regionCode",
  );
  assertError(
    await t.call("agent", "POST", "/api/v1/duplicates/check", { title: " ", body: "" }),
    400,
    undefined,
    "body.body",
  );
  assertError(await t.call("agent", "POST", "/api/v1/duplicates/check", { title: "x" }), 400);
  assertError(await t.call("handler", "POST", "/api/v1/duplicates/check", HEAT), 403);
  assertError(await t.call(null, "POST", "/api/v1/duplicates/check", HEAT), 401);
  assertError(await t.call("agent", "GET", "/api/v1/appeals/not-a-uuid/duplicates"), 404);
  assertError(
    await t.call("agent", "GET", "/api/v1/appeals/00000000-0000-4000-8000-000000000000/duplicates"),
    404,
  );
  assertError(
    await t.call("policy", "GET", "/api/v1/appeals/00000000-0000-4000-8000-000000000000/duplicates"),
    403,
  );
});

test("noteAppealReceived makes an appeal findable without waiting for the next catch-up", async () => {
  const a = await receiveAppeal(t, { ...HEAT, ...at("210106") });
  // Idempotent: noting it again adds nothing twice.
  noteAppealReceived(t.ctx, {
    id: a.id,
    title: HEAT.title,
    body: HEAT.body,
    regionCode: "210106",
    createdAt: t.clock.now(),
  });
  const res = await t.call("agent", "POST", "/api/v1/duplicates/check", {
    ...HEAT_AGAIN,
    regionCode: "210106",
  });
  assert.equal(res.json.items.filter((i: { id: string }) => i.id === a.id).length, 1);
});

test("a handler sees only duplicates of appeals of their department", async () => {
  const mine = await receiveAppeal(t, { ...HEAT, title: "铁西区暖气不热", ...at("210106") });
  await mustAct(t, "agent", mine, "dispatch");
  const other = await receiveAppeal(t, { ...HEAT_AGAIN, title: "铁西区暖气不热", ...at("210106") });
  const res = await t.call("handler", "GET", `/api/v1/appeals/${mine.id}/duplicates`);
  assert.equal(res.status, 200);
  assert.ok(
    !res.json.items.some((i: { id: string }) => i.id === other.id),
    "the handler cannot see the undispatched one",
  );
  const sup = await t.call("supervisor", "GET", `/api/v1/appeals/${mine.id}/duplicates`);
  assert.ok(sup.json.items.some((i: { id: string }) => i.id === other.id));
});

test("merge edge cases are refused with clear errors and change nothing", async () => {
  const a = await receiveAppeal(t, { ...HEAT, ...at("210102") });
  const b = await receiveAppeal(t, { ...HEAT_AGAIN, ...at("210102") });
  const c = await receiveAppeal(t, { ...HEAT_AGAIN, ...at("210102") });
  const closed = await receiveAppeal(t, { ...HEAT, ...at("210102") });
  await mustAct(t, "agent", closed, "answer-directly");
  const snapshot = async () =>
    Promise.all(
      [a, b, c, closed].map(async (x) => {
        const f = await fetchAppeal(t, x.id);
        return { v: f.version, status: f.status, mergedInto: f.mergedInto, events: f.events?.length };
      }),
    );
  const before = await snapshot();

  const self = await act(t, "agent", a, "merge", { intoId: a.id });
  assertError(self, 400, undefined, "intoId");
  assert.match(self.json.error.message, /itself/);
  const intoClosed = await act(t, "agent", a, "merge", { intoId: closed.id });
  assertError(intoClosed, 400, undefined, "intoId");
  assert.match(intoClosed.json.error.message, /closed/);
  const unknown = await act(t, "agent", a, "merge", { intoId: "00000000-0000-4000-8000-000000000000" });
  assertError(unknown, 400, undefined, "intoId");
  assert.deepEqual(await snapshot(), before);

  // b into a; then a into b would be a cycle, and c into b a chain: both refused.
  const merged = await mustAct(t, "agent", b, "merge", { intoId: a.id });
  assert.equal(merged.mergedInto, a.id);
  const afterMerge = await snapshot();
  const cycle = await act(t, "agent", await fetchAppeal(t, a.id), "merge", { intoId: b.id });
  assertError(cycle, 400, undefined, "intoId");
  assert.match(cycle.json.error.message, /merged/);
  const chain = await act(t, "agent", c, "merge", { intoId: b.id });
  assertError(chain, 400, undefined, "intoId");
  assert.match(chain.json.error.message, /merge into its master/);
  const again = await act(t, "agent", await fetchAppeal(t, b.id), "merge", { intoId: c.id });
  assertError(again, 409, "INVALID_TRANSITION");
  assert.deepEqual(await snapshot(), afterMerge);

  // Once merged, the pair is not offered as duplicates of each other any more.
  const dups = await t.call("agent", "GET", `/api/v1/appeals/${a.id}/duplicates`);
  assert.ok(!dups.json.items.some((i: { id: string }) => i.id === b.id));
  assert.ok(dups.json.items.some((i: { id: string }) => i.id === c.id));
});

test("trial finding 1: the same caller's second report of a water cut, in other words, finds the first as its top duplicate, with the reasons", async () => {
  const caller = { name: "王五", phone: "13712345678" };
  const place = { regionCode: "210113", address: "沈北新区蒲河路88号" };
  const first = await receiveAppeal(t, {
    title: "蒲河路小区停水三天无人管",
    body: "我们蒲河路小区已经连续停水三天了，打物业电话没人管，也没有任何通知，老人孩子生活很不方便，请尽快恢复供水。",
    citizen: caller,
    location: place,
  });
  // Unrelated noise in the same place and from the same caller must not outrank it.
  await receiveAppeal(t, {
    ...PENSION,
    citizen: caller,
    location: place,
  });
  t.clock.set(new Date(t.clock.now().getTime() + 60_000));
  const second = await receiveAppeal(t, {
    title: "蒲河路88号小区停水",
    body: "蒲河路88号小区停水已经三天了，一直没有来水，家里做饭洗漱都成问题，希望有关部门帮忙协调。",
    citizen: caller,
    location: place,
  });
  const res = await t.call("agent", "GET", `/api/v1/appeals/${second.id}/duplicates`);
  assert.equal(res.status, 200, JSON.stringify(res.json));
  assert.equal(res.json.items.length, 1, JSON.stringify(res.json));
  const [top] = res.json.items;
  assert.equal(top.id, first.id);
  const codes = top.reasons.map((r: { code: string }) => r.code);
  for (const c of ["sameCaller", "sameAddress", "textSimilarity", "timeApart"])
    assert.ok(codes.includes(c), c);
  const text = top.reasons.find((r: { code: string }) => r.code === "textSimilarity");
  assert.ok(text.value > 0.2 && text.value < 1, `text ${text.value}`);
  const time = top.reasons.find((r: { code: string }) => r.code === "timeApart");
  assert.ok(time.value <= 0.1, "a minute apart, in hours");
  // The score is the sum of the parts.
  const sum = top.reasons.reduce((n: number, r: { points: number }) => n + r.points, 0);
  assert.ok(Math.abs(Math.min(1, sum) - top.score) < 0.005, `${sum} vs ${top.score}`);
  // The phone never appears in the answer.
  assert.ok(!JSON.stringify(res.json).includes("13712345678"));

  // The agent desk, while typing the second report, finds it the same way (phone and address given).
  const check = await t.call("agent", "POST", "/api/v1/duplicates/check", {
    title: "蒲河路88号小区停水",
    body: "小区停水已经三天了",
    regionCode: "210113",
    address: "沈阳市沈北新区蒲河路88号",
    phone: "137-1234-5678",
  });
  assert.equal(check.status, 200, JSON.stringify(check.json));
  // Both reports are on file now: the draft finds both, each with the same caller.
  assert.deepEqual(
    new Set(check.json.items.slice(0, 2).map((i: { id: string }) => i.id)),
    new Set([first.id, second.id]),
  );
  assert.ok(check.json.items[0].reasons.some((r: { code: string }) => r.code === "sameCaller"));
  assertError(
    await t.call("agent", "POST", "/api/v1/duplicates/check", { ...HEAT, phone: "call me<script>" }),
    400,
    undefined,
    "body.phone",
  );
});

test("the same caller about a different matter is not a duplicate; reasons only count as far as the texts are alike", async () => {
  const caller = { name: "赵七", phone: "13687654321" };
  const place = { regionCode: "210113", address: "沈北新区道义南大街1号" };
  const a = await receiveAppeal(t, {
    ...HEAT,
    title: "道义南大街供暖不热",
    citizen: caller,
    location: place,
  });
  const b = await receiveAppeal(t, { ...PENSION, citizen: caller, location: place });
  const res = await t.call("agent", "GET", `/api/v1/appeals/${b.id}/duplicates`);
  assert.ok(!res.json.items.some((i: { id: string }) => i.id === a.id), JSON.stringify(res.json));
});
