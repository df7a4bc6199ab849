import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError, badField, conflict, rateLimited, retryAfterOf } from "./errors.ts";

test("rateLimited is the one 429 shape: code RATE_LIMITED, the message, retryAfterSeconds in details", () => {
  const e = rateLimited("Too many lookups. Try again in 30 seconds.", 30);
  assert.ok(e instanceof AppError);
  assert.equal(e.status, 429);
  assert.equal(e.code, "RATE_LIMITED");
  assert.equal(e.message, "Too many lookups. Try again in 30 seconds.");
  assert.deepEqual(e.details, [{ retryAfterSeconds: 30 }]);
});

test("retryAfterOf reads the wait of a 429 and nothing else", () => {
  assert.equal(retryAfterOf(rateLimited("wait", 12)), 12);
  assert.equal(retryAfterOf(rateLimited("no wait", 0)), undefined);
  assert.equal(retryAfterOf(new AppError(429, "RATE_LIMITED", "no details")), undefined);
  assert.equal(
    retryAfterOf(conflict("X", "409 with a look-alike detail", [{ retryAfterSeconds: 5 }])),
    undefined,
  );
  assert.equal(retryAfterOf(badField("a", "b")), undefined);
});
