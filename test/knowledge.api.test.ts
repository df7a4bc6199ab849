import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { seedKnowledge } from "../server/modules/knowledge/index.ts";
import { SAMPLE_ARTICLES } from "../server/modules/knowledge/sample-articles.ts";
import { assertError, type Json } from "./support/http-helpers.ts";
import { appealBody, DEP, startTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;

before(async () => {
  t = await startTestApp();
  await seedKnowledge(t.ctx);
});
after(async () => {
  await t.close();
});

const search = (q: string, extra = "") =>
  t.call("agent", "GET", `/api/v1/knowledge?q=${encodeURIComponent(q)}${extra}`);

function article(over: Record<string, unknown> = {}) {
  return {
    title: "测试文章：小区二次供水水箱多久清洗一次",
    body: "<p>二次供水设施的管理单位应定期清洗消毒水箱，一般每半年至少一次。</p>",
    categoryCodes: ["010216"],
    regionCodes: ["2101"],
    departmentId: DEP.housing,
    ...over,
  };
}

async function receiveConsult(title: string, body: string, regionCode = "210102"): Promise<Json> {
  const res = await t.call(
    "agent",
    "POST",
    "/api/v1/appeals",
    appealBody({ kind: "consult", title, body, location: { regionCode, address: "和平区" } }),
  );
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return res.json;
}

describe("knowledge search (知识库检索)", () => {
  it("seeds about a hundred sample articles, every one marked as a sample", async () => {
    assert.ok(SAMPLE_ARTICLES.length >= 90, `only ${SAMPLE_ARTICLES.length} samples`);
    const res = await t.call("agent", "GET", "/api/v1/knowledge?limit=500&status=any&includeExpired=true");
    assert.equal(res.status, 200);
    assert.equal(res.json.items.length, SAMPLE_ARTICLES.length);
    for (const a of res.json.items) {
      assert.equal(a.sample, true, a.title);
      assert.match(a.body, /示例内容，以当地部门最新规定为准/);
    }
    assert.equal(await seedKnowledge(t.ctx), 0, "a second seeding adds nothing");
  });

  const cases: [string, string, RegExp][] = [
    [
      "a heating complaint in a Shenyang district finds Shenyang's article",
      "暖气不热怎么办&regionCode=210102",
      /^沈阳市供暖不热/,
    ],
    ["traditional characters", "供暖費什麼時候交", /^供暖费怎么交/],
    ["a synonym jieba splits differently (退伍 / 退役)", "退伍军人优待证", /^退役军人优待证/],
    ["a colloquial word for a deed (房本)", "房本怎么办", /不动产权证书/],
    ["a short agent query", "医保异地报销", /^异地就医/],
    ["a question about school enrolment", "孩子上小学要什么材料", /^小学入学/],
    ["the hotline itself", "12345能办什么", /^12345热线能办什么/],
    ["a word still being typed (prefix of 公积金)", "提取公积", /公积金/],
  ];
  for (const [name, q, expected] of cases) {
    it(`ranks the right article first: ${name}`, async () => {
      const [text, extra] = q.split("&");
      const res = await search(text!, extra ? `&${extra}` : "");
      assert.equal(res.status, 200);
      assert.ok(res.json.items.length > 0, `no hits for ${q}`);
      assert.match(
        res.json.items[0].title,
        expected,
        JSON.stringify(res.json.items.map((h: Json) => h.title)),
      );
    });
  }

  it("returns snippets whose highlights are matched words", async () => {
    const res = await search("燃气泄漏");
    const hit = res.json.items[0];
    assert.ok(hit.highlights.length > 0);
    for (const [s, e] of hit.highlights) assert.ok(hit.matchedWords.includes(hit.snippet.slice(s, e)));
  });

  it("filters by region: Dalian's caller does not get Shenyang's article, province-wide ones apply everywhere", async () => {
    const res = await search("暖气不热", "&regionCode=2102&limit=50");
    const titles = res.json.items.map((h: Json) => h.title as string);
    assert.ok(titles[0]?.startsWith("大连市"), titles.join());
    assert.ok(!titles.some((x: string) => x.startsWith("沈阳市")), titles.join());
    assert.ok(
      titles.some((x: string) => x === "供暖期室内温度的标准是多少度"),
      titles.join(),
    );
  });

  it("filters by category prefix", async () => {
    const res = await search("怎么交", "&categoryCode=0102&limit=50");
    assert.ok(res.json.items.length > 0);
    for (const h of res.json.items)
      assert.ok(
        h.categoryCodes.some((c: string) => c.startsWith("0102")),
        h.title,
      );
  });

  it("leaves out expired articles unless asked, and flags them", async () => {
    const title = "2023—2024供暖季缴费通知（已过期）";
    const normal = await search("供暖季缴费通知");
    assert.ok(!normal.json.items.some((h: Json) => h.title === title));
    const all = await search("供暖季缴费通知", "&includeExpired=true");
    const old = all.json.items.find((h: Json) => h.title === title);
    assert.ok(old, "includeExpired shows it");
    assert.equal(old.expired, true);
    assert.equal(old.current, false);
  });

  it("flags an article past its review date and keeps it out of current results", async () => {
    const created = await t.call(
      "admin",
      "POST",
      "/api/v1/knowledge",
      article({ title: "复核过期的测试文章：泳池开放时间", reviewBy: "2025-01-31" }),
    );
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.needsReview, true);
    assert.equal(created.json.current, false);
    const current = await search("泳池开放时间");
    assert.ok(!current.json.items.some((h: Json) => h.id === created.json.id));
    const all = await search("泳池开放时间", "&includeExpired=true");
    assert.equal(all.json.items[0]?.needsReview, true);
  });

  it("suggests articles for an appeal from its text", async () => {
    const appeal = await receiveConsult("咨询暖气费", "请问今年的暖气费什么时候开始交，在哪里交？");
    const res = await t.call("agent", "GET", `/api/v1/appeals/${appeal.id}/knowledge-suggestions`);
    assert.equal(res.status, 200);
    assert.match(
      res.json.items[0].title,
      /^供暖费怎么交/,
      JSON.stringify(res.json.items.map((h: Json) => h.title)),
    );
    assertError(
      await t.call(
        "agent",
        "GET",
        "/api/v1/appeals/00000000-0000-4000-8000-000000000000/knowledge-suggestions",
      ),
      404,
    );
  });
});

