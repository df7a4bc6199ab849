/**
 * 免申即享 in a real browser (playwright-core driving Debian's Chromium, see support.ts): a policy
 * officer writes a new policy in the console's grid editor (a formula that divides by zero is
 * shown at its cell), tests it, previews it against the registry, approves and publishes it; the
 * eligible enterprises appear in the ledger with their amounts and Chinese explanations; an admin
 * rejects one with a reason and confirms the others in bulk; the enterprise's page says what it
 * is entitled to and why (and what needs data); the enterprise looks itself up on the public
 * portal with its verification code. Plus: the policy screens in English carry no Chinese label.
 * Screenshots go to .tmp/screenshots/policy-*.png.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { computeUsccCheckChar } from "../../common/uscc.ts";
import { DEP } from "../support/test-app.ts";
import { type BrowserRig, skipBrowser, startBrowserRig } from "./support.ts";

if (skipBrowser) console.log("# browser tests skipped: HOTLINE_SKIP_BROWSER=1");

const uscc = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(8, "0")}X`;
  return first17 + computeUsccCheckChar(first17);
};
/** The registry: three Shenyang enterprises eligible, one in Dalian not, one without figures. */
const ENTERPRISES = [
  {
    uscc: uscc("210102", 11),
    name: "沈阳和平精密仪器有限公司",
    region: "210102",
    revenue: 50_000_000,
    rd: 3_100_000,
  },
  {
    uscc: uscc("210103", 12),
    name: "沈阳沈河软件有限公司",
    region: "210103",
    revenue: 20_000_000,
    rd: 1_100_000,
  },
  {
    uscc: uscc("210112", 13),
    name: "沈阳浑南新材料有限公司",
    region: "210112",
    revenue: 10_000_000,
    rd: 800_000,
  },
  {
    uscc: uscc("210202", 14),
    name: "大连中山电子有限公司",
    region: "210202",
    revenue: 40_000_000,
    rd: 4_000_000,
  },
  { uscc: uscc("210104", 15), name: "沈阳大东机械有限公司", region: "210104", revenue: null, rd: null },
] as const;
const [A, B, E, , D] = ENTERPRISES;
const POLICY = "sy-rd-bonus-2025";
const TITLE = "沈阳市企业研发投入后补助";

