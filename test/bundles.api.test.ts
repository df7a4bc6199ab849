/**
 * 一件事一次办 through the HTTP API (app.inject): definitions refused by name, the merged form,
 * dependency gating and parallel dispatch, both clocks across a holiday and a suspension,
 * departments that never see each other's sub-cases, 409s, Idempotency-Key replay, 容缺受理,
 * public tracking, life-event matching from a 12345 appeal, reform figures.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { BundleDefinition } from "../common/contracts/bundles.ts";
import { SAMPLE_BUNDLES } from "../server/modules/bundles/samples.ts";
import { seedSampleBundles } from "../server/modules/bundles/seed-bundles.ts";
import { createStaff, type Json, login, request } from "./support/http-helpers.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
const tokens: Record<string, string> = {};

/** A call as a user made in this test (a department's handler). */
async function as(
  who: string,
  method: "GET" | "POST" | "PUT",
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  return request(t, method, url, { token: tokens[who]!, body, headers });
}

const NEWBORN_START = {
  bundleId: "newborn",
  applicant: { name: "王芳", phone: "13800001111" },
  regionCode: "210102",
  values: {
    "baby-name": "李小满",
    phone: "13800001111",
    "mother-id-no": "210102199001011234",
    "household-address": "和平区南京街1号",
  },
  materials: ["mother-id", "father-id", "father-household", "photo"],
};