describe("writing articles", () => {
  it("makes a new version on every edit, keeps the history, and refuses a stale version", async () => {
    const created = await t.call("handler", "POST", "/api/v1/knowledge", article());
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.version, 1);
    const id = created.json.id;
    const edited = await t.call("handler", "PATCH", `/api/v1/knowledge/${id}`, {
      version: 1,
      body: "<p>二次供水水箱每半年至少清洗消毒一次，并公示水质检测结果。</p>",
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.json));
    assert.equal(edited.json.version, 2);
    const stale = await t.call("handler", "PATCH", `/api/v1/knowledge/${id}`, {
      version: 1,
      title: "晚到的修改",
    });
    assertError(stale, 409, "STALE_VERSION", "version");
    const got = await t.call("agent", "GET", `/api/v1/knowledge/${id}`);
    assert.deepEqual(
      got.json.versions.map((v: Json) => v.version),
      [2, 1],
    );
    assert.match(got.json.versions[1].body, /一般每半年至少一次/);
    assert.equal(got.json.title, article().title, "the stale edit changed nothing");
    const found = await search("二次供水水箱清洗");
    assert.equal(found.json.items[0]?.id, id, "the index follows the edit at once");
    assert.match(found.json.items[0].snippet, /公示水质检测结果/);
  });

  it("stores bodies sanitised and titles as plain text", async () => {
    const title = '水费说明<img src=x onerror="alert(1)">';
    const res = await t.call(
      "admin",
      "POST",
      "/api/v1/knowledge",
      article({
        title,
        body: '<p onclick="steal()">水费<script>alert(1)</script>按月缴纳<img src=x onerror=alert(2)><a href="javascript:alert(3)">链接</a><a href="https://www.ln.gov.cn/">政府网站</a></p><style>p{}</style>',
      }),
    );
    assert.equal(res.status, 201, JSON.stringify(res.json));
    const stored = (await t.call("agent", "GET", `/api/v1/knowledge/${res.json.id}`)).json;
    assert.equal(stored.title, title, "the title keeps its characters; it is text, not markup");
    for (const bad of ["<script", "alert(1)", "onerror", "onclick", "<img", "javascript:", "<style"]) {
      assert.ok(!stored.body.includes(bad), `${bad} survived: ${stored.body}`);
    }
    assert.match(stored.body, /水费/);
    assert.match(stored.body, /<a href="https:\/\/www\.ln\.gov\.cn\/"/);
  });

  it("refuses empty and huge articles, naming the field, and stores nothing", async () => {
    const before = (
      await t.call("admin", "GET", "/api/v1/knowledge?limit=500&status=any&includeExpired=true")
    ).json.items.length;
    assertError(
      await t.call("admin", "POST", "/api/v1/knowledge", article({ title: "   " })),
      400,
      "VALIDATION_FAILED",
      "body.title",
    );
    assertError(
      await t.call("admin", "POST", "/api/v1/knowledge", article({ body: "<script>x()</script>" })),
      400,
      "VALIDATION_FAILED",
      "body.body",
    );
    assertError(
      await t.call("admin", "POST", "/api/v1/knowledge", article({ body: `<p>${"长".repeat(70_000)}</p>` })),
      400,
      "VALIDATION_FAILED",
      "body.body",
    );
    assertError(
      await t.call(
        "admin",
        "POST",
        "/api/v1/knowledge",
        article({ categoryCodes: ["999999"], departmentId: "no-such-dep" }),
      ),
      400,
      "VALIDATION_FAILED",
      "body.categoryCodes",
      "body.departmentId",
    );
    const afterCount = (
      await t.call("admin", "GET", "/api/v1/knowledge?limit=500&status=any&includeExpired=true")
    ).json.items.length;
    assert.equal(afterCount, before);
  });

  it("lets only owners write: another department's handler and agents may not", async () => {
    const created = await t.call(
      "handler",
      "POST",
      "/api/v1/knowledge",
      article({ title: "沈阳住建的测试文章" }),
    );
    assert.equal(created.status, 201);
    const id = created.json.id;
    assert.deepEqual(created.json.abilities.includes("edit"), true);
    assertError(
      await t.call("handler2", "PATCH", `/api/v1/knowledge/${id}`, { version: 1, title: "大连改的" }),
      403,
      "FORBIDDEN",
    );
    assertError(
      await t.call("agent", "PATCH", `/api/v1/knowledge/${id}`, { version: 1, title: "话务员改的" }),
      403,
      "FORBIDDEN",
    );
    assertError(await t.call("handler2", "POST", "/api/v1/knowledge", article()), 403, "FORBIDDEN");
    assertError(
      await t.call("handler", "PATCH", `/api/v1/knowledge/${id}`, {
        version: 1,
        departmentId: DEP.dalianHousing,
      }),
      403,
    );
    const seen = await t.call("handler2", "GET", `/api/v1/knowledge/${id}`);
    assert.equal(seen.status, 200, "everyone on staff reads it");
    assert.deepEqual(seen.json.abilities, []);
    const bySupervisor = await t.call("supervisor", "PATCH", `/api/v1/knowledge/${id}`, {
      version: 1,
      title: "热线质检改的",
    });
    assert.equal(bySupervisor.status, 200);
  });
});