describe("免申即享 in Chromium", { skip: skipBrowser, timeout: 300_000 }, () => {
  let rig: BrowserRig;

  before(async () => {
    rig = await startBrowserRig();
    for (const e of ENTERPRISES) {
      const res = await rig.t.call("policy", "PUT", `/api/v1/enterprises/${e.uscc}`, {
        name: e.name,
        attrs: {
          regionCode: e.region,
          industryCode: "C40",
          employees: 80,
          ...(e.revenue ? { revenue: e.revenue, rdSpend: e.rd } : {}),
        },
      });
      assert.equal(res.status, 200, JSON.stringify(res.json));
    }
  });
  after(async () => rig?.close());

  /** Picks an option of an antd Select (or TreeSelect) found by test id, typing to filter. */
  async function pick(page: Page, testId: string, text: string, tree = false) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    const item = tree
      ? page.locator(".ant-select-dropdown:visible .ant-select-tree-title", { hasText: text })
      : page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text });
    await item.first().click();
  }

  test("an officer writes, tests, previews and publishes a policy; the ledger fills; an admin confirms; the enterprise looks itself up", async () => {
    const { t, base } = rig;
    const officer = await rig.newPage();
    const page = officer.page;
    await rig.login(page, "t-policy");
    await page.getByTestId("policy-list").waitFor();
    assert.equal(new URL(page.url()).pathname, "/policy", "the officer lands on the policy list");

    // A new policy in the grid editor.
    await page.getByTestId("policy-new").click();
    await page.getByTestId("policy-editor").waitFor();
    await page.getByTestId("policy-id").fill(POLICY);
    await page.getByTestId("policy-title").fill(TITLE);
    const housing = t.ctx.directory.departments.get(DEP.housing)?.name ?? "";
    assert.ok(housing);
    await pick(page, "policy-department", housing, true);
    await page.getByTestId("policy-basis").fill("示例：沈阳市支持企业加大研发投入若干措施 第四条");
    await page.getByTestId("add-input").click();
    await pick(page, "input-1", "研发投入占比");
    await page.getByTestId("cell-0-0").fill("2101");
    // A condition that is not one and a formula that divides by zero: each problem is shown at
    // its cell, in Chinese, and listed with its place.
    await page.getByTestId("cell-0-1").fill("五以上");
    await page.getByTestId("amount-0").fill("rdSpend / 0");
    await page.getByTestId("policy-validate").click();
    await page.getByTestId("amount-error-0").waitFor();
    assert.equal(await page.getByTestId("amount-error-0").textContent(), "金额公式除以零");
    assert.match((await page.getByTestId("cell-error-0-1").textContent()) ?? "", /“五以上” 不是数字/);
    const listed = (await page.getByTestId("problems").textContent()) ?? "";
    assert.match(listed, /决策表有 2 处问题/);
    assert.match(listed, /第 1 条规则 · 研发投入占比：“五以上” 不是数字/);
    await rig.shot(page, "policy-editor-error");
    await page.getByTestId("cell-0-1").fill(">= 5");
    await page.getByTestId("amount-0").fill("min(rdSpend * 0.1, 500000)");
    // The officer's own case.
    await page.getByTestId("add-test").click();
    await page.getByTestId("case-name-0").fill("和平区 研发 310 万");
    await page.getByTestId("case-0-regionCode").fill("210102");
    await page.getByTestId("case-0-rdRatio").fill("6.2");
    await page.getByTestId("case-0-rdSpend").fill("3100000");
    await page.getByTestId("case-amount-0").fill("310000");
    await page.getByTestId("policy-validate").click();
    await page.getByTestId("problems").waitFor({ state: "detached" });
    await page.getByTestId("policy-save").click();
    await page.getByTestId("versions").waitFor();
    assert.equal(new URL(page.url()).pathname, `/policy/${POLICY}`);
    assert.equal(
      await page.getByTestId("v-approve").isDisabled(),
      true,
      "no approval before tests and preview",
    );
    assert.equal(await page.getByTestId("v-publish").isDisabled(), true);

    // Test → preview → approve → publish.
    await page.getByTestId("v-test").click();
    await page.getByTestId("test-report").getByText("测试通过").waitFor();
    await page.getByTestId("v-preview").click();
    await page.getByTestId("preview").waitFor();
    assert.match((await page.getByTestId("preview-eligible").textContent()) ?? "", /3/);
    assert.match((await page.getByTestId("preview-total").textContent()) ?? "", /500,000/);
    assert.match((await page.getByTestId("preview").textContent()) ?? "", /首次发布/);
    await rig.shot(page, "policy-preview");
    // Four eyes: the officer who drafted it sees why they cannot approve; a colleague approves.
    assert.equal(await page.getByTestId("v-approve").isDisabled(), true, "the author does not approve");
    assert.match((await page.getByTestId("four-eyes").textContent()) ?? "", /需由另一位政策专员/);
    const approved = await t.call("policy2", "POST", `/api/v1/policies/${POLICY}/versions/1/approve`);
    assert.equal(approved.status, 200);
    await page.reload();
    await page.getByTestId("chosen-version").getByText("已审批").waitFor();
    assert.equal(await page.getByTestId("four-eyes").count(), 0);
    await page.getByTestId("v-publish").click();
    // The confirmation first: wait for it to open, confirm, and for it to close again.
    const confirm = page.locator(".ant-modal-confirm");
    await confirm.waitFor();
    await confirm.locator(".ant-btn-primary").click();
    await confirm.waitFor({ state: "detached" });
    try {
      await page.getByTestId("chosen-version").getByText("已发布").waitFor({ timeout: 60_000 });
    } catch (e) {
      await rig.shot(page, "policy-publish-failed");
      throw e;
    }
    assert.equal(await page.getByTestId("v-publish").isDisabled(), true);
    await rig.shot(page, "policy-published");
    const pol = await t.call("policy", "GET", `/api/v1/policies/${POLICY}`);
    assert.equal(pol.json.publishedVersion, 1);

    // A stricter second version: its preview shows the difference from the published one.
    await page.getByTestId("cell-0-1").fill(">= 6");
    await page.getByTestId("policy-save").click();
    await page.getByTestId("chosen-version").getByText("第 2 版").waitFor();
    await page.getByTestId("v-test").click();
    await page.getByTestId("test-report").getByText("测试通过").waitFor();
    await page.getByTestId("v-preview").click();
    await page.getByTestId("preview").getByText("与已发布第 1 版相比").waitFor();
    const diff = (await page.getByTestId("preview").textContent()) ?? "";
    assert.match(diff, /不再符合1/, "沈河 (5.5 %) drops out");
    assert.match(diff, new RegExp(`${B.uscc}不再符合110,000—`));
    await rig.shot(page, "policy-preview-v2");

    // The ledger: the eligible enterprises with amounts, and the explanation on demand.
    await page.goto(`${base}/ledger`);
    await page.getByTestId("ledger-table").getByText(A.name).waitFor();
    const rows = page.getByTestId("ledger-table").locator("tbody tr.ant-table-row");
    assert.equal(await rows.count(), 3);
    const amounts = (await page.getByTestId("ledger-amount").allTextContents()).sort();
    assert.deepEqual(amounts, ["110,000", "310,000", "80,000"]);
    assert.equal(await page.getByTestId("ledger-confirm").count(), 0, "an officer does not confirm");
    await page.locator("tr", { hasText: A.name }).getByTestId("ledger-explain").click();
    const why = page.getByTestId("ledger-why");
    await why.getByText("研发投入占比 6.2% ≥ 5% ✔").waitFor();
    assert.match((await why.textContent()) ?? "", /注册地 沈阳市和平区 ∈ 沈阳市 ✔/);
    assert.match((await why.textContent()) ?? "", /= 310,000 元/);
    await rig.shot(page, "policy-ledger");

    // An admin rejects one with a reason and confirms the other two in bulk.
    const admin = await rig.newPage();
    await rig.login(admin.page, "t-admin");
    await admin.page.goto(`${base}/ledger`);
    const aRows = admin.page.getByTestId("ledger-table");
    await aRows.getByText(E.name).waitFor();
    await admin.page.locator("tr", { hasText: E.name }).locator(".ant-checkbox-input").check();
    await admin.page.getByTestId("ledger-reject").click();
    await admin.page.getByTestId("ledger-reason").fill("研发费用未经专项审计");
    await admin.page.locator(".ant-modal-footer .ant-btn-dangerous").click();
    await admin.page.locator("tr", { hasText: E.name }).waitFor({ state: "detached" });
    await admin.page.locator("thead .ant-checkbox-input").check();
    assert.match(
      (await admin.page.getByTestId("ledger-selected").textContent()) ?? "",
      /2 条，合计 420,000 元/,
    );
    await rig.shot(admin.page, "policy-ledger-admin");
    await admin.page.getByTestId("ledger-confirm").click();
    await aRows.getByText(A.name).waitFor({ state: "detached" });
    const confirmed = await t.call(
      "admin",
      "GET",
      `/api/v1/entitlements?policyId=${POLICY}&status=confirmed`,
    );
    assert.deepEqual(
      confirmed.json.items.map((r: { uscc: string }) => r.uscc).sort(),
      [A.uscc, B.uscc].sort(),
    );
    const rejected = await t.call("admin", "GET", `/api/v1/entitlements?policyId=${POLICY}&status=rejected`);
    assert.equal(rejected.json.items[0].reason, "研发费用未经专项审计");

    // The enterprise's page: what it is entitled to and why; another needs data.
    await page.goto(`${base}/enterprises/${A.uscc}`);
    await page.getByTestId("enterprise-name").getByText(A.name).waitFor();
    const entitled = page.getByTestId("enterprise-entitlements");
    await entitled.getByText("已确认").waitFor();
    assert.match((await entitled.textContent()) ?? "", /研发投入占比 6\.2% ≥ 5% ✔/);
    await page.getByTestId("issue-code").click();
    const code = ((await page.getByTestId("lookup-code").textContent()) ?? "").trim();
    assert.ok(code.length >= 6, "a verification code is shown once");
    await rig.shot(page, "policy-enterprise");
    await page.getByTestId("enterprise-search").locator("input").fill(D.name.slice(0, 4));
    await page.getByTestId("enterprise-search").locator("input").press("Enter");
    await page.getByRole("link", { name: D.name }).click();
    await page.getByTestId("needs-data").getByText("研发投入占比").waitFor();

    // The enterprise looks itself up on the portal with its code (phone-sized).
    const citizen = await rig.newPage("zh", { width: 390, height: 844 });
    await citizen.page.goto(`${base}/public/enterprise`);
    await citizen.page.getByTestId("lookup-uscc").fill(A.uscc);
    await citizen.page.getByTestId("lookup-code-input").fill("wrong-code");
    await citizen.page.getByTestId("lookup-submit").click();
    await citizen.page.getByTestId("lookup-error").getByText("信用代码或查询码不正确").waitFor();
    await citizen.page.getByTestId("lookup-code-input").fill(code);
    await citizen.page.getByTestId("lookup-submit").click();
    const result = citizen.page.getByTestId("lookup-result");
    await result.getByText(TITLE).first().waitFor();
    assert.match((await result.textContent()) ?? "", /已确认/);
    assert.match((await result.textContent()) ?? "", /310,000 元/);
    assert.match((await result.textContent()) ?? "", /研发投入占比 6\.2% ≥ 5% ✔/);
    await rig.shot(citizen.page, "policy-public-lookup");

    // 404 of the wrong code is the only error the console may have logged (the fetch itself).
    const unexpected = (errs: string[]) => errs.filter((e) => !/404/.test(e));
    assert.deepEqual([...officer.errors, ...admin.errors], [], "no console errors for staff");
    assert.deepEqual(unexpected(citizen.errors), []);
    await Promise.all([officer.close(), admin.close(), citizen.close()]);
  });

  test("the policy screens in English carry no Chinese label", async () => {
    const { page, errors, close } = await rig.newPage("en");
    await rig.login(page, "t-policy");
    await page.getByTestId("policy-list").waitFor();
    await page.getByText("Policies").first().waitFor();
    await page.getByTestId("policy-new").click();
    await page.getByTestId("policy-editor").waitFor();
    await page.waitForLoadState("networkidle");
    const editor = (await page.getByTestId("policy-editor").textContent()) ?? "";
    // The region hint under a cell and attribute values are data; labels must all be English.
    assert.doesNotMatch(editor, /[\u4e00-\u9fff]/, "no Chinese label in the English editor");
    await page.goto(`${rig.base}/ledger`);
    await page.getByTestId("ledger").waitFor();
    const head = await page
      .locator(".ant-card-head, .ant-select-selection-placeholder, thead")
      .allInnerTexts();
    assert.doesNotMatch(head.join(" "), /[\u4e00-\u9fff]/, "no Chinese label on the English ledger");
    await rig.shot(page, "policy-ledger-en");
    assert.deepEqual(errors, []);
    await close();
  });
});
