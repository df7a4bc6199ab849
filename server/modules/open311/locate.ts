import { insideProvince, PROVINCE } from "../../config/province.ts";
import type { Directory, Region } from "../directory/directory-cache.ts";

/**
 * The province's bounding box (WGS84, `config/province.ts`), slightly generous. A point outside
 * cannot be one of our places; a point inside is placed by the nearest region centre.
 */
export const LIAONING_BOUNDS = PROVINCE.bounds;

/** True for a point inside the province's box. */
export function insideLiaoning(lat: number, lng: number): boolean {
  return insideProvince(lat, lng);
}

/**
 * The region whose centre (from the catalog: the 14 cities carry one) lies nearest to a point,
 * by equirectangular distance (plenty at a province's scale). Coarse by design: it names the city,
 * not the district, and near a border it can name the neighbour. Null when no region has a centre.
 */
export function nearestRegion(dir: Directory, lat: number, lng: number): string | null {
  const k = Math.cos((lat * Math.PI) / 180);
  let best: { code: string; d: number } | null = null;
  for (const r of dir.regions.values()) {
    if (r.lat === null || r.lng === null || r.level < 2) continue;
    const dy = r.lat - lat;
    const dx = (r.lng - lng) * k;
    const d = dx * dx + dy * dy;
    if (!best || d < best.d || (d === best.d && r.code.length > best.code.length)) best = { code: r.code, d };
  }
  return best?.code ?? null;
}

const cityShort = (name: string) => name.replace(/市$/, "");

/**
 * The most specific region an address names: a city by its full name (沈阳市), or by its short
 * name directly followed by one of its districts (沈阳和平区); then a district of that city by its
 * full name (和平区). Without a city, a district whose full name is unique in the province.
 * Null when the text names no place of ours.
 */
export function regionFromAddress(dir: Directory, text: string): string | null {
  const regions = [...dir.regions.values()];
  const cities = regions.filter((r) => r.level === 2);
  const districtsOf = (city: Region) => regions.filter((r) => r.level === 3 && r.parentCode === city.code);
  let city: { region: Region; at: number } | null = null;
  for (const c of cities) {
    const patterns = [c.name, ...districtsOf(c).map((d) => cityShort(c.name) + d.name)];
    for (const p of patterns) {
      const at = text.indexOf(p);
      if (at >= 0 && (!city || at < city.at)) city = { region: c, at };
    }
  }
  if (city) {
    const district = districtsOf(city.region).find((d) => text.includes(d.name));
    return district?.code ?? city.region.code;
  }
  const named = regions.filter((r) => r.level === 3 && text.includes(r.name));
  return named.length === 1 ? named[0]!.code : null;
}

/**
 * Picks the appeal's region from what the client said, most specific first, never leaving the
 * jurisdiction: the address's region, then the point's, each only when it lies within the
 * jurisdiction; otherwise the jurisdiction itself (a city app placing a report in its own city).
 */
export function chooseRegion(
  jurisdiction: string | null,
  fromAddress: string | null,
  fromPoint: string | null,
): string | null {
  const base = jurisdiction && jurisdiction.length > 2 ? jurisdiction : null;
  const fits = (c: string | null): c is string => !!c && (!base || c.startsWith(base));
  let best: string | null = null;
  for (const c of [fromAddress, fromPoint]) {
    if (!fits(c)) continue;
    if (!best || (c.startsWith(best) && c.length > best.length)) best = c;
  }
  return best ?? base;
}
