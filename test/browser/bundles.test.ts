/**
 * 一件事一次办 in a real browser: a caller phones about a newborn → the agent receives the appeal on
 * the desk, sees 新生儿出生 among the matching bundles and starts it on the caller's behalf (代办)
 * with the merged form → the case is accepted → the health, police and human-resources handlers act
 * on their own sub-cases in the console (the chain releases 户口登记, then 医保 and 社保卡) → the
 * citizen sees it finished on the portal by case number + secret. A stale click shows the 409.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { seedSampleBundles } from "../../server/modules/bundles/seed-bundles.ts";
import { createStaff, request } from "../support/http-helpers.ts";
import { type BrowserRig, skipBrowser, startBrowserRig } from "./support.ts";

if (skipBrowser) console.log("# browser tests skipped: HOTLINE_SKIP_BROWSER=1");

const HANDLERS = [
  ["b-health", "c2101-health"],
  ["b-police", "c2101-police"],
  ["b-hrss", "c2101-hrss"],
] as const;

describe("一件事一次办 in Chromium", { skip: skipBrowser, timeout: 300_000 }, () => {
  let rig: BrowserRig;
  let healthToken = "";

  before(async () => {
    rig = await startBrowserRig({
      prepare: async (t) => {
        await seedSampleBundles(t.ctx);
        for (const [username, departmentId] of HANDLERS)
          await createStaff(t, { username, role: "handler", departmentId });
        healthToken = (
          await createStaff(t, { username: "b-health2", role: "handler", departmentId: "c2101-health" })
        ).token;
      },
    });
  });
  after(async () => rig?.close());

  /** One sub-case action on the case page, answering its dialog when it has one; waits for the outcome. */
  async function act(page: Page, sid: string, action: string, then: string) {
    await page.getByTestId(`sub-${sid}-${action}`).click();
    if (action === "issue-result") {
      await page.getByTestId("result-no").fill(`NO-${sid}`);
      await page.locator(".ant-modal-footer .ant-btn-primary").click();
      await page.locator(".ant-modal").waitFor({ state: "hidden" });
    }
    if (then.startsWith("status:"))
      await page.locator(`[data-testid="subcase-${sid}"] [data-status="${then.slice(7)}"]`).waitFor();
    else await page.getByTestId(`sub-${sid}-${then}`).waitFor();
  }

  async function issue(page: Page, sid: string) {
    await act(page, sid, "accept", "approve");
    await act(page, sid, "approve", "issue-result");
    await act(page, sid, "issue-result", "status:issued");
  }

  test("the agent starts 新生儿出生 from a phone appeal, departments act, the citizen sees it finished", async () => {
    // 1. The call, received on the desk; the desk shows the matching bundles.
    const agent = await rig.newPage();
    await rig.login(agent.page, "t-agent");
    const desk = agent.page;
    await desk.getByTestId("desk-phone").fill("13800009999");
    await desk.getByTestId("desk-title").fill("孩子刚出生想上户口");
    await desk
      .getByTestId("desk-body")
      .fill("宝宝上周出生了，想问出生医学证明、上户口、医保和社保卡能不能一次办。");
    await desk.getByTestId("desk-title").focus();
    await desk.keyboard.press("Control+Enter");
    await desk.getByTestId("desk-last").waitFor();
    await desk.getByTestId("bundle-matches").waitFor();
    await rig.shot(desk, "bundles-desk-matches");
    await desk.getByTestId("start-for-caller-newborn").click();

    // 2. The merged form: every field once, shared-data and issued ones marked 免提交.
    await desk.getByTestId("start-case").waitFor();
    await desk.getByTestId("start-from-appeal").waitFor();
    await desk.getByTestId("field-baby-name").waitFor();
    assert.equal(
      await desk.getByTestId("field-baby-name").count(),
      1,
      "a field used by five procedures, asked once",
    );
    assert.ok((await desk.getByText("免提交").count()) > 0, "免提交 fields and materials are marked");
    assert.equal(await desk.getByTestId("field-birth-cert-no").isDisabled(), true, "issued later, not typed");
    await desk.getByTestId("start-applicant-name").fill("王芳");
    await desk.getByTestId("start-applicant-phone").fill("13800009999");
    await desk.locator('.ant-form-item:has(label[for="region"]) .ant-select').click();
    await desk.locator(".ant-cascader-menu-item", { hasText: "沈阳市" }).first().click();
    await desk.locator(".ant-cascader-menu-item", { hasText: "和平区" }).first().click();
    await desk.getByTestId("field-baby-name").fill("李小满");
    await desk.getByTestId("field-mother-id-no").fill("210102199001011234");
    await desk.getByTestId("field-phone").fill("13800009999");
    if (await desk.getByTestId("field-household-address").isEnabled())
      await desk.getByTestId("field-household-address").fill("和平区南京街1号");
    for (const m of ["mother-id", "father-id", "father-household", "photo"])
      await desk.getByTestId(`material-${m}`).click();
    await rig.shot(desk, "bundles-start-form");
    await desk.getByTestId("start-submit").click();
    await desk.getByTestId("case-started").waitFor();
    const caseNo = ((await desk.getByTestId("started-case-no").textContent()) ?? "").trim();
    const secret = ((await desk.getByTestId("started-secret").textContent()) ?? "").trim();
    assert.match(caseNo, /-B\d{6}$/);
    assert.ok(secret.length > 8);

    // 3. The window accepts it (one acceptance): 出生医学证明 and 预防接种 go out in parallel.
    await desk.getByTestId("open-started").click();
    await desk.getByTestId("bundle-case").waitFor();
    const caseId = new URL(desk.url()).pathname.split("/").pop() ?? "";
    const linked = await rig.t.call("agent", "GET", `/api/v1/bundle-cases/${caseId}`);
    assert.equal(linked.json.appealIds.length, 1, "the appeal links to the case");
    await desk.getByTestId("case-action-accept").click();
    await desk.locator('[data-testid="case-status"][data-status="accepted"]').waitFor();
    await desk.locator('[data-testid="subcase-birth-cert"] [data-status="dispatched"]').waitFor();
    await desk.locator('[data-testid="subcase-hukou"] [data-status="waiting"]').waitFor();
    await rig.shot(desk, "bundles-case-accepted");

    // 4. Each department acts on its own sub-cases only.
    const open = async (username: string) => {
      const p = await rig.newPage();
      await rig.login(p.page, username);
      await p.page.goto(`${rig.base}/bundle-cases/${caseId}`);
      await p.page.getByTestId("bundle-case").waitFor();
      return p;
    };
    const health = await open("b-health");
    assert.equal(await health.page.locator('[data-testid^="subcase-"]').count(), 2, "health sees its two");
    // A stale click: another health clerk accepted 出生医学证明 after this page loaded → the 409 shows,
    // the page reloads, and the clerk carries on from the new state.
    const shown = (await rig.t.call("admin", "GET", `/api/v1/bundle-cases/${caseId}`)).json;
    const birth = shown.subcases.find((s: { id: string }) => s.id === "birth-cert");
    const other = await request(rig.t, "POST", `/api/v1/bundle-cases/${caseId}/subcases/birth-cert/actions`, {
      token: healthToken,
      body: { action: "accept", version: birth.version },
    });
    assert.equal(other.status, 200, other.text);
    await health.page.getByTestId("sub-birth-cert-accept").click();
    await health.page.getByTestId("case-conflict").waitFor();
    await health.page.getByTestId("sub-birth-cert-approve").waitFor();
    await act(health.page, "birth-cert", "approve", "issue-result");
    await act(health.page, "birth-cert", "issue-result", "status:issued");
    await issue(health.page, "vaccination");
    await rig.shot(health.page, "bundles-health");

    const police = await open("b-police");
    await police.page.getByTestId("sub-hukou-accept").waitFor();
    await issue(police.page, "hukou");

    const hrss = await open("b-hrss");
    await hrss.page.getByTestId("sub-medical-accept").waitFor();
    await issue(hrss.page, "medical");
    await issue(hrss.page, "ss-card");
    await rig.shot(hrss.page, "bundles-hrss");

    await desk.reload();
    await desk.locator('[data-testid="case-status"][data-status="completed"]').waitFor();

    // 5. The citizen tracks it on the portal: finished, every part issued.
    const citizen = await rig.newPage("zh", { width: 390, height: 844 });
    await citizen.page.goto(`${rig.base}/public/bundle`);
    await citizen.page.getByTestId("bundle-track-no").fill(caseNo);
    await citizen.page.getByTestId("bundle-track-secret").fill(secret);
    await citizen.page.getByTestId("bundle-track-submit").click();
    await citizen.page.locator('[data-testid="bundle-track-status"][data-status="completed"]').waitFor();
    const text = (await citizen.page.getByTestId("bundle-track-result").textContent()) ?? "";
    for (const name of ["出生医学证明", "出生户口登记", "社会保障卡申领"])
      assert.match(text, new RegExp(name));
    assert.doesNotMatch(text, /210102199001011234|13800009999/, "nothing personal on the portal");
    await rig.shot(citizen.page, "bundles-portal");

    // The only error any page logged is the browser's note about the intended 409 above.
    assert.deepEqual(
      health.errors.filter((e) => !/status of 409/.test(e)),
      [],
    );
    assert.equal(health.errors.length, 1);
    for (const p of [agent, health, police, hrss, citizen]) {
      if (p !== health) assert.deepEqual(p.errors, [], "no console errors");
      await p.close();
    }
  });

  test("the supervisor reads a bundle's definition and its reform figures, and filters the case list", async () => {
    const { page, errors, close } = await rig.newPage();
    await rig.login(page, "t-supervisor");
    await page.goto(`${rig.base}/bundles`);
    await page.getByTestId("bundle-definitions").waitFor();
    await page.getByTestId("bundle-newborn").click();
    await page.getByText("出生户口登记").first().waitFor();
    await page.getByRole("tab", { name: "改革成效" }).click();
    await page.getByTestId("reform-figures").waitFor();
    const figures = (await page.getByTestId("reform-figures").textContent()) ?? "";
    assert.match(figures, /跑动次数/);
    assert.equal(
      await page.getByTestId("reform-xlsx").getAttribute("href"),
      "/api/v1/bundles/newborn/reform-metrics.xlsx",
    );
    await rig.shot(page, "bundles-reform");
    await page.goto(`${rig.base}/bundle-cases`);
    await page.getByTestId("bundle-cases").waitFor();
    await page.getByTestId("filter-status").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "已办结" }).click();
    await page.getByTestId("case-link").first().waitFor();
    assert.ok(
      (await page.locator('[data-testid="case-status"]:not([data-status="completed"])').count()) === 0,
    );
    await rig.shot(page, "bundles-cases");
    assert.deepEqual(errors, []);
    await close();
  });
});
