/**
 * The console in a real browser: playwright-core driving Debian's Chromium (/usr/bin/chromium;
 * never downloaded) against the server started in-process on a free port. The journey: a citizen
 * submits on the portal → an agent dispatches it → the housing bureau's clerk signs and replies →
 * the callback desk records satisfaction → closed, and counted on the supervisor's dashboard.
 * Plus: every role's home renders without console errors, an HTML title stays inert text, and the
 * language switch works. Screenshots of the main screens go to .tmp/screenshots/ (git-ignored).
 * HOTLINE_SKIP_BROWSER=1 skips (with a message) where no Chromium can be installed.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DEP, PASSWORD } from "../support/test-app.ts";
import { type BrowserRig, skipBrowser, startBrowserRig } from "./support.ts";

if (skipBrowser) console.log("# browser tests skipped: HOTLINE_SKIP_BROWSER=1");

const XSS = "<img src=x onerror=alert(1)>";

describe("console in Chromium", { skip: skipBrowser, timeout: 240_000 }, () => {
  let rig: BrowserRig;

  before(async () => {
    rig = await startBrowserRig();
  });
  after(async () => rig?.close());

  /** Picks a node of an antd TreeSelect by typing part of its title. */
  async function pickTree(page: Page, field: string, text: string) {
    const box = page.locator(`.ant-modal .ant-form-item:has(label[for="${field}"]) .ant-select`);
    await box.click();
    await page.keyboard.type(text);
    await page
      .locator(".ant-select-dropdown:visible .ant-select-tree-title", { hasText: text })
      .first()
      .click();
  }

  async function modalOk(page: Page) {
    await page.locator(".ant-modal-footer .ant-btn-primary").click();
    await page.locator(".ant-modal").waitFor({ state: "hidden" });
  }

  test("every role lands on its own home without console errors", async () => {
    const homes: [string, string, string][] = [
      ["t-agent", "/desk", "agent-desk"],
      ["t-handler", "/inbox", "inbox"],
      ["t-supervisor", "/dashboard", "dashboard"],
      ["t-admin", "/admin", "admin"],
      ["t-policy", "/policy", "whoami"],
    ];
    for (const [user, path, testId] of homes) {
      const { page, errors, close } = await rig.newPage();
      await rig.login(page, user);
      await page.getByTestId(testId).waitFor();
      assert.equal(new URL(page.url()).pathname, path, `${user} lands on ${path}`);
      if (user === "t-supervisor") await page.getByTestId("chart-map").waitFor();
      await page.waitForLoadState("networkidle");
      await rig.shot(page, `home-${user.slice(2)}`);
      if (user === "t-admin") {
        // The working calendar shows the year's holidays and make-up working days.
        await page.getByRole("tab", { name: "工作日历" }).click();
        await page.locator('[data-reason="holiday"]').first().waitFor();
        assert.ok((await page.locator('[data-reason="makeup_workday"]').count()) > 0, "make-up days shown");
        await rig.shot(page, "admin-calendar");
        // The administrator makes a plain weekday (no adjustment: no name in its title) a holiday,
        // and then takes the adjustment back.
        const plain = page.locator('[data-reason="weekday"][title*="  "]').nth(100);
        const date = (await plain.getAttribute("data-date")) ?? "";
        assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
        await plain.click();
        const editor = page.locator(".ant-modal");
        await editor.getByText(`调整日期 ${date}`).waitFor();
        await page.getByTestId("day-type").getByText("节假日").click();
        await editor.getByRole("button", { name: /保\s*存/ }).click();
        await editor.getByText("请填写名称").waitFor(); // a name is required
        await page.getByTestId("day-name").fill("防汛停工日");
        await editor.getByRole("button", { name: /保\s*存/ }).click();
        await page.locator(`[data-date="${date}"][data-reason="holiday"]`).waitFor();
        const year = await rig.t.call("admin", "GET", `/api/v1/calendar/${date.slice(0, 4)}`);
        const marked = year.json.days.find((d: { date: string }) => d.date === date);
        assert.deepEqual(
          { working: marked.working, name: marked.name },
          { working: false, name: "防汛停工日" },
          "the server's calendar has the holiday",
        );
        await page.locator(`[data-date="${date}"]`).click();
        await page.getByTestId("day-remove").click();
        await page.locator(`[data-date="${date}"][data-reason="weekday"]`).waitFor();
        const back = await rig.t.call("admin", "GET", `/api/v1/calendar/${date.slice(0, 4)}`);
        assert.equal(back.json.days.find((d: { date: string }) => d.date === date).working, true);

        // The administrator changes an SLA rule's time limit in a form; the server has it at once.
        await page.getByRole("tab", { name: "时限规则" }).click();
        const rules = (await rig.t.call("admin", "GET", "/api/v1/sla-rules")).json.items as {
          id: string;
          amount: number;
          unit: string;
        }[];
        const rule = rules.find((r) => r.unit === "working_days");
        assert.ok(rule, "a rule in working days");
        await page.getByTestId(`sla-edit-${rule.id}`).click();
        const form = page.locator(".ant-modal", { hasText: `修改规则 ${rule.id}` });
        await form.waitFor();
        await page.getByTestId("sla-amount").fill(String(rule.amount + 2));
        await form.getByRole("button", { name: /保\s*存/ }).click();
        await page
          .getByTestId(`sla-amount-${rule.id}`)
          .getByText(`${rule.amount + 2} 个工作日`)
          .waitFor();
        const changed = (await rig.t.call("admin", "GET", "/api/v1/sla-rules")).json.items.find(
          (r: { id: string }) => r.id === rule.id,
        );
        assert.equal(changed.amount, rule.amount + 2);
        await rig.shot(page, "admin-sla-rules");
        // Back as it was, for the journeys after this one.
        const { id, ...body } = changed;
        const restored = await rig.t.call("admin", "PUT", `/api/v1/sla-rules/${id}`, {
          ...body,
          amount: rule.amount,
        });
        assert.equal(restored.status, 200);
      }
      assert.deepEqual(errors, [], `${user}: no console errors`);
      await close();
    }
  });

  test("portal → dispatch → sign → reply → callback → closed and counted", async () => {
    // A citizen submits on the portal (phone-sized screen).
    const citizen = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const portal = await citizen.newPage();
    await portal.goto(`${rig.base}/public`);
    await portal.getByTestId("portal-title").fill("楼道灯坏了一个月没人修");
    await portal
      .getByTestId("portal-body")
      .fill("沈阳市和平区幸福里小区5号楼楼道灯坏了一个月，晚上上下楼很危险。");
    await portal.getByTestId("portal-phone").fill("13987654321");
    await rig.shot(portal, "portal-submit");
    await portal.getByTestId("portal-submit").click();
    const ticketNo = ((await portal.getByTestId("portal-ticket").textContent()) ?? "").trim();
    const secret = ((await portal.getByTestId("portal-secret").textContent()) ?? "").trim();
    assert.match(ticketNo, /^\d{4}-\d{8}-\d{6}$/);
    await rig.shot(portal, "portal-submitted");
    const listed = await rig.t.call("agent", "GET", "/api/v1/appeals?status=received");
    const appeal = listed.json.items.find((a: { ticketNo: string }) => a.ticketNo === ticketNo);
    assert.ok(appeal, "the portal's appeal reached the back office");

    // The agent sees it among the caller's earlier appeals on the desk, then dispatches it.
    const agent = await rig.newPage();
    await rig.login(agent.page, "t-agent");
    await agent.page.getByTestId("desk-phone").fill("13987654321");
    await agent.page.getByTestId("desk-history").getByText(ticketNo).waitFor();
    await rig.shot(agent.page, "agent-desk");
    await agent.page.getByTestId("desk-history").getByText(ticketNo).click();
    await agent.page.getByTestId("appeal-page").waitFor();
    await agent.page.locator('[data-action="dispatch"]').click();
    const housing = rig.t.ctx.directory.departments.get(DEP.housing)!.name;
    await pickTree(agent.page, "leadDepartmentId", housing);
    await pickTree(agent.page, "categoryCode", "小区管理");
    await modalOk(agent.page);
    await agent.page.getByText("已派单").first().waitFor();
    await rig.shot(agent.page, "appeal-page");

    // The clerk of the housing bureau signs it (bulk sign) and replies.
    const clerk = await rig.newPage();
    await rig.login(clerk.page, "t-handler");
    const row = clerk.page.locator("tr", { hasText: ticketNo });
    await row.locator(".ant-checkbox-input").check();
    await rig.shot(clerk.page, "inbox");
    await clerk.page.getByTestId("bulk-sign").click();
    await row.waitFor({ state: "detached" });
    await clerk.page.getByRole("tab", { name: "办理中" }).click();
    await clerk.page.locator("tr", { hasText: ticketNo }).locator('[data-action="reply"]').click();
    await clerk.page.locator(".ant-modal textarea").fill("已安排物业更换楼道灯，现已恢复照明。");
    await modalOk(clerk.page);
    await clerk.page.locator("tr", { hasText: ticketNo }).waitFor({ state: "detached" });

    // The callback desk records satisfaction: the appeal closes.
    await agent.page.goto(`${rig.base}/callback`);
    await agent.page.locator("tr", { hasText: ticketNo }).locator('[data-action="callback"]').click();
    await agent.page.locator('.ant-modal .ant-radio-wrapper:has(input[value="satisfied"])').click();
    await rig.shot(agent.page, "callback");
    await modalOk(agent.page);
    await agent.page.locator("tr", { hasText: ticketNo }).waitFor({ state: "detached" });
    const closed = await rig.t.call("agent", "GET", `/api/v1/appeals/${appeal.id}`);
    assert.equal(closed.json.status, "closed");
    assert.equal(closed.json.satisfaction, "satisfied");

    // The supervisor's dashboard counts it: today 1 received, 1 closed; rates computed.
    const sup = await rig.newPage();
    await rig.login(sup.page, "t-supervisor");
    const today = sup.page.locator(".ant-statistic", { hasText: "今日受理" });
    await today.locator(".ant-statistic-content-value", { hasText: "1" }).waitFor();
    assert.match((await today.textContent()) ?? "", /办结\s*1/);
    await sup.page.getByTestId("rates").getByText("100.0%").first().waitFor();
    await sup.page.getByTestId("chart-map").waitFor();
    await sup.page.waitForLoadState("networkidle");
    await rig.shot(sup.page, "dashboard");
    assert.deepEqual([...agent.errors, ...clerk.errors, ...sup.errors], []);

    // The citizen tracks it: closed, with the public reply.
    await portal.getByRole("button", { name: /进度查询/ }).click();
    await portal.getByTestId("track-result").waitFor();
    assert.equal(await portal.getByTestId("track-status").textContent(), "已办结");
    assert.match((await portal.getByTestId("track-result").textContent()) ?? "", /楼道灯/);
    void secret;
    await rig.shot(portal, "portal-track");
    await Promise.all([agent.close(), clerk.close(), sup.close(), citizen.close()]);
  });

  test("the agent desk receives from the keyboard: Tab through the fields, Ctrl+Enter", async () => {
    const { page, errors, close } = await rig.newPage();
    await rig.login(page, "t-agent");
    await page.getByTestId("desk-phone").focus();
    await page.keyboard.type("13600001111");
    await page.getByTestId("desk-title").focus();
    await page.keyboard.type("路灯不亮");
    await page.keyboard.press("Tab");
    await page.keyboard.type("幸福路上的路灯已经坏了三天。");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("desk-last").waitFor();
    const ticketNo = ((await page.getByTestId("desk-last").locator("a").textContent()) ?? "").trim();
    const listed = await rig.t.call("agent", "GET", "/api/v1/appeals?phone=13600001111");
    assert.deepEqual(
      listed.json.items.map((a: { ticketNo: string; title: string }) => [a.ticketNo, a.title]),
      [[ticketNo, "路灯不亮"]],
    );
    // The form is cleared and the phone field has the focus again, ready for the next call.
    assert.equal(await page.getByTestId("desk-title").inputValue(), "");
    await page.getByTestId("desk-phone").and(page.locator(":focus")).waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  test("an appeal title with HTML is shown as text and runs nothing", async () => {
    const created = await rig.t.call("agent", "POST", "/api/v1/appeals", {
      kind: "complaint",
      title: XSS,
      body: `正文 ${XSS} <script>alert(2)</script>`,
      citizen: { name: "张三", phone: "13511112222" },
      categoryCode: "010101",
    });
    assert.equal(created.status, 201);
    const { page, dialogs, errors, close } = await rig.newPage();
    await rig.login(page, "t-agent");
    await page.goto(`${rig.base}/appeals/${created.json.id}`);
    await page.getByTestId("appeal-title").waitFor();
    assert.equal(await page.getByTestId("appeal-title").textContent(), XSS);
    assert.equal(await page.locator("[data-testid=appeal-page] img").count(), 0);
    await page.goto(`${rig.base}/appeals`);
    await page.getByText(XSS).first().waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, [], "no dialog fired");
    assert.deepEqual(errors, []);
    await close();
  });

  test("the language switch turns every label to English and back", async () => {
    const { page, errors, close } = await rig.newPage();
    await page.goto(`${rig.base}/`);
    await page.getByTestId("lang-switch").click();
    await page.getByRole("button", { name: "Log in" }).waitFor();
    await page.locator("#username").fill("t-agent");
    await page.locator("#password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByTestId("agent-desk").waitFor();
    await page.getByText("Agent desk").first().waitFor();
    // innerText, not textContent: what a user sees, not the text of hidden nodes
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is asserted
    const desk = await page.getByTestId("agent-desk").innerText();
    assert.doesNotMatch(desk, /[\u4e00-\u9fff]/, "no Chinese label left on the English desk");
    await rig.shot(page, "agent-desk-en");
    await page.getByTestId("lang-switch").click();
    await page.getByText("受理台").first().waitFor();
    assert.deepEqual(errors, []);
    await close();
  });
});
