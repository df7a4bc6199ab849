import assert from "node:assert/strict";
import { test } from "node:test";
import { buildLiaoningMap, captureRegisteredMap, dissolve, loadCityDistricts } from "./liaoning-map.ts";

type P = [number, number];

test("two squares sharing an edge dissolve into one outline without the shared edge", () => {
  const a: P[] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const b: P[] = [
    [1, 0],
    [2, 0],
    [2, 1],
    [1, 1],
  ];
  const out = dissolve([[a], [b]], 0.25);
  assert.equal(out.length, 1);
  assert.equal(out[0]!.length, 1, "no hole");
  const ring = out[0]![0]!;
  assert.equal(ring.length, 4, "the shared edge's corners are gone");
  assert.ok(!ring.some(([x]) => x === 1));
});

test("a district inside a ring of districts is part of the union, not a hole", () => {
  // A 3×3 block cut into a centre square and an outer ring of four pieces whose vertices do not
  // match the centre's (the centre has extra vertices on its edges, as real district data does).
  const centre: P[] = [
    [1, 1],
    [1.5, 1],
    [2, 1],
    [2, 2],
    [1, 2],
  ];
  const pieces: P[][] = [
    [
      [0, 0],
      [3, 0],
      [2, 1],
      [1, 1],
    ],
    [
      [3, 0],
      [3, 3],
      [2, 2],
      [2, 1],
    ],
    [
      [3, 3],
      [0, 3],
      [1, 2],
      [2, 2],
    ],
    [
      [0, 3],
      [0, 0],
      [1, 1],
      [1, 2],
    ],
  ];
  const out = dissolve([...pieces.map((p) => [p]), [centre]], 0.1);
  assert.equal(out.length, 1);
  assert.equal(out[0]!.length, 1, "the centre is filled, not emitted as a hole");
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

const map = buildLiaoningMap();
const sources = loadCityDistricts();

test("the generated map has Liaoning's 14 cities with codes and polygons inside the province", () => {
  assert.equal(map.features.length, 14);
  const ids = map.features.map((f) => f.id).sort();
  assert.deepEqual(
    ids,
    Array.from({ length: 14 }, (_, i) => `21${String(i + 1).padStart(2, "0")}`),
  );
  assert.ok(map.features.some((f) => f.properties.name === "沈阳市"));
  for (const f of map.features) {
    const polys = f.geometry.coordinates as P[][][];
    assert.ok(polys.length >= 1, `${f.properties.name} has an outline`);
    for (const [lng, lat] of polys[0]![0]!) {
      assert.ok(
        lng > 118 && lng < 126 && lat > 38 && lat < 44,
        `${f.properties.name}: ${lng},${lat} in Liaoning`,
      );
    }
  }
  const size = JSON.stringify(map).length;
  assert.ok(size < 300_000, `small enough to ship with the dashboard (${size} bytes)`);
});

/** Crossings of the horizontal line at `y` with the rings: x and direction (+1 up, −1 down). */
function crossings(rings: P[][], y: number): [number, number][] {
  const xs: [number, number][] = [];
  for (const r of rings)
    for (let k = 0; k < r.length; k++) {
      const a = r[k]!;
      const b = r[(k + 1) % r.length]!;
      if (a[1] <= y === b[1] <= y) continue;
      xs.push([a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]), b[1] > a[1] ? 1 : -1]);
    }
  return xs.sort((u, v) => u[0] - v[0]);
}

/** Whether ECharts paints (x, y): it fills all of a region's rings as one path, nonzero rule. */
function drawnAt(rings: P[][], x: number, y: number): boolean {
  let w = 0;
  for (const [cx, d] of crossings(rings, y)) if (cx < x) w += d;
  return w !== 0;
}

const deg = (r: P[]): P[] => r.map(([x, y]) => [x / 1024, y / 1024]);

test("every city is drawn over its districts: no lost district, no stray hole, no spill", () => {
  const step = 0.01;
  for (const city of sources) {
    const f = map.features.find((g) => g.properties.name === city.name);
    assert.ok(f, city.name);
    const drawn = (f.geometry.coordinates as P[][][]).flat();
    const districts = city.districts.flatMap((d) => d.polys.map((p) => p.map(deg)));
    const all = districts.flat().flat();
    const [x0, x1] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
    const [y0, y1] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
    let source = 0;
    let both = 0;
    let spill = 0;
    for (let y = y0 + step / 2; y < y1; y += step) {
      const rowDrawn = crossings(drawn, y);
      const rowSource = districts.map((p) => crossings(p, y));
      for (let x = x0 + step / 2; x < x1; x += step) {
        let w = 0;
        for (const [cx, d] of rowDrawn) if (cx < x) w += d;
        // a district's own polygon: even-odd over its outer ring and holes
        const inSource = rowSource.some((xs) => xs.filter(([cx]) => cx < x).length % 2 === 1);
        if (inSource) source++;
        if (inSource && w !== 0) both++;
        if (!inSource && w !== 0) spill++;
      }
    }
    assert.ok(source > 100, `${city.name}: sampled`);
    assert.ok(
      both / source >= 0.95,
      `${city.name}: ${((100 * both) / source).toFixed(1)}% of its districts drawn`,
    );
    assert.ok(
      spill / source <= 0.05,
      `${city.name}: ${((100 * spill) / source).toFixed(1)}% drawn outside it`,
    );
  }
});

test("the centre of each of Shenyang's urban districts is inside the drawn 沈阳市", () => {
  const shenyang = map.features.find((g) => g.properties.name === "沈阳市");
  assert.ok(shenyang);
  const drawn = (shenyang.geometry.coordinates as P[][][]).flat();
  const source = sources.find((c) => c.name === "沈阳市");
  assert.ok(source);
  const urban = ["和平区", "沈河区", "大东区", "皇姑区", "铁西区"];
  for (const name of urban) {
    const d = source.districts.find((x) => x.name === name);
    assert.ok(d, name);
    const ring = deg(d.polys[0]![0]!);
    // area centroid of the district's outer ring
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let k = 0; k < ring.length; k++) {
      const p = ring[k]!;
      const q = ring[(k + 1) % ring.length]!;
      const c = p[0] * q[1] - q[0] * p[1];
      a += c;
      cx += (p[0] + q[0]) * c;
      cy += (p[1] + q[1]) * c;
    }
    assert.ok(drawnAt(drawn, cx / (3 * a), cy / (3 * a)), `${name} is painted as part of 沈阳市`);
  }
});
