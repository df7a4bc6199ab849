import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  APPEAL_ACTIONS,
  APPEAL_STATUSES,
  type AppealAction,
  type AppealCore,
  type AppealEvent,
  type AppealEventType,
  type AppealStatus,
  actionsAllowedInState,
  applyEvent,
  FOLLOWED_ACTIONS,
  initialCore,
  replay,
  stateProblem,
  TRANSITIONS,
} from "./appeal-state.ts";

const T0 = "2025-03-03T01:00:00.000Z";
/** `n` hours after T0, as an ISO string. */
const at = (n: number) => new Date(Date.parse(T0) + n * 3_600_000).toISOString();

const received: Extract<AppealEvent, { type: "received" }> = {
  type: "received",
  at: T0,
  data: { replyBy: at(100), warnAt: at(80), categoryCode: "010101" },
};

/** A core in `status` as a real appeal would be there (a lead department once dispatched). */
function core(status: AppealStatus, over: Partial<AppealCore> = {}): AppealCore {
  const base = initialCore(received);
  const handled = status !== "received";
  return {
    ...base,
    status,
    leadDepartmentId: handled ? "c2101-housing" : null,
    signBy: handled ? at(24) : null,
    dispatchedAt: handled ? at(1) : null,
    closedAt: status === "closed" ? at(5) : null,
    ...over,
  };
}

const PENDING = { days: 5, reason: "需要协调", replyBy: at(200) };

/**
 * What the life cycle of the contract allows in each state (no extension pending, not merged),
 * written out by hand from docs/api.md and the domain's diagram, apart from the table in the code.
 */
const LEGAL: Readonly<Record<AppealStatus, readonly AppealAction[]>> = {
  received: ["answer-directly", "dispatch", "supervise", "merge", "close"],
  dispatched: ["sign", "return", "transfer", "supervise", "merge", "close"],
  signed: ["return", "transfer", "request-extension", "reply", "supervise", "merge", "close"],
  replied: ["callback", "reopen", "supervise", "close"],
  reopened: ["sign", "request-extension", "reply", "supervise", "close"],
  closed: ["reopen"],
};

/** The same with an extension request pending (only signed and reopened appeals can have one). */
const LEGAL_PENDING: Readonly<Partial<Record<AppealStatus, readonly AppealAction[]>>> = {
  signed: [
    "return",
    "transfer",
    "approve-extension",
    "reject-extension",
    "reply",
    "supervise",
    "merge",
    "close",
  ],
  reopened: ["sign", "approve-extension", "reject-extension", "reply", "supervise", "close"],
};

describe("the transition table and stateProblem", () => {
  it("agree for every state × action, with and without a pending extension", () => {
    let checked = 0;
    for (const status of APPEAL_STATUSES) {
      for (const pendingExtension of [null, PENDING]) {
        const s = core(status, { pendingExtension });
        for (const action of APPEAL_ACTIONS) {
          const rule = TRANSITIONS[action];
          const expectedLegal = rule.from.includes(status) && (rule.guard ? rule.guard(s) : null) === null;
          const problem = stateProblem(s, action);
          assert.equal(
            problem === null,
            expectedLegal,
            `${action} in ${status} (pending: ${!!pendingExtension}): ${problem}`,
          );
          if (!rule.from.includes(status)) {
            assert.match(problem ?? "", new RegExp(`state ${status}\\b`), `${action} in ${status}`);
          }
          checked++;
        }
      }
    }
    assert.equal(checked, APPEAL_STATUSES.length * APPEAL_ACTIONS.length * 2);
  });

  it("allows exactly the life cycle of the contract in every state", () => {
    for (const status of APPEAL_STATUSES) {
      assert.deepEqual(
        actionsAllowedInState(core(status)),
        APPEAL_ACTIONS.filter((a) => LEGAL[status].includes(a)),
        status,
      );
      const withPending = LEGAL_PENDING[status];
      if (withPending) {
        assert.deepEqual(
          actionsAllowedInState(core(status, { pendingExtension: PENDING })),
          APPEAL_ACTIONS.filter((a) => withPending.includes(a)),
          `${status} with a pending extension`,
        );
      }
    }
  });

  it("explains a failed guard rather than the state", () => {
    assert.equal(
      stateProblem(core("signed", { pendingExtension: PENDING }), "request-extension"),
      "an extension request is already pending",
    );
    assert.equal(stateProblem(core("signed"), "approve-extension"), "no extension request is pending");
    assert.equal(stateProblem(core("reopened"), "reject-extension"), "no extension request is pending");
    assert.equal(stateProblem(core("signed", { mergedInto: "m" }), "merge"), "the appeal is already merged");
  });

  it("reopens only an appeal that a department handled (重办 needs a lead department)", () => {
    const answered = core("closed", { leadDepartmentId: null, answeredDirectly: true });
    assert.match(stateProblem(answered, "reopen") ?? "", /without being dispatched/);
    assert.deepEqual(actionsAllowedInState(answered), []);
    assert.equal(stateProblem(core("closed"), "reopen"), null);
  });

  it("lets nothing but reopen touch a closed appeal", () => {
    for (const action of APPEAL_ACTIONS) {
      const p = stateProblem(core("closed", { pendingExtension: PENDING, mergedInto: "m" }), action);
      assert.equal(p === null, action === "reopen", `${action}: ${p}`);
    }
  });
});

