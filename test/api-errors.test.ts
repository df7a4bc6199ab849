/**
 * Every error of the HTTP contract as a caller meets it: the status, the one error shape
 * `{ error: { code, message, details } }`, and the field each 400 names. Then the public portal,
 * idempotent creation and the audited contact reveal, and a fuzz run showing that no input, however
 * malformed, produces a 500.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { APPEAL_ACTIONS } from "../common/appeal-state.ts";
import { computeUsccCheckChar, USCC_ALPHABET } from "../common/uscc.ts";
import {
  type AppealJson,
  act,
  appealIn,
  mustAct,
  receiveAppeal,
  validBody,
} from "./support/appeal-factory.ts";
import {
  appealsWithPhone,
  assertError,
  createStaff,
  fieldsOf,
  type Json,
  login,
  request,
} from "./support/http-helpers.ts";
import { appealBody, DEP, PASSWORD, startTestApp, type TestApp } from "./support/test-app.ts";

const USCC_17 = "91210102MA0Y4B7K2";
const VALID_USCC = USCC_17 + computeUsccCheckChar(USCC_17);
const WRONG_USCC = USCC_17 + [...USCC_ALPHABET].find((c) => c !== computeUsccCheckChar(USCC_17))!;

/** A cursor as the server encodes them, with whatever inside. */
const forgedCursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString("base64url");

