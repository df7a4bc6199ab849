/**
 * One hot spot in a drawer: its facts, the warning's reason, its trend per day, its appeals on the
 * map and in a table, and "supervise" (督办) for the responsible departments.
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
  Space,
  Table,
  Tag,
} from "antd";
import { lazy, Suspense, useState } from "react";
import type { HotspotDetail, SuperviseHotspotResultDto } from "../../../../common/contracts/hotspots.ts";
import { api } from "../../shared/api.ts";
import { ErrorBoundary } from "../../shared/components/ErrorBoundary.tsx";
import { fmtTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { StatusTag } from "../appeals/StatusTag.tsx";
import { byCity, padTrend, placeName } from "./hotspot-places.ts";
import { HotspotStatus, WarningBadge } from "./hotspot-tags.tsx";
import { useHT } from "./i18n.ts";

const HotspotMap = lazy(() => import("./HotspotMap.tsx"));
const TrendChart = lazy(() => import("./HotspotMap.tsx").then((m) => ({ default: m.TrendChart })));

export function HotspotDrawer({
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
  const detail = useApi(
    () => (id ? api<HotspotDetail>("GET", `/api/v1/hotspots/${encodeURIComponent(id)}`) : null),
    [id],
  );
  const h = detail.error ? null : (detail.data ?? null);
  const failed = detail.error !== null;
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const supervise = async () => {
    if (!h || !note.trim()) return;
    setBusy(true);
    try {
      const r = await api<SuperviseHotspotResultDto>(
        "POST",
        `/api/v1/hotspots/${encodeURIComponent(h.id)}/supervise`,
        { note: note.trim() },
      );
      message.success(
        `${t("supervised", { n: r.supervised.length })}${r.skipped.length ? `；${t("skipped", { n: r.skipped.length })}` : ""}`,
      );
      setAsking(false);
      setNote("");
      void detail.reload();
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
        h?.abilities.includes("supervise") && (
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
