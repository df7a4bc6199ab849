/**
 * 热点 / 小苗头 Hot spots for supervisors: the clusters of similar recent appeals ranked by heat,
 * with size, callers, early-warning badges, place, time range and key words; a map of where they
 * are; one hot spot opens in a drawer (`/hotspots/{id}`, HotspotDrawer).
 */
import { Card, Col, Row, Segmented, Space, Switch, Table, Tag, Typography } from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import type { HotspotListDto } from "../../../../common/contracts/hotspots.ts";
import { api, qs } from "../../shared/api.ts";
import { ErrorBoundary } from "../../shared/components/ErrorBoundary.tsx";
import { fmtTime } from "../../shared/format.ts";
import { useRefData } from "../../shared/refdata.ts";
import { navigate, usePath } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { HotspotDrawer } from "./HotspotDrawer.tsx";
import { byCity, placeName } from "./hotspot-places.ts";
import { type Hotspot, HotspotStatus, WarningBadge } from "./hotspot-tags.tsx";
import { useHT } from "./i18n.ts";

const HotspotMap = lazy(() => import("./HotspotMap.tsx"));

const RANGES = { day: 1, week: 7, month: 30 } as const;
type Range = keyof typeof RANGES;

export default function Hotspots() {
  const t = useHT();
  const ref = useRefData();
  const path = usePath();
  const openId = /^\/hotspots\/([^/]+)$/.exec(path)?.[1];
  const [range, setRange] = useState<Range>("week");
  const [warningOnly, setWarningOnly] = useState(false);
  const list = useApi(() => {
    const from = new Date(Date.now() - RANGES[range] * 86400_000).toISOString();
    return api<HotspotListDto>(
      "GET",
      `/api/v1/hotspots${qs({ from, warning: warningOnly || undefined, limit: 100 })}`,
    );
  }, [range, warningOnly]);
  const items = list.error ? [] : (list.data?.items ?? null);
  const cities = useMemo(() => byCity(ref, items ?? []), [ref, items]);
  const scanned = items?.[0]?.scannedAt;

  return (
    <Row gutter={16} data-testid="hotspots">
      <Col xs={24} xl={15}>
        <Card
          title={t("title")}
          extra={
            <Space wrap>
              <Segmented<Range>
                value={range}
                onChange={setRange}
                options={[
                  { value: "day", label: "24h" },
                  { value: "week", label: "7d" },
                  { value: "month", label: "30d" },
                ]}
              />
              <Space size={4}>
                <Switch
                  size="small"
                  checked={warningOnly}
                  onChange={setWarningOnly}
                  data-testid="warning-only"
                />
                {t("warningOnly")}
              </Space>
            </Space>
          }
        >
          {scanned && (
            <Typography.Text type="secondary">{t("scanned", { at: fmtTime(scanned) })}</Typography.Text>
          )}
          <Table<Hotspot>
            size="small"
            rowKey="id"
            loading={items === null}
            dataSource={items ?? []}
            locale={{ emptyText: t("none") }}
            pagination={{ pageSize: 20, size: "small", hideOnSinglePage: true }}
            data-testid="hotspot-table"
            onRow={(h) => ({ onClick: () => navigate(`/hotspots/${h.id}`), style: { cursor: "pointer" } })}
            columns={[
              {
                title: "#",
                width: 44,
                render: (_, _h, i) => i + 1,
              },
              {
                title: t("heat"),
                dataIndex: "heat",
                width: 80,
                render: (v: number) => <Typography.Text strong>{v.toFixed(1)}</Typography.Text>,
              },
              {
                title: t("issue"),
                render: (_, h) => (
                  <Space orientation="vertical" size={0}>
                    <Space size={4} wrap>
                      <Typography.Text strong>{h.title}</Typography.Text>
                      <WarningBadge h={h} />
                      {h.status !== "open" && <HotspotStatus status={h.status} />}
                    </Space>
                    <Space size={2} wrap>
                      {h.keywords.slice(0, 6).map((k) => (
                        <Tag key={k} bordered={false}>
                          {k}
                        </Tag>
                      ))}
                    </Space>
                  </Space>
                ),
              },
              { title: t("size"), dataIndex: "size", width: 70 },
              { title: t("callers"), dataIndex: "callers", width: 80 },
              { title: t("place"), width: 150, render: (_, h) => placeName(ref, h) },
              {
                title: t("timeRange"),
                width: 170,
                render: (_, h) => (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtTime(h.from)}
                    <br />
                    {fmtTime(h.to)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t("map")} size="small">
          <ErrorBoundary message={t("error")}>
            <Suspense fallback={<div style={{ height: 360 }} />}>
              <HotspotMap cities={cities} />
            </Suspense>
          </ErrorBoundary>
        </Card>
      </Col>
      <HotspotDrawer
        id={openId ? decodeURIComponent(openId) : null}
        onClose={() => navigate("/hotspots")}
        onChanged={() => void list.reload()}
      />
    </Row>
  );
}
