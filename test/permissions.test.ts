/**
 * Who may do what: a role × endpoint table with the status each role gets, then the rules a table
 * cannot show: handlers see their department's subtree only, `abilities` follow role and state,
 * disabled users and expired sessions are locked out, handlers need a department.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { APPEAL_ACTIONS, type AppealAction, type AppealStatus } from "../common/appeal-state.ts";
import { type AppealJson, appealIn, mustAct, receiveAppeal, validBody } from "./support/appeal-factory.ts";
import { assertError, createStaff, type Json, login, request } from "./support/http-helpers.ts";
import { appealBody, DEP, firstLeaf, PASSWORD, startTestApp, T0, type TestApp } from "./support/test-app.ts";

/**
 * The status each role gets. `handler` is a handler of Shenyang's housing bureau, the department
 * every appeal below is dispatched to; 404 = the appeal is not visible to that handler (it is not
 * yet dispatched to the handler's department). Actions run on a fresh appeal in a state that
 * allows them, so the role alone decides.
 */
const MATRIX = `
                                              anonymous  agent  handler  supervisor  admin  policy
POST    /appeals                                    401    201      403         403    201     403
GET     /appeals                                    401    200      200         200    200     403
GET     /appeals/{id}                               401    200      200         200    200     403
GET     /appeals/{id}/contact                       401    200      200         403    200     403
POST    /appeals/{id}/actions/answer-directly       401    200      404         200    200     403
POST    /appeals/{id}/actions/dispatch              401    200      404         200    200     403
POST    /appeals/{id}/actions/merge                 401    200      404         200    200     403
POST    /appeals/{id}/actions/sign                  401    403      200         403    200     403
POST    /appeals/{id}/actions/return                401    403      200         403    200     403
POST    /appeals/{id}/actions/transfer              401    403      200         200    200     403
POST    /appeals/{id}/actions/request-extension     401    403      200         403    200     403
POST    /appeals/{id}/actions/reply                 401    403      200         403    200     403
POST    /appeals/{id}/actions/approve-extension     401    403      403         200    200     403
POST    /appeals/{id}/actions/reject-extension      401    403      403         200    200     403
POST    /appeals/{id}/actions/supervise             401    403      403         200    200     403
POST    /appeals/{id}/actions/close                 401    403      403         200    200     403
POST    /appeals/{id}/actions/reopen                401    403      403         200    200     403
POST    /appeals/{id}/actions/callback              401    200      403         200    200     403
GET     /session                                    401    200      200         200    200     200
POST    /users                                      401    403      403         403    201     403
GET     /users                                      401    403      403         200    200     403
PATCH   /users/{id}                                 401    403      403         403    200     403
POST    /api-keys                                   401    403      403         403    201     403
GET     /api-keys                                   401    403      403         403    200     403
DELETE  /api-keys/{id}                              401    403      403         403    204     403
GET     /metrics                                    401    200      403         200    200     403
GET     /categories                                 401    200      200         200    200     200
GET     /departments                                401    200      200         200    200     200
GET     /regions?parent=21                          401    200      200         200    200     200
GET     /calendar/2025                              401    200      200         200    200     200
GET     /routes                                     401    200      403         200    200     403
PUT     /routes                                     401    403      403         403    200     403
GET     /sla-rules                                  401    200      200         200    200     200
PUT     /sla-rules/{id}                             401    403      403         403    200     403
PUT     /calendar/days/{date}                       401    403      403         403    200     403
`;

const ROLES = ["anonymous", "agent", "handler", "supervisor", "admin", "policy"] as const;
type Cell = (typeof ROLES)[number];

function parseMatrix(text: string): { endpoint: string; expected: Record<Cell, number> }[] {
  const [header, ...rows] = text.trim().split("\n");
  assert.deepEqual(header!.trim().split(/\s+/), [...ROLES]);
  return rows.map((line) => {
    const [method, path, ...codes] = line.trim().split(/\s+/);
    assert.equal(codes.length, ROLES.length, line);
    return {
      endpoint: `${method} ${path}`,
      expected: Object.fromEntries(ROLES.map((r, i) => [r, Number(codes[i])])) as Record<Cell, number>,
    };
  });
}

