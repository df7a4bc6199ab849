/**
 * Admin edits of SLA rules, the working calendar and the routing table reach every server instance:
 * two AppContexts over one database stand for two instances; an edit goes through A's API, and B
 * follows at its next per-process refresh (the scheduler runs it every minute), and only then.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { AppContext } from "../server/app-context.ts";
import { JOBS, SCHEDULE } from "../server/jobs/scheduler.ts";
import { Directory } from "../server/modules/directory/directory-cache.ts";
import { SlaService } from "../server/modules/sla/sla-service.ts";
import { startTestApp, T0, type TestApp } from "./support/test-app.ts";

const consult = { kind: "consult", urgency: "normal", categoryCode: null, receivedAt: T0 } as const;

describe("per-process refresh of SLA rules, calendar and routing table", () => {
  let t: TestApp;
  /** The second instance: its own caches over the same database. */
  let b: AppContext;
  const refresh = (ctx: AppContext) => JOBS["sla-refresh"](ctx, new Date(T0));

  before(async () => {
    t = await startTestApp();
    b = {
      ...t.ctx,
      directory: await new Directory().load(t.ctx.db),
      sla: await SlaService.load(t.ctx.db),
    };
  });
  after(() => t?.close());

  it("runs in every process, every minute", () => {
    for (const job of ["sla-refresh", "routing-table-refresh"] as const) {
      const entry = SCHEDULE.find((e) => e.job === job);
      assert.ok(entry, job);
      assert.equal(entry.perProcess, true, job);
      assert.equal(entry.slot(new Date(T0), t.ctx), "2025-03-03T01:00", job);
    }
  });

  it("swaps nothing while nothing changed", async () => {
    const before = b.sla;
    assert.deepEqual(await refresh(b), { reloaded: 0 });
    assert.equal(b.sla, before, "the same engine object: no reload");
  });

  it("follows a rule edited on the other instance", async () => {
    // Monday 2025-03-03 09:00 +08:00; a consultation has 2 working days: Tue, Wed → Wed 24:00.
    assert.equal(b.sla.onReceive(consult).replyBy.toISOString(), "2025-03-05T16:00:00.000Z");
    const rule = t.ctx.sla.rules.find((r) => r.id === "gd-reply-consult")!;
    const { id: _id, ...fields } = rule;
    const put = await t.call("admin", "PUT", "/api/v1/sla-rules/gd-reply-consult", { ...fields, amount: 4 });
    assert.equal(put.status, 200, JSON.stringify(put.json));
    // A, which took the edit, follows at once; its refresh finds nothing new.
    assert.equal(t.ctx.sla.onReceive(consult).replyBy.toISOString(), "2025-03-07T16:00:00.000Z");
    assert.deepEqual(await refresh(t.ctx), { reloaded: 0 });
    // B still has the old rule until its refresh.
    assert.equal(b.sla.onReceive(consult).replyBy.toISOString(), "2025-03-05T16:00:00.000Z");
    assert.deepEqual(await refresh(b), { reloaded: 1 });
    assert.equal(b.sla.onReceive(consult).replyBy.toISOString(), "2025-03-07T16:00:00.000Z");
    assert.equal(b.sla.rules.find((r) => r.id === "gd-reply-consult")?.amount, 4);
    assert.deepEqual(await refresh(b), { reloaded: 0 }, "loaded once");
  });

  it("follows a calendar override set and removed on the other instance", async () => {
    // Tuesday 2025-03-04 made a holiday: the 4 working days become Wed–Mon → Mon 03-10 24:00.
    const set = await t.call("admin", "PUT", "/api/v1/calendar/days/2025-03-04", {
      type: "holiday",
      name: "测试假日",
    });
    assert.equal(set.status, 200, JSON.stringify(set.json));
    assert.deepEqual(set.json, { date: "2025-03-04", working: false, reason: "holiday", name: "测试假日" });
    assert.equal(b.sla.onReceive(consult).replyBy.toISOString(), "2025-03-07T16:00:00.000Z");
    assert.deepEqual(await refresh(b), { reloaded: 1 });
    assert.equal(b.sla.onReceive(consult).replyBy.toISOString(), "2025-03-10T16:00:00.000Z");
    assert.equal(b.sla.calendar.dayInfo("2025-03-04").working, false);

    // Renamed only: same type, same deadlines, still a change of the data that must reach B.
    await t.call("admin", "PUT", "/api/v1/calendar/days/2025-03-04", { type: "holiday", name: "改名假日" });
    assert.deepEqual(await refresh(b), { reloaded: 1 });
    assert.equal(b.sla.calendar.dayInfo("2025-03-04").name, "改名假日");

    const del = await t.call("admin", "DELETE", "/api/v1/calendar/days/2025-03-04");
    assert.equal(del.status, 204);
    assert.deepEqual(await refresh(b), { reloaded: 1 });
    assert.equal(b.sla.onReceive(consult).replyBy.toISOString(), "2025-03-07T16:00:00.000Z");
  });

  it("follows a routing-table edit made on the other instance", async () => {
    const refreshRoutes = (ctx: AppContext) => JOBS["routing-table-refresh"](ctx, new Date(T0));
    const before = b.directory.routes.lookup("010208", "210102")?.departmentId;
    assert.ok(before);
    assert.deepEqual(await refreshRoutes(b), { reloaded: 0 });
    const put = await t.call("admin", "PUT", "/api/v1/routes", {
      categoryCode: "010208",
      regionCode: "210102",
      departmentId: "g210102",
      note: "测试：区政府承办",
    });
    assert.equal(put.status, 200, JSON.stringify(put.json));
    assert.equal(t.ctx.directory.routes.lookup("010208", "210102")?.departmentId, "g210102");
    assert.equal(b.directory.routes.lookup("010208", "210102")?.departmentId, before);
    assert.deepEqual(await refreshRoutes(b), { reloaded: 1 });
    assert.equal(b.directory.routes.lookup("010208", "210102")?.departmentId, "g210102");
    assert.deepEqual(await refreshRoutes(t.ctx), { reloaded: 0 });
  });
});
