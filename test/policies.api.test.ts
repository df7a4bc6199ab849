import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { Enterprise } from "../common/contracts/enterprises.ts";
import { Entitlement, Explanation, PolicyVersion } from "../common/contracts/policies.ts";
import { computeUsccCheckChar } from "../common/uscc.ts";
import { DEP, startTestApp, type TestApp } from "./support/test-app.ts";

/** A valid USCC for a region and a serial number. */
const uscc = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(8, "0")}X`;
  return first17 + computeUsccCheckChar(first17);
};
const A = uscc("210102", 1); // 沈阳市和平区, R&D 6.2 %
const B = uscc("210103", 2); // 沈阳市沈河区, R&D 5.5 %
const C = uscc("210104", 3); // 沈阳市大东区, R&D unknown
const D = uscc("210202", 4); // 大连市中山区

const CSV = [
  "统一社会信用代码,企业名称,注册地,行业,从业人员,营收,研发投入,研发投入占比",
  `${A},沈阳和平精密仪器有限公司,210102,C40,120,50000000,3100000,6.2`,
  `${B},沈阳沈河软件有限公司,210103,I65,40,20000000,1000000,5.5`,
  `${C},沈阳大东机械有限公司,210104,C34,60,30000000,,`,
  `${D},大连中山电子有限公司,210202,C39,90,40000000,4000000,10`,
].join("\n");
const MAP = {
  regionCode: "注册地",
  industryCode: "行业",
  employees: "从业人员",
  revenue: "营收",
  rdSpend: "研发投入",
  rdRatio: "研发投入占比",
};

const table = (over: Record<string, unknown> = {}) => ({
  title: "沈阳市企业研发投入奖励",
  issuingDepartmentId: DEP.housing,
  legalBasis: "测试用政策依据 第一条",
  effectiveFrom: "2025-01-01",
  effectiveTo: null,
  hitPolicy: "UNIQUE",
  inputs: [{ attribute: "regionCode" }, { attribute: "rdRatio" }],
  rules: [{ when: ["2101", ">= 5"], eligible: true, amount: "min(rdSpend * 0.1, 500000)" }],
  tests: [
    {
      name: "研发 310 万",
      attrs: { regionCode: "210102", rdRatio: 6.2, rdSpend: 3_100_000 },
      expect: { status: "eligible", amount: 310_000 },
    },
    {
      name: "大连企业",
      attrs: { regionCode: "210202", rdRatio: 9, rdSpend: 1 },
      expect: { status: "not_eligible" },
    },
  ],
  ...over,
});

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => t.close());

test("a registry import with a bad USCC and a non-numeric revenue is refused naming row and column, and nothing is imported", async () => {
  const bad = CSV.replace(A, `${A.slice(0, 17)}${A.endsWith("0") ? "1" : "0"}`).replace(
    ",20000000,",
    ",两千万,",
  );
  const res = await t.call("policy", "POST", "/api/v1/enterprises/import", {
    format: "csv",
    content: bad,
    mapping: MAP,
  });
  assert.equal(res.status, 400);
  const details = res.json.error.details as { row: number; column: string; message: string }[];
  assert.ok(
    details.some((d) => d.row === 2 && d.column === "统一社会信用代码" && /check character/.test(d.message)),
    JSON.stringify(details),
  );
  assert.ok(
    details.some((d) => d.row === 3 && d.column === "营收" && /not a number/.test(d.message)),
    JSON.stringify(details),
  );
  const list = await t.call("policy", "GET", "/api/v1/enterprises");
  assert.equal(list.json.items.length, 0);
});

test("an officer's table is refused with the rule and column named: overlapping UNIQUE rules, unknown attribute, division by zero", async () => {
  const overlap = await t.call("policy", "POST", "/api/v1/policies/p-overlap/versions", {
    table: table({
      rules: [
        { when: ["2101", ">= 5"], eligible: true, amount: "100" },
        { when: ["210102", "[3..8]"], eligible: true, amount: "200" },
      ],
    }),
  });
  assert.equal(overlap.status, 400);
  assert.deepEqual(overlap.json.error.details, [
    {
      field: "body.table.rules[1]",
      message: "rules 1 and 2 overlap: under hit policy UNIQUE one enterprise could match both",
    },
  ]);
  const unknown = await t.call("policy", "POST", "/api/v1/policies/validate", {
    table: table({ inputs: [{ attribute: "turnover" }, { attribute: "rdRatio" }] }),
  });
  assert.equal(unknown.json.valid, false);
  assert.equal(unknown.json.problems[0].field, "body.table.inputs[0].attribute");
  const div0 = await t.call("policy", "POST", "/api/v1/policies/validate", {
    table: table({ rules: [{ when: ["2101", ">= 5"], eligible: true, amount: "rdSpend / 0" }] }),
  });
  assert.deepEqual(div0.json.problems, [
    { field: "body.table.rules[0].amount", message: "rule 1: the amount formula divides by zero" },
  ]);
  const agent = await t.call("agent", "POST", "/api/v1/policies/validate", { table: table() });
  assert.equal(agent.status, 403);
  assert.equal(
    (await t.call("policy", "GET", "/api/v1/policies")).json.items.length,
    0,
    "nothing was created",
  );
});

test('a number that overflows to Infinity ("1e400") is refused naming its field, never stored', async () => {
  const base = table();
  const tests = [{ ...base.tests[0]!, expect: { status: "eligible", amount: "1e400" } }];
  const res = await t.call("policy", "POST", "/api/v1/policies/validate", { table: { ...base, tests } });
  assert.equal(res.status, 400, JSON.stringify(res.json));
  assert.equal(res.json.error.code, "VALIDATION_FAILED");
  assert.deepEqual(
    res.json.error.details.map((d: { field: string }) => d.field),
    ["body.table.tests.0.expect.amount"],
  );
  const fine = await t.call("policy", "POST", "/api/v1/policies/validate", {
    table: { ...base, tests: [{ ...base.tests[0]!, expect: { status: "eligible", amount: "310000" } }] },
  });
  assert.equal(fine.status, 200, "a number sent as a string still counts");
});

let pendingA = "";
let pendingB = "";

test("import, write, test, preview, approve and publish a policy: eligible enterprises appear in the ledger with amounts and Chinese explanations", async () => {
  const imp = await t.call("policy", "POST", "/api/v1/enterprises/import", {
    format: "csv",
    content: CSV,
    mapping: MAP,
  });
  assert.equal(imp.status, 200, JSON.stringify(imp.json));
  assert.equal(imp.json.imported, 4);
  const a = await t.call("policy", "GET", `/api/v1/enterprises/${A}`);
  assert.equal(a.json.attrs.sizeClass, "small", "industry: 120 people and ¥50M revenue is small (2017 rule)");
  assert.equal(a.json.history.length, 1);

  const created = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions", { table: table() });
  assert.equal(created.status, 201);
  assert.equal(created.json.version, 1);
  const early = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/1/approve");
  assert.equal(early.status, 409);
  assert.equal(early.json.error.code, "TESTS_NOT_PASSED");
  const report = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/1/test");
  assert.equal(report.json.passed, true, JSON.stringify(report.json));
  assert.ok(report.json.generatedCases >= 10);
  const publishEarly = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/1/publish");
  assert.equal(publishEarly.status, 409);
  const preview = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/1/preview");
  assert.equal(preview.status, 200);
  assert.equal(preview.json.enterprises, 4);
  assert.equal(preview.json.eligible, 2);
  assert.equal(preview.json.needsData, 1);
  assert.equal(preview.json.totalAmount, 410_000);
  assert.equal(preview.json.diff.newlyEligible, 2);
  // Four eyes (双人复核): the officer who drafted the version cannot approve it; another one does.
  const own = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/1/approve");
  assert.equal(own.status, 403);
  assert.match(own.json.error.message, /drafted by you; another policy officer approves it/);
  const drafted = await t.call("policy", "GET", "/api/v1/policies/sy-rd");
  assert.equal(drafted.json.versions[0].status, "draft", "a refused approval changes nothing");
  assert.equal(drafted.json.versions[0].createdBy, "测试policy");
  const approved = await t.call("policy2", "POST", "/api/v1/policies/sy-rd/versions/1/approve");
  assert.equal(approved.status, 200);
  assert.equal(
    (await t.call("policy", "GET", "/api/v1/policies/sy-rd")).json.versions[0].approvedBy,
    "测试policy2",
  );
  const pub = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/1/publish");
  assert.equal(pub.status, 200, JSON.stringify(pub.json));
  assert.equal(pub.json.created, 2);

  const ledger = await t.call("handler", "GET", "/api/v1/entitlements?status=pending");
  assert.deepEqual(
    ledger.json.items.map((r: { uscc: string; amount: number }) => [r.uscc, r.amount]).sort(),
    [
      [A, 310_000],
      [B, 100_000],
    ].sort(),
  );
  pendingA = ledger.json.items.find((r: { uscc: string }) => r.uscc === A).id;
  pendingB = ledger.json.items.find((r: { uscc: string }) => r.uscc === B).id;
  assert.equal(
    (await t.call("handler2", "GET", "/api/v1/entitlements")).json.items.length,
    0,
    "Dalian sees none",
  );

  const why = await t.call("handler", "GET", `/api/v1/enterprises/${A}/entitlements`);
  const text = why.json.entitlements[0].explanation.text as string;
  assert.match(text, /注册地 沈阳市和平区 ∈ 沈阳市 ✔/);
  assert.match(text, /研发投入占比 6\.2% ≥ 5% ✔/);
  assert.match(text, /= 310,000 元/);
  assert.match(text, /上年研发投入 3,100,000/, "a formula-only attribute is named in Chinese");
  assert.doesNotMatch(text, /rdSpend/);
  const needs = await t.call("handler", "GET", `/api/v1/enterprises/${C}/entitlements`);
  assert.equal(needs.json.entitlements.length, 0);
  assert.equal(needs.json.current[0].status, "needs_data");
  assert.deepEqual(needs.json.current[0].missing, ["rdRatio"]);
  assert.match(needs.json.current[0].explanation.text, /缺少数据：研发投入占比/);
});

test("the issuing department confirms and disburses; another city's handler gets 403; a wrong state is 409; reject needs a reason", async () => {
  const other = await t.call("handler2", "POST", "/api/v1/entitlements/actions/confirm", {
    items: [{ id: pendingA }],
  });
  assert.equal(other.status, 403);
  const disburseEarly = await t.call("handler", "POST", "/api/v1/entitlements/actions/disburse", {
    items: [{ id: pendingA }],
  });
  assert.equal(disburseEarly.status, 409);
  assert.equal(disburseEarly.json.error.code, "INVALID_TRANSITION");
  const ok = await t.call("handler", "POST", "/api/v1/entitlements/actions/confirm", {
    items: [{ id: pendingA, version: 1 }],
  });
  assert.equal(ok.status, 200, JSON.stringify(ok.json));
  assert.equal(ok.json.items[0].status, "confirmed");
  const again = await t.call("handler", "POST", "/api/v1/entitlements/actions/confirm", {
    items: [{ id: pendingA }, { id: pendingB }],
  });
  assert.equal(again.status, 409, "all or nothing: A is confirmed already");
  assert.equal((await t.call("handler", "GET", `/api/v1/entitlements/${pendingB}`)).json.status, "pending");
  const paid = await t.call("cityHandler", "POST", "/api/v1/entitlements/actions/disburse", {
    items: [{ id: pendingA }],
  });
  assert.equal(paid.status, 200, "the city office above the bureau may act");
  const noReason = await t.call("handler", "POST", "/api/v1/entitlements/actions/reject", {
    items: [{ id: pendingB }],
  });
  assert.equal(noReason.status, 400);
  const detail = await t.call("handler", "GET", `/api/v1/entitlements/${pendingA}`);
  assert.deepEqual(
    detail.json.events.map((e: { type: string; to: string }) => `${e.type}:${e.to}`),
    ["granted:pending", "confirmed:confirmed", "disbursed:disbursed"],
  );
});

test("abilities come from the server: the state and the user's department decide what an entitlement allows; editors edit enterprises", async () => {
  const none = { confirm: false, reject: false, disburse: false };
  const pending = { confirm: true, reject: true, disburse: false };
  const asHandler = await t.call("handler", "GET", `/api/v1/entitlements/${pendingB}`);
  assert.deepEqual(asHandler.json.abilities, pending);
  assert.deepEqual(
    (await t.call("cityHandler", "GET", `/api/v1/entitlements/${pendingB}`)).json.abilities,
    pending,
    "the city office above the bureau may act",
  );
  assert.deepEqual(
    (await t.call("admin", "GET", `/api/v1/entitlements/${pendingB}`)).json.abilities,
    pending,
  );
  assert.deepEqual(
    (await t.call("supervisor", "GET", `/api/v1/entitlements/${pendingB}`)).json.abilities,
    none,
  );
  assert.deepEqual((await t.call("policy", "GET", `/api/v1/entitlements/${pendingB}`)).json.abilities, none);
  assert.deepEqual(
    (await t.call("handler", "GET", `/api/v1/entitlements/${pendingA}`)).json.abilities,
    none,
    "disbursed: nothing left to do",
  );
  const list = await t.call("handler", "GET", "/api/v1/entitlements");
  assert.ok(list.json.items.every((e: { abilities?: object }) => e.abilities));
  const why = await t.call("handler", "GET", `/api/v1/enterprises/${B}/entitlements`);
  assert.deepEqual(why.json.entitlements[0].abilities, pending);

  assert.deepEqual((await t.call("policy", "GET", `/api/v1/enterprises/${A}`)).json.abilities, {
    edit: true,
    issueLookupCode: true,
  });
  assert.deepEqual((await t.call("handler", "GET", `/api/v1/enterprises/${A}`)).json.abilities, {
    edit: false,
    issueLookupCode: false,
  });
  const page = await t.call("supervisor", "GET", "/api/v1/enterprises?regionCode=2101");
  assert.ok(page.json.items.length >= 3);
  assert.deepEqual(page.json.items[0].abilities, { edit: false, issueLookupCode: false });
});

test("responses follow their contracts field for field: no column leaks (city codes, hashes, raw inputs)", async () => {
  const keys = (o: object) => Object.keys(o).sort();
  const detail = await t.call("handler", "GET", `/api/v1/entitlements/${pendingB}`);
  assert.deepEqual(
    keys(detail.json),
    [...Object.keys(Entitlement.properties), "events", "explanation"].sort(),
  );
  assert.deepEqual(keys(detail.json.explanation), keys(Explanation.properties));
  const row = (await t.call("handler", "GET", "/api/v1/entitlements")).json.items[0];
  assert.deepEqual(keys(row), keys(Entitlement.properties));
  const e = await t.call("policy", "GET", `/api/v1/enterprises/${A}`);
  assert.deepEqual(keys(e.json), [...Object.keys(Enterprise.properties), "history"].sort());
  assert.equal(e.json.lookup_code_hash, undefined);
  const listed = (await t.call("policy", "GET", "/api/v1/enterprises")).json.items[0];
  assert.deepEqual(keys(listed), keys(Enterprise.properties));
  const policy = await t.call("policy", "GET", "/api/v1/policies/sy-rd");
  assert.deepEqual(keys(policy.json.versions[0]), keys(PolicyVersion.properties));
});

test("a registry change re-matches one enterprise; a new version's preview shows the difference; publishing withdraws what is no longer due", async () => {
  const put = await t.call("policy", "PUT", `/api/v1/enterprises/${C}`, {
    name: "沈阳大东机械有限公司",
    attrs: {
      regionCode: "210104",
      industryCode: "C34",
      employees: 60,
      revenue: 30_000_000,
      rdSpend: 2_400_000,
    },
  });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  assert.equal(put.json.attrs.rdRatio, 8, "the R&D ratio is derived from spend and revenue");
  assert.equal(put.json.rematch.created, 1);
  const hist = await t.call("policy", "GET", `/api/v1/enterprises/${C}`);
  assert.equal(hist.json.history.length, 2);
  assert.ok(hist.json.history[0].validTo, "the old version is closed");
  assert.equal(hist.json.history[0].attrs.rdSpend, null, "and still says what we knew then");

  const v2 = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions", {
    table: table({
      rules: [{ when: ["2101", ">= 6"], eligible: true, amount: "min(rdSpend * 0.12, 500000)" }],
      tests: [
        {
          name: "研发 310 万",
          attrs: { regionCode: "210102", rdRatio: 6.2, rdSpend: 3_100_000 },
          expect: { status: "eligible", amount: 372_000 },
        },
      ],
    }),
  });
  assert.equal(v2.json.version, 2);
  await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/2/test");
  const preview = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/2/preview");
  assert.equal(preview.json.previousVersion, 1);
  assert.equal(preview.json.eligible, 2);
  assert.deepEqual(
    {
      newly: preview.json.diff.newlyEligible,
      gone: preview.json.diff.noLongerEligible,
      changed: preview.json.diff.amountChanged,
    },
    { newly: 0, gone: 1, changed: 2 },
  );
  assert.equal((await t.call("policy2", "POST", "/api/v1/policies/sy-rd/versions/2/approve")).status, 200);
  const pub = await t.call("policy", "POST", "/api/v1/policies/sy-rd/versions/2/publish");
  assert.equal(pub.status, 200);
  assert.equal((await t.call("handler", "GET", `/api/v1/entitlements/${pendingB}`)).json.status, "withdrawn");
  const policy = await t.call("policy", "GET", "/api/v1/policies/sy-rd");
  assert.deepEqual(
    policy.json.versions.map((v: { status: string }) => v.status),
    ["superseded", "published"],
  );
});

test("an enterprise looks up its entitlements with its verification code; a wrong code reveals nothing", async () => {
  const issued = await t.call("policy", "POST", `/api/v1/enterprises/${A}/lookup-code`);
  assert.equal(issued.status, 201);
  const wrong = await t.call(null, "GET", `/api/v1/public/enterprises/${A}/entitlements?code=nope`);
  assert.equal(wrong.status, 404);
  const res = await t.call(
    null,
    "GET",
    `/api/v1/public/enterprises/${A}/entitlements?code=${encodeURIComponent(issued.json.code)}`,
  );
  assert.equal(res.status, 200);
  assert.equal(res.json.entitlements[0].status, "disbursed");
  assert.match(res.json.entitlements[0].explanation, /研发投入占比 6\.2% ≥ 5% ✔/);
  assert.ok(
    res.json.messages.some((m: { subject: string }) => /已兑付/.test(m.subject)),
    "the outbox delivered the notices",
  );
});

test("a rejection keeps its reason in the history; rejecting twice is 409", async () => {
  const pending = await t.call("handler", "GET", `/api/v1/entitlements?status=pending&uscc=${C}`);
  assert.equal(pending.json.items.length, 1);
  const id = pending.json.items[0].id as string;
  const rej = await t.call("handler", "POST", "/api/v1/entitlements/actions/reject", {
    items: [{ id }],
    reason: "研发费用未经专项审计",
  });
  assert.equal(rej.status, 200);
  assert.equal(rej.json.items[0].reason, "研发费用未经专项审计");
  const twice = await t.call("handler", "POST", "/api/v1/entitlements/actions/reject", {
    items: [{ id }],
    reason: "again",
  });
  assert.equal(twice.status, 409);
  const detail = await t.call("admin", "GET", `/api/v1/entitlements/${id}`);
  assert.deepEqual(detail.json.events.at(-1).data, { reason: "研发费用未经专项审计" });
});

test("an XLSX sheet imports through the API with the default Chinese headers", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("企业");
  ws.addRow(["统一社会信用代码", "企业名称", "注册地", "行业", "从业人员", "上年营业收入", "高新技术企业"]);
  const E = uscc("210112", 9);
  ws.addRow([E, "沈阳浑南软件有限公司", "210112", "I65", 15, 800000, "是"]);
  const content = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
  const res = await t.call("policy", "POST", "/api/v1/enterprises/import", { format: "xlsx", content });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  const e = await t.call("policy", "GET", `/api/v1/enterprises/${E}`);
  assert.equal(e.json.attrs.highTech, true);
  assert.equal(e.json.attrs.sizeClass, "small");
});

test("the OpenAPI document describes the 免申即享 routes for the console", async () => {
  const res = await t.call(null, "GET", "/api/v1/openapi.json");
  assert.equal(res.status, 200);
  for (const path of [
    "/api/v1/policies/{id}/versions",
    "/api/v1/policies/{id}/versions/{version}/preview",
    "/api/v1/entitlements/actions/{action}",
    "/api/v1/enterprises/import",
    "/api/v1/public/enterprises/{uscc}/entitlements",
  ]) {
    assert.ok(res.json.paths[path], path);
  }
  assert.ok(
    res.json.paths["/api/v1/policies/{id}/versions"].post.requestBody,
    "the decision table's schema is published",
  );
});

test("bad input never gives a 500: unknown versions, malformed ids, garbage files, bad codes", async () => {
  const cases: [keyof TestApp["tokens"] | null, "GET" | "POST" | "PUT", string, unknown, number][] = [
    ["policy", "POST", "/api/v1/policies/nope/versions/9/preview", undefined, 404],
    ["policy", "POST", "/api/v1/policies/Bad_Id/versions", { table: table() }, 400],
    [
      "policy",
      "POST",
      "/api/v1/policies/x/versions",
      { table: table({ issuingDepartmentId: "no-such-dept" }) },
      400,
    ],
    [
      "policy",
      "POST",
      "/api/v1/policies/x/versions",
      { table: table({ rules: [{ when: ["2101"], eligible: true, amount: "1" }] }) },
      400,
    ],
    [
      "policy",
      "POST",
      "/api/v1/policies/x/versions",
      { table: table({ rules: [{ when: ["2101", ">= 5"], eligible: true, amount: "rdSpend * (" }] }) },
      400,
    ],
    ["handler", "GET", "/api/v1/entitlements/not-a-uuid", undefined, 404],
    [
      "handler",
      "POST",
      "/api/v1/entitlements/actions/confirm",
      { items: [{ id: "00000000-0000-4000-8000-000000000000" }] },
      404,
    ],
    ["handler", "POST", "/api/v1/entitlements/actions/explode", { items: [] }, 400],
    [null, "GET", "/api/v1/public/enterprises/!!!/entitlements?code=x", undefined, 404],
    ["policy", "POST", "/api/v1/enterprises/import", { format: "xlsx", content: "bm90IGEgemlw" }, 400],
    ["policy", "PUT", "/api/v1/enterprises/911234", { name: "x", attrs: {} }, 400],
    [
      "policy",
      "PUT",
      `/api/v1/enterprises/${uscc("210102", 77)}`,
      { name: "x", attrs: { regionCode: "999999" } },
      400,
    ],
  ];
  for (const [who, method, url, body, status] of cases) {
    const res = await t.call(who, method, url, body);
    assert.equal(res.status, status, `${method} ${url}: ${JSON.stringify(res.json)}`);
    assert.ok(res.json.error?.code, `${method} ${url} answers the error shape`);
  }
});
