/**
 * The same storage checks on both engines the platform runs on: embedded PGlite (in memory) and a
 * real PostgreSQL server. Migrations, reference data, the invariants the database enforces on its
 * own, a whole life cycle, Chinese full-text search, keyset pagination and transaction rollback.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { type AppealEvent, replay } from "../common/appeal-state.ts";
import { runJobInSlot } from "../server/jobs/scheduler.ts";
import type { ActionHandler } from "../server/modules/appeals/action-handler.ts";
import {
  deliverOutboxRound,
  localOutboxSender,
  OUTBOX_MAX_ATTEMPTS,
  type OutboxSender,
} from "../server/modules/policies/index.ts";
import { migrationsApplied } from "../server/storage/migrate.ts";
import { type AppealJson, appealIn, fetchAppeal, mustAct, receiveAppeal } from "./support/appeal-factory.ts";
import { assertError, type Json } from "./support/http-helpers.ts";
import { type OpenedApp, openPgliteApp, openPostgresApp } from "./support/postgres-app.ts";
import { DEP, firstLeaf, T0, type TestApp } from "./support/test-app.ts";

/** A database error's SQLSTATE (both drivers put it on `code`). */
const sqlState = (e: unknown) => (e as { code?: string }).code;

function storageSuite(name: string, kind: "pglite" | "postgres", open: () => Promise<OpenedApp>) {
  describe(name, () => {
    let t: TestApp;
    let stop: () => Promise<void>;
    before(async () => {
      ({ t, stop } = await open());
    });
    after(() => stop());

    it("applies every migration and reports ready", async () => {
      assert.equal(t.storage.kind, kind);
      assert.equal(await migrationsApplied(t.ctx.db), true);
      const ready = await t.app.inject({ method: "GET", url: "/readyz" });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: "ready" });
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        t.ctx.db,
      );
      assert.deepEqual(
        applied.rows.map((r) => r.name),
        [
          "0001-initial",
          "0002-classification",
          "0003-open311",
          "0004-knowledge",
          "0005-hotspots",
          "0006-policies",
          "0007-outbox-retry",
          "0008-policy-four-eyes",
          "0010-bundles",
        ],
      );
    });

    it("loads the reference data: Liaoning's 14 cities, leaf categories, the department tree", async () => {
      const cities = await t.call("agent", "GET", "/api/v1/regions?parent=21");
      assert.equal(cities.status, 200);
      assert.deepEqual(
        cities.json.items.map((r: { code: string }) => r.code),
        Array.from({ length: 14 }, (_, i) => `21${String(i + 1).padStart(2, "0")}`),
      );
      assert.equal(cities.json.items[0].name, "沈阳市");
      assert.equal(cities.json.items[1].name, "大连市");
      const districts = await t.call("agent", "GET", "/api/v1/regions?parent=2101");
      assert.ok(districts.json.items.some((r: { code: string }) => r.code === "210102"));

      const cats = await t.call("agent", "GET", "/api/v1/categories");
      const leaves: string[] = [];
      const walk = (nodes: Json[], depth: number) => {
        for (const n of nodes) {
          if (n.children.length === 0) {
            assert.equal(depth, 3, `category ${n.code} is a leaf above level 3`);
            leaves.push(n.code);
          }
          walk(n.children, depth + 1);
        }
      };
      walk(cats.json.items, 1);
      assert.ok(leaves.length > 50, `only ${leaves.length} leaf categories`);
      assert.ok(leaves.includes(firstLeaf));
      assert.ok(leaves.every((c) => /^\d{6}$/.test(c)));

      const offices = await t.ctx.db
        .selectFrom("departments")
        .select("id")
        .where("kind", "=", "city_office")
        .orderBy("id")
        .execute();
      assert.equal(offices.length, 14);
      const deps = await t.call("agent", "GET", "/api/v1/departments");
      const find = (nodes: Json[], id: string): Json | undefined => {
        for (const n of nodes) {
          if (n.id === id) return n;
          const hit = find(n.children, id);
          if (hit) return hit;
        }
        return undefined;
      };
      const office = find(deps.json.items, DEP.cityOffice);
      assert.ok(office, "Shenyang's city office is in the tree");
      assert.ok(find(office.children, DEP.housing), "the housing bureau is below the city office");
      assert.ok(!find(office.children, DEP.dalianHousing), "Dalian's bureau is not");
    });

    describe("the database enforces invariants by itself", () => {
      const insertAppeal = (o: { status?: string; ticketNo: string; cityCode?: string; id?: string }) =>
        sql`insert into appeals (city_code, id, ticket_no, version, status, kind, channel, urgency, title, body,
              reply_by, created_at, updated_at)
            values (${o.cityCode ?? "2101"}, ${o.id ?? randomUUID()}, ${o.ticketNo}, 1, ${o.status ?? "received"},
              'help', 'phone', 'normal', '直接写入', '直接写入的诉求', now(), now(), now())`.execute(
          t.ctx.db,
        );

      it("a row that breaks nothing goes in (the control)", async () => {
        const id = randomUUID();
        await insertAppeal({ ticketNo: "RAW-0001", id });
        await t.ctx.db.deleteFrom("appeals").where("id", "=", id).execute();
      });

      it("an unknown status is a CHECK violation", async () => {
        await assert.rejects(
          insertAppeal({ status: "lost", ticketNo: "RAW-0002" }),
          (e) => sqlState(e) === "23514",
        );
        await assert.rejects(
          insertAppeal({ status: "closed", ticketNo: "RAW-0003" }),
          (e) => sqlState(e) === "23514",
          "closed without closed_at",
        );
      });

      it("a duplicate ticket number is a unique violation, even in another city", async () => {
        const a = await receiveAppeal(t);
        await assert.rejects(insertAppeal({ ticketNo: a.ticketNo }), (e) => sqlState(e) === "23505");
        await assert.rejects(
          insertAppeal({ ticketNo: a.ticketNo, cityCode: "2102" }),
          (e) => sqlState(e) === "23505",
        );
      });

      it("an event of an appeal that does not exist is a foreign-key violation", async () => {
        const insert = sql`insert into appeal_events (city_code, appeal_id, seq, type, at, data)
          values ('2101', ${randomUUID()}, 1, 'received', now(), '{}')`.execute(t.ctx.db);
        await assert.rejects(insert, (e) => sqlState(e) === "23503");
      });

      it("a handler without a department is refused by the users table too", async () => {
        const insert = sql`insert into users (id, username, password_hash, name, role, created_at)
          values (${randomUUID()}, 'raw-handler', 'x', '无部门', 'handler', now())`.execute(t.ctx.db);
        await assert.rejects(insert, (e) => sqlState(e) === "23514");
      });
    });

    it("carries an appeal through its whole life, and its events replay to its state", async () => {
      let a = await appealIn(t, "signed");
      a = await mustAct(t, "handler", a, "request-extension");
      a = await mustAct(t, "supervisor", a, "approve-extension");
      a = await mustAct(t, "handler", a, "reply");
      a = await mustAct(t, "agent", a, "callback", { satisfaction: "unsatisfied" });
      assert.equal(a.status, "reopened");
      a = await mustAct(t, "handler", a, "reply");
      a = await mustAct(t, "agent", a, "callback");
      assert.equal(a.status, "closed");
      const full = await fetchAppeal(t, a.id);
      const types = (full.events ?? []).map((e) => e.type);
      assert.deepEqual(types, [
        "received",
        "dispatched",
        "signed",
        "extension_requested",
        "extension_approved",
        "replied",
        "called_back",
        "replied",
        "called_back",
      ]);
      assert.deepEqual(
        (full.events ?? []).map((e) => e.seq),
        types.map((_, i) => i + 1),
      );
      const replayed = replay(
        (full.events as unknown as AppealEvent[]).map(
          (e) => ({ type: e.type, at: e.at, data: e.data }) as AppealEvent,
        ),
      );
      assert.equal(replayed.status, full.status);
      assert.equal(replayed.version, full.version);
      assert.equal(replayed.replyBy, full.deadlines.replyBy);
      assert.equal(replayed.extensionDays, full.deadlines.extensionDays);
      assert.equal(replayed.reopenCount, 1);
      const row = await t.ctx.db
        .selectFrom("appeals")
        .select(["status", "version", "closed_at"])
        .where("id", "=", a.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, "closed");
      assert.equal(row.version, full.version);
      assert.ok(row.closed_at);
    });

    it("finds an appeal by a Chinese word of its text, and not by a word it lacks", async () => {
      const heating = await receiveAppeal(t, { citizen: { phone: "13100000001" } });
      const lift = await receiveAppeal(t, {
        title: "地铁站电梯停运",
        body: "青年大街地铁站的无障碍电梯已经停运三天，老人上下站很困难。",
        citizen: { phone: "13100000002" },
      });
      const search = async (q: string) =>
        (await t.call("agent", "GET", `/api/v1/appeals?limit=500&q=${encodeURIComponent(q)}`)).json.items.map(
          (x: AppealJson) => x.id,
        ) as string[];
      const warm = await search("供暖");
      assert.ok(warm.includes(heating.id));
      assert.ok(!warm.includes(lift.id));
      const lifts = await search("电梯");
      assert.ok(lifts.includes(lift.id));
      assert.ok(!lifts.includes(heating.id));
      assert.ok((await search("電梯")).includes(lift.id), "a traditional-Chinese query finds it too");
      assert.deepEqual(await search("火箭发射"), []);
      assert.deepEqual(await search("供暖 电梯"), [], "every word of the query must match");
    });

    it("pages through every appeal exactly once, in order, even with equal timestamps", async () => {
      for (let i = 0; i < 7; i++) await receiveAppeal(t);
      t.clock.advance(60_000);
      try {
        for (let i = 0; i < 4; i++) await receiveAppeal(t);
      } finally {
        t.clock.set(T0);
      }
      const all = (await t.call("agent", "GET", "/api/v1/appeals?limit=500")).json;
      assert.equal(all.nextCursor, null);
      const expected = all.items.map((x: AppealJson) => x.id) as string[];
      assert.ok(expected.length >= 11);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/appeals?limit=4${cursor ? `&cursor=${cursor}` : ""}`;
        const page = await t.call("agent", "GET", url);
        assert.equal(page.status, 200, JSON.stringify(page.json));
        assert.ok(page.json.items.length <= 4);
        seen.push(...page.json.items.map((x: AppealJson) => x.id));
        cursor = page.json.nextCursor;
        pages++;
        assert.ok(pages <= expected.length, "pagination does not end");
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, "an appeal came twice");
      assert.deepEqual(seen, expected);
      assert.equal(pages, Math.ceil(expected.length / 4));
      const created = all.items.map((x: AppealJson) => x.createdAt as string);
      assert.deepEqual(created, [...created].sort().reverse(), "newest first");
    });

    describe("a failed action rolls back everything it did", () => {
      async function failingSign(handler: ActionHandler) {
        const a = await appealIn(t, "dispatched");
        const before = await fetchAppeal(t, a.id);
        // The registry rides on the context the app was built with: swap it for one failing action.
        const original = t.ctx.actions;
        t.ctx.actions = { ...original, sign: handler };
        let res: { status: number; json: Json };
        try {
          res = await t.call("handler", "POST", `/api/v1/appeals/${a.id}/actions/sign`, {
            version: a.version,
          });
        } finally {
          t.ctx.actions = original;
        }
        assertError(res, 500, "INTERNAL");
        const after = await fetchAppeal(t, a.id);
        assert.equal(after.version, before.version);
        assert.equal(after.status, "dispatched");
        assert.equal(after.title, before.title);
        assert.deepEqual(after.events, before.events);
        return a;
      }

      it("a handler that reads, writes, then throws leaves version, state and events unchanged", async () => {
        const a = await failingSign(async ({ tx, appeal }) => {
          const read = await tx
            .selectFrom("appeals")
            .select("title")
            .where("id", "=", appeal.id)
            .executeTakeFirst();
          assert.ok(read);
          await tx
            .updateTable("appeals")
            .set({ title: "被改掉的标题" })
            .where("id", "=", appeal.id)
            .execute();
          await tx
            .insertInto("audit_log")
            .values({
              at: new Date(),
              actor_id: null,
              action: "half-done",
              target: `appeal:${appeal.id}`,
              details: "{}",
            })
            .execute();
          throw new Error("injected failure after reading and writing");
        });
        const audit = await t.ctx.db
          .selectFrom("audit_log")
          .select("id")
          .where("action", "=", "half-done")
          .where("target", "=", `appeal:${a.id}`)
          .execute();
        assert.equal(audit.length, 0);
        // The row lock is gone with the transaction: the real sign goes through.
        await mustAct(t, "handler", a, "sign");
      });

      it("a commit that fails between the new state and its event stores neither", async () => {
        // The state is saved (version + 1), then the event's data cannot be stored (jsonb refuses \u0000).
        const a = await failingSign(({ now }) => ({
          type: "signed",
          at: now.toISOString(),
          data: { note: "\u0000" } as unknown as Record<string, never>,
        }));
        const signed = await mustAct(t, "handler", a, "sign");
        assert.equal(signed.version, a.version + 1);
      });
    });

    describe("the notification outbox (免申即享 notices)", () => {
      const USCC = "91210100MA0OUTBOX1";
      const queue = async (subject: string) => {
        const id = randomUUID();
        await t.ctx.db
          .insertInto("outbox")
          .values({
            id,
            city_code: "2101",
            uscc: USCC,
            topic: "entitlement",
            subject,
            body: `${subject}：请登录查看。`,
            created_at: t.clock.now(),
            delivered_at: null,
            last_error: null,
          })
          .execute();
        return id;
      };
      const inbox = async (subject: string) =>
        (
          await t.ctx.db
            .selectFrom("enterprise_inbox")
            .select("id")
            .where("uscc", "=", USCC)
            .where("subject", "=", subject)
            .execute()
        ).length;
      const row = (id: string) =>
        t.ctx.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const down: OutboxSender = {
        async send(tx, msg) {
          await localOutboxSender.send(tx, msg); // written, then rolled back with the failure
          throw new Error("SMS gateway timed out");
        },
      };

      it("a failed delivery is kept with its error, waits its back-off, and the scheduled job delivers it once", async () => {
        const id = await queue("您的补贴已核定");
        const failed = await deliverOutboxRound(t.ctx, down);
        assert.deepEqual(failed, { delivered: 0, failed: 1, skipped: 0 });
        const after1 = await row(id);
        assert.equal(after1.attempts, 1);
        assert.equal(after1.delivered_at, null);
        assert.equal(after1.last_error, "SMS gateway timed out");
        assert.equal(new Date(after1.next_attempt_at!).getTime(), t.clock.now().getTime() + 60_000);
        assert.equal(await inbox("您的补贴已核定"), 0, "nothing half-delivered");
        // Not due yet: a round right away leaves it alone.
        assert.equal((await deliverOutboxRound(t.ctx)).delivered, 0);
        const later = new Date(t.clock.now().getTime() + 61_000);
        t.clock.set(later);
        const job = await runJobInSlot(t.ctx, "outbox-delivery", `outbox-${kind}-1`, later);
        assert.deepEqual(job, { delivered: 1, failed: 0, skipped: 0 });
        assert.equal((await row(id)).attempts, 2);
        assert.notEqual((await row(id)).delivered_at, null);
        assert.equal((await deliverOutboxRound(t.ctx)).delivered, 0);
        assert.equal(await inbox("您的补贴已核定"), 1);
      });

      it("is keyed city first, like the enterprise rows it belongs with (for distribution by city)", async () => {
        const key = await sql<{ column_name: string }>`
          select a.attname as column_name
          from pg_index i
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = 'outbox'::regclass and i.indisprimary
          order by array_position(i.indkey::int2[], a.attnum)`.execute(t.ctx.db);
        assert.deepEqual(
          key.rows.map((r) => r.column_name),
          ["city_code", "id"],
        );
      });

      it("rounds running at the same time deliver each notice exactly once", async () => {
        const subjects = ["通知一", "通知二", "通知三"];
        for (const s of subjects) await queue(s);
        const rounds = await Promise.all([
          deliverOutboxRound(t.ctx),
          deliverOutboxRound(t.ctx),
          deliverOutboxRound(t.ctx),
        ]);
        assert.equal(
          rounds.reduce((n, r) => n + r.delivered, 0),
          3,
          JSON.stringify(rounds),
        );
        for (const s of subjects) assert.equal(await inbox(s), 1, s);
      });

      it(`stops after ${OUTBOX_MAX_ATTEMPTS} failed attempts, the last error kept`, async () => {
        const id = await queue("停止重试");
        for (let i = 0; i < OUTBOX_MAX_ATTEMPTS + 2; i++) {
          await deliverOutboxRound(t.ctx, down);
          t.clock.set(new Date(t.clock.now().getTime() + 7 * 3600_000));
        }
        const r = await row(id);
        assert.equal(r.attempts, OUTBOX_MAX_ATTEMPTS);
        assert.equal(r.delivered_at, null);
        assert.equal(r.last_error, "SMS gateway timed out");
      });
    });
  });
}

storageSuite("storage on PGlite (in memory)", "pglite", openPgliteApp);
storageSuite("storage on a PostgreSQL server", "postgres", openPostgresApp);