describe("a merged appeal (并案)", () => {
  const merged = (status: AppealStatus, over: Partial<AppealCore> = {}) =>
    core(status, { mergedInto: "master-id", ...over });

  it("refuses the actions it follows from its master, whatever the state", () => {
    for (const status of APPEAL_STATUSES.filter((s) => s !== "reopened")) {
      for (const action of FOLLOWED_ACTIONS) {
        const s = merged(status, { pendingExtension: PENDING });
        const own = stateProblem(s, action);
        assert.notEqual(own, null, `${action} in merged ${status}`);
        if (TRANSITIONS[action].from.includes(status)) {
          assert.match(own!, /merged into master-id/, `${action} in merged ${status}`);
          // …but the master's step is applied to it.
          assert.equal(stateProblem(s, action, true), null, `${action} as follower in ${status}`);
        }
      }
    }
  });

  it("follows the handling steps: dispatch, sign, return, transfer, extension, reply", () => {
    for (const a of ["dispatch", "sign", "return", "transfer", "approve-extension", "reply"] as const) {
      assert.ok(FOLLOWED_ACTIONS.has(a), a);
    }
    for (const a of ["callback", "close", "reopen", "merge", "answer-directly"] as const) {
      assert.ok(!FOLLOWED_ACTIONS.has(a), `${a} is per citizen`);
    }
  });

  it("takes its master's approved extension though it has no request of its own", () => {
    for (const status of ["signed", "reopened"] as const) {
      const s = merged(status, { pendingExtension: null });
      assert.equal(stateProblem(s, "approve-extension", true), null, status);
      assert.notEqual(stateProblem(core(status), "approve-extension"), null, "but a master needs one");
    }
    assert.notEqual(
      stateProblem(merged("replied"), "approve-extension", true),
      null,
      "the state still counts",
    );
  });

  it("keeps its own callback, supervision and closing", () => {
    assert.equal(stateProblem(merged("replied"), "callback"), null);
    assert.equal(stateProblem(merged("signed"), "supervise"), null);
    assert.equal(stateProblem(merged("dispatched"), "close"), null);
  });

  it("acts on its own again once reopened", () => {
    const s = merged("reopened");
    assert.equal(stateProblem(s, "sign"), null);
    assert.equal(stateProblem(s, "reply"), null);
    assert.deepEqual(actionsAllowedInState(s), actionsAllowedInState(core("reopened")));
  });

  it("cannot be merged a second time", () => {
    for (const status of ["received", "dispatched", "signed"] as const) {
      assert.equal(stateProblem(merged(status), "merge"), "the appeal is already merged");
      assert.equal(stateProblem(core(status), "merge"), null);
    }
  });
});

/** One event of each type, valid from `from`; its expected target state. */
interface EventCase {
  from: AppealStatus;
  event: AppealEvent;
  to: AppealStatus;
  check?: (before: AppealCore, after: AppealCore) => void;
}

