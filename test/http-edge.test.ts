import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { Worker } from "node:worker_threads";
import { startTestApp, type TestApp } from "./support/test-app.ts";

/**
 * POSTs `mb` megabytes with Node's `fetch` from a worker thread: a client with its own event loop, as
 * a separate program would be, so it is still uploading when the server answers (in the test's own
 * loop the upload would finish before the server could run). Resolves to the status and body read,
 * or to the error that `fetch` reported.
 */
function postFromAnotherThread(url: string, mb: number, token: string) {
  const code = `
    const { parentPort, workerData: w } = require("node:worker_threads");
    fetch(w.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer " + w.token },
      body: JSON.stringify({ title: "停水", body: "停水".repeat(Math.floor(w.mb * 1024 * 1024 / 6)) }),
    })
      .then(async (r) => parentPort.postMessage({ status: r.status, body: await r.text() }))
      .catch((e) => parentPort.postMessage({ error: String(e.cause?.code ?? e.message) }));`;
  return new Promise<{ status?: number; body?: string; error?: string }>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url, mb, token } });
    worker.once("message", (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

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

  for (const mb of [1.8, 4, 8]) {
    it(`answers a ${mb} MB appeal sent with fetch with a readable 413 naming the limit`, async () => {
      const res = await postFromAnotherThread(`${base}/api/v1/appeals`, mb, t.tokens.agent);
      assert.equal(res.error, undefined, `fetch failed: ${res.error}`);
      assert.equal(res.status, 413);
      const json = JSON.parse(res.body ?? "") as { error: { code: string; message: string } };
      assert.equal(json.error.code, "PAYLOAD_TOO_LARGE");
      assert.match(json.error.message, /1 MiB/);
    });
  }

  it("answers a streamed (chunked, no Content-Length) oversized body with a readable 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    // Sent slowly, as a phone on a poor network would.
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
