import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCityCentres, loadRegions } from "../modules/directory/seed/index.ts";
import { insideProvince, PROVINCE } from "./province.ts";

test("the configured province is the one the seeded regions describe", () => {
  const regions = loadRegions();
  const top = regions.filter((r) => r.level === 1);
  assert.deepEqual(
    top.map((r) => [r.code, r.name]),
    [[PROVINCE.code, PROVINCE.name]],
  );
  assert.ok(PROVINCE.name.startsWith(PROVINCE.shortName));
  const cities = regions.filter((r) => r.level === 2);
  assert.equal(cities.length, PROVINCE.cityCount);
  assert.ok(cities.every((c) => c.code.startsWith(PROVINCE.code) && c.code.length === 4));
  assert.equal(PROVINCE.provinceLevelCity, `${PROVINCE.code}00`);
  assert.ok(
    !cities.some((c) => c.code === PROVINCE.provinceLevelCity),
    "no real city has the province-level code",
  );
});

test("the box holds the province's centre and every city centre", () => {
  assert.ok(insideProvince(PROVINCE.centre.lat, PROVINCE.centre.lng));
  const centres = loadCityCentres();
  assert.equal(centres.length, PROVINCE.cityCount);
  for (const c of centres) assert.ok(insideProvince(c.lat, c.lng), `${c.name} (${c.lat}, ${c.lng})`);
});

test("insideProvince: edges belong to the box, points beyond do not", () => {
  const b = PROVINCE.bounds;
  assert.ok(insideProvince(b.minLat, b.minLng));
  assert.ok(insideProvince(b.maxLat, b.maxLng));
  assert.ok(!insideProvince(b.minLat - 0.01, PROVINCE.centre.lng));
  assert.ok(!insideProvince(PROVINCE.centre.lat, b.maxLng + 0.01));
  assert.ok(!insideProvince(39.9, 116.4), "Beijing");
  assert.ok(!insideProvince(45.75, 126.63), "Harbin");
  assert.ok(insideProvince(41.8, 123.43), "Shenyang");
});
