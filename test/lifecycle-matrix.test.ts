import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  APPEAL_ACTIONS,
  APPEAL_STATUSES,
  type AppealAction,
  type AppealStatus,
} from "../common/appeal-state.ts";
import {
  ACTOR_OF,
  type AppealJson,
  act,
  appealIn,
  type BodyOptions,
  fetchAppeal,
  mustAct,
  receiveAppeal,
} from "./support/appeal-factory.ts";
import { DEP, startTestApp, type TestApp } from "./support/test-app.ts";

/**
 * What the contract's life cycle allows in each state (no extension pending, not merged), written
 * out by hand so that a change of the transition table shows up here as a failing case.
 */
const LEGAL: Readonly<Record<AppealStatus, readonly AppealAction[]>> = {
  received: ["answer-directly", "dispatch", "supervise", "merge", "close"],
  dispatched: ["sign", "return", "transfer", "supervise", "merge", "close"],
  signed: ["return", "transfer", "request-extension", "reply", "supervise", "merge", "close"],
  replied: ["callback", "reopen", "supervise", "close"],
  reopened: ["sign", "request-extension", "reply", "supervise", "close"],
  closed: ["reopen"],
};

/** One row of the matrix: an action with one valid body (callback in its three answers). */
interface Row {
  label: string;
  action: AppealAction;
  opts?: BodyOptions;
  /** The status after a legal run, from the status before. */
  to: (from: AppealStatus) => AppealStatus;
  /** What else a user sees after a legal run. */
  check?: (before: AppealJson, after: AppealJson) => void;
}

