import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  applyCaseEvent,
  CASE_ACTIONS,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseCalendar,
  type CaseEvent,
  type CaseState,
  caseInvariantProblems,
  caseStateProblem,
  initialCaseState,
  isInputProblem,
  RESULT_STATUSES,
  replayCase,
  SUBCASE_ACTIONS,
  type SubcaseAction,
  type SubcasePlan,
  subcaseEvent,
  subcaseStateProblem,
  systemFollowUps,
} from "./case-state.ts";

const T0 = "2025-03-03T01:00:00.000Z";
const DAY = 86_400_000;
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

/** Calendar days as working days: enough for the pure tests (the server passes the real calendar). */
const cal: CaseCalendar = {
  addWorkingDays: (from, n) => new Date(Math.floor(from.getTime() / DAY) * DAY + (n + 1) * DAY),
  workingDaysBetween: (a, b) =>
    Math.max(0, Math.floor((b.getTime() - 1) / DAY) - Math.floor(a.getTime() / DAY)),
};

/** 新生儿出生: a chain (birth certificate → household registration → insurance, card) and a parallel one. */
const PLAN: SubcasePlan[] = [
  { id: "birth", name: "出生医学证明", departmentId: "health", dependsOn: [], legalDays: 5, promisedDays: 1 },
  { id: "vaccine", name: "预防接种证", departmentId: "health", dependsOn: [], legalDays: 5, promisedDays: 1 },
  {
    id: "hukou",
    name: "户口登记",
    departmentId: "police",
    dependsOn: ["birth"],
    legalDays: 10,
    promisedDays: 3,
  },
  {
    id: "medical",
    name: "医保参保",
    departmentId: "hrss",
    dependsOn: ["hukou"],
    legalDays: 10,
    promisedDays: 2,
  },
  { id: "card", name: "社保卡", departmentId: "hrss", dependsOn: ["hukou"], legalDays: 20, promisedDays: 5 },
];

const submitted: Extract<CaseEvent, { type: "submitted" }> = {
  type: "submitted",
  at: T0,
  data: { subcases: PLAN },
};

/** Applies an event and then what the system does on its own, as the engine does. */
function step(s: CaseState, ev: CaseEvent, log: CaseEvent[]): CaseState {
  let next = applyCaseEvent(s, ev);
  log.push(ev);
  for (const f of systemFollowUps(next, ev.at, cal.addWorkingDays)) {
    next = applyCaseEvent(next, f);
    log.push(f);
  }
  return next;
}

function subAct(s: CaseState, id: string, action: SubcaseAction, when: string, log: CaseEvent[], input = {}) {
  const sub = s.subcases.find((x) => x.id === id)!;
  assert.equal(subcaseStateProblem(s, sub, action), null, `${action} on ${id} (${sub.status})`);
  const ev = subcaseEvent(
    sub,
    action,
    { note: "说明", reason: "理由", resultNo: `NO-${id}`, ...input },
    when,
    cal,
  );
  if (isInputProblem(ev)) throw new Error(ev.message);
  return step(s, ev, log);
}

const statusOf = (s: CaseState) => Object.fromEntries(s.subcases.map((x) => [x.id, x.status]));

describe("case life cycle (一件事): the transition table", () => {
  it("names, for every action, states it may start from and actors", () => {
    for (const a of CASE_ACTIONS) assert.ok(CASE_TRANSITIONS.case[a].from.length > 0, a);
    for (const a of SUBCASE_ACTIONS) assert.ok(CASE_TRANSITIONS.subcase[a].actors.length > 0, a);
    // Only a sub-case's own department (or an admin) moves it.
    for (const a of ["accept", "approve", "refuse", "issue-result"] as const) {
      assert.deepEqual([...CASE_TRANSITIONS.subcase[a].actors].sort(), ["admin", "dept_handler"]);
    }
  });

  it("refuses an action in the wrong state, naming the state", () => {
    const s = initialCaseState(submitted);
    assert.match(caseStateProblem(s, "supply-materials")!, /not allowed in case state submitted/);
    assert.match(subcaseStateProblem(s, s.subcases[0]!, "approve")!, /sub-case state waiting/);
  });
});

