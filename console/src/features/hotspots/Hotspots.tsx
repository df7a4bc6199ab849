/**
 * 热点 / 小苗头 Hot spots for supervisors: the clusters of similar recent appeals ranked by heat,
 * with size, callers, early-warning badges, place, time range and key words; a map of where they
 * are; one hot spot in a drawer (`/hotspots/{id}`) with its appeals, its trend per day, its
 * appeals on the map, and "supervise" (督办) for the responsible departments.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Input,
  Modal,
  Row,
  Segmented,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { StatusTag } from "../appeals/appeal-bits.tsx";
import { ErrorBoundary } from "../../shared/components/ErrorBoundary.tsx";
import { type Appeal, api, qs } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { type RefData, useRefData } from "../../shared/refdata.ts";
import { Link, navigate, usePath } from "../../shared/router.tsx";
import { useSession } from "../../shared/session.ts";
import { useHT } from "./i18n.ts";
import { type Hotspot, HotspotStatus, WarningBadge } from "./panels.tsx";

const HotspotMap = lazy(() => import("./HotspotMap.tsx"));
const TrendChart = lazy(() => import("./HotspotMap.tsx").then((m) => ({ default: m.TrendChart })));

interface HotspotDetail extends Hotspot {
  appeals: {
    id: string;
    ticketNo: string;
    title: string;
    status: Appeal["status"];
    regionCode: string | null;
    lat: number | null;
    lng: number | null;
    createdAt: string;
    mergedInto: string | null;
    supervised: boolean;
  }[];
}

const RANGES = { day: 1, week: 7, month: 30 } as const;
type Range = keyof typeof RANGES;

/**
 * Where a hot spot is: its city and district from the region code. The job's `place` is a short
 * place word used to link appeals (e.g. the three characters before 街), not a display name, so it
 * is left out here.
 */
function placeName(ref: RefData | null, h: { regionCode: string | null }) {
  if (!h.regionCode) return "—";
  const city = h.regionCode.length > 4 ? ref?.regionName.get(h.regionCode.slice(0, 4)) : undefined;
  const own = ref?.regionName.get(h.regionCode) ?? h.regionCode;
  return city ? `${city} ${own}` : own;
}

/**
 * The trend per day with the quiet days as zeros: at least the 7 days up to the last one, so a
 * burst shows against the days before it.
 */