const same = (s: AppealStatus) => s;
const ROWS: Row[] = [
  {
    label: "answer-directly",
    action: "answer-directly",
    to: () => "closed",
    check: (_b, a) => {
      assert.equal(a.answeredDirectly, true);
      assert.ok(a.closedAt);
    },
  },
  {
    label: "dispatch",
    action: "dispatch",
    to: () => "dispatched",
    check: (_b, a) => {
      assert.equal(a.leadDepartmentId, DEP.housing);
      assert.ok(a.deadlines.signBy, "the sign clock starts");
    },
  },
  { label: "sign", action: "sign", to: () => "signed" },
  {
    label: "return",
    action: "return",
    to: () => "received",
    check: (b, a) => {
      assert.equal(a.leadDepartmentId, null, "back in the agents' pool");
      assert.equal(a.returnCount, b.returnCount + 1);
    },
  },
  {
    label: "transfer",
    action: "transfer",
    to: () => "dispatched",
    check: (b, a) => {
      assert.equal(a.leadDepartmentId, DEP.district, "the new lead department");
      assert.equal(a.transferCount, b.transferCount + 1);
    },
  },
  {
    label: "request-extension",
    action: "request-extension",
    to: same,
    check: (b, a) => {
      assert.equal(a.deadlines.pendingExtension?.days, 5);
      assert.equal(a.deadlines.replyBy, b.deadlines.replyBy, "the deadline waits for approval");
    },
  },
  { label: "approve-extension", action: "approve-extension", to: same },
  { label: "reject-extension", action: "reject-extension", to: same },
  {
    label: "reply",
    action: "reply",
    to: () => "replied",
    check: (_b, a) => assert.equal(a.reply && (a.reply as { outcome: string }).outcome, "resolved"),
  },
  {
    label: "callback (satisfied)",
    action: "callback",
    opts: { satisfaction: "satisfied" },
    to: () => "closed",
    check: (_b, a) => {
      assert.equal(a.satisfaction, "satisfied");
      assert.ok(a.closedAt);
    },
  },
  {
    label: "callback (basically)",
    action: "callback",
    opts: { satisfaction: "basically" },
    to: () => "closed",
    check: (_b, a) => assert.equal(a.satisfaction, "basically"),
  },
  {
    label: "callback (unsatisfied)",
    action: "callback",
    opts: { satisfaction: "unsatisfied" },
    to: () => "reopened",
    check: (b, a) => {
      assert.equal(a.satisfaction, "unsatisfied");
      assert.equal(a.leadDepartmentId, b.leadDepartmentId, "重办 by the same lead department");
      assert.equal(a.closedAt, null);
    },
  },
  {
    label: "reopen",
    action: "reopen",
    to: () => "reopened",
    check: (_b, a) => assert.equal(a.closedAt, null),
  },
  {
    label: "supervise",
    action: "supervise",
    to: same,
    check: (_b, a) => assert.equal(a.supervised, true),
  },
  {
    label: "merge",
    action: "merge",
    // The master is dispatched: the merged appeal adopts its handling state.
    to: () => "dispatched",
    check: (_b, a) => {
      assert.ok(a.mergedInto);
      assert.equal(a.leadDepartmentId, DEP.housing);
    },
  },
  {
    label: "close",
    action: "close",
    to: () => "closed",
    check: (_b, a) => assert.ok(a.closedAt),
  },
];

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe("every state × every action through the API", () => {
  let master: AppealJson;
  before(async () => {
    master = await appealIn(t, "dispatched");
  });

  it("covers every action of the contract", () => {
    assert.deepEqual([...new Set(ROWS.map((r) => r.action))].sort(), [...APPEAL_ACTIONS].sort());
  });

  for (const state of APPEAL_STATUSES) {
    describe(`from ${state}`, () => {
      for (const row of ROWS) {
        const legal = LEGAL[state].includes(row.action);
        // A handler cannot even see an appeal before it is dispatched to them: that is a 404, and
        // the admin (who holds every role) gets the 409 of the state.
        const hidden = state === "received" && ACTOR_OF[row.action] === "handler";
        const who = hidden ? "admin" : ACTOR_OF[row.action];
        it(`${row.label} by ${who} is ${legal ? "done" : "refused with 409"}`, async () => {
          const a = await appealIn(t, state);
          if (hidden) {
            const res = await act(t, "handler", a, row.action);
            assert.equal(res.status, 404, JSON.stringify(res.json));
            assert.equal(res.json.error.code, "NOT_FOUND");
          }
          const before = await fetchAppeal(t, a.id, who);
          assert.equal(before.status, state);
          const res = await act(t, who, before, row.action, { ...row.opts, intoId: master.id });
          if (legal) {
            assert.equal(res.status, 200, JSON.stringify(res.json));
            const next = res.json as AppealJson;
            const to = row.to(state);
            assert.equal(next.status, to);
            assert.equal(next.version, before.version + 1);
            row.check?.(before, next);
            const stored = await fetchAppeal(t, a.id);
            assert.equal(stored.status, to);
            assert.equal(stored.version, next.version);
            assert.equal(stored.events?.length, before.events!.length + 1, "one event per action");
            const last = stored.events!.at(-1)!;
            assert.equal(last.seq, next.version);
            assert.equal(last.fromStatus, state);
            assert.equal(last.toStatus, to);
          } else {
            assert.equal(res.status, 409, JSON.stringify(res.json));
            const err = res.json.error;
            assert.equal(err.code, "INVALID_TRANSITION");
            assert.match(err.message, new RegExp(`state ${state}\\b`), "names the current state");
            assert.equal(err.details[0].state, state);
            assert.deepEqual(err.details[0].allowedActions, before.abilities, "what this user may do now");
            assert.ok(!err.details[0].allowedActions.includes(row.action));
            assert.deepEqual(
              err.details[0].allowedInState,
              APPEAL_ACTIONS.filter((x) => LEGAL[state].includes(x)),
            );
            const stored = await fetchAppeal(t, a.id);
            assert.equal(stored.status, state);
            assert.equal(stored.version, before.version, "nothing half-written");
            assert.equal(stored.events?.length, before.events!.length);
          }
        });
      }
    });
  }
});

