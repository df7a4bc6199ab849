import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { appealBody, DEP, startTestApp, type TestApp } from "./support/test-app.ts";

describe("an appeal's whole life through the API", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("goes received → dispatched → signed → replied → closed, with every event", async () => {
    const created = await t.call("agent", "POST", "/api/v1/appeals", appealBody());
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const a = created.json;
    assert.match(a.ticketNo, /^2101-20250303-\d{6}$/);
    assert.equal(a.status, "received");
    assert.equal(a.citizen.phone, "138****5678");
    assert.deepEqual(a.abilities.includes("dispatch"), true);

    const d = await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/dispatch`, {
      version: a.version,
      leadDepartmentId: DEP.housing,
      categoryCode: a.categoryCode,
    });
    assert.equal(d.status, 200, JSON.stringify(d.json));
    assert.equal(d.json.status, "dispatched");
    assert.ok(d.json.deadlines.signBy);

    const s = await t.call("handler", "POST", `/api/v1/appeals/${a.id}/actions/sign`, {
      version: d.json.version,
    });
    assert.equal(s.status, 200, JSON.stringify(s.json));
    const r = await t.call("handler", "POST", `/api/v1/appeals/${a.id}/actions/reply`, {
      version: s.json.version,
      text: "已联系供热公司上门检修，室温已恢复到18度。",
      outcome: "resolved",
    });
    assert.equal(r.json.status, "replied");
    const c = await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/callback`, {
      version: r.json.version,
      satisfaction: "satisfied",
      resolved: true,
    });
    assert.equal(c.json.status, "closed");
    const full = await t.call("supervisor", "GET", `/api/v1/appeals/${a.id}`);
    assert.deepEqual(
      full.json.events.map((e: { type: string }) => e.type),
      ["received", "dispatched", "signed", "replied", "called_back"],
    );
    assert.ok(full.json.deadlineExplanation.length > 0);
  });
});
