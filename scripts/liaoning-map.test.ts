import assert from "node:assert/strict";
import { test } from "node:test";
import { buildLiaoningMap, captureRegisteredMap, dissolve } from "./liaoning-map.ts";

test("two squares sharing an edge dissolve into one outline without the shared edge", () => {
  const a: [number, number][] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const b: [number, number][] = [
    [1, 0],
    [2, 0],
    [2, 1],
    [1, 1],
  ];
  const out = dissolve([[a], [b]]);
  assert.equal(out.length, 1);
  const ring = out[0]![0]!;
  assert.equal(ring.length, 6);
  assert.ok(!ring.some(([x, y]) => x === 1 && y === 0.5));
});

test("a compact-encoded map script is captured and decoded", () => {
  // ECharts' compact encoding: per point, zig-zag deltas + 64 as characters, from encodeOffsets.
  const enc = (n: number) => String.fromCharCode(64 + (n >= 0 ? 2 * n : -2 * n - 1));
  const coords = [enc(0) + enc(0), enc(1024) + enc(0), enc(0) + enc(1024), enc(-1024) + enc(0)].join("");
  const geo = {
    type: "FeatureCollection",
    UTF8Encoding: true,
    features: [
      {
        type: "Feature",
        id: "219901",
        properties: { name: "x" },
        geometry: { type: "Polygon", coordinates: [coords], encodeOffsets: [[122 * 1024, 41 * 1024]] },
      },
    ],
  };
  const src = `(function (root, factory) { factory({}, root.echarts); }(this, function (exports, echarts) { echarts.registerMap('测试', ${JSON.stringify(geo)}); }));`;
  const { name, geo: got } = captureRegisteredMap(src);
  assert.equal(name, "测试");
  assert.equal(got.features.length, 1);
});

test("the generated map has Liaoning's 14 cities with codes and polygons inside the province", () => {
  const map = buildLiaoningMap();
  assert.equal(map.features.length, 14);
  const ids = map.features.map((f) => f.id).sort();
  assert.deepEqual(
    ids,
    Array.from({ length: 14 }, (_, i) => `21${String(i + 1).padStart(2, "0")}`),
  );
  assert.ok(map.features.some((f) => f.properties.name === "沈阳市"));
  for (const f of map.features) {
    const polys = f.geometry.coordinates as [number, number][][][];
    assert.ok(polys.length >= 1, `${f.properties.name} has an outline`);
    for (const [lng, lat] of polys[0]![0]!) {
      assert.ok(
        lng > 118 && lng < 126 && lat > 38 && lat < 44,
        `${f.properties.name}: ${lng},${lat} in Liaoning`,
      );
    }
  }
  assert.ok(JSON.stringify(map).length < 200_000, "small enough to ship with the dashboard");
});