const h = at(2);
const EVENT_CASES: Record<AppealEventType, EventCase[]> = {
  received: [{ from: "received", event: received, to: "received" }],
  answered_directly: [
    {
      from: "received",
      event: { type: "answered_directly", at: h, data: { text: "答复", articleId: null } },
      to: "closed",
      check: (_b, a) => {
        assert.equal(a.answeredDirectly, true);
        assert.equal(a.replyText, "答复");
        assert.equal(a.closedAt, h);
      },
    },
  ],
  dispatched: [
    {
      from: "received",
      event: {
        type: "dispatched",
        at: h,
        data: {
          leadDepartmentId: "c2101-water",
          coDepartmentIds: ["g210102"],
          categoryCode: "010203",
          signBy: at(26),
          replyBy: at(300),
          warnAt: at(250),
        },
      },
      to: "dispatched",
      check: (b, a) => {
        assert.equal(a.leadDepartmentId, "c2101-water");
        assert.deepEqual(a.coDepartmentIds, ["g210102"]);
        assert.equal(a.categoryCode, "010203");
        assert.equal(a.signBy, at(26));
        assert.equal(a.replyBy, at(300));
        assert.equal(a.dispatchCount, b.dispatchCount + 1);
        assert.equal(a.dispatchedAt, h);
        assert.equal(a.signedAt, null);
      },
    },
  ],
  signed: [
    { from: "dispatched", event: { type: "signed", at: h, data: {} }, to: "signed" },
    {
      from: "reopened",
      event: { type: "signed", at: h, data: {} },
      to: "signed",
      check: (_b, a) => assert.equal(a.signedAt, h),
    },
  ],
  returned: [
    {
      from: "signed",
      event: { type: "returned", at: h, data: { reason: "非本单位", departmentId: "c2101-housing" } },
      to: "received",
      check: (b, a) => {
        assert.equal(a.leadDepartmentId, null);
        assert.deepEqual(a.coDepartmentIds, []);
        assert.equal(a.signBy, null);
        assert.equal(a.signedAt, null);
        assert.equal(a.returnCount, b.returnCount + 1);
      },
    },
  ],
  transferred: [
    {
      from: "signed",
      event: {
        type: "transferred",
        at: h,
        data: { fromDepartmentId: "c2101-housing", departmentId: "g210102", reason: "属地", signBy: at(30) },
      },
      to: "dispatched",
      check: (b, a) => {
        assert.equal(a.leadDepartmentId, "g210102");
        assert.equal(a.signBy, at(30));
        assert.equal(a.signedAt, null);
        assert.equal(a.transferCount, b.transferCount + 1);
      },
    },
  ],
  extension_requested: [
    {
      from: "signed",
      event: { type: "extension_requested", at: h, data: PENDING },
      to: "signed",
      check: (b, a) => {
        assert.deepEqual(a.pendingExtension, PENDING);
        assert.equal(a.replyBy, b.replyBy, "the deadline moves only when approved");
      },
    },
  ],
  extension_approved: [
    {
      from: "reopened",
      event: { type: "extension_approved", at: h, data: { days: 5, replyBy: at(200), warnAt: at(180) } },
      to: "reopened",
      check: (b, a) => {
        assert.equal(a.pendingExtension, null);
        assert.equal(a.replyBy, at(200));
        assert.equal(a.warnAt, at(180));
        assert.equal(a.extensionDays, b.extensionDays + 5);
      },
    },
  ],
  extension_rejected: [
    {
      from: "signed",
      event: { type: "extension_rejected", at: h, data: { reason: null } },
      to: "signed",
      check: (b, a) => {
        assert.equal(a.pendingExtension, null);
        assert.equal(a.replyBy, b.replyBy);
        assert.equal(a.extensionDays, b.extensionDays);
      },
    },
  ],
  replied: [
    {
      from: "signed",
      event: { type: "replied", at: h, data: { text: "已处理", outcome: "explained" } },
      to: "replied",
      check: (_b, a) => {
        assert.equal(a.replyText, "已处理");
        assert.equal(a.replyOutcome, "explained");
        assert.equal(a.repliedAt, h);
      },
    },
  ],
  called_back: [
    ...(["satisfied", "basically"] as const).map(
      (satisfaction): EventCase => ({
        from: "replied",
        event: {
          type: "called_back",
          at: h,
          data: { satisfaction, resolved: true, note: null, replyBy: null, warnAt: null },
        },
        to: "closed",
        check: (_b, a) => {
          assert.equal(a.satisfaction, satisfaction);
          assert.equal(a.closedAt, h);
          assert.equal(a.calledBackAt, h);
        },
      }),
    ),
    {
      from: "replied",
      event: {
        type: "called_back",
        at: h,
        data: {
          satisfaction: "unsatisfied",
          resolved: false,
          note: "没修",
          replyBy: at(400),
          warnAt: at(380),
        },
      },
      to: "reopened",
      check: (b, a) => {
        assert.equal(a.satisfaction, "unsatisfied");
        assert.equal(a.resolved, false);
        assert.equal(a.closedAt, null);
        assert.equal(a.replyBy, at(400));
        assert.equal(a.reopenCount, b.reopenCount + 1);
        assert.equal(a.leadDepartmentId, b.leadDepartmentId, "重办 goes to the same lead department");
        assert.equal(a.extensionDays, 0);
      },
    },
  ],
  reopened: [
    {
      from: "closed",
      event: { type: "reopened", at: h, data: { reason: "投诉", replyBy: at(400), warnAt: at(380) } },
      to: "reopened",
      check: (b, a) => {
        assert.equal(a.closedAt, null);
        assert.equal(a.overdue, false);
        assert.equal(a.replyBy, at(400));
        assert.equal(a.reopenCount, b.reopenCount + 1);
      },
    },
  ],
  supervised: [
    {
      from: "dispatched",
      event: { type: "supervised", at: h, data: { note: "督办", automatic: false } },
      to: "dispatched",
      check: (_b, a) => assert.equal(a.supervised, true),
    },
  ],
  merged: [
    {
      from: "signed",
      event: {
        type: "merged",
        at: h,
        data: {
          intoId: "master-id",
          intoTicketNo: "2101-20250303-000001",
          master: {
            status: "signed",
            categoryCode: "010203",
            leadDepartmentId: "c2101-water",
            coDepartmentIds: [],
            signBy: at(20),
            replyBy: at(90),
            warnAt: at(70),
            replyText: null,
            replyOutcome: null,
          },
        },
      },
      to: "signed",
      check: (_b, a) => {
        assert.equal(a.mergedInto, "master-id");
        assert.equal(a.leadDepartmentId, "c2101-water");
        assert.equal(a.replyBy, at(90));
        assert.equal(a.pendingExtension, null, "its own request is moot now");
      },
    },
  ],
  closed: [
    {
      from: "signed",
      event: { type: "closed", at: h, data: { reason: "联系不上" } },
      to: "closed",
      check: (_b, a) => {
        assert.equal(a.closedAt, h);
        assert.equal(a.pendingExtension, null);
      },
    },
  ],
  sla_warned: [
    {
      from: "signed",
      event: { type: "sla_warned", at: h, data: { replyBy: at(100) } },
      to: "signed",
      check: (_b, a) => assert.equal(a.warned, true),
    },
  ],
  overdue_marked: [
    {
      from: "dispatched",
      event: { type: "overdue_marked", at: h, data: { clock: "sign", deadline: at(1) } },
      to: "dispatched",
      check: (_b, a) => assert.equal(a.overdue, true),
    },
  ],
};