describe("case life cycle: reducer, gating, parallel dispatch, 统一出件", () => {
  it("acceptance dispatches every sub-case without predecessors at once, the chain waits", () => {
    const log: CaseEvent[] = [submitted];
    let s = initialCaseState(submitted);
    s = step(s, { type: "accepted", at: at(1), data: { pendingMaterials: [], supplyBy: null } }, log);
    assert.deepEqual(statusOf(s), {
      birth: "dispatched",
      vaccine: "dispatched",
      hukou: "waiting",
      medical: "waiting",
      card: "waiting",
    });
    const birth = s.subcases[0]!;
    assert.equal(birth.dispatchedAt, at(1));
    // Promised 1 working day, legal 5, from the day after dispatch.
    assert.equal(birth.promisedDueAt, "2025-03-05T00:00:00.000Z");
    assert.equal(birth.legalDueAt, "2025-03-09T00:00:00.000Z");

    s = subAct(s, "birth", "accept", at(2), log);
    s = subAct(s, "birth", "approve", at(3), log);
    assert.equal(statusOf(s).hukou, "waiting", "approval is not a result");
    s = subAct(s, "birth", "issue-result", at(4), log);
    assert.equal(statusOf(s).hukou, "dispatched", "the result releases the next in the chain");
    s = subAct(s, "hukou", "accept", at(5), log);
    s = subAct(s, "hukou", "approve", at(6), log);
    s = subAct(s, "hukou", "issue-result", at(7), log);
    assert.equal(statusOf(s).medical, "dispatched");
    assert.equal(statusOf(s).card, "dispatched", "both successors are dispatched in parallel");
    for (const id of ["vaccine", "medical", "card"]) {
      s = subAct(s, id, "accept", at(8), log);
      s = subAct(s, id, "approve", at(9), log);
    }
    s = subAct(s, "vaccine", "issue-result", at(10), log);
    s = subAct(s, "medical", "issue-result", at(10), log);
    assert.equal(s.case.status, "accepted", "one sub-case still lacks a result");
    s = subAct(s, "card", "issue-result", at(11), log);
    assert.equal(s.case.status, "completed", "统一出件 when every sub-case has a result");
    assert.equal(log.at(-1)!.type, "completed");
    assert.deepEqual(replayCase(log), s);
    assert.deepEqual(caseInvariantProblems(s), []);
  });

  it("a refused predecessor cancels its whole chain, and the case completes", () => {
    const log: CaseEvent[] = [submitted];
    let s = initialCaseState(submitted);
    s = step(s, { type: "accepted", at: at(1), data: { pendingMaterials: [], supplyBy: null } }, log);
    s = subAct(s, "birth", "accept", at(2), log);
    s = subAct(s, "birth", "refuse", at(3), log);
    assert.deepEqual(statusOf(s), {
      birth: "refused",
      vaccine: "dispatched",
      hukou: "cancelled",
      medical: "cancelled",
      card: "cancelled",
    });
    s = subAct(s, "vaccine", "accept", at(4), log);
    s = subAct(s, "vaccine", "approve", at(4), log);
    s = subAct(s, "vaccine", "issue-result", at(5), log);
    assert.equal(s.case.status, "completed");
    assert.deepEqual(replayCase(log), s);
  });

  it("a suspension stops both clocks: the due dates move by the working days it lasted", () => {
    const log: CaseEvent[] = [submitted];
    let s = initialCaseState(submitted);
    s = step(s, { type: "accepted", at: at(1), data: { pendingMaterials: [], supplyBy: null } }, log);
    s = subAct(s, "birth", "accept", at(2), log);
    const before = s.subcases[0]!;
    s = subAct(s, "birth", "request-correction", at(3), log);
    assert.equal(s.subcases[0]!.status, "correction");
    assert.equal(s.subcases[0]!.correctionCount, 1);
    s = subAct(s, "birth", "supply-correction", at(3 + 72), log);
    const after = s.subcases[0]!;
    assert.equal(after.suspendedDays, 3);
    assert.equal(Date.parse(after.legalDueAt!) - Date.parse(before.legalDueAt!), 3 * DAY);
    assert.equal(Date.parse(after.promisedDueAt!) - Date.parse(before.promisedDueAt!), 3 * DAY);
    s = subAct(s, "birth", "suspend", at(80), log, { suspension: "expert_review" });
    assert.equal(s.subcases[0]!.status, "suspended");
    assert.equal(s.subcases[0]!.suspensionReason, "expert_review");
    s = subAct(s, "birth", "resume", at(80 + 48), log);
    assert.equal(s.subcases[0]!.suspendedDays, 5);
    assert.deepEqual(replayCase(log), s);
  });

  it("容缺受理: the result waits until the missing material is supplied", () => {
    const log: CaseEvent[] = [submitted];
    let s = initialCaseState(submitted);
    s = step(
      s,
      { type: "accepted", at: at(1), data: { pendingMaterials: ["m-id"], supplyBy: at(100) } },
      log,
    );
    s = subAct(s, "birth", "accept", at(2), log);
    s = subAct(s, "birth", "approve", at(2), log);
    const sub = s.subcases[0]!;
    assert.match(subcaseStateProblem(s, sub, "issue-result")!, /容缺.*m-id/);
    assert.equal(caseStateProblem(s, "supply-materials"), null);
    s = step(s, { type: "materials_supplied", at: at(3), data: { materials: ["m-id"] } }, log);
    assert.deepEqual(s.case.pendingMaterials, []);
    assert.equal(s.case.supplyBy, null);
    assert.match(caseStateProblem(s, "supply-materials")!, /no material is pending/);
    s = subAct(s, "birth", "issue-result", at(4), log);
    assert.deepEqual(replayCase(log), s);
  });

  it("withdrawal ends every open sub-case; nothing moves afterwards", () => {
    const log: CaseEvent[] = [submitted];
    let s = initialCaseState(submitted);
    s = step(s, { type: "accepted", at: at(1), data: { pendingMaterials: [], supplyBy: null } }, log);
    s = step(s, { type: "withdrawn", at: at(2), data: { reason: "申请人撤回" } }, log);
    assert.ok(s.subcases.every((x) => x.status === "cancelled"));
    assert.match(subcaseStateProblem(s, s.subcases[0]!, "accept")!, /sub-case state cancelled/);
    assert.deepEqual(caseInvariantProblems(s), []);
  });

  it("input problems name the field", () => {
    const s = initialCaseState(submitted);
    const p = subcaseEvent(s.subcases[0]!, "refuse", {}, at(1), cal);
    assert.ok(isInputProblem(p));
    assert.equal(p.field, "reason");
    const q = subcaseEvent(s.subcases[0]!, "suspend", { note: "x" }, at(1), cal);
    assert.ok(isInputProblem(q) && q.field === "suspension");
  });
});

