import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import {
  APPEAL_ACTIONS,
  APPEAL_STATUSES,
  type AppealAction,
  actionsAllowedInState,
  FOLLOWED_ACTIONS,
  replay,
  stateProblem,
} from "../common/appeal-state.ts";
import { type AppealRecord, coreOf, findAppeal, loadEvents } from "../server/modules/appeals/appeal.repo.ts";
import { runSlaSweep } from "../server/modules/sla/sla-sweep.job.ts";
import { ACTOR_OF, act, receiveAppeal, validBody, type Who } from "./support/appeal-factory.ts";
import { DEP, startTestApp, T0, type TestApp } from "./support/test-app.ts";

/** Fixed, so a failure reproduces; override with FC_SEED=… to explore. */
const SEED = Number(process.env.FC_SEED ?? 12345);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 40);

const WHO = ["agent", "handler", "handler2", "supervisor", "admin"] as const;
const HANDLER_OF: Record<string, Who> = {
  [DEP.housing]: "handler",
  [DEP.dalianHousing]: "handler2",
  [DEP.district]: "cityHandler",
};
const DEPARTMENTS = [DEP.housing, DEP.dalianHousing, DEP.district];
const SATISFACTIONS = ["satisfied", "basically", "unsatisfied"] as const;
const HANDLED = new Set(["dispatched", "signed", "replied", "reopened"]);

/**
 * One step: an action on one of two appeals by some user, or time passing with the SLA sweep.
 * `guided` picks among the actions the state allows (so runs get deep into the life cycle);
 * otherwise any action. `proper` picks the user the table means; otherwise any of {@link WHO}.
 */
type Step =
  | { kind: "act"; target: 0 | 1; mode: Mode; a: number; proper: boolean; w: number; pick: number }
  | { kind: "sweep"; hours: number };

/**
 * How a step picks its action: `forward` moves the appeal on along the main path (dispatch, sign,
 * reply, callback) or a side road (transfer, extension, return, reopen), by the user the table
 * means, so that runs get deep into the life cycle; `guided` takes any action the state allows;
 * `any` any action at all.
 */
type Mode = "forward" | "guided" | "any";
const MAIN: readonly AppealAction[] = ["dispatch", "sign", "reply", "callback"];
const SIDE: readonly AppealAction[] = [
  "transfer",
  "request-extension",
  "approve-extension",
  "reject-extension",
  "return",
  "reopen",
];

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("act" as const),
      target: fc.oneof({ weight: 2, arbitrary: fc.constant(0 as const) }, fc.constant(1 as const)),
      mode: fc.oneof(
        { weight: 5, arbitrary: fc.constant<Mode>("forward") },
        { weight: 2, arbitrary: fc.constant<Mode>("guided") },
        { weight: 2, arbitrary: fc.constant<Mode>("any") },
      ),
      a: fc.nat(APPEAL_ACTIONS.length - 1),
      proper: fc.oneof(
        { weight: 3, arbitrary: fc.constant(true) },
        { weight: 2, arbitrary: fc.constant(false) },
      ),
      w: fc.nat(WHO.length - 1),
      pick: fc.nat(11),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("sweep" as const), hours: fc.integer({ min: 1, max: 120 }) }),
  },
);

let t: TestApp;
before(async () => {
  t = await startTestApp();
  // The runs move the clock by days (for the SLA sweep); the test users stay logged in.
  await t.ctx.db
    .updateTable("sessions")
    .set({ expires_at: new Date("2100-01-01T00:00:00Z") })
    .execute();
});
after(() => t.close());

/** The stored appeal, after checking every invariant of the life cycle against its history. */
async function checked(id: string, where: string): Promise<AppealRecord> {
  const rec = await findAppeal(t.ctx.db, id);
  assert.ok(rec, `${where}: appeal ${id} exists`);
  const events = await loadEvents(t.ctx.db, rec);
  const ctx = `${where} (${rec.status} v${rec.version}, events ${events.map((e) => e.event.type).join(",")})`;
  assert.ok(APPEAL_STATUSES.includes(rec.status), ctx);
  assert.equal(rec.version, events.length, `${ctx}: version = number of events`);
  events.forEach((e, i) => {
    assert.equal(e.seq, i + 1, `${ctx}: event sequence`);
    assert.equal(e.fromStatus, i === 0 ? null : events[i - 1]!.toStatus, `${ctx}: event #${i + 1} from`);
  });
  assert.equal(events.at(-1)?.toStatus, rec.status, `${ctx}: last event leads to the status`);
  assert.equal(rec.status === "closed", rec.closedAt !== null, `${ctx}: closed ⇔ closedAt`);
  if (HANDLED.has(rec.status)) assert.ok(rec.leadDepartmentId, `${ctx}: a lead department`);
  if (rec.pendingExtension) assert.ok(["signed", "reopened"].includes(rec.status), `${ctx}: pending`);
  assert.deepEqual(replay(events.map((e) => e.event)), coreOf(rec), `${ctx}: replay = stored state`);
  return rec;
}

/** The user the transition table means for an action on this appeal. */
function properUser(action: AppealAction, rec: AppealRecord): Who {
  const who = ACTOR_OF[action];
  return who === "handler" ? (HANDLER_OF[rec.leadDepartmentId ?? ""] ?? "handler") : who;
}