function padTrend(trend: { day: string; count: number }[], to: string) {
  const DAY = 86400_000;
  const byDay = new Map(trend.map((d) => [d.day, d.count]));
  const lastDay = new Date(new Date(to).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const days = [...byDay.keys(), lastDay].sort();
  const end = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
  const start = Math.min(Date.parse(`${days[0]}T00:00:00Z`), end - 6 * DAY);
  const out: { day: string; count: number }[] = [];
  for (let d = start; d <= end && out.length < 120; d += DAY) {
    const day = new Date(d).toISOString().slice(0, 10);
    out.push({ day, count: byDay.get(day) ?? 0 });
  }
  return out;
}

/** Heat per city (by the 4-digit code's name on the map). */
function byCity(ref: RefData | null, spots: { regionCode: string | null; heat: number }[]) {
  const m = new Map<string, number>();
  for (const s of spots) {
    const city = s.regionCode?.slice(0, 4);
    const name = city ? ref?.regionName.get(city) : undefined;
    if (name) m.set(name, Math.round(((m.get(name) ?? 0) + s.heat) * 10) / 10);
  }
  return [...m].map(([name, value]) => ({ name, value }));
}

export default function Hotspots() {
  const t = useHT();
  const ref = useRefData();
  const path = usePath();
  const openId = /^\/hotspots\/([^/]+)$/.exec(path)?.[1];
  const [range, setRange] = useState<Range>("week");
  const [warningOnly, setWarningOnly] = useState(false);
  const [items, setItems] = useState<Hotspot[] | null>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` reloads after supervising
  useEffect(() => {
    const from = new Date(Date.now() - RANGES[range] * 86400_000).toISOString();
    setItems(null);
    api<{ items: Hotspot[] }>(
      "GET",
      `/api/v1/hotspots${qs({ from, warning: warningOnly || undefined, limit: 100 })}`,
    ).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [range, warningOnly, tick]);
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
        onChanged={() => setTick((x) => x + 1)}
      />
    </Row>
  );
}

function HotspotDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useHT();
  const { lang } = useI18n();
  const ref = useRefData();
  const { message } = App.useApp();
  const { user } = useSession();
  const [h, setH] = useState<HotspotDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    setFailed(false);
    if (!id) return setH(null);
    api<HotspotDetail>("GET", `/api/v1/hotspots/${encodeURIComponent(id)}`).then(setH, () => {
      setH(null);
      setFailed(true);
    });
  }, [id]);
  useEffect(load, [load]);
  const mayAct = user.role === "supervisor" || user.role === "admin";
  const supervise = async () => {
    if (!h || !note.trim()) return;
    setBusy(true);
    try {
      const r = await api<{ supervised: string[]; skipped: unknown[] }>(
        "POST",
        `/api/v1/hotspots/${encodeURIComponent(h.id)}/supervise`,
        { note: note.trim() },
      );
      message.success(
        `${t("supervised", { n: r.supervised.length })}${r.skipped.length ? `；${t("skipped", { n: r.skipped.length })}` : ""}`,
      );
      setAsking(false);
      setNote("");
      load();
      onChanged();
    } catch (err) {
      message.error(`${t("error")}: ${err instanceof Error ? err.message : ""}`);
    } finally {
      setBusy(false);
    }
  };
  const trend = h ? padTrend(h.trend, h.to) : [];
  const points = (h?.appeals ?? [])
    .filter((a) => a.lat !== null && a.lng !== null)
    .map((a) => ({ name: a.ticketNo, value: [a.lng!, a.lat!] as [number, number] }));
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={860}
      title={h ? h.title : t("detail")}
      data-testid="hotspot-drawer"
      extra={
        h &&
        mayAct &&
        h.status === "open" && (
          <Button type="primary" danger onClick={() => setAsking(true)} data-testid="hotspot-supervise">
            {t("supervise")}
          </Button>
        )
      }
    >
      {failed && <Alert type="error" title={t("error")} />}
      {h && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <HotspotStatus status={h.status} />
            <WarningBadge h={h} />
            {h.keywords.map((k) => (
              <Tag key={k}>{k}</Tag>
            ))}
          </Space>
          {h.warning && (
            <Alert
              type="warning"
              showIcon
              title={t("recent", { recent: h.recent, expected: h.expected })}
              // The job writes its reason in English: shown only on the English screen.
              description={lang === "en" ? (h.warningReason ?? undefined) : undefined}
            />
          )}
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t("heat")}>{h.heat.toFixed(1)}</Descriptions.Item>
            <Descriptions.Item label={t("size")}>{h.size}</Descriptions.Item>
            <Descriptions.Item label={t("callers")}>{h.callers}</Descriptions.Item>
            <Descriptions.Item label={t("place")}>{placeName(ref, h)}</Descriptions.Item>
            <Descriptions.Item label={t("timeRange")} span={2}>
              {fmtTime(h.from)} – {fmtTime(h.to)}
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={12}>
            <Col span={12}>
              <Card size="small" title={t("trend")}>
                <ErrorBoundary message={t("error")}>
                  <Suspense fallback={<div style={{ height: 260 }} />}>
                    <TrendChart
                      days={trend.map((d) => d.day.slice(5))}
                      series={[{ name: t("count"), data: trend.map((d) => d.count) }]}
                    />
                  </Suspense>
                </ErrorBoundary>
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={t("map")}>
                <ErrorBoundary message={t("error")}>
                  <Suspense fallback={<div style={{ height: 260 }} />}>
                    <HotspotMap cities={byCity(ref, [h])} points={points} height={260} />
                  </Suspense>
                </ErrorBoundary>
              </Card>
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="id"
            dataSource={h.appeals}
            pagination={{ pageSize: 20, size: "small", hideOnSinglePage: true }}
            data-testid="hotspot-appeals"
            columns={[
              {
                title: t("ticketNo"),
                width: 190,
                render: (_, a) => <Link to={`/appeals/${a.id}`}>{a.ticketNo}</Link>,
              },
              // appeal text: as text, never HTML
              { title: t("appealTitle"), dataIndex: "title" },
              {
                title: t("status"),
                width: 110,
                render: (_, a) => (
                  <Space size={2}>
                    <StatusTag status={a.status} />
                    {a.supervised && <Tag color="volcano">{t("statusSupervised")}</Tag>}
                  </Space>
                ),
              },
              {
                title: t("region"),
                width: 110,
                render: (_, a) => (a.regionCode ? (ref?.regionName.get(a.regionCode) ?? a.regionCode) : "—"),
              },
              { title: t("createdAt"), width: 140, render: (_, a) => fmtTime(a.createdAt) },
            ]}
          />
        </Space>
      )}
      <Modal
        open={asking}
        title={t("supervise")}
        onOk={supervise}
        okButtonProps={{ disabled: !note.trim(), loading: busy, danger: true }}
        onCancel={() => setAsking(false)}
        okText={t("confirm")}
        cancelText={t("cancel")}
      >
        <Input.TextArea
          rows={3}
          maxLength={800}
          placeholder={t("superviseNote")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="hotspot-note"
        />
      </Modal>
    </Drawer>
  );
}
