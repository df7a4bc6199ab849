import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import Fastify from "fastify";
import { consoleRoutes } from "../server/http/console.ts";

test("the console is served at / and /public with an SPA fallback; API paths stay JSON 404s", async () => {
  const dist = mkdtempSync(join(tmpdir(), "console-dist-"));
  try {
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><div id=root></div>");
    const js = `console.log(${JSON.stringify("x".repeat(3000))});`;
    writeFileSync(join(dist, "assets", "main-abc123.js"), js);
    writeFileSync(join(dist, "assets", "main-abc123.js.gz"), gzipSync(js));
    const app = Fastify();
    await consoleRoutes(app, dist);
    for (const url of ["/", "/desk", "/appeals/123", "/public", "/public/track"]) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers["content-type"]), /text\/html/, url);
      assert.match(res.body, /id=root/);
      assert.equal(res.headers["cache-control"], "no-cache");
    }
    const asset = await app.inject({ url: "/assets/main-abc123.js", headers: { "accept-encoding": "gzip" } });
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.headers["content-encoding"], "gzip");
    assert.match(String(asset.headers["cache-control"]), /immutable/);
    assert.equal((await app.inject({ url: "/assets/missing.js" })).statusCode, 404);
    for (const url of ["/api/v1/nope", "/healthz/x", "/favicon.ico"]) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, "NOT_FOUND");
    }
    await app.close();
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test("without a built console the root says how to build it", async () => {
  const app = Fastify();
  await consoleRoutes(app, join(tmpdir(), "no-such-console-dist"));
  const res = await app.inject({ url: "/" });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /npm run build:console/);
  await app.close();
});