describe("the reducer", () => {
  for (const [type, cases] of Object.entries(EVENT_CASES)) {
    it(`moves a ${type} event to its target state`, () => {
      for (const c of cases) {
        const pending =
          (c.event.type.startsWith("extension_") && c.event.type !== "extension_requested") ||
          c.event.type === "merged";
        const before = Object.freeze(core(c.from, pending ? { pendingExtension: PENDING } : {}));
        const snapshot = structuredClone(before);
        const after = applyEvent(before, c.event);
        assert.equal(after.status, c.to, `${type} from ${c.from}`);
        assert.equal(after.updatedAt, c.event.at);
        if (type !== "received") assert.equal(after.version, before.version + 1);
        c.check?.(before, after);
        assert.deepEqual(before, snapshot, "the reducer does not touch its input");
      }
    });
  }

  it("starts from received", () => {
    assert.throws(() => replay([]), /received/);
    assert.throws(() => replay([{ type: "signed", at: T0, data: {} }]), /received/);
    const s = replay([received]);
    assert.equal(s.status, "received");
    assert.equal(s.version, 1);
    assert.equal(s.replyBy, received.data.replyBy);
  });
});

describe("replaying a history", () => {
  /** 受理 → 派单 → 转派 → 签收 → 延期申请 → 批准 → 答复 → 不满意重办 → 督办 → 签收 → 答复 → 满意办结. */
  const history: AppealEvent[] = [
    received,
    {
      type: "dispatched",
      at: at(1),
      data: {
        leadDepartmentId: "c2101-housing",
        coDepartmentIds: [],
        categoryCode: "010101",
        signBy: at(25),
        replyBy: at(121),
        warnAt: at(100),
      },
    },
    {
      type: "transferred",
      at: at(2),
      data: { fromDepartmentId: "c2101-housing", departmentId: "g210102", reason: "属地", signBy: at(26) },
    },
    { type: "signed", at: at(3), data: {} },
    { type: "extension_requested", at: at(4), data: { days: 3, reason: "协调", replyBy: at(190) } },
    { type: "extension_approved", at: at(5), data: { days: 3, replyBy: at(190), warnAt: at(170) } },
    { type: "replied", at: at(6), data: { text: "已处理", outcome: "resolved" } },
    {
      type: "called_back",
      at: at(7),
      data: { satisfaction: "unsatisfied", resolved: false, note: null, replyBy: at(300), warnAt: at(280) },
    },
    { type: "supervised", at: at(8), data: { note: "重办督办", automatic: false } },
    { type: "signed", at: at(9), data: {} },
    { type: "replied", at: at(10), data: { text: "再次处理", outcome: "resolved" } },
    {
      type: "called_back",
      at: at(11),
      data: { satisfaction: "satisfied", resolved: true, note: null, replyBy: null, warnAt: null },
    },
  ];
  const expectedStatuses: AppealStatus[] = [
    "received",
    "dispatched",
    "dispatched",
    "signed",
    "signed",
    "signed",
    "replied",
    "reopened",
    "reopened",
    "signed",
    "replied",
    "closed",
  ];

  it("equals applying the events one by one, one version per event", () => {
    let s = initialCore(received);
    assert.equal(s.version, 1);
    for (const [i, ev] of history.entries()) {
      if (i > 0) {
        const next = applyEvent(s, ev);
        assert.equal(next.version, s.version + 1, ev.type);
        s = next;
      }
      assert.equal(s.status, expectedStatuses[i], `after ${ev.type} (#${i + 1})`);
      assert.deepEqual(replay(history.slice(0, i + 1)), s, `prefix of ${i + 1} events`);
      assert.equal(s.version, i + 1);
    }
    assert.equal(s.leadDepartmentId, "g210102");
    assert.equal(s.transferCount, 1);
    assert.equal(s.reopenCount, 1);
    assert.equal(s.supervised, true);
    assert.equal(s.extensionDays, 0, "the reopen started a fresh reply window");
    assert.equal(s.satisfaction, "satisfied");
    assert.equal(s.closedAt, at(11));
    assert.equal(s.updatedAt, at(11));
  });

  it("lets every step of it pass the table first", () => {
    const actionOf: Partial<Record<AppealEventType, AppealAction>> = {
      dispatched: "dispatch",
      transferred: "transfer",
      signed: "sign",
      extension_requested: "request-extension",
      extension_approved: "approve-extension",
      replied: "reply",
      called_back: "callback",
      supervised: "supervise",
    };
    let s = initialCore(received);
    for (const ev of history.slice(1)) {
      const action = actionOf[ev.type]!;
      assert.equal(stateProblem(s, action), null, `${action} in ${s.status}`);
      s = applyEvent(s, ev);
    }
  });
});