describe("case life cycle: property — random actions keep the invariants and replay reproduces the state", () => {
  type Move =
    | { kind: "case"; action: CaseAction }
    | { kind: "sub"; index: number; action: SubcaseAction; suspension: "publicity" | "expert_review" };
  const moveArb: fc.Arbitrary<Move> = fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("case" as const), action: fc.constantFrom(...CASE_ACTIONS) }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant("sub" as const),
        index: fc.nat(PLAN.length - 1),
        action: fc.constantFrom(...SUBCASE_ACTIONS),
        suspension: fc.constantFrom("publicity" as const, "expert_review" as const),
      }),
    },
  );

  it("holds for 300 random histories", () => {
    fc.assert(
      fc.property(fc.array(moveArb, { maxLength: 80 }), fc.boolean(), (moves, tolerate) => {
        const log: CaseEvent[] = [submitted];
        let s = initialCaseState(submitted);
        let hour = 1;
        for (const m of moves) {
          hour += 7;
          const when = at(hour);
          const before = s;
          if (m.kind === "case") {
            if (caseStateProblem(s, m.action) !== null) continue;
            const ev: CaseEvent =
              m.action === "accept"
                ? {
                    type: "accepted",
                    at: when,
                    data: tolerate
                      ? { pendingMaterials: ["m1"], supplyBy: at(hour + 100) }
                      : { pendingMaterials: [], supplyBy: null },
                  }
                : m.action === "reject"
                  ? { type: "rejected", at: when, data: { reason: "材料不符" } }
                  : m.action === "withdraw"
                    ? { type: "withdrawn", at: when, data: { reason: "撤回" } }
                    : { type: "materials_supplied", at: when, data: { materials: ["m1"] } };
            s = step(s, ev, log);
          } else {
            const sub = s.subcases[m.index]!;
            if (subcaseStateProblem(s, sub, m.action) !== null) continue;
            const ev = subcaseEvent(
              sub,
              m.action,
              { note: "说明", reason: "理由", resultNo: "R1", suspension: m.suspension },
              when,
              cal,
            );
            if (isInputProblem(ev)) throw new Error(ev.message);
            s = step(s, ev, log);
          }
          assert.deepEqual(caseInvariantProblems(s), [], JSON.stringify(m));
          assert.equal(s.case.version, log.length);
          assert.ok(s.case.version > before.case.version);
          // A result is final.
          for (const [i, sub] of before.subcases.entries()) {
            if (RESULT_STATUSES.has(sub.status)) assert.equal(s.subcases[i]!.status, sub.status);
          }
        }
        assert.deepEqual(replayCase(log), s);
      }),
      { numRuns: 300, seed: 20250303 },
    );
  });
});