async function runSteps(steps: Step[], log: string[]) {
  t.clock.set(T0);
  const ids = [(await receiveAppeal(t)).id, (await receiveAppeal(t)).id] as const;
  let before = [await checked(ids[0], "received"), await checked(ids[1], "received")];
  for (const [i, step] of steps.entries()) {
    t.clock.advance(60_000);
    if (step.kind === "sweep") {
      t.clock.advance(step.hours * 3_600_000);
      const r = await runSlaSweep(t.ctx, t.clock.now());
      log.push(`#${i} sweep +${step.hours}h → ${JSON.stringify(r)}`);
      before = [await checked(ids[0], `after sweep #${i}`), await checked(ids[1], `after sweep #${i}`)];
      continue;
    }
    const me = before[step.target]!;
    const other = before[1 - step.target]!;
    const allowed = actionsAllowedInState(me);
    const main = allowed.filter((a) => MAIN.includes(a));
    const side = allowed.filter((a) => SIDE.includes(a));
    const choices =
      step.mode === "forward"
        ? (step.a % 3 !== 0 && main.length) || !side.length
          ? main
          : side
        : step.mode === "guided"
          ? allowed
          : [];
    const action = choices.length ? choices[step.a % choices.length]! : APPEAL_ACTIONS[step.a]!;
    const who: Who = step.proper || step.mode === "forward" ? properUser(action, me) : WHO[step.w]!;
    const opts = {
      intoId: other.id,
      transferTo: DEPARTMENTS[step.pick % DEPARTMENTS.length],
      satisfaction: SATISFACTIONS[step.pick % SATISFACTIONS.length],
    };
    let body = validBody(action, opts);
    if (action === "dispatch") body = { ...body, leadDepartmentId: DEPARTMENTS[step.pick % 2] };
    if (action === "request-extension") body = { ...body, days: 1 + step.pick };
    const res = await act(t, who, me, action, { body });
    log.push(`#${i} ${who} ${action} on ${step.target ? "B" : "A"} (${me.status}) → ${res.status}`);
    const where = `step #${i} ${who} ${action} → ${res.status} ${JSON.stringify(res.json?.error ?? res.json?.status)}`;

    // The answer agrees with the pure transition table: the state is checked before the role.
    const problem = stateProblem(me, action);
    assert.ok([200, 400, 403, 404, 409].includes(res.status), where);
    if (res.status === 200) assert.equal(problem, null, where);
    if (res.status === 409) {
      assert.equal(res.json.error.code, "INVALID_TRANSITION", where);
      assert.notEqual(problem, null, where);
      assert.deepEqual(res.json.error.details[0].allowedInState, allowed, where);
    }
    if (res.status === 403 || res.status === 400) assert.equal(problem, null, where);
    if (res.status === 400) assert.ok(["transfer", "merge"].includes(action), where);
    // Only a handler can be kept from seeing an appeal.
    if (res.status === 404) assert.match(who, /handler/i, where);
    if (problem !== null && res.status !== 404) assert.equal(res.status, 409, where);
    if (["agent", "supervisor", "admin"].includes(who) && problem === null) {
      assert.notEqual(res.status, 404, where);
    }

    const after = [await checked(ids[0], `after ${where}`), await checked(ids[1], `after ${where}`)];
    before = after;
    const meAfter = after[step.target]!;
    const otherAfter = after[1 - step.target]!;
    if (res.status !== 200) {
      // A refused action changes nothing, anywhere.
      assert.deepEqual(meAfter, me, `${where}: refused, unchanged`);
      assert.deepEqual(otherAfter, other, `${where}: refused, other unchanged`);
      continue;
    }
    assert.equal(res.json.status, meAfter.status, where);
    assert.equal(meAfter.version, me.version + 1, `${where}: one event`);
    // An appeal merged into this one follows its handling steps (并案), nothing else does.
    const follows =
      FOLLOWED_ACTIONS.has(action) &&
      other.mergedInto === me.id &&
      other.status !== "closed" &&
      stateProblem(other, action, true) === null;
    assert.equal(otherAfter.version, other.version + (follows ? 1 : 0), `${where}: the other appeal`);
    if (follows) {
      const [ev] = (await loadEvents(t.ctx.db, otherAfter)).slice(-1);
      const [masterEv] = (await loadEvents(t.ctx.db, meAfter)).slice(-1);
      assert.deepEqual(ev?.event, masterEv?.event, `${where}: the same step`);
    }
    if (action === "merge") assert.equal(meAfter.mergedInto, other.id, where);
  }
}

describe("random life cycles through the API", () => {
  it(`keep every invariant (fast-check, seed ${SEED}, ${NUM_RUNS} runs)`, async (tc) => {
    let log: string[] = [];
    const stats = new Map<string, number>();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 12 }), async (steps) => {
          log = [];
          await runSteps(steps, log);
          for (const line of log) {
            const m = / (\S+) on .* → (\d+)$/.exec(line);
            if (m) stats.set(`${m[1]} ${m[2]}`, (stats.get(`${m[1]} ${m[2]}`) ?? 0) + 1);
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS, endOnFailure: process.env.FC_SHRINK !== "1" },
      );
    } catch (e) {
      console.error(`fast-check failed with seed ${SEED}; last run:\n${log.join("\n")}`);
      throw e;
    }
    tc.diagnostic(`outcomes: ${JSON.stringify(Object.fromEntries([...stats].sort()))}`);
    // The runs reached every state and every outcome, or the property proves little.
    const successes = [...stats].filter(([k]) => k.endsWith(" 200")).map(([k]) => k.split(" ")[0]);
    for (const a of ["dispatch", "sign", "reply", "callback", "merge", "transfer", "return"]) {
      assert.ok(successes.includes(a), `some run did ${a}: ${JSON.stringify([...stats])}`);
    }
    for (const code of ["403", "404", "409"]) {
      assert.ok(
        [...stats.keys()].some((k) => k.endsWith(` ${code}`)),
        `some step got ${code}: ${JSON.stringify([...stats])}`,
      );
    }
  });
});
