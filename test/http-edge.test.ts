import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { appealBody, startTestApp, type TestApp } from "./support/test-app.ts";

// Requests sent over a real socket, as a client library sends them (app.inject never uploads).
describe("HTTP edge: oversized bodies over a real connection", () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(() => t.close());

  const bigAppeal = () => JSON.stringify(appealBody({ body: "停水".repeat(600_000) }));

  it("answers a 1.8 MB appeal sent with fetch with a readable 413 naming the limit", async () => {
    const payload = bigAppeal();
    assert.ok(Buffer.byteLength(payload) > 1.7 * 1024 * 1024);
    const res = await fetch(`${base}/api/v1/appeals`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t.tokens.agent}` },
      body: payload,
    });
    assert.equal(res.status, 413);
    const json = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(json.error.code, "PAYLOAD_TOO_LARGE");
    assert.match(json.error.message, /1 MiB/);
  });

  it("answers a streamed (chunked, no Content-Length) oversized body with a readable 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    // Sent slowly, as a phone on a poor network would: the server has refused the body long before
    // the client stops sending, so an answer-and-close would reset the upload.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= 2 * 1024 * 1024) return controller.close();
        await new Promise((r) => setTimeout(r, 5));
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${base}/api/v1/appeals`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t.tokens.agent}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "PAYLOAD_TOO_LARGE");
  });

  it("still serves the next request on a new connection afterwards", async () => {
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
  });
});

describe("HTTP edge: security headers", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("the console cannot be framed or sniffed, and loads only its own scripts", async () => {
    const res = await t.app.inject({ method: "GET", url: "/" });
    assert.equal(res.headers["x-frame-options"], "DENY");
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
  });

  it("API answers, errors included, carry the same protections", async () => {
    const ok = await t.app.inject({ method: "GET", url: "/healthz" });
    assert.equal(ok.headers["x-content-type-options"], "nosniff");
    const missing = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers["x-frame-options"], "DENY");
  });
});