async function startNewborn(
  over: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Json> {
  const res = await t.call("agent", "POST", "/api/v1/bundle-cases", { ...NEWBORN_START, ...over }, headers);
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return res.json;
}

async function caseAct(
  c: Json,
  action: string,
  extra: Record<string, unknown> = {},
  who = "agent",
): Promise<Json> {
  const res = await t.call(who as "agent", "POST", `/api/v1/bundle-cases/${c.id}/actions`, {
    action,
    version: c.version,
    ...extra,
  });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  return res.json;
}

/** A sub-case action by the handler of its department (as the admin sees the whole case first). */
async function subAct(
  caseId: string,
  sid: string,
  action: string,
  who: string,
  extra: Record<string, unknown> = {},
) {
  const c = (await t.call("admin", "GET", `/api/v1/bundle-cases/${caseId}`)).json;
  const sub = c.subcases.find((s: Json) => s.id === sid);
  return as(who, "POST", `/api/v1/bundle-cases/${caseId}/subcases/${sid}/actions`, {
    action,
    version: sub.version,
    ...extra,
  });
}

async function mustSub(
  caseId: string,
  sid: string,
  action: string,
  who: string,
  extra: Record<string, unknown> = {},
) {
  const res = await subAct(caseId, sid, action, who, extra);
  assert.equal(res.status, 200, `${action} ${sid}: ${res.text}`);
  return res.json;
}

async function issue(caseId: string, sid: string, who: string) {
  await mustSub(caseId, sid, "accept", who);
  await mustSub(caseId, sid, "approve", who);
  return mustSub(caseId, sid, "issue-result", who, { resultNo: `NO-${sid}` });
}

/** Fresh sessions for every user after the clock jumped. */
async function relogin() {
  for (const k of ["agent", "admin"] as const) t.tokens[k] = await login(t, `t-${k}`);
  tokens.health = await login(t, "b-health");
}

const statuses = (c: Json) => Object.fromEntries(c.subcases.map((s: Json) => [s.id, s.status]));

before(async () => {
  t = await startTestApp();
  await seedSampleBundles(t.ctx);
  for (const [key, dep] of [
    ["health", "c2101-health"],
    ["police", "c2101-police"],
    ["hrss", "c2101-hrss"],
    ["market", "c2101-market"],
  ] as const) {
    tokens[key] = (await createStaff(t, { username: `b-${key}`, role: "handler", departmentId: dep })).token;
  }
  tokens.housing = t.tokens.handler;
});
after(() => t.close());

describe("bundle definitions", () => {
  it("lists the samples, published and marked as samples", async () => {
    const res = await t.call("agent", "GET", "/api/v1/bundles");
    assert.equal(res.status, 200);
    const ids = res.json.items.map((b: Json) => b.id).sort();
    assert.deepEqual(ids, ["after-death", "enterprise-change", "newborn", "open-restaurant", "retirement"]);
    for (const b of res.json.items) {
      assert.equal(b.sample, true);
      assert.equal(b.publishedVersion, 1);
      assert.deepEqual(b.abilities, ["start-case"]);
    }
    const death = await t.call("policy", "GET", "/api/v1/bundles/after-death");
    assert.equal(death.json.published.procedures.length, 9, "身后一件事: nine items");
    assert.deepEqual(death.json.abilities, ["edit", "publish"]);
  });

  it("refuses to publish a broken version, naming every item", async () => {
    const def: BundleDefinition = structuredClone(SAMPLE_BUNDLES.newborn!);
    def.procedures[0]!.dependsOn = ["medical"]; // birth-cert → … → medical → hukou → birth-cert
    def.procedures[1]!.departmentId = "c2101-nowhere";
    def.materials.push({
      code: "orphan",
      name: "无人使用的材料",
      original: true,
      form: "paper",
      source: "applicant",
      evidenceLevel: "C",
      fields: [],
    });
    def.fields.push({
      code: "ghost",
      label: "无来源字段",
      type: "text",
      source: "enterprise_registry",
      required: true,
    });
    def.procedures[2]!.fields.push("ghost");
    const created = await t.call("policy", "POST", "/api/v1/bundles", { id: "broken", definition: def });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const check = await t.call("policy", "POST", "/api/v1/bundles/broken/validate", {});
    assert.equal(check.status, 200);
    assert.equal(check.json.valid, false);
    const codes = check.json.problems.map((p: Json) => `${p.code}:${p.item}`);
    assert.ok(codes.includes("CYCLE:birth-cert"), codes.join(" "));
    assert.ok(codes.includes("UNKNOWN_DEPARTMENT:c2101-nowhere"), codes.join(" "));
    assert.ok(codes.includes("UNREACHABLE_MATERIAL:orphan"), codes.join(" "));
    assert.ok(codes.includes("UNSOURCED_FIELD:ghost"), codes.join(" "));
    const cycle = check.json.problems.find((p: Json) => p.code === "CYCLE");
    assert.match(cycle.message, /birth-cert → hukou → medical → birth-cert|cycle/);

    const pub = await t.call("policy", "POST", "/api/v1/bundles/broken/publish", { version: 1 });
    assert.equal(pub.status, 400);
    assert.equal(pub.json.error.code, "VALIDATION_FAILED");
    const fields = pub.json.error.details.map((d: Json) => d.field);
    assert.ok(fields.includes("definition.procedures[1].departmentId"), fields.join(" "));
    assert.ok(fields.includes("definition.materials[9]"), fields.join(" "));
    assert.ok(
      fields.some((f: string) => f.startsWith("definition.fields[12]")),
      fields.join(" "),
    );
    // Still a draft: nobody can start a case on it.
    const start = await t.call("agent", "POST", "/api/v1/bundle-cases", {
      ...NEWBORN_START,
      bundleId: "broken",
    });
    assert.equal(start.status, 409);
    assert.equal(start.json.error.code, "NOT_PUBLISHED");
  });

  it("a certificate used before the procedure that issues it is refused", async () => {
    const def: BundleDefinition = structuredClone(SAMPLE_BUNDLES.newborn!);
    def.procedures[2]!.dependsOn = []; // 户口登记 needs the 出生医学证明 but no longer waits for it
    const res = await t.call("policy", "POST", "/api/v1/bundles/newborn/validate", { definition: def });
    assert.ok(res.json.problems.some((p: Json) => p.code === "ISSUED_TOO_LATE" && p.item === "hukou"));
  });

  it("only editors draft and publish; a new version leaves earlier cases pinned", async () => {
    assert.equal(
      (
        await t.call("agent", "PUT", "/api/v1/bundles/retirement/draft", {
          definition: SAMPLE_BUNDLES.retirement,
        })
      ).status,
      403,
    );
    const pinned = await t.call("agent", "POST", "/api/v1/bundle-cases", {
      bundleId: "retirement",
      applicant: { name: "刘建国" },
      regionCode: "210102",
      values: {
        name: "刘建国",
        "id-no": "210102196503011234",
        "bank-account": "622200001111",
        phone: "13700003333",
      },
      materials: ["id-card", "bank-card"],
    });
    assert.equal(pinned.status, 201, JSON.stringify(pinned.json));
    const def = structuredClone(SAMPLE_BUNDLES.retirement!);
    def.procedures[0]!.promisedDays = 3;
    const draft = await t.call("policy", "PUT", "/api/v1/bundles/retirement/draft", { definition: def });
    assert.deepEqual(draft.json, { bundleId: "retirement", version: 2 });
    assert.equal(
      (await t.call("policy", "POST", "/api/v1/bundles/retirement/publish", { version: 2 })).status,
      200,
    );
    const b = await t.call("policy", "GET", "/api/v1/bundles/retirement");
    assert.deepEqual(
      b.json.versions.map((v: Json) => `${v.version}:${v.status}`),
      ["1:retired", "2:published"],
    );
    const again = await t.call("admin", "GET", `/api/v1/bundle-cases/${pinned.json.id}`);
    assert.equal(again.json.bundleVersion, 1);
    assert.equal(again.json.subcases[0].clocks.promised.limitDays, 5);
  });
});

describe("the merged form", () => {
  it("asks a field shared by several procedures once and lists each material once", async () => {
    const res = await t.call("agent", "POST", "/api/v1/bundles/open-restaurant/form", {
      answers: { signboard: "yes", "large-venue": "yes" },
    });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const codes = res.json.fields.map((f: Json) => f.code);
    assert.equal(new Set(codes).size, codes.length, "every field once");
    const shop = res.json.fields.find((f: Json) => f.code === "shop-name");
    assert.ok(shop.usedBy.length >= 3, `shop-name used by ${shop.usedBy}`);
    assert.deepEqual(shop.usedBy.sort(), ["fire-check", "food-licence", "licence-check", "signboard"]);
    const mats = res.json.materials.map((m: Json) => m.code);
    assert.equal(new Set(mats).size, mats.length, "every material once");
    assert.ok(mats.includes("fire-commitment"), "the large-venue answer adds the fire commitment");
    const licence = res.json.materials.find((m: Json) => m.code === "business-licence");
    assert.equal(licence.exempt, true, "营业执照 comes from shared data (免提交)");
    assert.ok(res.json.summary.exemptRate > 0);

    const small = await t.call("agent", "POST", "/api/v1/bundles/open-restaurant/form", {
      answers: { signboard: "no" },
    });
    assert.ok(!small.json.procedures.some((p: Json) => p.code === "signboard"));
    assert.ok(!small.json.materials.some((m: Json) => m.code === "fire-commitment"));
  });

  it("prefills shared-data fields from a caller's earlier appeal and marks them 免提交", async () => {
    const appeal = await t.call("agent", "POST", "/api/v1/appeals", {
      kind: "consult",
      title: "家里老人去世了要办哪些手续",
      body: "我母亲上周去世了，想咨询户口注销、丧葬费和养老金怎么办理。",
      citizen: { name: "张伟", phone: "13800002222" },
      location: { regionCode: "210102", address: "和平区南京街2号" },
      categoryCode: "010101",
    });
    assert.equal(appeal.status, 201, JSON.stringify(appeal.json));
    const form = await t.call("agent", "POST", "/api/v1/bundles/after-death/form", {
      appealId: appeal.json.id,
    });
    const agent = form.json.fields.find((f: Json) => f.code === "agent-name");
    assert.equal(agent.value, "张伟");
    assert.equal(agent.exempt, true);
    const bad = await t.call("agent", "POST", "/api/v1/bundles/after-death/form", {
      answers: { "has-boat": "yes" },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.details[0].field, "body.answers.has-boat");
  });
});

describe("bundle cases: the life cycle through the API", () => {
  it("starts, names missing values, gates on dependencies and dispatches in parallel, then 统一出件", async () => {
    const missing = await t.call("agent", "POST", "/api/v1/bundle-cases", {
      ...NEWBORN_START,
      values: { phone: "13800001111" },
    });
    assert.equal(missing.status, 400);
    assert.ok(missing.json.error.details.some((d: Json) => d.field === "body.values.baby-name"));

    let c = await startNewborn();
    assert.equal(c.status, "submitted");
    assert.match(c.caseNo, /^2101-20250303-B\d{6}$/);
    assert.ok(c.secret.length > 8);
    assert.ok(c.subcases.every((s: Json) => s.status === "waiting"));
    c = await caseAct(c, "accept");
    assert.deepEqual(statuses(c), {
      "birth-cert": "dispatched",
      vaccination: "dispatched",
      hukou: "waiting",
      medical: "waiting",
      "ss-card": "waiting",
    });
    const hukou = c.subcases.find((s: Json) => s.id === "hukou");
    assert.match(hukou.waitingFor, /出生医学证明/);
    await issue(c.id, "birth-cert", "health");
    c = (await t.call("admin", "GET", `/api/v1/bundle-cases/${c.id}`)).json;
    assert.equal(statuses(c).hukou, "dispatched", "the certificate released 户口登记");
    assert.equal(statuses(c).medical, "waiting");
    await issue(c.id, "hukou", "police");
    c = (await t.call("admin", "GET", `/api/v1/bundle-cases/${c.id}`)).json;
    assert.equal(statuses(c).medical, "dispatched");
    assert.equal(statuses(c)["ss-card"], "dispatched");
    const med = c.subcases.find((s: Json) => s.id === "medical");
    const card = c.subcases.find((s: Json) => s.id === "ss-card");
    assert.equal(med.dispatchedAt, card.dispatchedAt, "dispatched in parallel, at once");
    await issue(c.id, "vaccination", "health");
    await issue(c.id, "medical", "hrss");
    const done = await issue(c.id, "ss-card", "hrss");
    const full = (await t.call("admin", "GET", `/api/v1/bundle-cases/${c.id}`)).json;
    assert.equal(full.status, "completed", JSON.stringify(statuses(full)));
    assert.equal(full.events.at(-1).type, "completed");
    assert.equal(done.hiddenSubcases, 3, "the hrss handler saw only its two sub-cases");
  });

  it("both clocks count working days across the Labour Day holiday and stop during a correction", async () => {
    t.clock.set("2025-04-30T02:00:00.000Z"); // Wednesday 10:00, before 1–5 May
    await relogin(); // sessions made on 3 March have expired by then
    try {
      let c = await startNewborn();
      c = await caseAct(c, "accept");
      const birth = c.subcases.find((s: Json) => s.id === "birth-cert");
      // Promised 1 working day: 1–5 May are holidays, so the day is Tuesday 6 May (ends 24:00).
      assert.equal(birth.clocks.promised.dueAt, "2025-05-06T16:00:00.000Z");
      // Legal 5: 6, 7, 8, 9, 12 May.
      assert.equal(birth.clocks.legal.dueAt, "2025-05-12T16:00:00.000Z");
      t.clock.set("2025-05-06T02:00:00.000Z");
      await relogin();
      await mustSub(c.id, "birth-cert", "accept", "health");
      const corr = await mustSub(c.id, "birth-cert", "request-correction", "health", {
        note: "请补充母亲身份证反面",
      });
      const paused = corr.subcases.find((s: Json) => s.id === "birth-cert");
      assert.equal(paused.status, "correction");
      assert.equal(paused.clocks.promised.paused, true);
      assert.equal(paused.suspension.reason, "correction");
      t.clock.set("2025-05-09T02:00:00.000Z"); // Friday: 7, 8, 9 May suspended
      await relogin();
      const back = await mustSub(c.id, "birth-cert", "supply-correction", "health");
      const resumed = back.subcases.find((s: Json) => s.id === "birth-cert");
      assert.equal(resumed.suspendedDays, 3);
      assert.equal(resumed.clocks.promised.dueAt, "2025-05-09T16:00:00.000Z");
      assert.equal(resumed.clocks.legal.dueAt, "2025-05-15T16:00:00.000Z");
      assert.equal(resumed.clocks.promised.usedDays, 1);
      const susp = await mustSub(c.id, "birth-cert", "suspend", "health", {
        suspension: "expert_review",
        note: "专家评审",
      });
      assert.equal(susp.subcases.find((s: Json) => s.id === "birth-cert").suspension.label, "专家评审");
    } finally {
      t.clock.set("2025-03-03T01:00:00.000Z");
    }
    await relogin();
  });

  it("a department never sees another's sub-case", async () => {
    let c = await startNewborn();
    c = await caseAct(c, "accept");
    const health = await as("health", "GET", `/api/v1/bundle-cases/${c.id}`);
    assert.equal(health.status, 200);
    assert.deepEqual(health.json.subcases.map((s: Json) => s.id).sort(), ["birth-cert", "vaccination"]);
    assert.equal(health.json.hiddenSubcases, 3);
    assert.ok(!health.text.includes("社会保障卡申领"), "no trace of hrss's sub-case");
    assert.ok(
      health.json.events.every(
        (e: Json) => e.subcaseId === null || ["birth-cert", "vaccination"].includes(e.subcaseId),
      ),
    );
    // Police may not touch health's sub-case: it does not exist for them.
    const police = await subAct(c.id, "birth-cert", "accept", "police");
    assert.equal(police.status, 404);
    // The housing bureau has nothing in this case: not even the case.
    assert.equal((await as("housing", "GET", `/api/v1/bundle-cases/${c.id}`)).status, 404);
    const list = await as("housing", "GET", "/api/v1/bundle-cases");
    assert.ok(list.json.items.every((x: Json) => x.id !== c.id));
    const mine = await as("police", "GET", "/api/v1/bundle-cases?subcaseStatus=waiting");
    assert.ok(mine.json.items.some((x: Json) => x.id === c.id));
    assert.ok(
      mine.json.items.every((x: Json) => x.subcases.every((s: Json) => s.departmentId === "c2101-police")),
    );
  });

  it("answers 409 STALE_VERSION, 409 INVALID_TRANSITION naming the state, 403 for the wrong role", async () => {
    let c = await startNewborn();
    const stale = await t.call("agent", "POST", `/api/v1/bundle-cases/${c.id}/actions`, {
      action: "accept",
      version: c.version + 5,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.error.code, "STALE_VERSION");
    c = await caseAct(c, "accept");
    const early = await subAct(c.id, "birth-cert", "approve", "health");
    assert.equal(early.status, 409);
    assert.equal(early.json.error.code, "INVALID_TRANSITION");
    assert.match(early.json.error.message, /state dispatched/);
    assert.deepEqual(early.json.error.details[0].allowedActions, ["accept"]);
    const waiting = await subAct(c.id, "hukou", "accept", "police");
    assert.equal(waiting.status, 409);
    assert.equal(waiting.json.error.details[0].state, "waiting");
    const agent = await t.call("agent", "POST", `/api/v1/bundle-cases/${c.id}/subcases/birth-cert/actions`, {
      action: "accept",
      version: 2,
    });
    assert.equal(agent.status, 403);
    const refuse = await subAct(c.id, "birth-cert", "refuse", "health");
    assert.equal(refuse.status, 409, "refuse is not allowed before acceptance");
    await mustSub(c.id, "birth-cert", "accept", "health");
    const noReason = await subAct(c.id, "birth-cert", "refuse", "health");
    assert.equal(noReason.status, 400);
    assert.equal(noReason.json.error.details[0].field, "body.reason");
  });

  it("replays a start and an action sent again with the same Idempotency-Key", async () => {
    const key = { "idempotency-key": "start-newborn-1" };
    const first = await startNewborn({}, key);
    const again = await t.call("agent", "POST", "/api/v1/bundle-cases", NEWBORN_START, key);
    assert.equal(again.status, 201);
    assert.equal(again.json.id, first.id);
    assert.equal(again.headers["idempotent-replayed"], "true");
    const other = await t.call(
      "agent",
      "POST",
      "/api/v1/bundle-cases",
      { ...NEWBORN_START, regionCode: "210103" },
      key,
    );
    assert.equal(other.status, 409);
    assert.equal(other.json.error.code, "IDEMPOTENCY_KEY_REUSED");
    const body = { action: "accept", version: first.version };
    const h = { "idempotency-key": "accept-1" };
    const a1 = await t.call("agent", "POST", `/api/v1/bundle-cases/${first.id}/actions`, body, h);
    const a2 = await t.call("agent", "POST", `/api/v1/bundle-cases/${first.id}/actions`, body, h);
    assert.equal(a1.status, 200);
    assert.equal(a2.status, 200, "not 409 STALE_VERSION: the first answer is replayed");
    assert.equal(a2.json.version, a1.json.version);
    const events = (await t.call("admin", "GET", `/api/v1/bundle-cases/${first.id}`)).json.events;
    assert.equal(events.filter((e: Json) => e.type === "accepted").length, 1);
  });

  it("容缺受理: missing materials refused by name, accepted with a deadline, the result waits for them", async () => {
    const start = await t.call("agent", "POST", "/api/v1/bundle-cases", {
      ...NEWBORN_START,
      materials: ["mother-id", "father-household", "photo"],
    });
    let c = start.json;
    const refused = await t.call("agent", "POST", `/api/v1/bundle-cases/${c.id}/actions`, {
      action: "accept",
      version: c.version,
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.json.error.code, "MATERIALS_MISSING");
    assert.deepEqual(refused.json.error.details, [{ material: "father-id" }]);
    c = await caseAct(c, "accept", { tolerateMissing: true, supplyWithinDays: 3 });
    assert.deepEqual(c.pendingMaterials, ["father-id"]);
    assert.equal(c.supplyBy, "2025-03-06T16:00:00.000Z");
    await mustSub(c.id, "birth-cert", "accept", "health");
    await mustSub(c.id, "birth-cert", "approve", "health");
    const blocked = await subAct(c.id, "birth-cert", "issue-result", "health", { resultNo: "X1" });
    assert.equal(blocked.status, 409);
    assert.match(blocked.json.error.message, /容缺/);
    c = (await t.call("agent", "GET", `/api/v1/bundle-cases/${c.id}`)).json;
    c = await caseAct(c, "supply-materials", { materials: ["father-id"] });
    assert.deepEqual(c.pendingMaterials, []);
    await mustSub(c.id, "birth-cert", "issue-result", "health", { resultNo: "X1" });
  });

  it("the applicant tracks progress by case number and secret", async () => {
    let c = await startNewborn();
    const secret = c.secret;
    c = await caseAct(c, "accept");
    const pub = await request(t, "GET", `/api/v1/public/bundle-cases/${c.caseNo}?secret=${secret}`);
    assert.equal(pub.status, 200, pub.text);
    assert.equal(pub.json.subcases.length, 5);
    assert.ok(pub.json.expectedFinishAt, "an expected finish from the critical path");
    const hukou = pub.json.subcases.find((s: Json) => s.name === "出生户口登记");
    assert.match(hukou.waitingFor, /出生医学证明/);
    assert.ok(
      !pub.text.includes("13800001111") && !pub.text.includes("210102199001011234"),
      "nothing personal",
    );
    // The critical path: birth (1) → hukou (3) → ss-card (5) = 9 working days after Monday 3 March.
    assert.equal(pub.json.expectedFinishAt, "2025-03-14T16:00:00.000Z");
    const wrong = await request(t, "GET", `/api/v1/public/bundle-cases/${c.caseNo}?secret=nope`);
    assert.equal(wrong.status, 404);
  });
});

describe("12345 as the front door, and reform figures", () => {
  it("an appeal about a death shows 身后一件事; the agent starts it for the caller and the appeal links to the case", async () => {
    const appeal = await t.call("agent", "POST", "/api/v1/appeals", {
      kind: "consult",
      title: "父亲去世后的手续",
      body: "我父亲前天过世了，想知道丧葬费、户口注销要跑哪些部门。",
      citizen: { name: "陈静", phone: "13500006666" },
      location: { regionCode: "210102", address: "和平区北二马路3号" },
      categoryCode: "010101",
    });
    const matches = await t.call("agent", "GET", `/api/v1/appeals/${appeal.json.id}/bundle-matches`);
    assert.equal(matches.status, 200);
    assert.equal(matches.json.items[0].bundleId, "after-death");
    assert.ok(matches.json.items[0].matched.includes("过世"));
    const birth = await t.call("agent", "POST", "/api/v1/bundles/match", {
      text: "孩子刚出生，想给宝宝上户口",
    });
    assert.equal(birth.json.items[0].bundleId, "newborn");

    const started = await t.call("agent", "POST", "/api/v1/bundle-cases", {
      bundleId: "after-death",
      applicant: { name: "陈静", phone: "13500006666" },
      regionCode: "210102",
      appealId: appeal.json.id,
      values: {
        "deceased-name": "陈长海",
        "deceased-id": "210102194001011234",
        "death-date": "2025-03-01",
        phone: "13500006666",
        "agent-id-no": "210102197001011234",
        relationship: "子女",
        "bank-account": "6222000011112222",
      },
      materials: ["agent-id", "kinship", "bank-card"],
    });
    assert.equal(started.status, 201, JSON.stringify(started.json));
    assert.deepEqual(started.json.appealIds, [appeal.json.id]);
    assert.equal(started.json.subcases.length, 7, "no property, no vehicle: seven of the nine items");
    const linked = await t.call("agent", "GET", `/api/v1/bundle-cases?appealId=${appeal.json.id}`);
    assert.deepEqual(
      linked.json.items.map((x: Json) => x.id),
      [started.json.id],
    );
  });

  it("computes before/after figures from the definition and case figures from real cases; exports XLSX", async () => {
    const res = await t.call("supervisor", "GET", "/api/v1/bundles/newborn/reform-metrics");
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const m = res.json;
    assert.equal(m.before.steps, 20);
    assert.ok(m.after.steps < m.before.steps);
    assert.ok(m.after.materials < m.before.materials);
    assert.ok(m.after.fields < m.before.fields);
    assert.ok(m.after.trips <= 1 && m.before.trips >= 5);
    assert.equal(m.before.limitDays, 50);
    assert.equal(m.after.limitDays, 9, "critical path of promised days: 1 + 3 + 5");
    assert.ok(m.exemptRate > 0.3);
    assert.ok(m.cases.completed >= 1);
    assert.equal(typeof m.cases.medianWorkingDays, "number");
    assert.ok(m.cases.correctionRate > 0, "the clock test asked for a correction");
    const xlsx = await t.call("supervisor", "GET", "/api/v1/bundles/newborn/reform-metrics.xlsx");
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers["content-type"]), /spreadsheetml/);
    assert.equal((await t.call("handler", "GET", "/api/v1/bundles/newborn/reform-metrics")).status, 403);
  });
});