describe("who may act", () => {
  /** The action must be refused with `status`/`code`, and leave the appeal as it was. */
  async function refused(
    who: Parameters<typeof act>[1],
    a: AppealJson,
    action: AppealAction,
    status: number,
    code: string,
    o: BodyOptions = {},
  ) {
    const before = await fetchAppeal(t, a.id);
    const res = await act(t, who, before, action, o);
    assert.equal(res.status, status, `${who} ${action}: ${JSON.stringify(res.json)}`);
    assert.equal(res.json.error.code, code);
    if (status === 403 && who !== "policy") {
      // The contract: the refusal names the state and the actions that are allowed.
      const mine = await fetchAppeal(t, a.id, who);
      assert.match(res.json.error.message, new RegExp(`state ${before.status}\\b`));
      assert.equal(res.json.error.details[0].state, before.status);
      assert.deepEqual(res.json.error.details[0].allowedActions, mine.abilities);
      assert.ok(!mine.abilities.includes(action));
    }
    const stored = await fetchAppeal(t, a.id);
    assert.equal(stored.version, before.version);
    assert.equal(stored.events?.length, before.events?.length);
    assert.equal(stored.status, before.status);
    return res.json.error;
  }

  it("refuses a role the table does not name with 403", async () => {
    const dispatched = await appealIn(t, "dispatched");
    const err = await refused("agent", dispatched, "sign", 403, "FORBIDDEN");
    assert.match(err.message, /agent/);
    await refused("supervisor", dispatched, "sign", 403, "FORBIDDEN");
    const signed = await appealIn(t, "signed");
    await refused("supervisor", signed, "reply", 403, "FORBIDDEN");
    await refused("agent", signed, "request-extension", 403, "FORBIDDEN");
    await refused("handler", signed, "close", 403, "FORBIDDEN");
    await refused("handler", signed, "supervise", 403, "FORBIDDEN");
    const replied = await appealIn(t, "replied");
    await refused("handler", replied, "callback", 403, "FORBIDDEN");
    await refused("agent", replied, "reopen", 403, "FORBIDDEN");
    const received = await appealIn(t, "received");
    await refused("agent", received, "close", 403, "FORBIDDEN");
    await refused("policy", received, "dispatch", 403, "FORBIDDEN");
  });

  it("hides an appeal from a handler of another department (404), and from a handler before dispatch", async () => {
    const dispatched = await appealIn(t, "dispatched");
    assert.equal((await t.call("handler2", "GET", `/api/v1/appeals/${dispatched.id}`)).status, 404);
    const err = await refused("handler2", dispatched, "sign", 404, "NOT_FOUND");
    assert.doesNotMatch(JSON.stringify(err), /已派单|dispatched/, "not even its state leaks");
    const received = await appealIn(t, "received");
    await refused("handler", received, "dispatch", 404, "NOT_FOUND");
  });

  it("lets a co-handling department see the appeal but not act for the lead (403)", async () => {
    const a = await mustAct(t, "agent", await receiveAppeal(t), "dispatch", {
      body: { leadDepartmentId: DEP.housing, coDepartmentIds: [DEP.dalianHousing], categoryCode: "010101" },
    });
    const seen = await fetchAppeal(t, a.id, "handler2");
    assert.deepEqual(seen.abilities, [], "a co-handler has nothing to do in the life cycle");
    for (const action of ["sign", "return", "transfer"] as const) {
      await refused("handler2", a, action, 403, "FORBIDDEN");
    }
    assert.equal((await mustAct(t, "handler", a, "sign")).status, "signed");
  });

  it("lets a handler of a department above the lead act, and hides a transferred appeal from the old lead", async () => {
    const a = await appealIn(t, "dispatched");
    const signed = await mustAct(t, "cityHandler", a, "sign");
    assert.equal(signed.status, "signed");
    const moved = await mustAct(t, "handler", signed, "transfer");
    assert.equal(moved.leadDepartmentId, DEP.district);
    assert.equal(moved.status, "dispatched");
    assert.equal((await t.call("handler", "GET", `/api/v1/appeals/${a.id}`)).status, 404);
    await refused("handler", moved, "sign", 404, "NOT_FOUND");
    assert.equal((await mustAct(t, "cityHandler", moved, "sign")).status, "signed");
  });

  it("checks the state before the role: a wrong state is 409 even for the wrong role", async () => {
    const closed = await appealIn(t, "closed");
    const err = await refused("agent", closed, "sign", 409, "INVALID_TRANSITION");
    assert.deepEqual(err.details[0].allowedActions, [], "an agent can do nothing with a closed appeal");
  });

  it("refuses to reopen an appeal closed before dispatch: 409, not a broken appeal", async () => {
    for (const closing of ["answer-directly", "close"] as const) {
      const a = await receiveAppeal(t);
      const closed = await mustAct(t, closing === "close" ? "supervisor" : "agent", a, closing);
      assert.equal(closed.status, "closed");
      const err = await refused("supervisor", closed, "reopen", 409, "INVALID_TRANSITION");
      assert.match(err.message, /state closed/);
      assert.deepEqual(err.details[0].allowedActions, []);
    }
  });

  it("refuses a stale version with 409 STALE_VERSION", async () => {
    const a = await appealIn(t, "dispatched");
    const res = await act(t, "handler", { id: a.id, version: a.version - 1 }, "sign");
    assert.equal(res.status, 409);
    assert.equal(res.json.error.code, "STALE_VERSION");
    assert.equal((await fetchAppeal(t, a.id)).version, a.version);
  });

  it("closes without a callback only with a reason (400 naming it)", async () => {
    const a = await appealIn(t, "replied");
    const res = await t.call("supervisor", "POST", `/api/v1/appeals/${a.id}/actions/close`, {
      version: a.version,
    });
    assert.equal(res.status, 400);
    assert.equal(res.json.error.code, "VALIDATION_FAILED");
    assert.ok(
      res.json.error.details.some((d: { field: string }) => d.field.endsWith("reason")),
      JSON.stringify(res.json),
    );
    const stored = await fetchAppeal(t, a.id);
    assert.equal(stored.status, "replied");
    assert.equal(stored.version, a.version);
    const closed = await mustAct(t, "supervisor", stored, "close");
    assert.equal(closed.status, "closed");
    const ev = (await fetchAppeal(t, a.id)).events!.at(-1) as unknown as {
      type: string;
      data: { reason: string };
    };
    assert.equal(ev.type, "closed");
    assert.match(ev.data.reason, /三次联系/);
  });
});

