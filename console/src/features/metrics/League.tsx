import { Button, Card, Table } from "antd";
import { qs } from "../../shared/api.ts";
import { pct } from "../../shared/format.ts";
import { useMetricsT } from "./i18n.ts";
import { chinaMidnight, type MetricsRow, RATES } from "./metrics-api.ts";

/** The department league table (部门排行) of the last 30 days, with its Excel from the server. */
export function League({ rows, loading, total }: { rows: MetricsRow[]; loading: boolean; total: number }) {
  const t = useMetricsT();
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
