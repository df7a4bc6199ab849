/**
 * Requests that race: on a real PostgreSQL server, where transactions truly run in parallel on a
 * pool of connections, and on PGlite, where one connection serializes them. Two handlers signing
 * at once, receipts numbered at once, a client retrying with the same Idempotency-Key at once.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type AppealJson, appealIn } from "./support/appeal-factory.ts";
import { type ApiRes, assertError, createStaff, request } from "./support/http-helpers.ts";
import { type OpenedApp, openPgliteApp, openPostgresApp } from "./support/postgres-app.ts";
import { appealBody, DEP, type TestApp } from "./support/test-app.ts";

function concurrencySuite(name: string, open: () => Promise<OpenedApp>) {
  describe(name, () => {
    let t: TestApp;
    let stop: () => Promise<void>;
    /** A second handler of the same department as `handler` (Shenyang housing). */
    let colleague: string;
    before(async () => {
      ({ t, stop } = await open());
      colleague = (
        await createStaff(t, { username: "housing-2", role: "handler", departmentId: DEP.housing })
      ).token;
    });
    after(() => stop());

    it("two handlers sign the same version at once: one wins, the other gets 409 STALE_VERSION", async () => {
      for (let round = 0; round < 5; round++) {
        const a = await appealIn(t, "dispatched");
        const sign = (token: string) =>
          request(t, "POST", `/api/v1/appeals/${a.id}/actions/sign`, { token, body: { version: a.version } });
        const results = await Promise.all([sign(t.tokens.handler), sign(colleague)]);
        const statuses = results.map((r) => r.status).sort();
        assert.deepEqual(statuses, [200, 409], results.map((r) => r.text).join("\n"));
        const lost = results.find((r) => r.status === 409)!;
        assertError(lost, 409, "STALE_VERSION");
        const won = results.find((r) => r.status === 200)!;
        assert.equal(won.json.version, a.version + 1);
        const now = await t.call("supervisor", "GET", `/api/v1/appeals/${a.id}`);
        assert.equal(now.json.version, a.version + 1);
        assert.equal(now.json.events.filter((e: { type: string }) => e.type === "signed").length, 1);
      }
    });

    it("20 receipts at once in one city and day get 20 distinct ticket numbers", async () => {
      // Anshan (2103) has no other appeals in this test, so its numbers start at 1.
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.call(
            "agent",
            "POST",
            "/api/v1/appeals",
            appealBody({ title: `同时受理 ${i}`, location: { regionCode: "210302" } }),
          ),
        ),
      );
      for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.json));
      const tickets = results.map((r) => r.json.ticketNo as string);
      assert.equal(new Set(tickets).size, 20, tickets.join(", "));
      for (const no of tickets) assert.match(no, /^2103-20250303-\d{6}$/);
      assert.deepEqual(
        tickets.map((no) => Number(no.slice(-6))).sort((x, y) => x - y),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const ids = new Set(results.map((r) => r.json.id));
      assert.equal(ids.size, 20);
    });

    it("the same Idempotency-Key sent 5 times at once creates one appeal; every answer is that appeal", async () => {
      const body = appealBody({ citizen: { name: "吴重试", phone: "13900009999" } });
      const send = () =>
        request(t, "POST", "/api/v1/appeals", {
          token: t.tokens.agent,
          body,
          headers: { "idempotency-key": "retry-storm-1" },
        });
      const results: ApiRes[] = await Promise.all(Array.from({ length: 5 }, send));
      for (const r of results) assert.equal(r.status, 201, r.text);
      const ids = new Set(results.map((r) => (r.json as AppealJson).id));
      assert.equal(ids.size, 1, [...ids].join(", "));
      assert.equal(results.filter((r) => r.headers["idempotent-replayed"] === "true").length, 4);
      const list = await t.call("agent", "GET", "/api/v1/appeals?phone=13900009999");
      assert.equal(list.json.items.length, 1);
      assert.equal(list.json.items[0].id, [...ids][0]);
    });

    it("concurrent creation of one username: one 201, the rest 409, never a 500", async () => {
      const create = () =>
        t.call("admin", "POST", "/api/v1/users", {
          username: "same-name",
          password: "long-enough-1",
          name: "同名",
          role: "agent",
        });
      const results = await Promise.all(Array.from({ length: 3 }, create));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409, 409], results.map((r) => JSON.stringify(r.json)).join("\n"));
      for (const r of results.filter((x) => x.status === 409)) assertError(r, 409, "USERNAME_TAKEN");
    });
  });
}

concurrencySuite("concurrency on a PostgreSQL server", openPostgresApp);
concurrencySuite("concurrency on PGlite (one connection)", openPgliteApp);
