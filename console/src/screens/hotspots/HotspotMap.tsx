/**
 * The hot spots on the map of Liaoning (lazy-loaded with ECharts): the dashboard's map, registered
 * by components/Charts.tsx (virtual:liaoning-map, nothing fetched from the internet), coloured by
 * the heat of each city's hot spots, with the appeals that carry coordinates as points.
 */
import { ScatterChart } from "echarts/charts";
import { GeoComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { useEffect, useRef } from "react";
// Importing Charts.tsx registers the "liaoning" map and the chart types the dashboard uses.
import "../../components/Charts.tsx";

echarts.use([ScatterChart, GeoComponent]);

export { TrendChart } from "../../components/Charts.tsx";

export default function HotspotMap({
  cities,
  points = [],
  height = 360,
}: {
  cities: { name: string; value: number }[];
  points?: { name: string; value: [number, number] }[];
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const max = Math.max(1, ...cities.map((c) => c.value));
  const option: echarts.EChartsCoreOption = {
    tooltip: { trigger: "item" },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: true,
      seriesIndex: 0,
      inRange: { color: ["#fff7e6", "#d4380d"] },
    },
    geo: { map: "liaoning", roam: true, label: { show: true, fontSize: 10 } },
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
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    const box = el.current;
    if (!box) return;
    // ECharts cannot lay out a map in a box of size 0: start once the box has a size.
    const sync = () => {
      if (box.clientWidth === 0 || box.clientHeight === 0) return;
      if (!chart.current) {
        chart.current = echarts.init(box);
        chart.current.setOption(latest.current, true);
      } else chart.current.resize();
    };
    const ro = new ResizeObserver(sync);
    ro.observe(box);
    sync();
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  const key = JSON.stringify([cities, points]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the data shown
  useEffect(() => {
    chart.current?.setOption(latest.current, true);
  }, [key]);
  return <div ref={el} style={{ width: "100%", height }} data-testid="hotspot-map" />;
}
