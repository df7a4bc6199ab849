/**
 * The headline rates (三率 and the others `computeMetrics` reports), asserted exactly on a small set
 * of appeals taken through the real life cycle over the API, per department and overall, so a
 * wrong numerator, denominator or condition changes a number here.
 *
 * All appeals are complaints received on Monday 2025-03-03 09:00 +08:00: sign within 1 working
 * day of dispatch (by Tue 03-04 24:00), reply within 15 working days (by Mon 03-24 24:00).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { MetricsRow } from "../common/contracts/metrics.ts";
import { JOBS } from "../server/jobs/scheduler.ts";
import { type AppealJson, fetchAppeal, mustAct, receiveAppeal } from "./support/appeal-factory.ts";
import { DEP, firstLeaf, PASSWORD, startTestApp, type TestApp } from "./support/test-app.ts";

const H = DEP.housing; // 沈阳市住房局: user `handler`
const D = DEP.cityOffice; // 沈阳市政府办: user `cityHandler`
const WINDOW = "from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z";
const DAY = 86_400_000;

/** A rate as the API gives it: 4 decimal places. */
const r = (n: number, d: number) => Math.round((n / d) * 10_000) / 10_000;

describe("metrics: the rates on a known set of appeals", () => {
  let t: TestApp;
  const receive = (title: string) => receiveAppeal(t, { title, autoDispatch: false });
  const dispatchTo = (a: AppealJson, dep: string) =>
    mustAct(t, "agent", a, "dispatch", { body: { leadDepartmentId: dep, categoryCode: firstLeaf } });
  const callback = (a: AppealJson, satisfaction: string, resolved: boolean) =>
    mustAct(t, "agent", a, "callback", { body: { satisfaction, resolved, note: "回访" } });

  /** New sessions for the users the test acts as, after the clock jumped past their 12 hours. */
  const relogin = async () => {
    for (const who of ["agent", "handler", "cityHandler", "supervisor"] as const) {
      const res = await t.call(null, "POST", "/api/v1/session", { username: `t-${who}`, password: PASSWORD });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      t.tokens[who] = res.json.token;
    }
  };

  before(async () => {
    t = await startTestApp();
    // Monday 09:00. H1: on time everywhere, satisfied and resolved → closed.
    let h1 = await dispatchTo(await receive("H1 楼道灯坏了"), H);
    h1 = await mustAct(t, "handler", h1, "sign");
    h1 = await mustAct(t, "handler", h1, "reply");
    await callback(h1, "satisfied", true);
    // H2: on time, basically satisfied and resolved → closed.
    let h2 = await dispatchTo(await receive("H2 小区路面破损"), H);
    h2 = await mustAct(t, "handler", h2, "sign");
    h2 = await mustAct(t, "handler", h2, "reply");
    await callback(h2, "basically", true);
    // H3: on time, unsatisfied and unresolved → reopened (重办), a fresh window to 03-24.
    let h3 = await dispatchTo(await receive("H3 电梯经常停运"), H);
    h3 = await mustAct(t, "handler", h3, "sign");
    h3 = await mustAct(t, "handler", h3, "reply");
    h3 = await callback(h3, "unsatisfied", false);
    assert.equal(h3.status, "reopened");
    // H4: dispatched, signed late (Wednesday), replied late (03-26), never called back.
    let h4 = await dispatchTo(await receive("H4 楼顶漏水"), H);
    // H5: misrouted to D, returned (退单), dispatched to H, signed and replied on time.
    let h5 = await dispatchTo(await receive("H5 物业乱收费"), D);
    h5 = await mustAct(t, "cityHandler", h5, "return");
    h5 = await dispatchTo(h5, H);
    h5 = await mustAct(t, "handler", h5, "sign");
    await mustAct(t, "handler", h5, "reply");
    // D1: dispatched to D, signed on time, replied late, satisfied but not resolved → closed.
    let d1 = await dispatchTo(await receive("D1 噪音扰民"), D);
    d1 = await mustAct(t, "cityHandler", d1, "sign");
    // X1: answered directly by the agent (直接答复) → closed, no department.
    await mustAct(t, "agent", await receive("X1 咨询办事时间"), "answer-directly");
    // X2: received, never dispatched.
    await receive("X2 未派单");

    t.clock.advance(2 * DAY); // Wednesday 03-05 09:00: H4's sign deadline has passed.
    await relogin();
    h4 = await mustAct(t, "handler", h4, "sign");

    t.clock.set("2025-03-26T01:00:00Z"); // Wednesday 03-26 09:00
    await relogin(); // sessions last 12 hours
    // Past every reply deadline: the sweep marks H3, H4, D1 and X2 overdue and supervises them.
    const sweep = await JOBS["sla-sweep"](t.ctx, t.clock.now());
    assert.equal((sweep as { overdue: number }).overdue, 4, JSON.stringify(sweep));
    // The sweep appended events: act on the versions as they are now.
    h4 = await mustAct(t, "handler", await fetchAppeal(t, h4.id), "reply");
    d1 = await mustAct(t, "cityHandler", await fetchAppeal(t, d1.id), "reply");
    await callback(d1, "satisfied", false);
  });
  after(() => t?.close());

  const metrics = async (groupBy?: string): Promise<MetricsRow[]> => {
    const res = await t.call(
      "supervisor",
      "GET",
      `/api/v1/metrics?${WINDOW}${groupBy ? `&groupBy=${groupBy}` : ""}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.json));
    return res.json.items;
  };

  it("per department", async () => {
    const rows = await metrics("department");
    assert.deepEqual(
      rows.map((row) => row.key),
      ["-", D, H].sort(),
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    assert.deepEqual(byKey.get(H), {
      key: H,
      label: t.ctx.directory.departments.get(H)!.name,
      received: 5,
      closed: 2, // H1, H2
      closureRate: r(2, 5),
      onTimeRate: r(4, 5), // replied H1 H2 H3 H5 on time, H4 late
      responseRate: r(4, 5), // signed on time: H1 H2 H3 H5 of 5 dispatched; H4 late
      resolutionRate: r(2, 3), // resolved H1 H2 of 3 called back (H3 not)
      satisfactionRate: r(2, 3), // satisfied H1 + basically H2 of 3 called back
      directAnswerRate: 0,
      dispatched: 5,
      autoDispatched: 0,
      autoDispatchRate: 0,
      firstTimeRightRate: r(4, 5), // H5 went to D first
      returned: 1,
      overdue: 2, // H3 (reopened), H4
      supervised: 2,
    });
    assert.deepEqual(byKey.get(D), {
      key: D,
      label: t.ctx.directory.departments.get(D)!.name,
      received: 1,
      closed: 1,
      closureRate: 1,
      onTimeRate: 0, // D1 replied after 03-24
      responseRate: 1,
      resolutionRate: 0, // satisfied, yet not resolved
      satisfactionRate: 1,
      directAnswerRate: 0,
      dispatched: 1,
      autoDispatched: 0,
      autoDispatchRate: 0,
      firstTimeRightRate: 1,
      returned: 0, // H5's return counts where H5 ended: department H
      overdue: 1,
      supervised: 1,
    });
    assert.deepEqual(byKey.get("-"), {
      key: "-",
      label: "未指定",
      received: 2,
      closed: 1, // X1, answered directly
      closureRate: r(1, 2),
      onTimeRate: null, // nothing replied: no denominator
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      directAnswerRate: r(1, 2),
      dispatched: 0,
      autoDispatched: 0,
      autoDispatchRate: null,
      firstTimeRightRate: null,
      returned: 0,
      overdue: 1, // X2, never dispatched
      supervised: 1,
    });
  });

  it("overall, and the same totals by region", async () => {
    const [all, ...rest] = await metrics();
    assert.equal(rest.length, 0);
    const totals = {
      received: 8,
      closed: 4, // H1 H2 D1 X1
      closureRate: r(4, 8),
      onTimeRate: r(4, 6), // replied: H1-H5, D1; late: H4, D1
      responseRate: r(5, 6), // dispatched: H1-H5, D1; signed late: H4
      resolutionRate: r(2, 4), // called back: H1 H2 H3 D1; resolved: H1 H2
      satisfactionRate: r(3, 4), // H1 satisfied, H2 basically, D1 satisfied; H3 not
      directAnswerRate: r(1, 8),
      dispatched: 6,
      autoDispatched: 0,
      autoDispatchRate: 0,
      firstTimeRightRate: r(5, 6),
      returned: 1,
      overdue: 4,
      supervised: 4,
    };
    assert.deepEqual(all, { key: "all", label: "全部", ...totals });
    const byRegion = await metrics("region");
    assert.equal(byRegion.length, 1);
    assert.deepEqual(byRegion[0], {
      key: "2101",
      label: t.ctx.directory.regions.get("2101")!.name,
      ...totals,
    });
  });

  it("leaves out appeals received outside the window", async () => {
    const res = await t.call(
      "supervisor",
      "GET",
      "/api/v1/metrics?from=2025-03-04T00:00:00Z&to=2025-04-01T00:00:00Z",
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.items, []);
  });
});
