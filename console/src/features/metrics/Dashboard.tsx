/**
 * 督办/考核 Supervisor dashboard: today / week / month volumes, the six rates, the trend, volumes
 * by category and on the map of Liaoning, the department league table (Excel from the server's
 * metrics.xlsx), the overdue list and the extensions to approve (CSV), with supervise, merge,
 * approve and reject from the rows. Charts load on their own (ECharts is a separate chunk).
 */
import { Button, Card, Col, Row, Space, Statistic, Table, Tabs, Typography } from "antd";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { AppealTable } from "../appeals/AppealTable.tsx";
import { useAppealPages, useRowAction } from "../appeals/appeal-bits.tsx";
import { ErrorBoundary } from "../../shared/components/ErrorBoundary.tsx";
import { type Appeal, api, listAppeals, type MetricsRow, qs } from "../../shared/api.ts";
import { downloadCsv, fmtTime, pct } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { useRefData } from "../../shared/refdata.ts";
import { HotspotWarnings } from "../hotspots/panels.tsx";

const TrendChart = lazy(() => import("../../shared/components/Charts.tsx").then((m) => ({ default: m.TrendChart })));
const BarList = lazy(() => import("../../shared/components/Charts.tsx").then((m) => ({ default: m.BarList })));
const LiaoningMap = lazy(() => import("../../shared/components/Charts.tsx").then((m) => ({ default: m.LiaoningMap })));

const RATES = [
  "closureRate",
  "onTimeRate",
  "responseRate",
  "resolutionRate",
  "satisfactionRate",
  "directAnswerRate",
] as const;

/** Midnight in China (UTC+8) of the day `now` falls in, `daysBack` days earlier. */
function chinaMidnight(now: Date, daysBack = 0): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - 8 * 3600_000 - daysBack * 86400_000);
}

const metrics = (params: Record<string, string>) =>
  api<{ items: MetricsRow[] }>("GET", `/api/v1/metrics${qs(params)}`).then((r) => r.items);

