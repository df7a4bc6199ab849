declare module "virtual:liaoning-map" {
  const map: { type: "FeatureCollection"; features: unknown[] };
  export default map;
}
