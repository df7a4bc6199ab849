/**
 * The knowledge base (知识库), duplicates (并案) and hot spots (小苗头) in a real browser:
 * playwright-core driving Debian's Chromium (/usr/bin/chromium; never downloaded) against the
 * server started in-process, as in console.test.ts. Journeys: an agent typing a consult sees the
 * article and answers directly (the article's usage is counted); a repeat complaint shows as a
 * duplicate and is merged; a burst of 8 similar appeals in one district shows a warning on the
 * supervisor's dashboard and hot-spot screen, and is supervised. Plus: an article with script
 * stays inert, the editor makes a new version. Screenshots go to .tmp/screenshots/ (git-ignored).
 * HOTLINE_SKIP_BROWSER=1 skips (with a message) where no Chromium can be installed.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runHotspotScan } from "../../server/modules/hotspots/hotspot-scan.job.ts";
import { seedKnowledge } from "../../server/modules/knowledge/index.ts";
import { appealBody, DEP } from "../support/test-app.ts";
import { type BrowserRig, skipBrowser, startBrowserRig } from "./support.ts";

if (skipBrowser) console.log("# browser tests skipped: HOTLINE_SKIP_BROWSER=1");

describe("knowledge base, duplicates and hot spots in Chromium", {
  skip: skipBrowser,
  timeout: 300_000,
}, () => {
  let rig: BrowserRig;

  before(async () => {
    // The browser's "today" and the hot-spot window use real time: the rig runs the server's clock on it.
    rig = await startBrowserRig({
      prepare: async (t) => {
        assert.ok((await seedKnowledge(t.ctx)) > 50, "the sample articles are seeded");
      },
    });
  });
  after(async () => rig?.close());

  async function appealByTitle(title: string) {
    const res = await rig.t.call("supervisor", "GET", "/api/v1/appeals?limit=100");
    return res.json.items.find((a: { title: string }) => a.title === title);
  }

  test("an agent typing a consult sees the article, answers directly, and the article's use is counted", async () => {
    const { page, errors, dialogs, close } = await rig.newPage();
    await rig.login(page, "t-agent");
    await page.getByTestId("agent-desk").waitFor();
    await page.getByTestId("agent-desk").locator("label", { hasText: "咨询" }).click();
    const title = "住房公积金怎么提取出来";
    await page.getByTestId("desk-title").fill(title);
    await page.getByTestId("desk-body").fill("来电人想提取住房公积金用于租房，问需要什么材料、去哪里办。");
    const hit = page.getByTestId("kb-hit").filter({ hasText: "住房公积金怎么提取" }).first();
    await hit.waitFor();
    assert.ok((await hit.locator("mark").count()) > 0, "matched words are highlighted");
    await hit.getByTestId("kb-use").click();
    await page.waitForFunction(
      `(document.querySelector("[data-testid=desk-answer]")?.value ?? "").length > 20`,
    );
    const answer = await page.getByTestId("desk-answer").inputValue();
    assert.match(answer, /公积金/);
    assert.doesNotMatch(answer, /<p>|<\/?strong>/, "the answer is the article's text, not its markup");
    await rig.shot(page, "kb-desk-suggestions");
    await page.getByTestId("desk-answer-btn").click();
    await page.getByTestId("desk-last").waitFor();

    const appeal = await appealByTitle(title);
    assert.ok(appeal, "the consult was received");
    const full = await rig.t.call("supervisor", "GET", `/api/v1/appeals/${appeal.id}`);
    assert.equal(full.json.answeredDirectly, true);
    const event = full.json.events.find((e: { type: string }) => e.type === "answered_directly");
    assert.ok(event?.data.articleId, "the direct answer records its article");
    const stats = await rig.t.call("supervisor", "GET", "/api/v1/knowledge/stats");
    const used = stats.json.articles.find((a: { id: string }) => a.id === event.data.articleId);
    assert.equal(used?.uses, 1, "the article's usage is counted");
    assert.match(used.title, /住房公积金怎么提取/);

    // Nothing fits a rare question: one click flags the miss, which the owners see with its text.
    await page.getByTestId("desk-title").fill("小区楼顶养鸽子扰民谁来管");
    await page.getByTestId("desk-body").fill("邻居在楼顶搭棚养鸽子，鸽子粪便很多。");
    await page.getByTestId("kb-miss").click();
    await page.getByText("已标记“无匹配知识”").waitFor();
    const after = await rig.t.call("supervisor", "GET", "/api/v1/knowledge/stats");
    assert.ok(
      after.json.recentMisses.some((m: { query: string }) => m.query.includes("养鸽子")),
      JSON.stringify(after.json.recentMisses),
    );
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await close();
  });

  test("the knowledge screen: search as you type, an inert article, the editor's new version, owners' stats", async () => {
    const xssTitle = "<img src=x onerror=alert(1)> 测试：垃圾分类投放时间";
    const created = await rig.t.call("supervisor", "POST", "/api/v1/knowledge", {
      title: xssTitle,
      body: '<p>厨余垃圾每天早晚定时投放。</p><script>alert(2)</script><img src=x onerror="alert(3)"><p><a href="javascript:alert(4)">链接</a></p>',
      categoryCodes: [],
      regionCodes: ["2101"],
      departmentId: DEP.housing,
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));

    const { page, errors, dialogs, close } = await rig.newPage();
    await rig.login(page, "t-supervisor");
    await page.goto(`${rig.base}/knowledge`);
    await page.getByTestId("knowledge").waitFor();
    await page.getByTestId("kb-search").locator("input").pressSequentially("垃圾分类投放", { delay: 40 });
    // Ranked hits (not the latest-changed list shown before the query): matched words are marked.
    const result = page
      .getByTestId("kb-results")
      .locator(".ant-list-item", { has: page.locator("mark") })
      .getByTestId("kb-result-title")
      .filter({ hasText: "垃圾分类投放时间" })
      .first();
    await result.waitFor();
    assert.equal(await result.textContent(), xssTitle, "the title shows as the characters typed");
    await rig.shot(page, "kb-search");
    await result.click();
    const frame = page.frameLocator("[data-testid=kb-article] iframe[data-testid=kb-body]");
    await frame.getByText("厨余垃圾每天早晚定时投放").waitFor();
    assert.equal(await frame.locator("script, img").count(), 0, "no script or image reaches the page");
    assert.equal(
      await page.locator("[data-testid=kb-article] iframe").first().getAttribute("sandbox"),
      "allow-same-origin allow-popups allow-popups-to-escape-sandbox",
    );
    await rig.shot(page, "kb-article");

    // Edit: a new version, listed among the versions.
    await page.getByTestId("kb-edit").click();
    await page.getByTestId("kb-f-title").fill("测试：垃圾分类投放时间（修订）");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    await page.getByTestId("kb-versions").locator("tr", { hasText: "（修订）" }).waitFor();
    assert.equal(await page.getByTestId("kb-versions").locator("tbody tr").count(), 2);
    await rig.shot(page, "kb-versions");
    const now = await rig.t.call("supervisor", "GET", `/api/v1/knowledge/${created.json.id}`);
    assert.equal(now.json.version, 2);
    await page.keyboard.press("Escape");

    // Owners' stats: the article used in the first journey, and the flagged miss.
    await page.getByRole("tab", { name: "使用统计" }).click();
    await page.getByTestId("kb-stats-articles").locator("tr", { hasText: "住房公积金怎么提取" }).waitFor();
    await page.getByTestId("kb-stats-misses").getByText("养鸽子", { exact: false }).waitFor();
    await rig.shot(page, "kb-stats");

    // Excel: the export downloads with the session; importing it back changes nothing.
    const exported = await page.request.get(`${rig.base}/api/v1/knowledge.xlsx`);
    assert.equal(exported.status(), 200);
    assert.match(exported.headers()["content-type"] ?? "", /spreadsheetml/);
    await page.getByRole("tab", { name: "检索" }).click();
    await page
      .getByTestId("knowledge")
      .locator("input[type=file]")
      .setInputFiles({
        name: "knowledge.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await exported.body(),
      });
    await page.getByText(/导入完成：新建 0 条，更新 0 条，未变 \d+ 条/).waitFor();
    assert.deepEqual(dialogs, [], "nothing in the article ran");
    assert.deepEqual(errors, []);
    await close();

    // The same screen in English, opened by its link: its own labels only.
    const en = await rig.newPage("en");
    await rig.login(en.page, "t-supervisor");
    await en.page.goto(`${rig.base}/knowledge/${created.json.id}`);
    await en.page.getByTestId("kb-versions").waitFor();
    await en.page.getByText("Versions").waitFor();
    const labels = await en.page
      .locator(".ant-tabs-nav, .ant-descriptions-item-label, thead")
      .allInnerTexts();
    assert.doesNotMatch(labels.join(" "), /[\u4e00-\u9fff]/, "no Chinese label on the English screen");
    await rig.shot(en.page, "kb-article-en");
    assert.deepEqual(en.errors, []);
    await en.close();
  });

  test("a repeat complaint shows as a duplicate and is merged (并案)", async () => {
    const first = await rig.t.call(
      "agent",
      "POST",
      "/api/v1/appeals",
      appealBody({
        title: "幸福里小区垃圾站臭味太大",
        body: "沈河区幸福里小区门口垃圾站好几天没清运，臭味很大，夏天苍蝇特别多，请环卫部门尽快清理。",
        citizen: { name: "李四", phone: "13600001111" },
        location: { regionCode: "210103", address: "沈河区幸福里小区门口" },
      }),
    );
    assert.equal(first.status, 201);
    const { page, errors, close } = await rig.newPage();
    await rig.login(page, "t-agent");
    const title = "幸福里小区门口垃圾站没人清运";
    await page.getByTestId("desk-phone").fill("13600002222");
    // Duplicates are looked for within the caller's city: the region comes first.
    await page
      .getByTestId("agent-desk")
      .locator(".ant-form-item", { hasText: "区域" })
      .locator(".ant-cascader, .ant-select")
      .first()
      .click();
    await page.keyboard.type("沈河");
    await page.locator(".ant-cascader-menu-item", { hasText: "沈河区" }).first().click();
    await page.getByTestId("desk-title").fill(title);
    await page
      .getByTestId("desk-body")
      .fill("沈河区幸福里小区门口垃圾站好几天没清运了，臭味很大，苍蝇特别多，请环卫部门尽快清理。");
    const dup = page
      .getByTestId("duplicates")
      .getByTestId("duplicate")
      .filter({ hasText: first.json.ticketNo });
    await dup.waitFor();
    await rig.shot(page, "dup-desk");
    await page.getByTestId("desk-receive").click();
    await page.getByTestId("desk-last").locator("a").click();
    await page.getByTestId("appeal-page").waitFor();
    const candidate = page
      .getByTestId("duplicates")
      .getByTestId("duplicate")
      .filter({ hasText: first.json.ticketNo });
    await candidate.waitFor();
    const score = Number.parseInt((await candidate.getByTestId("duplicate-score").textContent()) ?? "0", 10);
    assert.ok(score >= 50, `similarity shown: ${score}%`);
    await rig.shot(page, "dup-appeal");
    await candidate.getByTestId("merge-into").click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await page.getByTestId("appeal-page").locator(".ant-alert").waitFor();
    const repeat = await appealByTitle(title);
    const merged = await rig.t.call("agent", "GET", `/api/v1/appeals/${repeat.id}`);
    assert.equal(merged.json.mergedInto, first.json.id, "the repeat is merged into the first appeal");
    await rig.shot(page, "dup-merged");
    assert.deepEqual(errors, []);
    await close();
  });

  test("a burst of 8 similar appeals in one district warns the supervisor and is supervised", async () => {
    const texts = [
      "大东区东站街{n}号楼从今天早上开始停电，一直没有通知，冰箱里的东西都坏了，请供电公司尽快处理。",
      "东站街{n}号楼突然停电，没有任何通知，到现在还没来电，请供电公司尽快处理。",
      "反映大东区东站街{n}号楼停电问题，从早上开始没电，也没有提前通知，请尽快恢复供电。",
    ];
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await rig.t.call(
        "agent",
        "POST",
        "/api/v1/appeals",
        appealBody({
          title: "东站街停电",
          body: texts[i % 3]!.replace("{n}", String(30 + i)),
          citizen: { name: `市民${i}`, phone: `1370000100${i}` },
          location: { regionCode: "210104", address: `大东区东站街${30 + i}号楼` },
        }),
      );
      assert.equal(res.status, 201, JSON.stringify(res.json));
      ids.push(res.json.id);
    }
    const scan = await runHotspotScan(rig.t.ctx, new Date());
    assert.ok(scan.warnings >= 1, JSON.stringify(scan));

    const { page, errors, close } = await rig.newPage();
    await rig.login(page, "t-supervisor");
    const widget = page.getByTestId("hotspot-warnings");
    await widget.getByText("东站街").first().waitFor();
    await rig.shot(page, "hotspot-dashboard");
    await widget.getByText("东站街").first().click();
    await page.getByTestId("hotspots").waitFor();
    const row = page.getByTestId("hotspot-table").locator("tr", { hasText: "东站街" }).first();
    await row.getByTestId("hotspot-warning").waitFor();
    const drawer = page.getByTestId("hotspot-drawer");
    await drawer.getByTestId("hotspot-appeals").locator("tbody tr").nth(7).waitFor();
    assert.equal(await drawer.getByTestId("hotspot-appeals").locator("tbody tr").count(), 8);
    await drawer.getByTestId("chart-trend").locator("canvas").waitFor();
    await drawer.getByTestId("hotspot-map").locator("canvas").waitFor();
    await page.getByTestId("hotspot-map").first().locator("canvas").waitFor();
    await page.waitForTimeout(800);
    await rig.shot(page, "hotspot-detail");
    await drawer.getByTestId("hotspot-supervise").click();
    await page.getByTestId("hotspot-note").fill("请供电公司排查东站街停电原因并通报恢复时间");
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    await drawer.locator(".ant-tag", { hasText: "已督办" }).first().waitFor();
    for (const id of ids) {
      const a = await rig.t.call("supervisor", "GET", `/api/v1/appeals/${id}`);
      assert.equal(a.json.supervised, true, `appeal ${id} is supervised`);
    }
    await page.keyboard.press("Escape");
    await rig.shot(page, "hotspots");
    assert.deepEqual(errors, []);
    await close();

    // The same screen in English: its own labels, no Chinese label left (appeal text aside).
    const en = await rig.newPage("en");
    await rig.login(en.page, "t-supervisor");
    await en.page.goto(`${rig.base}/hotspots`);
    await en.page.getByTestId("hotspot-table").locator("tr", { hasText: "东站街" }).first().waitFor();
    await en.page.getByText("Hot spots and warnings").first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is asserted
    const header = await en.page.locator(".ant-table-thead").first().innerText();
    assert.doesNotMatch(header, /[\u4e00-\u9fff]/, "the table's labels are English");
    await rig.shot(en.page, "hotspots-en");
    assert.deepEqual(en.errors, []);
    await en.close();
  });
});
