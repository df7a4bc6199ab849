import assert from "node:assert/strict";
import { test } from "node:test";
import { redactUrl } from "./security-headers.ts";

test("redactUrl hides tracking secrets, API keys and phones in a logged URL, and keeps the rest", () => {
  assert.equal(
    redactUrl("/api/v1/public/appeals/2101-20250303-000001?secret=abcdef0123456789"),
    "/api/v1/public/appeals/2101-20250303-000001?secret=***",
  );
  assert.equal(
    redactUrl("/open311/v2/requests.json?api_key=k-123&jurisdiction_id=21&status=open"),
    "/open311/v2/requests.json?api_key=***&jurisdiction_id=21&status=open",
  );
  assert.equal(redactUrl("/api/v1/appeals?phone=13112346482&limit=5"), "/api/v1/appeals?phone=***&limit=5");
  assert.equal(redactUrl("/api/v1/appeals?%70hone=13112346482"), "/api/v1/appeals?%70hone=***");
  assert.equal(redactUrl("/api/v1/appeals?status=received"), "/api/v1/appeals?status=received");
  assert.equal(redactUrl("/healthz"), "/healthz");
});