/** The state each action needs, and who brings an appeal there (the factory's people). */
const STATE_FOR: Record<AppealAction, AppealStatus | "pending-extension"> = {
  "answer-directly": "received",
  dispatch: "received",
  merge: "received",
  sign: "dispatched",
  return: "dispatched",
  transfer: "dispatched",
  supervise: "dispatched",
  close: "dispatched",
  "request-extension": "signed",
  reply: "signed",
  "approve-extension": "pending-extension",
  "reject-extension": "pending-extension",
  callback: "replied",
  reopen: "closed",
};

describe("permissions", () => {
  let t: TestApp;
  const token = (who: Cell) => (who === "anonymous" ? null : t.tokens[who]);
  const call = (
    who: Cell,
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
  ) => request(t, method, `/api/v1${url}`, { token: token(who), body });

  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  describe("role × endpoint", () => {
    let shared: AppealJson;
    let userId: string;
    let rule: Json;
    let route: Json;
    let seq = 0;

    before(async () => {
      shared = await appealIn(t, "dispatched");
      userId = (await createStaff(t, { username: "matrix-target", role: "agent" })).id;
      const rules = await t.call("admin", "GET", "/api/v1/sla-rules");
      rule = rules.json.items[0];
      assert.ok(rule, "the seed has SLA rules");
      const routes = await t.call("admin", "GET", "/api/v1/routes?regionCode=2101");
      route = routes.json.items[0];
      assert.ok(route, "the seed has routes for Shenyang");
    });

    async function appealFor(action: AppealAction): Promise<AppealJson> {
      const state = STATE_FOR[action];
      if (state !== "pending-extension") return appealIn(t, state);
      return mustAct(t, "handler", await appealIn(t, "signed"), "request-extension");
    }

    /** One cell: the request the role makes, on fresh data where it changes something. */
    const cases: Record<string, (who: Cell) => Promise<{ status: number }>> = {
      "POST /appeals": (who) => call(who, "POST", "/appeals", appealBody()),
      "GET /appeals": (who) => call(who, "GET", "/appeals"),
      "GET /appeals/{id}": (who) => call(who, "GET", `/appeals/${shared.id}`),
      "GET /appeals/{id}/contact": (who) => call(who, "GET", `/appeals/${shared.id}/contact`),
      "GET /session": (who) => call(who, "GET", "/session"),
      "POST /users": (who) =>
        call(who, "POST", "/users", {
          username: `matrix-${who}-${++seq}`,
          password: PASSWORD,
          name: "新用户",
          role: "agent",
        }),
      "GET /users": (who) => call(who, "GET", "/users"),
      "PATCH /users/{id}": (who) => call(who, "PATCH", `/users/${userId}`, { name: `改名${++seq}` }),
      "POST /api-keys": (who) => call(who, "POST", "/api-keys", { name: `integration-${++seq}` }),
      "GET /api-keys": (who) => call(who, "GET", "/api-keys"),
      "DELETE /api-keys/{id}": async (who) => {
        const key = await t.call("admin", "POST", "/api/v1/api-keys", { name: `to-revoke-${++seq}` });
        return call(who, "DELETE", `/api-keys/${key.json.id}`);
      },
      "GET /metrics": (who) => call(who, "GET", "/metrics?groupBy=department"),
      "GET /categories": (who) => call(who, "GET", "/categories"),
      "GET /departments": (who) => call(who, "GET", "/departments"),
      "GET /regions?parent=21": (who) => call(who, "GET", "/regions?parent=21"),
      "GET /calendar/2025": (who) => call(who, "GET", "/calendar/2025"),
      "GET /routes": (who) => call(who, "GET", "/routes"),
      "PUT /routes": (who) => call(who, "PUT", "/routes", route),
      "GET /sla-rules": (who) => call(who, "GET", "/sla-rules"),
      "PUT /sla-rules/{id}": (who) => {
        const { id, ...body } = rule;
        return call(who, "PUT", `/sla-rules/${id}`, body);
      },
      "PUT /calendar/days/{date}": (who) =>
        call(who, "PUT", "/calendar/days/2025-12-27", { type: "workday", name: "测试调休" }),
    };
    for (const action of APPEAL_ACTIONS) {
      cases[`POST /appeals/{id}/actions/${action}`] = async (who) => {
        const a = await appealFor(action);
        const into = action === "merge" ? await receiveAppeal(t) : undefined;
        return call(who, "POST", `/appeals/${a.id}/actions/${action}`, {
          version: a.version,
          ...validBody(action, into ? { intoId: into.id } : {}),
        });
      };
    }

    const rows = parseMatrix(MATRIX);

    it("covers every endpoint in the table, and every action", () => {
      assert.deepEqual(rows.map((r) => r.endpoint).sort(), Object.keys(cases).sort());
    });

    for (const { endpoint, expected } of rows) {
      it(endpoint, async () => {
        const actual = {} as Record<Cell, number>;
        for (const who of ROLES) actual[who] = (await cases[endpoint]!(who)).status;
        assert.deepEqual(actual, expected);
      });
    }
  });
  describe("a handler sees its department and the departments below it, nothing else", () => {
    let a: AppealJson;
    const phone = "13300000001";
    before(async () => {
      a = await mustAct(t, "agent", await receiveAppeal(t, { citizen: { name: "周一", phone } }), "dispatch");
      assert.equal(a.leadDepartmentId, DEP.housing);
    });
    const listed = async (who: "handler" | "handler2" | "cityHandler" | "agent") =>
      (await t.call(who, "GET", `/api/v1/appeals?phone=${phone}`)).json.items.map((x: AppealJson) => x.id);

    it("the city office (above the housing bureau) sees it in the list and by id", async () => {
      assert.deepEqual(await listed("cityHandler"), [a.id]);
      const res = await t.call("cityHandler", "GET", `/api/v1/appeals/${a.id}`);
      assert.equal(res.status, 200);
      // Above the lead department, the office may act for it.
      assert.ok(res.json.abilities.includes("sign"), JSON.stringify(res.json.abilities));
    });

    it("the housing bureau itself sees it", async () => {
      assert.deepEqual(await listed("handler"), [a.id]);
      assert.equal((await t.call("handler", "GET", `/api/v1/appeals/${a.id}`)).status, 200);
    });

    it("Dalian's housing bureau does not: not listed, 404 by id, 404 on actions", async () => {
      assert.deepEqual(await listed("handler2"), []);
      assertError(await t.call("handler2", "GET", `/api/v1/appeals/${a.id}`), 404, "NOT_FOUND");
      const sign = await t.call("handler2", "POST", `/api/v1/appeals/${a.id}/actions/sign`, {
        version: a.version,
      });
      assertError(sign, 404, "NOT_FOUND");
      // Its list is not empty because it sees nothing: it sees Dalian's appeals.
      const dalian = await mustAct(
        t,
        "agent",
        await receiveAppeal(t, { location: { regionCode: "210202" }, citizen: { phone } }),
        "dispatch",
        { body: { leadDepartmentId: DEP.dalianHousing, categoryCode: firstLeaf } },
      );
      assert.deepEqual(await listed("handler2"), [dalian.id]);
      assert.deepEqual(await listed("handler"), [a.id]);
      assert.deepEqual((await listed("agent")).sort(), [a.id, dalian.id].sort());
    });

    it("a co-handling district sees it; a sibling district does not", async () => {
      const co = await mustAct(
        t,
        "agent",
        await receiveAppeal(t, { citizen: { phone: "13300000002" } }),
        "dispatch",
        {
          body: { leadDepartmentId: DEP.housing, coDepartmentIds: [DEP.district], categoryCode: firstLeaf },
        },
      );
      const district = await createStaff(t, {
        username: "heping-handler",
        role: "handler",
        departmentId: DEP.district,
      });
      const sibling = await createStaff(t, {
        username: "shenhe-handler",
        role: "handler",
        departmentId: "g210103",
      });
      const seen = await request(t, "GET", `/api/v1/appeals/${co.id}`, { token: district.token });
      assert.equal(seen.status, 200, seen.text);
      // A co-handler is not the lead: it may not sign.
      assert.ok(!seen.json.abilities.includes("sign"));
      const other = await request(t, "GET", `/api/v1/appeals/${co.id}`, { token: sibling.token });
      assertError(other, 404, "NOT_FOUND");
    });
  });

  describe("abilities follow role and state", () => {
    const sorted = (a: Json) => [...(a.abilities as string[])].sort();

    it("an agent on a received appeal may dispatch, answer directly or merge; a handler cannot see it", async () => {
      const a = await receiveAppeal(t);
      assert.deepEqual(sorted(a), ["answer-directly", "dispatch", "merge"]);
      const sup = await t.call("supervisor", "GET", `/api/v1/appeals/${a.id}`);
      assert.deepEqual(sorted(sup.json), ["answer-directly", "close", "dispatch", "merge", "supervise"]);
      assertError(await t.call("handler", "GET", `/api/v1/appeals/${a.id}`), 404, "NOT_FOUND");
    });

    it("the lead handler on a dispatched appeal may sign, return or transfer; the agent only merge", async () => {
      const a = await appealIn(t, "dispatched");
      const h = await t.call("handler", "GET", `/api/v1/appeals/${a.id}`);
      assert.deepEqual(sorted(h.json), ["return", "sign", "transfer"]);
      const ag = await t.call("agent", "GET", `/api/v1/appeals/${a.id}`);
      // Agents may still merge a duplicate into it (并案), no more.
      assert.deepEqual(sorted(ag.json), ["merge"]);
      const sup = await t.call("supervisor", "GET", `/api/v1/appeals/${a.id}`);
      assert.deepEqual(sorted(sup.json), ["close", "merge", "supervise", "transfer"]);
    });

    it("after signing, the handler may reply or ask for more time, and no longer sign", async () => {
      const a = await appealIn(t, "signed");
      assert.deepEqual(sorted(a), ["reply", "request-extension", "return", "transfer"]);
      const ext = await mustAct(t, "handler", a, "request-extension");
      const sup = await t.call("supervisor", "GET", `/api/v1/appeals/${ext.id}`);
      assert.ok(sup.json.abilities.includes("approve-extension"));
      assert.ok(!ext.abilities.includes("request-extension"));
    });

    it("an ability offered is accepted, and an action not offered is refused", async () => {
      const a = await appealIn(t, "dispatched");
      const offered = (await t.call("handler", "GET", `/api/v1/appeals/${a.id}`)).json.abilities as string[];
      assert.ok(offered.includes("sign"));
      assert.ok(!offered.includes("reply"));
      const refused = await t.call("handler", "POST", `/api/v1/appeals/${a.id}/actions/reply`, {
        version: a.version,
        ...validBody("reply"),
      });
      assertError(refused, 409, "INVALID_TRANSITION");
      const signed = await t.call("handler", "POST", `/api/v1/appeals/${a.id}/actions/sign`, {
        version: a.version,
      });
      assert.equal(signed.status, 200);
    });
  });

  describe("accounts and sessions", () => {
    it("a disabled user's token stops working at once, and the user cannot log in again", async () => {
      const u = await createStaff(t, { username: "leaving-agent", role: "agent" });
      assert.equal((await request(t, "GET", "/api/v1/appeals", { token: u.token })).status, 200);
      const off = await t.call("admin", "PATCH", `/api/v1/users/${u.id}`, { disabled: true });
      assert.equal(off.status, 200, JSON.stringify(off.json));
      assert.equal(off.json.disabled, true);
      assertError(await request(t, "GET", "/api/v1/appeals", { token: u.token }), 401, "UNAUTHORIZED");
      const again = await t.call(null, "POST", "/api/v1/session", {
        username: "leaving-agent",
        password: PASSWORD,
      });
      assertError(again, 401, "INVALID_CREDENTIALS");
      await t.call("admin", "PATCH", `/api/v1/users/${u.id}`, { disabled: false });
      const back = await login(t, "leaving-agent");
      assert.equal((await request(t, "GET", "/api/v1/appeals", { token: back })).status, 200);
    });

    it("a changed role takes effect on the next request", async () => {
      const u = await createStaff(t, { username: "promoted-agent", role: "agent" });
      assert.equal((await request(t, "GET", "/api/v1/users", { token: u.token })).status, 403);
      await t.call("admin", "PATCH", `/api/v1/users/${u.id}`, { role: "supervisor" });
      assert.equal((await request(t, "GET", "/api/v1/users", { token: u.token })).status, 200);
    });

    it("a session lasts 12 hours", async () => {
      const u = await createStaff(t, { username: "night-shift", role: "agent" });
      try {
        t.clock.advance(12 * 3600_000 - 60_000);
        assert.equal((await request(t, "GET", "/api/v1/appeals", { token: u.token })).status, 200);
        t.clock.advance(2 * 60_000);
        assertError(await request(t, "GET", "/api/v1/appeals", { token: u.token }), 401, "UNAUTHORIZED");
        // Logging in again gives a fresh session.
        const fresh = await login(t, "night-shift");
        assert.equal((await request(t, "GET", "/api/v1/appeals", { token: fresh })).status, 200);
      } finally {
        t.clock.set(T0);
      }
    });

    it("logging out ends the session; the console's cookie works like the bearer token", async () => {
      const res = await t.call(null, "POST", "/api/v1/session", { username: "t-agent", password: PASSWORD });
      assert.equal(res.status, 200);
      const setCookie = String(res.headers["set-cookie"]);
      const cookie = setCookie.split(";")[0]!;
      assert.match(cookie, /^hotline_session=/);
      assert.match(setCookie, /HttpOnly/i);
      const me = await request(t, "GET", "/api/v1/session", { headers: { cookie } });
      assert.equal(me.status, 200, me.text);
      assert.equal(me.json.user.username, "t-agent");
      assert.equal((await request(t, "DELETE", "/api/v1/session", { headers: { cookie } })).status, 204);
      assertError(await request(t, "GET", "/api/v1/session", { headers: { cookie } }), 401, "UNAUTHORIZED");
      assertError(await request(t, "GET", "/api/v1/session", { token: res.json.token }), 401, "UNAUTHORIZED");
    });

    it("a handler must name a known department (400 naming departmentId)", async () => {
      const base = { username: "no-dept-handler", password: PASSWORD, name: "无部门", role: "handler" };
      assertError(
        await t.call("admin", "POST", "/api/v1/users", base),
        400,
        "VALIDATION_FAILED",
        "departmentId",
      );
      const nulled = await t.call("admin", "POST", "/api/v1/users", { ...base, departmentId: null });
      assertError(nulled, 400, "VALIDATION_FAILED", "departmentId");
      const unknown = await t.call("admin", "POST", "/api/v1/users", {
        ...base,
        departmentId: "c2101-nowhere",
      });
      assertError(unknown, 400, "VALIDATION_FAILED", "departmentId");
      const u = await createStaff(t, { username: "plain-agent", role: "agent" });
      const demote = await t.call("admin", "PATCH", `/api/v1/users/${u.id}`, { role: "handler" });
      assertError(demote, 400, "VALIDATION_FAILED", "departmentId");
      const ok = await t.call("admin", "POST", "/api/v1/users", { ...base, departmentId: DEP.housing });
      assert.equal(ok.status, 201, JSON.stringify(ok.json));
      assert.equal(ok.json.departmentId, DEP.housing);
      assert.ok(!JSON.stringify(ok.json).includes(PASSWORD), "the answer carries no password");
      const short = await t.call("admin", "POST", "/api/v1/users", {
        ...base,
        username: "short-pw",
        password: "1234567",
      });
      assertError(short, 400, "VALIDATION_FAILED", "body.password");
      const dup = await t.call("admin", "POST", "/api/v1/users", { ...base, departmentId: DEP.housing });
      assertError(dup, 409, "USERNAME_TAKEN");
    });

    it("an API key lets an integration receive appeals, and nothing else, until revoked", async () => {
      const key = await t.call("admin", "POST", "/api/v1/api-keys", { name: "微信公众号" });
      assert.equal(key.status, 201);
      const headers = { "x-api-key": key.json.key as string };
      const made = await request(t, "POST", "/api/v1/appeals", { body: appealBody(), headers });
      assert.equal(made.status, 201, made.text);
      const listed = await t.call("admin", "GET", "/api/v1/api-keys");
      assert.ok(!JSON.stringify(listed.json).includes(key.json.key), "the key is shown once only");
      assertError(await request(t, "GET", "/api/v1/appeals", { headers }), 401, "UNAUTHORIZED");
      assert.equal((await t.call("admin", "DELETE", `/api/v1/api-keys/${key.json.id}`)).status, 204);
      const revoked = await request(t, "POST", "/api/v1/appeals", { body: appealBody(), headers });
      assertError(revoked, 401, "UNAUTHORIZED");
      assertError(await t.call("admin", "DELETE", `/api/v1/api-keys/${key.json.id}`), 404, "NOT_FOUND");
    });
  });
});