export default function Dashboard() {
  const { t } = useI18n();
  const ref = useRefData();
  const [data, setData] = useState<{
    today: MetricsRow | undefined;
    week: MetricsRow | undefined;
    month: MetricsRow | undefined;
    all: MetricsRow | undefined;
    days: MetricsRow[];
    categories: MetricsRow[];
    regions: MetricsRow[];
    departments: MetricsRow[];
  } | null>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` reloads after an action
  useEffect(() => {
    const now = new Date();
    const to = now.toISOString();
    const weekday = (new Date(now.getTime() + 8 * 3600_000).getUTCDay() + 6) % 7; // Monday = 0
    const monthStart = chinaMidnight(now, new Date(now.getTime() + 8 * 3600_000).getUTCDate() - 1);
    const from30 = chinaMidnight(now, 29).toISOString();
    Promise.all([
      metrics({ from: chinaMidnight(now).toISOString(), to }),
      metrics({ from: chinaMidnight(now, weekday).toISOString(), to }),
      metrics({ from: monthStart.toISOString(), to }),
      metrics({ from: from30, to, groupBy: "day" }),
      metrics({ from: from30, to, groupBy: "category" }),
      metrics({ from: from30, to, groupBy: "region" }),
      metrics({ from: from30, to, groupBy: "department" }),
      metrics({ from: from30, to }),
    ]).then(
      ([today, week, month, days, categories, regions, departments, all]) =>
        setData({
          today: today[0],
          week: week[0],
          month: month[0],
          all: all[0],
          days,
          categories,
          regions,
          departments,
        }),
      () => setData(null),
    );
  }, [tick]);
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
      <WorkLists onChanged={() => setTick((x) => x + 1)} />
    </Space>
  );
}

function RatesCard({ row }: { row: MetricsRow | undefined }) {
  const { t } = useI18n();
  return (
    <Card title={t("dash.rates")} data-testid="rates">
      <Row gutter={16}>
        {RATES.map((k) => (
          <Col xs={12} md={4} key={k}>
            <Statistic title={t(`rate.${k}`)} value={pct(row?.[k])} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function League({ rows, loading, total }: { rows: MetricsRow[]; loading: boolean; total: number }) {
  const { t } = useI18n();
  const sorted = [...rows].filter((r) => r.key !== "-").sort((a, b) => b.received - a.received);
  const now = new Date();
  const xlsx = `/api/v1/metrics.xlsx${qs({ from: chinaMidnight(now, 29).toISOString(), to: now.toISOString(), groupBy: "department" })}`;
  return (
    <Card
      title={`${t("dash.league")} (${total})`}
      extra={
        <Button href={xlsx} size="small" data-testid="league-xlsx">
          {t("exportXlsx")}
        </Button>
      }
    >
      <Table<MetricsRow>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={sorted}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        scroll={{ x: 700 }}
        columns={[
          { title: t("m.label"), dataIndex: "label", ellipsis: true },
          {
            title: t("m.received"),
            dataIndex: "received",
            sorter: (a, b) => a.received - b.received,
            width: 80,
          },
          { title: t("m.closed"), dataIndex: "closed", width: 80 },
          ...RATES.slice(0, 5).map((k) => ({
            title: t(`rate.${k}`),
            key: k,
            width: 90,
            sorter: (a: MetricsRow, b: MetricsRow) => (a[k] ?? -1) - (b[k] ?? -1),
            render: (_: unknown, r: MetricsRow) => pct(r[k]),
          })),
          { title: t("m.overdue"), dataIndex: "overdue", width: 70 },
        ]}
      />
    </Card>
  );
}

/** Appeals with an extension request awaiting a decision (the oldest 500 at most). */
async function pendingExtensions(): Promise<Appeal[]> {
  return (await listAppeals({ pendingExtension: true, limit: 500 })).items;
}

function WorkLists({ onChanged }: { onChanged: () => void }) {
  const { t, e } = useI18n();
  const overdue = useAppealPages({ overdue: true }, 20);
  const [ext, setExt] = useState<Appeal[] | null>(null);
  const rowAction = useRowAction(() => {
    overdue.reload();
    pendingExtensions().then(setExt, () => setExt([]));
    onChanged();
  });
  useEffect(() => {
    pendingExtensions().then(setExt, () => setExt([]));
  }, []);
  const csv = (name: string, items: Appeal[]) =>
    downloadCsv(
      name,
      [t("f.ticketNo"), t("f.title"), t("f.status"), t("f.department"), t("f.replyBy"), t("f.extension")],
      items.map((a) => [
        a.ticketNo,
        a.title,
        e("status", a.status),
        a.leadDepartmentId,
        fmtTime(a.deadlines.replyBy),
        a.deadlines.pendingExtension
          ? `${a.deadlines.pendingExtension.days} ${a.deadlines.pendingExtension.reason}`
          : "",
      ]),
    );
  return (
    <Card>
      <Tabs
        items={[
          {
            key: "overdue",
            label: t("dash.overdueList"),
            children: (
              <>
                <Button
                  size="small"
                  onClick={() => csv("overdue.csv", overdue.items)}
                  style={{ marginBottom: 8 }}
                >
                  {t("exportCsv")}
                </Button>
                <AppealTable
                  testId="overdue-table"
                  items={overdue.items}
                  loading={overdue.loading}
                  hasMore={overdue.hasMore}
                  onMore={overdue.more}
                  actions={["supervise", "merge", "close", "transfer"]}
                  onAction={rowAction.start}
                />
              </>
            ),
          },
          {
            key: "ext",
            label: `${t("dash.extensions")} (${ext?.length ?? 0})`,
            children: (
              <>
                <Button
                  size="small"
                  onClick={() => csv("extensions.csv", ext ?? [])}
                  style={{ marginBottom: 8 }}
                >
                  {t("exportCsv")}
                </Button>
                <AppealTable
                  testId="extension-table"
                  items={ext ?? []}
                  loading={ext === null}
                  hasMore={false}
                  onMore={() => undefined}
                  actions={["approve-extension", "reject-extension"]}
                  onAction={rowAction.start}
                  extra={[
                    {
                      title: t("f.extension"),
                      render: (a) =>
                        a.deadlines.pendingExtension
                          ? `${t("days", { n: a.deadlines.pendingExtension.days })} · ${a.deadlines.pendingExtension.reason}`
                          : "",
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {rowAction.modal}
    </Card>
  );
}
