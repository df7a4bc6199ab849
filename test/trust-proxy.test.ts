import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../server/config/config.ts";
import { buildApp } from "../server/http/app.ts";
import { PASSWORD, startTestApp, type TestApp } from "./support/test-app.ts";

describe("HOTLINE_TRUST_PROXY", () => {
  it("is off unless set, and takes addresses, CIDRs, named ranges or a hop count", () => {
    assert.equal(loadConfig({}).trustProxy, null);
    assert.equal(loadConfig({ HOTLINE_TRUST_PROXY: " " }).trustProxy, null);
    assert.deepEqual(loadConfig({ HOTLINE_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,loopback" }).trustProxy, [
      "127.0.0.1",
      "10.0.0.0/8",
      "loopback",
    ]);
    assert.equal(loadConfig({ HOTLINE_TRUST_PROXY: "2" }).trustProxy, 2);
  });

  it("refuses a value that is not a proxy list, naming the variable", () => {
    assert.throws(() => loadConfig({ HOTLINE_TRUST_PROXY: "true" }), /HOTLINE_TRUST_PROXY.*"true"/);
    assert.throws(() => loadConfig({ HOTLINE_TRUST_PROXY: "0" }), /HOTLINE_TRUST_PROXY hops/);
  });
});

describe("behind a trusted reverse proxy", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const login = (app: Awaited<ReturnType<typeof buildApp>>) =>
    app.inject({
      method: "POST",
      url: "/api/v1/session",
      remoteAddress: "127.0.0.1",
      headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" },
      payload: { username: "t-agent", password: PASSWORD },
    });

  it("the session cookie is Secure when the proxy says the client used https", async () => {
    const proxied = await buildApp(t.ctx, { trustProxy: ["127.0.0.1"] });
    try {
      const res = await login(proxied);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers["set-cookie"]), /;\s*Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it("without the setting the forwarded headers are not believed", async () => {
    const res = await login(t.app);
    assert.equal(res.statusCode, 200, res.body);
    assert.doesNotMatch(String(res.headers["set-cookie"]), /;\s*Secure/i);
  });
});