describe("extensions (延期)", () => {
  for (const state of ["signed", "reopened"] as const) {
    it(`approved from ${state}: the reply deadline moves later`, async () => {
      const a = await appealIn(t, state);
      const requested = await mustAct(t, "handler", a, "request-extension");
      assert.equal(requested.deadlines.replyBy, a.deadlines.replyBy);
      assert.ok(requested.deadlines.pendingExtension);
      assert.ok(!requested.abilities.includes("request-extension"), "one request at a time");
      assert.ok(!requested.abilities.includes("approve-extension"), "not by the one who asks");
      const supervisorView = await fetchAppeal(t, a.id);
      assert.ok(supervisorView.abilities.includes("approve-extension"));
      assert.ok(supervisorView.abilities.includes("reject-extension"));
      const approved = await mustAct(t, "supervisor", requested, "approve-extension");
      assert.equal(approved.status, state);
      assert.ok(
        Date.parse(approved.deadlines.replyBy) > Date.parse(a.deadlines.replyBy),
        `${approved.deadlines.replyBy} is after ${a.deadlines.replyBy}`,
      );
      assert.equal(approved.deadlines.replyBy, requested.deadlines.pendingExtension!.replyBy);
      assert.equal(approved.deadlines.pendingExtension, null);
      assert.equal(approved.deadlines.extensionDays, 5);
      const types = (await fetchAppeal(t, a.id)).events!.map((e) => e.type).slice(-2);
      assert.deepEqual(types, ["extension_requested", "extension_approved"]);
    });
  }

  it("rejected: the reply deadline stays", async () => {
    const a = await appealIn(t, "signed");
    const requested = await mustAct(t, "handler", a, "request-extension");
    const rejected = await mustAct(t, "supervisor", requested, "reject-extension");
    assert.equal(rejected.status, "signed");
    assert.equal(rejected.deadlines.replyBy, a.deadlines.replyBy);
    assert.equal(rejected.deadlines.pendingExtension, null);
    assert.equal(rejected.deadlines.extensionDays, 0);
    // A new request may follow a decision.
    assert.ok((await mustAct(t, "handler", rejected, "request-extension")).deadlines.pendingExtension);
  });

  it("refuses a second request while one is pending, and approval by the handler", async () => {
    const a = await appealIn(t, "signed");
    const requested = await mustAct(t, "handler", a, "request-extension");
    const again = await act(t, "handler", requested, "request-extension");
    assert.equal(again.status, 409);
    assert.equal(again.json.error.code, "INVALID_TRANSITION");
    assert.match(again.json.error.message, /already pending/);
    assert.match(again.json.error.message, /state signed/);
    const self = await act(t, "handler", requested, "approve-extension");
    assert.equal(self.status, 403);
    assert.equal(self.json.error.code, "FORBIDDEN");
    const stored = await fetchAppeal(t, a.id);
    assert.equal(stored.version, requested.version);
    assert.deepEqual(stored.deadlines.pendingExtension, requested.deadlines.pendingExtension);
  });

  it("drops a pending request when the appeal is replied", async () => {
    const a = await appealIn(t, "signed");
    const requested = await mustAct(t, "handler", a, "request-extension");
    const replied = await mustAct(t, "handler", requested, "reply");
    assert.equal(replied.deadlines.pendingExtension, null);
    assert.equal(replied.deadlines.replyBy, a.deadlines.replyBy);
  });
});