describe("API errors", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  describe("400 bad input names each field", () => {
    it("refuses malformed JSON, on creation, on actions and on login", async () => {
      const a = await receiveAppeal(t);
      for (const url of ["/api/v1/appeals", `/api/v1/appeals/${a.id}/actions/dispatch`, "/api/v1/session"]) {
        const res = await request(t, "POST", url, { token: t.tokens.agent, raw: '{"kind": "help", ' });
        assertError(res, 400, "BAD_REQUEST", "body");
      }
      const empty = await request(t, "POST", "/api/v1/appeals", { token: t.tokens.agent, raw: "" });
      assertError(empty, 400, "BAD_REQUEST");
    });

    it("names every missing field, and the whole body when it is not an object", async () => {
      const res = await t.call("agent", "POST", "/api/v1/appeals", {});
      assertError(res, 400, "VALIDATION_FAILED");
      assert.deepEqual(fieldsOf(res).sort(), ["body.body", "body.kind", "body.title"]);

      const arr = await t.call("agent", "POST", "/api/v1/appeals", [appealBody()]);
      assertError(arr, 400, "VALIDATION_FAILED");
      // The whole body is `body`; `body.body` would be the appeal's own `body` field.
      assert.deepEqual(fieldsOf(arr), ["body"]);

      const a = await receiveAppeal(t);
      const reply = await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/dispatch`, { version: 1 });
      assertError(reply, 400, "VALIDATION_FAILED", "body.leadDepartmentId", "body.categoryCode");
    });

    it("names fields of the wrong type", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ title: { text: "标题" } }, "body.title"],
        [{ kind: 42 }, "body.kind"],
        [{ citizen: "王建国" }, "body.citizen"],
        [{ citizen: { name: "王建国", phone: "13812345678", anonymous: "maybe" } }, "body.citizen.anonymous"],
        [{ location: { regionCode: "210102", lat: "north" } }, "body.location.lat"],
        [{ location: { regionCode: "210102", lat: 91 } }, "body.location.lat"],
        [{ urgency: ["urgent", "normal"] }, "body.urgency"],
        [{ businessEnvironment: "yes" }, "body.businessEnvironment"],
        [{ enterprise: [VALID_USCC] }, "body.enterprise"],
      ];
      for (const [over, field] of cases) {
        const res = await t.call("agent", "POST", "/api/v1/appeals", appealBody(over));
        assertError(res, 400, "VALIDATION_FAILED", field);
      }
    });

    it("refuses unknown fields instead of ignoring them", async () => {
      const top = await t.call("agent", "POST", "/api/v1/appeals", { ...appealBody(), colour: "red" });
      assertError(top, 400, "VALIDATION_FAILED", "body.colour");
      assert.match(top.json.error.details[0].message, /not a known field/);
      const nested = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({ citizen: { name: "王建国", phone: "13812345678", nickname: "老王" } }),
      );
      assertError(nested, 400, "VALIDATION_FAILED", "body.citizen.nickname");
      const a = await appealIn(t, "signed");
      const typo = await t.call("handler", "POST", `/api/v1/appeals/${a.id}/actions/return`, {
        version: a.version,
        reasn: "错别字",
      });
      assertError(typo, 400, "VALIDATION_FAILED", "body.reasn", "body.reason");
    });

    it("takes a title of 200 characters (Chinese counts as one each) and body of 10000, not more", async () => {
      assert.equal(
        (await t.call("agent", "POST", "/api/v1/appeals", appealBody({ title: "诉".repeat(200) }))).status,
        201,
      );
      const long = await t.call("agent", "POST", "/api/v1/appeals", appealBody({ title: "诉".repeat(201) }));
      assertError(long, 400, "VALIDATION_FAILED", "body.title");
      assert.equal(
        (await t.call("agent", "POST", "/api/v1/appeals", appealBody({ body: "x".repeat(10000) }))).status,
        201,
      );
      const big = await t.call("agent", "POST", "/api/v1/appeals", appealBody({ body: "x".repeat(10001) }));
      assertError(big, 400, "VALIDATION_FAILED", "body.body");
      const blank = await t.call("agent", "POST", "/api/v1/appeals", appealBody({ title: "   " }));
      assertError(blank, 400, "VALIDATION_FAILED", "title");
    });

    it("refuses coordinates that overflow to Infinity, naming the field", async () => {
      for (const key of ["lat", "lng"]) {
        const res = await t.call(
          "agent",
          "POST",
          "/api/v1/appeals",
          appealBody({ location: { regionCode: "210102", [key]: "1e400" } }),
        );
        assertError(res, 400, "VALIDATION_FAILED", `body.location.${key}`);
      }
    });

    it("names location.regionCode for an unknown region", async () => {
      const res = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({ location: { regionCode: "219999" } }),
      );
      assertError(res, 400, "VALIDATION_FAILED", "location.regionCode");
      assert.match(res.json.error.details[0].message, /219999/);
      const malformed = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({ location: { regionCode: "abc" } }),
      );
      assertError(malformed, 400, "VALIDATION_FAILED", "body.location.regionCode");
      const city = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({ location: { regionCode: "2102" } }),
      );
      assert.equal(city.status, 201, JSON.stringify(city.json));
      assert.match(city.json.ticketNo, /^2102-/);
    });

    it("names categoryCode for an unknown or non-leaf category", async () => {
      for (const code of ["999999", "01", "0101"]) {
        const res = await t.call("agent", "POST", "/api/v1/appeals", appealBody({ categoryCode: code }));
        assertError(res, 400, "VALIDATION_FAILED", "categoryCode");
      }
    });

    it("names citizen.phone for an invalid phone number", async () => {
      for (const phone of ["12345", "1381234567", "abcdefghijk", "12345678901"]) {
        const res = await t.call(
          "agent",
          "POST",
          "/api/v1/appeals",
          appealBody({ citizen: { name: "王建国", phone } }),
        );
        assertError(res, 400, "VALIDATION_FAILED", "citizen.phone");
      }
      const landline = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({ citizen: { name: "王建国", phone: "024-22345678" } }),
      );
      assert.equal(landline.status, 201, JSON.stringify(landline.json));
    });

    it("checks the USCC check character and names enterprise.uscc", async () => {
      const ok = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({ enterprise: { uscc: VALID_USCC, name: "沈阳某某科技有限公司" } }),
      );
      assert.equal(ok.status, 201, JSON.stringify(ok.json));
      assert.equal(ok.json.enterprise.uscc, VALID_USCC);
      assert.equal(ok.json.businessEnvironment, true);
      const bad = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({ enterprise: { uscc: WRONG_USCC, name: "沈阳某某科技有限公司" } }),
      );
      assertError(bad, 400, "VALIDATION_FAILED", "enterprise.uscc");
      assert.match(bad.json.error.details[0].message, new RegExp(`'${computeUsccCheckChar(USCC_17)}'`));
    });

    it("lists every problem of one appeal in one answer", async () => {
      const res = await t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({
          location: { regionCode: "219999" },
          categoryCode: "01",
          citizen: { phone: "12345" },
          enterprise: { uscc: WRONG_USCC, name: "某公司" },
        }),
      );
      assertError(res, 400, "VALIDATION_FAILED");
      assert.deepEqual(fieldsOf(res).sort(), [
        "categoryCode",
        "citizen.phone",
        "enterprise.uscc",
        "location.regionCode",
      ]);
    });

    it("refuses a version that is not a positive integer, and leaves the appeal alone", async () => {
      const a = await receiveAppeal(t);
      for (const version of ["one", 0, -1, 1.5, null, { v: 1 }, [1, 2]]) {
        const res = await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/dispatch`, {
          ...validBody("dispatch"),
          version,
        });
        assertError(res, 400, "VALIDATION_FAILED", "body.version");
      }
      const missing = await t.call(
        "agent",
        "POST",
        `/api/v1/appeals/${a.id}/actions/dispatch`,
        validBody("dispatch"),
      );
      assertError(missing, 400, "VALIDATION_FAILED", "body.version");
      const now = await t.call("agent", "GET", `/api/v1/appeals/${a.id}`);
      assert.equal(now.json.version, 1);
      assert.equal(now.json.status, "received");
    });

    it("names leadDepartmentId when dispatching to an unknown department", async () => {
      const a = await receiveAppeal(t);
      const res = await act(t, "agent", a, "dispatch", {
        body: { ...validBody("dispatch"), leadDepartmentId: "c2101-nowhere" },
      });
      assertError(res, 400, "VALIDATION_FAILED", "leadDepartmentId");
      assert.match(res.json.error.message, /c2101-nowhere/);
      const co = await act(t, "agent", a, "dispatch", {
        body: { ...validBody("dispatch"), coDepartmentIds: [DEP.district, "nowhere"] },
      });
      assertError(co, 400, "VALIDATION_FAILED", "coDepartmentIds[1]");
      const now = await t.call("agent", "GET", `/api/v1/appeals/${a.id}`);
      assert.equal(now.json.status, "received");
      assert.equal(now.json.events.length, 1);
    });

    it("refuses a cursor it did not hand out, and a limit outside 1..500", async () => {
      for (const cursor of [
        "garbage",
        forgedCursor({ t: "yesterday", id: randomUUID() }),
        forgedCursor({ t: "2025-03-01T00:00:00.000Z", id: "not-a-uuid" }),
        forgedCursor({ t: "-200000-01-01T00:00:00.000Z", id: randomUUID() }),
        forgedCursor(null),
        forgedCursor([1]),
      ]) {
        const res = await t.call("agent", "GET", `/api/v1/appeals?cursor=${encodeURIComponent(cursor)}`);
        assertError(res, 400, "VALIDATION_FAILED", "cursor");
      }
      for (const limit of ["0", "501", "-1", "ten", "1.5"]) {
        const res = await t.call("agent", "GET", `/api/v1/appeals?limit=${limit}`);
        assertError(res, 400, "VALIDATION_FAILED", "querystring.limit");
      }
      for (const limit of ["1", "500"]) {
        const res = await t.call("agent", "GET", `/api/v1/appeals?limit=${limit}`);
        assert.equal(res.status, 200, JSON.stringify(res.json));
        assert.ok(res.json.items.length <= Number(limit));
      }
      const page = await t.call("agent", "GET", "/api/v1/appeals?limit=1");
      assert.equal(page.json.items.length, 1);
      assert.equal(
        (await t.call("agent", "GET", `/api/v1/appeals?cursor=${page.json.nextCursor}`)).status,
        200,
      );
    });

    it("refuses NUL characters anywhere instead of failing in the database", async () => {
      const a = await appealIn(t, "dispatched");
      const cases: [Promise<{ status: number; json: Json }>, string][] = [
        [t.call("agent", "POST", "/api/v1/appeals", appealBody({ title: "供暖\u0000不热" })), "body.title"],
        [
          t.call(
            "agent",
            "POST",
            "/api/v1/appeals",
            appealBody({ citizen: { name: "王\u0000", phone: "13812345678" } }),
          ),
          "body.citizen.name",
        ],
        [t.call("agent", "GET", "/api/v1/appeals?phone=%00"), "querystring.phone"],
        [t.call("agent", "GET", "/api/v1/appeals?departmentId=a%00b"), "querystring.departmentId"],
        [
          t.call("supervisor", "POST", `/api/v1/appeals/${a.id}/actions/supervise`, {
            version: a.version,
            note: "\u0000",
          }),
          "body.note",
        ],
        [
          t.call(null, "POST", "/api/v1/session", { username: "t-agent\u0000", password: "x" }),
          "body.username",
        ],
        [t.call(null, "GET", "/api/v1/public/appeals/2101%00?secret=abc"), "params.ticketNo"],
      ];
      for (const [pending, field] of cases) assertError(await pending, 400, "VALIDATION_FAILED", field);
      assert.equal((await t.call("agent", "GET", `/api/v1/appeals/${a.id}`)).json.version, a.version);
    });
  });

  describe("401, 403, 404, 409, 413", () => {
    it("401 without a token, with a bogus token, cookie or API key", async () => {
      assertError(await t.call(null, "GET", "/api/v1/appeals"), 401, "UNAUTHORIZED");
      const bogus = await request(t, "GET", "/api/v1/appeals", { token: "not-a-real-token" });
      assertError(bogus, 401, "UNAUTHORIZED");
      const cookie = await request(t, "GET", "/api/v1/appeals", {
        headers: { cookie: "hotline_session=forged" },
      });
      assertError(cookie, 401, "UNAUTHORIZED");
      const key = await request(t, "POST", "/api/v1/appeals", {
        body: appealBody(),
        headers: { "x-api-key": "hk_forged" },
      });
      assertError(key, 401, "UNAUTHORIZED");
      const wrong = await t.call(null, "POST", "/api/v1/session", {
        username: "t-agent",
        password: "wrong-password",
      });
      assertError(wrong, 401, "INVALID_CREDENTIALS");
    });

    it("403 for a role that may not, naming the roles that may", async () => {
      const res = await t.call("handler", "POST", "/api/v1/appeals", appealBody());
      assertError(res, 403, "FORBIDDEN");
      assert.deepEqual(res.json.error.details[0].allowedRoles, ["agent", "admin"]);
      assertError(await t.call("policy", "GET", "/api/v1/appeals"), 403, "FORBIDDEN");
      const a = await appealIn(t, "dispatched");
      const sign = await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/sign`, {
        version: a.version,
      });
      assertError(sign, 403, "FORBIDDEN");
      assert.match(sign.json.error.message, /agent/);
    });

    it("404 for an unknown appeal, by UUID or by a string that is none", async () => {
      for (const id of [randomUUID(), "abc", "1", "%20"]) {
        assertError(await t.call("agent", "GET", `/api/v1/appeals/${id}`), 404, "NOT_FOUND");
        assertError(await t.call("agent", "GET", `/api/v1/appeals/${id}/contact`), 404, "NOT_FOUND");
        const res = await t.call("agent", "POST", `/api/v1/appeals/${id}/actions/dispatch`, {
          version: 1,
          ...validBody("dispatch"),
        });
        assertError(res, 404, "NOT_FOUND");
      }
      assertError(await t.call("agent", "GET", "/api/v1/no-such-route"), 404, "NOT_FOUND");
    });

    it("404 for an unknown action, listing the real ones", async () => {
      const a = await receiveAppeal(t);
      const res = await t.call("agent", "POST", `/api/v1/appeals/${a.id}/actions/approve`, { version: 1 });
      assertError(res, 404, "UNKNOWN_ACTION");
      assert.deepEqual(res.json.error.details[0].allowed, [...APPEAL_ACTIONS]);
      const nobody = await t.call("agent", "POST", "/api/v1/appeals/abc/actions/approve", { version: 1 });
      assertError(nobody, 404, "NOT_FOUND");
      assertError(
        await t.call(null, "POST", `/api/v1/appeals/${a.id}/actions/approve`, {}),
        401,
        "UNAUTHORIZED",
      );
    });

    it("409 INVALID_TRANSITION names the state and the actions allowed now", async () => {
      const a = await receiveAppeal(t);
      const res = await t.call("admin", "POST", `/api/v1/appeals/${a.id}/actions/sign`, {
        version: a.version,
      });
      assertError(res, 409, "INVALID_TRANSITION");
      const d = res.json.error.details[0];
      assert.equal(d.state, "received");
      assert.equal(d.action, "sign");
      assert.deepEqual([...d.allowedActions].sort(), [
        "answer-directly",
        "close",
        "dispatch",
        "merge",
        "supervise",
      ]);
      assert.match(res.json.error.message, /received/);
      const closed = await appealIn(t, "closed");
      const again = await act(t, "agent", closed, "callback");
      assertError(again, 409, "INVALID_TRANSITION");
      assert.equal(again.json.error.details[0].state, "closed");
    });

    it("409 STALE_VERSION when someone acted first; nothing changes", async () => {
      const a = await receiveAppeal(t);
      const first = await mustAct(t, "agent", a, "dispatch");
      const late = await act(t, "supervisor", a, "close");
      assertError(late, 409, "STALE_VERSION");
      assert.deepEqual(late.json.error.details[0], {
        field: "version",
        expected: first.version,
        got: a.version,
      });
      const now = await t.call("agent", "GET", `/api/v1/appeals/${a.id}`);
      assert.equal(now.json.status, "dispatched");
      assert.equal(now.json.version, first.version);
      assert.equal(now.json.events.length, 2);
    });

    it("413 for a body over 1 MiB", async () => {
      const huge = JSON.stringify(appealBody({ body: "供".repeat(400_000) }));
      assert.ok(Buffer.byteLength(huge) > 1024 * 1024);
      const res = await request(t, "POST", "/api/v1/appeals", { token: t.tokens.agent, raw: huge });
      assertError(res, 413, "PAYLOAD_TOO_LARGE");
      const pub = await request(t, "POST", "/api/v1/public/appeals", {
        raw: huge,
        remoteAddress: "10.0.0.13",
      });
      assertError(pub, 413, "PAYLOAD_TOO_LARGE");
    });
  });

  describe("429 rate limits", () => {
    it("the 6th failed login for one username is refused with Retry-After, even with the right password", async () => {
      await createStaff(t, { username: "locked-agent", role: "agent" });
      for (let i = 1; i <= 5; i++) {
        const res = await t.call(null, "POST", "/api/v1/session", {
          username: "locked-agent",
          password: `wrong-${i}`,
        });
        assertError(res, 401, "INVALID_CREDENTIALS");
      }
      const sixth = await t.call(null, "POST", "/api/v1/session", {
        username: "locked-agent",
        password: "wrong-6",
      });
      assertError(sixth, 429, "RATE_LIMITED");
      assert.ok(Number(sixth.headers["retry-after"]) > 0);
      const right = await t.call(null, "POST", "/api/v1/session", {
        username: "locked-agent",
        password: PASSWORD,
      });
      assertError(right, 429, "RATE_LIMITED");
      // Other users still log in.
      assert.ok(await login(t, "t-supervisor"));
    });

    it("an 11th public submission from one client within the hour is refused; other clients go on", async () => {
      const form = (i: number) => ({
        kind: "help",
        title: `路灯不亮 ${i}`,
        body: "小区门口路灯坏了一周。",
        phone: "13700000000",
      });
      for (let i = 1; i <= 10; i++) {
        const res = await request(t, "POST", "/api/v1/public/appeals", {
          body: form(i),
          remoteAddress: "10.0.0.11",
        });
        assert.equal(res.status, 201, res.text);
      }
      const eleventh = await request(t, "POST", "/api/v1/public/appeals", {
        body: form(11),
        remoteAddress: "10.0.0.11",
      });
      assertError(eleventh, 429, "RATE_LIMITED");
      assert.ok(Number(eleventh.headers["retry-after"]) > 0);
      const other = await request(t, "POST", "/api/v1/public/appeals", {
        body: form(12),
        remoteAddress: "10.0.0.12",
      });
      assert.equal(other.status, 201, other.text);
      assert.equal(await appealsWithPhone(t, "13700000000"), 11);
    });
  });

  describe("public portal", () => {
    const form = {
      kind: "complaint",
      title: "楼道灯坏了",
      body: "幸福里小区5号楼楼道灯坏了两周，老人上下楼不方便。",
      name: "赵小明",
      phone: "139-1234-0001",
      regionCode: "210102",
      address: "幸福里小区5号楼",
    };

    it("submits (201 with ticket and secret) and tracks by secret, showing nothing personal", async () => {
      const res = await request(t, "POST", "/api/v1/public/appeals", {
        body: form,
        remoteAddress: "10.0.1.1",
      });
      assert.equal(res.status, 201, res.text);
      assert.match(res.json.ticketNo, /^2101-20250303-\d{6}$/);
      assert.ok(res.json.secret.length >= 12);
      assert.equal(res.json.status, "received");

      const url = `/api/v1/public/appeals/${res.json.ticketNo}?secret=${encodeURIComponent(res.json.secret)}`;
      const track = await request(t, "GET", url);
      assert.equal(track.status, 200, track.text);
      assert.equal(track.json.status, "received");
      assert.equal(track.json.ticketNo, res.json.ticketNo);
      for (const personal of ["13912340001", "139****0001", "1234", "赵小明", "赵*", "幸福里小区5号楼"]) {
        assert.ok(!track.text.includes(personal), `tracking shows ${personal}: ${track.text}`);
      }

      // Staff see the same appeal (masked), and its progress shows on the portal.
      const list = await t.call("agent", "GET", "/api/v1/appeals?phone=13912340001");
      assert.equal(list.json.items.length, 1);
      const a = list.json.items[0] as AppealJson;
      assert.equal(a.channel, "web");
      await mustAct(t, "agent", a, "dispatch");
      const later = await request(t, "GET", url);
      assert.equal(later.json.status, "dispatched");
      assert.ok(!later.text.includes(DEP.housing) && !later.text.includes("测试"), later.text);
    });

    it("answers a wrong secret exactly like an unknown ticket: 404", async () => {
      const res = await request(t, "POST", "/api/v1/public/appeals", {
        body: { ...form, phone: "13912340002" },
        remoteAddress: "10.0.1.2",
      });
      assert.equal(res.status, 201, res.text);
      const wrong = await request(t, "GET", `/api/v1/public/appeals/${res.json.ticketNo}?secret=guess`);
      assertError(wrong, 404, "NOT_FOUND");
      const unknown = await request(t, "GET", `/api/v1/public/appeals/2101-20250303-999999?secret=guess`);
      assertError(unknown, 404, "NOT_FOUND");
      assert.equal(
        wrong.json.error.message.replace(res.json.ticketNo, "X"),
        unknown.json.error.message.replace("2101-20250303-999999", "X"),
      );
      assertError(
        await request(t, "GET", `/api/v1/public/appeals/${res.json.ticketNo}`),
        400,
        "VALIDATION_FAILED",
      );
    });

    it("names the portal form's own fields in a 400", async () => {
      const res = await request(t, "POST", "/api/v1/public/appeals", {
        body: { ...form, phone: "12345", regionCode: "219999" },
        remoteAddress: "10.0.1.3",
      });
      assertError(res, 400, "VALIDATION_FAILED");
      assert.deepEqual(fieldsOf(res).sort(), ["phone", "regionCode"]);
    });
  });

  describe("idempotent creation", () => {
    it("the same Idempotency-Key and body twice create one appeal and answer the same", async () => {
      const body = appealBody({ citizen: { name: "钱多多", phone: "13600000001" } });
      const headers = { "idempotency-key": "call-20250303-0001" };
      const first = await t.call("agent", "POST", "/api/v1/appeals", body, headers);
      const second = await t.call("agent", "POST", "/api/v1/appeals", body, headers);
      assert.equal(first.status, 201, JSON.stringify(first.json));
      assert.equal(second.status, 201, JSON.stringify(second.json));
      assert.equal(second.json.id, first.json.id);
      assert.equal(second.json.ticketNo, first.json.ticketNo);
      assert.equal(second.headers["idempotent-replayed"], "true");
      const list = await t.call("agent", "GET", "/api/v1/appeals?phone=13600000001");
      assert.equal(list.json.items.length, 1);
      // Without the key the same body is a new appeal.
      assert.equal((await t.call("agent", "POST", "/api/v1/appeals", body)).status, 201);
      assert.equal(await appealsWithPhone(t, "13600000001"), 2);
    });

    it("the same key with another body is a 409 and creates nothing", async () => {
      const headers = { "idempotency-key": "call-20250303-0002" };
      const body = appealBody({ citizen: { phone: "13600000002" } });
      assert.equal((await t.call("agent", "POST", "/api/v1/appeals", body, headers)).status, 201);
      const other = await t.call("agent", "POST", "/api/v1/appeals", { ...body, title: "另一件事" }, headers);
      assertError(other, 409, "IDEMPOTENCY_KEY_REUSED");
      assert.equal(await appealsWithPhone(t, "13600000002"), 1);
    });
  });

  describe("contact reveal", () => {
    const auditRows = (id: string) =>
      t.ctx.db
        .selectFrom("audit_log")
        .selectAll()
        .where("target", "=", `appeal:${id}`)
        .orderBy("id")
        .execute();

    it("gives an agent the full phone and name, and writes an audit row for every reveal", async () => {
      const a = await receiveAppeal(t, { citizen: { name: "孙丽", phone: "13500000001" } });
      assert.equal((a.citizen as { phone: string }).phone, "135****0001");
      assert.equal(a.canRevealContact, true);
      const agentId = (await t.call("agent", "GET", "/api/v1/session")).json.user.id;
      const r1 = await t.call("agent", "GET", `/api/v1/appeals/${a.id}/contact?purpose=callback`);
      assert.equal(r1.status, 200, JSON.stringify(r1.json));
      assert.deepEqual(r1.json, { name: "孙丽", phone: "13500000001", anonymous: false });
      await t.call("agent", "GET", `/api/v1/appeals/${a.id}/contact`);
      const rows = await auditRows(a.id);
      assert.equal(rows.length, 2);
      assert.ok(rows.every((r) => r.action === "reveal_contact" && r.actor_id === agentId));
      assert.equal((rows[0]!.details as { purpose: string }).purpose, "callback");
    });

    it("refuses a supervisor (the policy: agents, admins and the appeal's handlers) and audits nothing", async () => {
      const a = await appealIn(t, "dispatched");
      const seen = await t.call("supervisor", "GET", `/api/v1/appeals/${a.id}`);
      assert.equal(seen.json.canRevealContact, false);
      assertError(await t.call("supervisor", "GET", `/api/v1/appeals/${a.id}/contact`), 403, "FORBIDDEN");
      assertError(await t.call("policy", "GET", `/api/v1/appeals/${a.id}/contact`), 403, "FORBIDDEN");
      // A handler of another city's department does not even see the appeal.
      assertError(await t.call("handler2", "GET", `/api/v1/appeals/${a.id}/contact`), 404, "NOT_FOUND");
      assert.equal((await auditRows(a.id)).length, 0);
      const own = await t.call("handler", "GET", `/api/v1/appeals/${a.id}/contact`);
      assert.equal(own.status, 200, JSON.stringify(own.json));
      assert.equal(own.json.phone, "13812345678");
      assert.equal((await auditRows(a.id)).length, 1);
    });
  });

  describe("no input produces a 500", () => {
    const ok = (res: { status: number; json: Json }) => {
      assert.ok(res.status < 500, `status ${res.status}: ${JSON.stringify(res.json)}`);
      if (res.status >= 400) assertError(res, res.status);
    };
    // Random text, text with characters databases and parsers trip on, and values that almost fit.
    const weirdString = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc
        .tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\ud800", "\uffff", "\\", "'", "%"))
        .map(([s, c]) => s + c + s),
      fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}\u0000${b}`),
      fc.constantFrom(
        "",
        " ",
        "\u0000",
        "\ud800",
        "null",
        "1e400",
        "-1",
        "210102",
        "219999",
        "010101",
        "01",
        DEP.housing,
        "13812345678",
        VALID_USCC,
        WRONG_USCC,
        "__proto__",
        "' or 1=1 --",
        "供暖 & | ! :*",
        "x".repeat(300),
        randomUUID(),
      ),
    );
    const scalar = fc.oneof(
      weirdString,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(0, 1, 2, 3, 4, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER),
    );
    const FIELDS = [
      "kind",
      "title",
      "body",
      "citizen",
      "phone",
      "location",
      "regionCode",
      "categoryCode",
      "enterprise",
      "uscc",
      "version",
      "text",
      "reason",
      "leadDepartmentId",
      "coDepartmentIds",
      "departmentId",
      "days",
      "outcome",
      "satisfaction",
      "resolved",
      "intoId",
      "note",
      "constructor",
    ];
    const key = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 }));
    const { value: jsonish } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        scalar,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 5 }),
      ),
    }));
    /** A valid body with one field (maybe nested) replaced by something random, or removed. */
    const replacement = fc.oneof(
      { weight: 6, arbitrary: weirdString },
      { weight: 2, arbitrary: scalar },
      { weight: 1, arbitrary: jsonish },
    );
    const removeOnceInTen = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
    const mutated = (base: Record<string, unknown>, paths: string[]) =>
      fc.tuple(fc.constantFrom(...paths), replacement, removeOnceInTen).map(([path, value, remove]) => {
        const copy = structuredClone(base) as Record<string, Json>;
        const keys = path.split(".");
        let at = copy;
        for (const k of keys.slice(0, -1)) {
          if (typeof at[k] !== "object" || at[k] === null) at[k] = {};
          at = at[k];
        }
        if (remove) delete at[keys[keys.length - 1]!];
        else at[keys[keys.length - 1]!] = value;
        return copy;
      });
    const APPEAL_PATHS = [
      "kind",
      "channel",
      "urgency",
      "title",
      "body",
      "citizen",
      "citizen.name",
      "citizen.phone",
      "citizen.anonymous",
      "enterprise",
      "enterprise.uscc",
      "enterprise.name",
      "location",
      "location.regionCode",
      "location.address",
      "location.lat",
      "location.lng",
      "categoryCode",
      "businessEnvironment",
      "extra",
    ];
    const validAppeal = appealBody({ enterprise: { uscc: VALID_USCC, name: "某公司" } });

    it("fuzz: 200 random and mutated bodies to POST /appeals and the public portal", async () => {
      const body = fc.oneof(
        { weight: 1, arbitrary: jsonish },
        { weight: 4, arbitrary: mutated(validAppeal, APPEAL_PATHS) },
      );
      await fc.assert(
        fc.asyncProperty(body, fc.boolean(), async (b, asPublic) => {
          if (asPublic) {
            ok(await request(t, "POST", "/api/v1/public/appeals", { body: b, remoteAddress: "10.66.0.1" }));
          } else {
            ok(await t.call("agent", "POST", "/api/v1/appeals", b));
          }
        }),
        { numRuns: 200 },
      );
    });

    it("fuzz: 200 random and mutated bodies to every action, by every staff role", async () => {
      const targets: AppealJson[] = [];
      for (const s of ["received", "dispatched", "signed", "replied", "reopened"] as const) {
        targets.push(await appealIn(t, s));
      }
      const actionBody = fc.constantFrom(...APPEAL_ACTIONS).chain((action) => {
        const base = { version: 2, ...validBody(action, { intoId: targets[0]!.id }) };
        return fc.tuple(
          fc.constant(action),
          fc.oneof(
            { weight: 1, arbitrary: jsonish },
            { weight: 4, arbitrary: mutated(base, [...Object.keys(base), "extra"]) },
            { weight: 1, arbitrary: mutated(base, ["version"]) },
          ),
        );
      });
      await fc.assert(
        fc.asyncProperty(
          actionBody,
          fc.constantFrom(...targets.map((x) => x.id), "abc", randomUUID()),
          fc.constantFrom("admin", "agent", "handler", "supervisor", "policy" as const),
          async ([action, b], id, who) => {
            ok(await t.call(who, "POST", `/api/v1/appeals/${id}/actions/${action}`, b));
          },
        ),
        { numRuns: 200 },
      );
    });

    it("fuzz: raw bodies and query strings", async () => {
      const a = await receiveAppeal(t);
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: "binary", maxLength: 60 }), async (raw) => {
          ok(await request(t, "POST", "/api/v1/appeals", { token: t.tokens.agent, raw }));
          ok(
            await request(t, "POST", `/api/v1/appeals/${a.id}/actions/dispatch`, {
              token: t.tokens.agent,
              raw,
            }),
          );
        }),
        { numRuns: 50 },
      );
      const params = fc.dictionary(
        fc.constantFrom(
          "status",
          "kind",
          "categoryCode",
          "regionCode",
          "departmentId",
          "overdue",
          "supervised",
          "phone",
          "q",
          "from",
          "to",
          "limit",
          "cursor",
          "nonsense",
        ),
        fc.oneof(
          weirdString,
          fc.constantFrom(
            "2025-03-03T00:00:00+08:00",
            "true",
            "received",
            "2101",
            forgedCursor({ t: "2025-03-01T00:00:00.000Z", id: "x" }),
            forgedCursor({ t: "-200000-01-01T00:00:00.000Z", id: randomUUID() }),
          ),
        ),
        { maxKeys: 4 },
      );
      await fc.assert(
        fc.asyncProperty(params, async (p) => {
          ok(
            await t.call(
              "handler",
              "GET",
              `/api/v1/appeals?${new URLSearchParams(p as Record<string, string>)}`,
            ),
          );
        }),
        { numRuns: 100 },
      );
      const deep = "[".repeat(100_000) + "]".repeat(100_000);
      ok(await request(t, "POST", "/api/v1/appeals", { token: t.tokens.agent, raw: deep }));
      const deepObj = `${'{"a":'.repeat(20_000)}{"__proto__":{"x":1}}${"}".repeat(20_000)}`;
      ok(await request(t, "POST", "/api/v1/appeals", { token: t.tokens.agent, raw: deepObj }));
    });
  });
});
