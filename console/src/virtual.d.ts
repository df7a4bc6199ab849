declare module "virtual:liaoning-map" {
  const map: { type: "FeatureCollection"; features: unknown[] };
  export default map;
}

declare module "virtual:province" {
  /** The province served (server/config/province.ts): its code, names and the map's registered name. */
  const province: { code: string; name: string; nameEn: string; mapName: string };
  export default province;
}