describe("odd input", () => {
  it("answers odd queries and ids with results or clear errors, never a 500", async () => {
    for (const q of ["！？。", "<script>alert(1)</script>", "🙂", "' or 1=1 --", "a".repeat(500)]) {
      const res = await search(q);
      assert.equal(res.status, 200, `${q}: ${JSON.stringify(res.json)}`);
    }
    assertError(await search("供暖", "&regionCode=abc"), 400, "VALIDATION_FAILED", "querystring.regionCode");
    assertError(await search("a".repeat(501)), 400, "VALIDATION_FAILED", "querystring.q");
    assertError(await t.call("agent", "GET", "/api/v1/knowledge/not-a-uuid"), 404, "NOT_FOUND");
    assertError(
      await t.call("admin", "PATCH", "/api/v1/knowledge/00000000-0000-4000-8000-000000000000", {
        version: 1,
        title: "x",
      }),
      404,
    );
    assertError(
      await t.call("admin", "POST", "/api/v1/knowledge", { ...article(), extra: 1 }),
      400,
      "VALIDATION_FAILED",
      "body.extra",
    );
    assertError(await t.call(null, "GET", "/api/v1/knowledge?q=供暖"), 401);
  });

  it("archives an article: still readable by id, no longer found", async () => {
    const created = await t.call(
      "admin",
      "POST",
      "/api/v1/knowledge",
      article({ title: "将被归档的文章：冬季除雪安排" }),
    );
    const id = created.json.id;
    assert.equal((await search("冬季除雪安排")).json.items[0]?.id, id);
    const archived = await t.call("admin", "PATCH", `/api/v1/knowledge/${id}`, {
      version: 1,
      status: "archived",
    });
    assert.equal(archived.status, 200);
    assert.ok(
      !(await search("冬季除雪安排", "&includeExpired=true&status=any")).json.items.some(
        (h: Json) => h.id === id,
      ),
    );
    assert.equal((await t.call("agent", "GET", `/api/v1/knowledge/${id}`)).json.status, "archived");
  });
});

