/**
 * 督办/考核 Supervisor dashboard: today / week / month volumes, the six rates, the trend, volumes
 * by category and on the map of Liaoning, the department league table (Excel from the server's
 * metrics.xlsx), the overdue list and the extensions to approve (CSV), with supervise, merge,
 * approve and reject from the rows. Charts load on their own (ECharts is a separate chunk).
 */
import { Card, Col, Row, Space, Statistic, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { ErrorBoundary } from "../../shared/components/ErrorBoundary.tsx";
import { useRefData } from "../../shared/refdata.ts";
import { useApi } from "../../shared/use-api.ts";
import { HotspotWarnings } from "../hotspots/HotspotWarnings.tsx";
import { useMetricsT } from "./i18n.ts";
import { League } from "./League.tsx";
import { loadDashboard, type MetricsRow } from "./metrics-api.ts";
import { RatesCard } from "./RatesCard.tsx";
import { WorkLists } from "./WorkLists.tsx";

const TrendChart = lazy(() =>
  import("../../shared/components/Charts.tsx").then((m) => ({ default: m.TrendChart })),
);
const BarList = lazy(() =>
  import("../../shared/components/Charts.tsx").then((m) => ({ default: m.BarList })),
);
const LiaoningMap = lazy(() =>
  import("../../shared/components/Charts.tsx").then((m) => ({ default: m.LiaoningMap })),
);

export default function Dashboard() {
  const t = useMetricsT();
  const ref = useRefData();
  const dashboard = useApi(() => loadDashboard(), []);
  const data = dashboard.data ?? null;
  const totals30 = useMemo(() => {
    if (!data) return null;
    const sum = (k: keyof MetricsRow) => data.departments.reduce((s, r) => s + (Number(r[k]) || 0), 0);
    return { received: sum("received") };
  }, [data]);

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={16} data-testid="dashboard">
      <Row gutter={16}>
        {(["today", "week", "month"] as const).map((k) => (
          <Col xs={24} md={8} key={k}>
            <Card>
              <Statistic
                title={t(`dash.${k}`)}
                value={data?.[k]?.received ?? 0}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                    {t("dash.closed")} {data?.[k]?.closed ?? 0}
                  </Typography.Text>
                }
                loading={!data}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <HotspotWarnings />
      <RatesCard row={data?.all} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t("dash.trend")}>
            <ErrorBoundary message={t("error")}>
              <Suspense fallback={<div style={{ height: 260 }} />}>
                {data && (
                  <TrendChart
                    days={data.days.map((d) => d.key.slice(5))}
                    series={[
                      { name: t("m.received"), data: data.days.map((d) => d.received) },
                      { name: t("m.closed"), data: data.days.map((d) => d.closed) },
                    ]}
                  />
                )}
              </Suspense>
            </ErrorBoundary>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t("dash.byRegion")}>
            <ErrorBoundary message={t("error")}>
              <Suspense fallback={<div style={{ height: 360 }} />}>
                {data && (
                  <LiaoningMap
                    data={data.regions
                      .filter((r) => /^21\d\d$/.test(r.key))
                      .map((r) => ({ name: ref?.regionName.get(r.key) ?? r.label, value: r.received }))}
                  />
                )}
              </Suspense>
            </ErrorBoundary>
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t("dash.byCategory")}>
            <ErrorBoundary message={t("error")}>
              <Suspense fallback={<div style={{ height: 200 }} />}>
                {data && (
                  <BarList
                    labels={data.categories.slice(0, 15).map((c) => c.label)}
                    values={data.categories.slice(0, 15).map((c) => c.received)}
                  />
                )}
              </Suspense>
            </ErrorBoundary>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <League rows={data?.departments ?? []} loading={!data} total={totals30?.received ?? 0} />
        </Col>
      </Row>
      <WorkLists onChanged={() => void dashboard.reload()} />
    </Space>
  );
}
