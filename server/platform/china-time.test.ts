import assert from "node:assert/strict";
import { test } from "node:test";
import { CHINA_OFFSET_MS, chinaDate, chinaHour, chinaMidnight } from "./china-time.ts";

test("China time is UTC+08:00", () => {
  assert.equal(CHINA_OFFSET_MS, 8 * 60 * 60 * 1000);
});

test("chinaDate: the China day changes at 16:00 UTC", () => {
  assert.equal(chinaDate(new Date("2024-09-30T15:59:59.999Z")), "2024-09-30");
  assert.equal(chinaDate(new Date("2024-09-30T16:00:00.000Z")), "2024-10-01");
  assert.equal(chinaDate(new Date("2024-10-01T00:00:00+08:00")), "2024-10-01");
  assert.equal(chinaDate(new Date("2024-10-01T23:59:59+08:00")), "2024-10-01");
});

test("chinaDate across a year end and a leap day", () => {
  assert.equal(chinaDate(new Date("2024-12-31T16:00:00Z")), "2025-01-01");
  assert.equal(chinaDate(new Date("2024-12-31T15:59:59Z")), "2024-12-31");
  assert.equal(chinaDate(new Date("2024-02-28T16:00:00Z")), "2024-02-29");
});

test("chinaHour: the hour on a China clock, wrapping at midnight", () => {
  assert.equal(chinaHour(new Date("2024-09-30T15:59:59Z")), 23);
  assert.equal(chinaHour(new Date("2024-09-30T16:00:00Z")), 0);
  assert.equal(chinaHour(new Date("2024-09-30T01:30:00Z")), 9);
  assert.equal(chinaHour(new Date("2024-10-01T03:00:00+08:00")), 3);
});

test("chinaMidnight: 00:00 China time is 16:00 UTC of the day before", () => {
  assert.equal(chinaMidnight("2024-10-01").toISOString(), "2024-09-30T16:00:00.000Z");
  assert.equal(chinaMidnight("2025-01-01").toISOString(), "2024-12-31T16:00:00.000Z");
});

test("chinaMidnight and chinaDate agree at the boundary", () => {
  for (const d of ["2024-02-29", "2024-10-01", "2025-01-01", "2026-12-31"]) {
    const start = chinaMidnight(d);
    assert.equal(chinaDate(start), d);
    assert.notEqual(chinaDate(new Date(start.getTime() - 1)), d);
    assert.equal(chinaDate(new Date(start.getTime() + 86_400_000 - 1)), d);
  }
});

test("nothing depends on the machine's time zone", () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ["America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
      process.env.TZ = tz;
      assert.equal(chinaDate(new Date("2024-09-30T16:30:00Z")), "2024-10-01", tz);
      assert.equal(chinaMidnight("2024-10-01").toISOString(), "2024-09-30T16:00:00.000Z", tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});