describe("use and misses", () => {
  it("answer-directly records the article, which counts as its use; a wrong article is refused", async () => {
    const hit = (await search("社保卡丢了")).json.items[0];
    const appeal = await receiveConsult("社保卡丢了", "我的社保卡丢了，怎么补办？");
    const unknown = await t.call("agent", "POST", `/api/v1/appeals/${appeal.id}/actions/answer-directly`, {
      version: appeal.version,
      text: "请按知识库答复。",
      articleId: "00000000-0000-4000-8000-000000000000",
    });
    assertError(unknown, 400, "VALIDATION_FAILED", "body.articleId");
    const expired = (await search("供暖季缴费通知", "&includeExpired=true")).json.items[0];
    assertError(
      await t.call("agent", "POST", `/api/v1/appeals/${appeal.id}/actions/answer-directly`, {
        version: appeal.version,
        text: "按过期文章答复",
        articleId: expired.id,
      }),
      400,
      "VALIDATION_FAILED",
      "body.articleId",
    );
    const ok = await t.call("agent", "POST", `/api/v1/appeals/${appeal.id}/actions/answer-directly`, {
      version: appeal.version,
      text: "可通过电子社保卡或银行网点挂失，再到服务网点补卡。",
      articleId: hit.id,
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal(ok.json.status, "closed");
    const stats = await t.call("supervisor", "GET", "/api/v1/knowledge/stats");
    assert.equal(stats.status, 200);
    const row = stats.json.articles.find((a: Json) => a.id === hit.id);
    assert.equal(row.uses, 1);
    assert.ok(row.lastUsedAt);
    const dep = stats.json.departments.find((d: Json) => d.departmentId === "p-hrss");
    assert.ok(dep.uses >= 1);
  });

  it("records a miss with the appeal and the query, shown to the owners", async () => {
    const appeal = await receiveConsult("咨询共享单车押金退款", "共享单车押金一直退不回来，找哪个部门？");
    const shown = (await search("共享单车押金")).json.items.map((h: Json) => h.id).slice(0, 2);
    const res = await t.call("agent", "POST", `/api/v1/appeals/${appeal.id}/knowledge-miss`, {
      query: "共享单车押金",
      shownArticleIds: shown,
    });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.equal(res.json.appealId, appeal.id);
    const noQuery = await t.call("agent", "POST", `/api/v1/appeals/${appeal.id}/knowledge-miss`, {});
    assert.equal(noQuery.status, 201);
    assert.equal(noQuery.json.query, "咨询共享单车押金退款", "the appeal's title stands for the query");
    const stats = await t.call("admin", "GET", "/api/v1/knowledge/stats");
    const miss = stats.json.recentMisses.find((m: Json) => m.query === "共享单车押金");
    assert.ok(miss, JSON.stringify(stats.json.recentMisses));
    assert.equal(miss.ticketNo, appeal.ticketNo);
    for (const id of shown) assert.ok(stats.json.articles.find((a: Json) => a.id === id).misses >= 1);
    assertError(await t.call("agent", "GET", "/api/v1/knowledge/stats"), 403);
    assertError(
      await t.call("agent", "POST", "/api/v1/knowledge/misses", {}),
      400,
      "VALIDATION_FAILED",
      "body.query",
    );
  });
});

describe("XLSX export and import", () => {
  async function sheetOf(): Promise<ExcelJS.Workbook> {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/knowledge.xlsx?includeArchived=true",
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    assert.equal(res.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  async function upload(wb: ExcelJS.Workbook) {
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return t.call("admin", "POST", "/api/v1/knowledge/import", { file: buf.toString("base64") });
  }
  const count = async () =>
    (await t.call("admin", "GET", "/api/v1/knowledge?limit=500&status=any&includeExpired=true")).json.items
      .length;

  it("round-trips: an exported sheet imports unchanged; an edited row updates, a new row creates", async () => {
    const before = await count();
    const unchanged = await upload(await sheetOf());
    assert.equal(unchanged.status, 200, JSON.stringify(unchanged.json));
    assert.deepEqual(unchanged.json, { created: 0, updated: 0, unchanged: before });

    const wb = await sheetOf();
    const ws = wb.worksheets[0]!;
    const titleCol = 4;
    const edited = ws.getRow(2);
    const id = String(edited.getCell(1).value);
    // Which article lands in row 2 depends on the export order; it may have been edited already.
    const versionsBefore = (await t.call("agent", "GET", `/api/v1/knowledge/${id}`)).json.versions.length;
    edited.getCell(titleCol).value = "导入修改后的标题：停水通知怎么查";
    const fresh = ws.addRow([]);
    fresh.getCell(4).value = "导入的新文章：小区电梯困人怎么办";
    fresh.getCell(5).value = "<p>电梯困人请保持冷静，按下警铃或拨打电梯内的救援电话，等待专业人员救援。</p>";
    fresh.getCell(6).value = "011003";
    fresh.getCell(8).value = "p-housing";
    const res = await upload(wb);
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.created, 1);
    assert.equal(res.json.updated, 1);
    assert.equal(await count(), before + 1);
    const got = await t.call("agent", "GET", `/api/v1/knowledge/${id}`);
    assert.equal(got.json.title, "导入修改后的标题：停水通知怎么查");
    assert.equal(got.json.versions.length, versionsBefore + 1, "the edited row made one new version");
    assert.equal((await search("电梯困人")).json.items[0]?.title, "导入的新文章：小区电梯困人怎么办");
  });

  it("refuses a sheet with a bad row, naming row and column, and imports nothing", async () => {
    const before = await count();
    const wb = await sheetOf();
    const ws = wb.worksheets[0]!;
    ws.getRow(2).getCell(4).value = "这一行本来是好的，不应被导入";
    ws.getRow(3).getCell(6).value = "999999";
    const res = await upload(wb);
    assertError(res, 400, "VALIDATION_FAILED", "row 3, column F (事项分类 Categories)");
    assert.equal(await count(), before);
    const first = String(ws.getRow(2).getCell(1).value);
    assert.notEqual(
      (await t.call("agent", "GET", `/api/v1/knowledge/${first}`)).json.title,
      "这一行本来是好的，不应被导入",
    );

    const header = await sheetOf();
    header.worksheets[0]!.getRow(1).getCell(4).value = "题目";
    const bad = await upload(header);
    assertError(bad, 400, "VALIDATION_FAILED", "row 1, column D");
    assertError(
      await t.call("admin", "POST", "/api/v1/knowledge/import", { file: "bm90IGFuIHhsc3g=" }),
      400,
      "VALIDATION_FAILED",
      "body.file",
    );
    assertError(await t.call("handler", "POST", "/api/v1/knowledge/import", { file: "" }), 400);
    assertError(await t.call("agent", "GET", "/api/v1/knowledge.xlsx"), 403);
  });
});

describe("contract", () => {
  it("the OpenAPI document declares the answer of every knowledge, hot-spot, classification and Open311 route", async () => {
    const doc = (await t.call(null, "GET", "/api/v1/openapi.json")).json;
    const mine =
      /^\/(api\/v1\/(knowledge|hotspots|duplicates|classification|open311)|api\/v1\/appeals\/\{id\}\/(duplicates|knowledge-)|open311\/v2\/)/;
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      if (!mine.test(path)) continue;
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
        assert.ok(ok, `${method.toUpperCase()} ${path} declares a 2xx answer`);
        assert.ok((ok[1] as Json).content, `${method.toUpperCase()} ${path} has a schema for its 2xx answer`);
        checked.push(`${method} ${path}`);
      }
    }
    assert.ok(checked.length >= 30, checked.join(", "));
  });

  it("lists articles without q with the fields the console reads, abilities included", async () => {
    const res = await t.call("admin", "GET", "/api/v1/knowledge?limit=2");
    assert.equal(res.status, 200);
    const a = res.json.items[0];
    for (const k of ["id", "version", "status", "title", "body", "departmentName", "source", "abilities"]) {
      assert.ok(k in a, `${k} in ${Object.keys(a).join(", ")}`);
    }
    assert.deepEqual(a.abilities, ["edit", "answer"]);
    assert.equal(typeof res.json.nextCursor, "string");
    const hits = await search("暖气");
    assert.ok(
      "snippet" in hits.json.items[0] && "highlights" in hits.json.items[0],
      "hits keep their own shape",
    );
    assert.equal(hits.json.nextCursor, null);
  });
});