describe("merging duplicates (并案)", () => {
  it("makes the merged appeal follow its master's handling, with its own callback", async () => {
    let a = await receiveAppeal(t);
    let b = await receiveAppeal(t, { citizen: { name: "李娜", phone: "13900001111" } });
    b = await mustAct(t, "agent", b, "merge", { intoId: a.id });
    assert.equal(b.mergedInto, a.id);
    assert.equal(b.status, "received");
    assert.ok(!b.abilities.includes("dispatch"), "a merged appeal is not dispatched on its own");
    const own = await act(t, "agent", b, "dispatch");
    assert.equal(own.status, 409);
    assert.match(own.json.error.message, new RegExp(`merged into ${a.id}`));

    a = await mustAct(t, "agent", a, "dispatch");
    b = await fetchAppeal(t, b.id);
    assert.equal(b.status, "dispatched", "B follows A's dispatch");
    assert.equal(b.leadDepartmentId, DEP.housing);
    assert.equal(b.deadlines.signBy, a.deadlines.signBy);
    assert.equal(b.events!.at(-1)!.type, "dispatched");
    assert.equal(b.version, b.events!.length);
    // The handler of the lead department now sees B too.
    assert.equal((await t.call("handler", "GET", `/api/v1/appeals/${b.id}`)).status, 200);

    a = await mustAct(t, "handler", a, "sign");
    a = await mustAct(t, "handler", a, "reply");
    b = await fetchAppeal(t, b.id);
    assert.equal(b.status, "replied");
    assert.deepEqual(b.reply, a.reply);

    a = await mustAct(t, "agent", a, "callback", { satisfaction: "satisfied" });
    assert.equal(a.status, "closed");
    b = await fetchAppeal(t, b.id);
    assert.equal(b.status, "replied", "B's citizen is called back on their own");
    assert.equal(b.satisfaction, null);

    b = await mustAct(t, "agent", b, "callback", { satisfaction: "unsatisfied" });
    assert.equal(b.status, "reopened");
    assert.equal((await fetchAppeal(t, a.id)).status, "closed", "B's callback leaves A alone");
    // Reopened on its own, B is handled on its own.
    b = await mustAct(t, "handler", b, "reply");
    assert.equal(b.status, "replied");
    assert.equal((await fetchAppeal(t, a.id)).version, a.version);
  });

  it("sends a merged appeal back to the pool with its master", async () => {
    let a = await appealIn(t, "signed");
    let b = await receiveAppeal(t);
    b = await mustAct(t, "agent", b, "merge", { intoId: a.id });
    assert.equal(b.status, "signed");
    a = await mustAct(t, "handler", a, "return");
    b = await fetchAppeal(t, b.id);
    assert.equal(b.status, "received");
    assert.equal(b.leadDepartmentId, null);
    a = await mustAct(t, "handler", await mustAct(t, "agent", a, "dispatch"), "sign");
    a = await mustAct(t, "handler", a, "transfer");
    b = await fetchAppeal(t, b.id);
    assert.equal(b.status, "dispatched");
    assert.equal(b.leadDepartmentId, DEP.district);
  });

  it("gives a merged appeal its master's approved extension", async () => {
    let a = await appealIn(t, "signed");
    let b = await receiveAppeal(t);
    b = await mustAct(t, "agent", b, "merge", { intoId: a.id });
    assert.equal(b.deadlines.replyBy, a.deadlines.replyBy);
    a = await mustAct(t, "handler", a, "request-extension");
    a = await mustAct(t, "supervisor", a, "approve-extension");
    b = await fetchAppeal(t, b.id);
    assert.equal(b.deadlines.replyBy, a.deadlines.replyBy, "B is not left overdue on the old deadline");
    assert.equal(b.deadlines.pendingExtension, null);
    assert.equal(b.version, b.events!.length);
  });

  it("drops the merged appeal's own pending extension request: it follows its master's deadlines now", async () => {
    const a = await receiveAppeal(t);
    let b = await mustAct(t, "handler", await appealIn(t, "signed"), "request-extension");
    assert.ok(b.deadlines.pendingExtension);
    b = await mustAct(t, "agent", b, "merge", { intoId: a.id });
    assert.equal(b.status, "received");
    assert.equal(b.deadlines.pendingExtension, null, "no request pending on an appeal back in the pool");
  });

  it("refuses to merge an appeal that others are merged into (they would stop moving)", async () => {
    let a = await receiveAppeal(t);
    let b = await receiveAppeal(t);
    const c = await receiveAppeal(t);
    b = await mustAct(t, "agent", b, "merge", { intoId: a.id });
    const res = await act(t, "agent", a, "merge", { intoId: c.id });
    assert.equal(res.status, 400, JSON.stringify(res.json));
    assert.equal(res.json.error.details[0].field, "intoId");
    assert.match(res.json.error.message, new RegExp(b.ticketNo));
    assert.equal((await fetchAppeal(t, a.id)).version, a.version);
    // The other way round works, and then all three move together.
    await mustAct(t, "agent", c, "merge", { intoId: a.id });
    a = await mustAct(t, "agent", a, "dispatch");
    for (const id of [b.id, c.id]) assert.equal((await fetchAppeal(t, id)).status, "dispatched");
  });

  it("refuses to merge into a closed appeal, into itself or into a merged one (400 naming intoId)", async () => {
    const closed = await appealIn(t, "closed");
    const b = await receiveAppeal(t);
    const into = async (intoId: string, pattern: RegExp) => {
      const res = await act(t, "agent", b, "merge", { intoId });
      assert.equal(res.status, 400, JSON.stringify(res.json));
      assert.equal(res.json.error.code, "VALIDATION_FAILED");
      assert.equal(res.json.error.details[0].field, "intoId");
      assert.match(res.json.error.message, /intoId/);
      assert.match(res.json.error.message, pattern);
    };
    await into(closed.id, /closed/);
    await into(b.id, /itself/);
    const master = await receiveAppeal(t);
    const merged = await receiveAppeal(t);
    await mustAct(t, "agent", merged, "merge", { intoId: master.id });
    await into(merged.id, /merged/);
    await into("00000000-0000-4000-8000-000000000000", /unknown/);
    const stored = await fetchAppeal(t, b.id);
    assert.equal(stored.version, b.version);
    assert.equal(stored.mergedInto, null);
  });
});
