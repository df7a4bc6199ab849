import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { appealIn, mustAct } from "./support/appeal-factory.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

describe("GET /api/v1/appeals?pendingExtension=", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it("lists the appeals whose extension request awaits a supervisor, and only those", async () => {
    const waiting = await mustAct(t, "handler", await appealIn(t, "signed"), "request-extension");
    const plain = await appealIn(t, "signed");
    const yes = await t.call("supervisor", "GET", "/api/v1/appeals?pendingExtension=true");
    assert.equal(yes.status, 200);
    assert.deepEqual(
      yes.json.items.map((a: { id: string }) => a.id),
      [waiting.id],
    );
    const no = await t.call("supervisor", "GET", "/api/v1/appeals?pendingExtension=false&status=signed");
    assert.deepEqual(
      no.json.items.map((a: { id: string }) => a.id),
      [plain.id],
    );
    await mustAct(t, "supervisor", waiting, "approve-extension");
    const after = await t.call("supervisor", "GET", "/api/v1/appeals?pendingExtension=true");
    assert.deepEqual(after.json.items, [], "an approved request leaves the list");
    const bad = await t.call("supervisor", "GET", "/api/v1/appeals?pendingExtension=maybe");
    assert.equal(bad.status, 400);
  });
});
