/**
 * The case engine on both engines the platform runs on (embedded PGlite and a PostgreSQL server):
 * the demo seeding moves cases into every state through the engine; the stored state of every case
 * is what replaying its events gives; the database refuses what the unions forbid; concurrent
 * actions serialise on the parent's row lock (one of two with the same version gets 409).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { CASE_STATUSES, replayCase, SUBCASE_STATUSES } from "../common/case-state.ts";
import { BUNDLE_CASE_HANDLERS } from "../server/modules/bundles/bundle-case-actions.ts";
import { seedBundles } from "../server/modules/bundles/seed-bundles.ts";
import { startBundleCase } from "../server/modules/bundles/start-bundle-case.ts";
import { caseEvents, findCase, performCaseAction } from "../server/modules/cases/index.ts";
import type { AuthUser } from "../server/modules/users/auth-user.ts";
import { newId } from "../server/platform/ids.ts";
import { type OpenedApp, openPgliteApp, openPostgresApp } from "./support/postgres-app.ts";
import type { TestApp } from "./support/test-app.ts";

const sqlState = (e: unknown) => (e as { code?: string }).code;
const person = (role: AuthUser["role"], departmentId: string | null): AuthUser => ({
  id: newId(),
  username: `x-${role}`,
  name: `测试${role}`,
  role,
  departmentId,
});

function caseSuite(name: string, open: () => Promise<OpenedApp>) {
  describe(name, () => {
    let t: TestApp;
    let stop: () => Promise<void>;
    before(async () => {
      ({ t, stop } = await open());
    });
    after(() => stop());

    it("seeds demo cases in every state through the engine; replay reproduces every stored state", async () => {
      const seeded = await seedBundles(t.ctx, { now: new Date("2025-03-20T06:00:00.000Z") });
      assert.equal(seeded.bundles.length, 5);
      assert.ok(seeded.cases >= 10);
      const cases = await t.ctx.db.selectFrom("cases").select(["id", "status"]).execute();
      assert.deepEqual([...new Set(cases.map((c) => c.status))].sort(), [...CASE_STATUSES].sort());
      const subs = await t.ctx.db.selectFrom("subcases").select("status").execute();
      assert.deepEqual([...new Set(subs.map((s) => s.status))].sort(), [...SUBCASE_STATUSES].sort());
      for (const c of cases) {
        const rec = (await findCase(t.ctx.db, c.id))!;
        const events = await caseEvents(t.ctx.db, rec);
        assert.deepEqual(replayCase(events.map((e) => e.event)), rec.state, `replay of ${rec.caseNo}`);
        assert.deepEqual(
          events.map((e) => e.seq),
          events.map((_, i) => i + 1),
        );
      }
      // Seeding again changes nothing.
      assert.deepEqual(await seedBundles(t.ctx), { bundles: [], cases: 0 });
    });

    it("refuses states, suspensions and result marks the unions forbid", async () => {
      const row = await t.ctx.db
        .selectFrom("subcases")
        .select(["city_code", "case_id", "id"])
        .where("status", "=", "accepted")
        .executeTakeFirstOrThrow();
      const where = sql`city_code = ${row.city_code} and case_id = ${row.case_id} and id = ${row.id}`;
      for (const change of [
        sql`status = 'lost'`,
        sql`status = 'correction'`, // suspended without suspended_at
        sql`result_at = now()`, // a result mark on an open sub-case
        sql`promised_days = legal_days + 1`,
      ]) {
        await assert.rejects(
          sql`update subcases set ${change} where ${where}`.execute(t.ctx.db),
          (e) => sqlState(e) === "23514",
        );
      }
      await assert.rejects(
        sql`update cases set status = 'closed' where id = ${row.case_id}`.execute(t.ctx.db),
        (e) => sqlState(e) === "23514",
      );
    });

    it("serialises concurrent actions: two departments at once both succeed; the same version twice, one 409", async () => {
      const agent = person("agent", null);
      const opened = await t.ctx.db.transaction().execute((tx) =>
        startBundleCase(t.ctx, tx, agent, {
          bundleId: "newborn",
          applicant: { name: "王芳" },
          regionCode: "210102",
          values: {
            "baby-name": "李小满",
            phone: "13800001111",
            "mother-id-no": "210102199001011234",
            "household-address": "和平区",
          },
          materials: ["mother-id", "father-id", "father-household", "photo"],
        }),
      );
      const id = opened.rec.id;
      await performCaseAction(
        t.ctx,
        agent,
        id,
        { target: "case", action: "accept", version: 1, input: {} },
        BUNDLE_CASE_HANDLERS,
      );
      const health = person("handler", "c2101-health");
      const rec = (await findCase(t.ctx.db, id))!;
      const v = (sid: string) => rec.state.subcases.find((s) => s.id === sid)!.version;
      const both = await Promise.allSettled([
        performCaseAction(t.ctx, health, id, {
          target: "subcase",
          subcaseId: "birth-cert",
          action: "accept",
          version: v("birth-cert"),
          input: {},
        }),
        performCaseAction(t.ctx, health, id, {
          target: "subcase",
          subcaseId: "vaccination",
          action: "accept",
          version: v("vaccination"),
          input: {},
        }),
      ]);
      assert.deepEqual(
        both.map((r) => r.status),
        ["fulfilled", "fulfilled"],
      );
      const again = await Promise.allSettled([
        performCaseAction(t.ctx, health, id, {
          target: "subcase",
          subcaseId: "birth-cert",
          action: "approve",
          version: v("birth-cert") + 1,
          input: {},
        }),
        performCaseAction(t.ctx, health, id, {
          target: "subcase",
          subcaseId: "birth-cert",
          action: "approve",
          version: v("birth-cert") + 1,
          input: {},
        }),
      ]);
      assert.deepEqual(again.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
      const err = again.find((r) => r.status === "rejected") as PromiseRejectedResult;
      assert.equal((err.reason as { code: string }).code, "STALE_VERSION");
      const final = (await findCase(t.ctx.db, id))!;
      assert.deepEqual(replayCase((await caseEvents(t.ctx.db, final)).map((e) => e.event)), final.state);
    });
  });
}

caseSuite("case engine on PGlite (in memory)", openPgliteApp);
caseSuite("case engine on a PostgreSQL server", openPostgresApp);
