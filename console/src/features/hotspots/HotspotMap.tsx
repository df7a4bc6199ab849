/**
 * The hot spots on the map of Liaoning (lazy-loaded with ECharts): the dashboard's map, registered
 * by components/Charts.tsx (virtual:liaoning-map, nothing fetched from the internet), coloured by
 * the heat of each city's hot spots, with the appeals that carry coordinates as points.
 */

import province from "virtual:province";
import { ScatterChart } from "echarts/charts";
import { GeoComponent } from "echarts/components";
import * as echarts from "echarts/core";
// Charts.tsx registers the province's map and the chart types the dashboard uses, and sizes charts.
import { heatScale, useChart } from "../../shared/components/Charts.tsx";

echarts.use([ScatterChart, GeoComponent]);

export { TrendChart } from "../../shared/components/Charts.tsx";

export default function HotspotMap({
  cities,
  points = [],
  height = 360,
}: {
  cities: { name: string; value: number }[];
  points?: { name: string; value: [number, number] }[];
  height?: number;
}) {
  const option: echarts.EChartsCoreOption = {
    tooltip: { trigger: "item" },
    visualMap: { ...heatScale(cities, ["#fff7e6", "#d4380d"]), seriesIndex: 0 },
    geo: { map: province.mapName, roam: true, label: { show: true, fontSize: 10 } },
    series: [
      { type: "map", geoIndex: 0, data: cities },
      {
        type: "scatter",
        coordinateSystem: "geo",
        symbolSize: 9,
        itemStyle: { color: "#1f5fbf" },
        data: points,
      },
    ],
  };
  return useChart(option, height, "hotspot-map", JSON.stringify([cities, points]));
}
