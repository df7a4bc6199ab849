/**
 * Shared set-up for browser journeys (test/browser/*.test.ts) and the console benchmark
 * (bench/console.bench.ts): the console built once (scripts/ensure-console.mjs), the server started
 * in-process on a free port with its clock on real time (the browser's "today"), Debian's Chromium
 * driven by playwright-core (never downloaded), pages that record console errors, log-in, and
 * screenshots under .tmp/screenshots/ (git-ignored).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { PASSWORD, startTestApp, type TestApp } from "../support/test-app.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = ".tmp/screenshots";
/** HOTLINE_SKIP_BROWSER=1 skips the browser journeys where no Chromium can be installed. */
export const skipBrowser = process.env.HOTLINE_SKIP_BROWSER === "1";

/** Throws a clear error (how to install it, how to skip) when Debian's Chromium is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk; .ci/run does it), or set HOTLINE_SKIP_BROWSER=1 to skip the browser tests.`,
    );
  }
}

/** One build, only when console/dist is missing or older than its sources. */
export function buildConsole(): void {
  const built = spawnSync(process.execPath, ["scripts/ensure-console.mjs"], { stdio: "inherit" });
  assert.equal(built.status, 0, "building the console failed");
}

/** Debian's Chromium, headless, without the background traffic a fresh profile makes. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Puts the test app's clock on real time (the browser's countdowns and "today" use it), renews the
 * test users' sessions, runs `prepare` (seeding), listens on a free port and returns its base URL.
 */
export async function serveOnRealTime(t: TestApp, prepare?: (t: TestApp) => Promise<void>): Promise<string> {
  t.clock.set(new Date());
  for (const key of Object.keys(t.tokens) as (keyof TestApp["tokens"])[]) {
    // the sessions made at the frozen start time would be long expired on real time
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: `t-${key}`, password: PASSWORD },
    });
    t.tokens[key] = res.json().token;
  }
  await prepare?.(t);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const addr = t.app.server.address();
  assert.ok(addr && typeof addr === "object");
  return `http://127.0.0.1:${addr.port}`;
}

export interface BrowserRig {
  t: TestApp;
  browser: Browser;
  base: string;
  /** A fresh page (own cookies) in a language, recording console errors, page errors and dialogs. */
  newPage(
    lang?: "zh" | "en",
    viewport?: { width: number; height: number },
  ): Promise<{ page: Page; errors: string[]; dialogs: string[]; close: () => Promise<void> }>;
  /** Logs in on the console's form and waits for the shell. */
  login(page: Page, username: string): Promise<void>;
  /** A full-page screenshot `name`.png under .tmp/screenshots/. */
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export interface RigOptions {
  /** Runs on the started app (sessions renewed) before it listens: seed data here. */
  prepare?: (t: TestApp) => Promise<void>;
}

export async function startBrowserRig(options: RigOptions = {}): Promise<BrowserRig> {
  requireChromium();
  buildConsole();
  mkdirSync(SHOTS, { recursive: true });
  const t = await startTestApp();
  let base: string;
  let browser: Browser;
  try {
    base = await serveOnRealTime(t, options.prepare);
    browser = await launchChromium();
  } catch (e) {
    await t.close(); // a failed start must not leave the server holding the test process open
    throw e;
  }
  return {
    t,
    browser,
    base,
    async newPage(lang = "zh", viewport = { width: 1440, height: 900 }) {
      const context = await browser.newContext({ viewport, locale: "zh-CN" });
      await context.addInitScript({ content: `localStorage.setItem("hotline.lang", "${lang}");` });
      const page = await context.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      return { page, errors, dialogs, close: () => context.close() };
    },
    async login(page, username) {
      await page.goto(`${base}/`);
      await page.locator("#username").fill(username);
      await page.locator("#password").fill(PASSWORD);
      await page.locator("button[type=submit]").click();
      await page.getByTestId("whoami").waitFor();
    },
    async shot(page, name) {
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
