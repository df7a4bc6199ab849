/**
 * Pieces other screens embed: <DuplicateCandidates> (疑似重复诉求, with 并案) for the agent desk
 * and the appeal page, and <HotspotWarnings> (小苗头预警) for the supervisor's dashboard. Appeal
 * titles are rendered as text only.
 */
import { App, Badge, Button, Card, Empty, List, Popconfirm, Progress, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { StatusTag } from "../appeals/appeal-bits.tsx";
import { type Appeal, act, api, getAppeal, qs } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import { useSession } from "../../shared/session.ts";
import { type HKey, useHT } from "./i18n.ts";

/** One candidate of `GET /appeals/{id}/duplicates` or `POST /duplicates/check`. */
export interface DuplicateItem {
  id: string;
  ticketNo: string;
  score: number;
  status: Appeal["status"];
  title: string;
  regionCode: string | null;
  createdAt: string;
  mergedInto: string | null;
  sameDistrict: boolean;
}

/** A hot spot of `GET /api/v1/hotspots`. */
export interface Hotspot {
  id: string;
  status: "open" | "supervised" | "expired";
  heat: number;
  size: number;
  callers: number;
  votes: number;
  regionCode: string | null;
  place: string | null;
  title: string;
  keywords: string[];
  from: string;
  to: string;
  appealIds: string[];
  warning: boolean;
  warningReason: string | null;
  recent: number;
  expected: number;
  trend: { day: string; count: number }[];
  scannedAt: string;
  supervisedAppealId: string | null;
  supervisedAt: string | null;
}

const STATUS_KEY: Record<Hotspot["status"], HKey> = {
  open: "statusOpen",
  supervised: "statusSupervised",
  expired: "statusExpired",
};

export function HotspotStatus({ status }: { status: Hotspot["status"] }) {
  const t = useHT();
  const color = status === "supervised" ? "volcano" : status === "expired" ? "default" : "blue";
  return <Tag color={color}>{t(STATUS_KEY[status])}</Tag>;
}

export function WarningBadge({ h }: { h: Pick<Hotspot, "warning" | "recent" | "expected"> }) {
  const t = useHT();
  if (!h.warning) return null;
  return (
    <Tag
      color="red"
      data-testid="hotspot-warning"
      title={t("recent", { recent: h.recent, expected: h.expected })}
    >
      {t("warning")}
    </Tag>
  );
}

type DuplicateProps = { onMerged?: () => void; limit?: number } & (
  | { appealId: string }
  | { appealId?: undefined; title: string; body: string; regionCode?: string | null }
);

/**
 * Open appeals probably about the same matter, most similar first, with their similarity. On an
 * appeal (`appealId`) the user may merge (并案) this appeal into a candidate, or a candidate into
 * this one, with the `merge` action and the version just read; with a draft's title and body (the
 * desk, while typing) it only lists them (checked 400 ms after the last keystroke).
 */
export function DuplicateCandidates(props: DuplicateProps) {
  const t = useHT();
  const { message } = App.useApp();
  const { user } = useSession();
  const [items, setItems] = useState<DuplicateItem[] | null>(null);
  const [self, setSelf] = useState<Appeal | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const limit = props.limit ?? 5;
  const appealId = props.appealId;
  const draftTitle = props.appealId === undefined ? props.title : "";
  const draftBody = props.appealId === undefined ? props.body : "";
  const draftRegion = props.appealId === undefined ? (props.regionCode ?? null) : null;
  const canMerge = ["agent", "supervisor", "admin"].includes(user.role);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` reloads after a merge
  useEffect(() => {
    const n = ++seq.current;
    const done = (r: { items: DuplicateItem[] }) => n === seq.current && setItems(r.items);
    const fail = () => n === seq.current && setItems([]);
    if (appealId) {
      api<{ items: DuplicateItem[] }>(
        "GET",
        `/api/v1/appeals/${encodeURIComponent(appealId)}/duplicates${qs({ limit })}`,
      ).then(done, fail);
      getAppeal(appealId).then(
        (a) => n === seq.current && setSelf(a),
        () => undefined,
      );
      return;
    }
    // Duplicates are searched within a city: without a region there is nothing to compare with.
    if (!`${draftTitle}${draftBody}`.trim() || !draftRegion || !canMerge) {
      setItems(null);
      return;
    }
    const id = setTimeout(() => {
      api<{ items: DuplicateItem[] }>("POST", `/api/v1/duplicates/check${qs({ limit })}`, {
        title: draftTitle.slice(0, 200),
        body: draftBody.slice(0, 10000),
        regionCode: draftRegion,
      }).then(done, fail);
    }, 400);
    return () => clearTimeout(id);
  }, [appealId, draftTitle, draftBody, draftRegion, limit, canMerge, tick]);

  const merge = useCallback(
    async (c: DuplicateItem, direction: "into" | "here") => {
      if (!appealId) return;
      try {
        if (direction === "into") {
          const me = await getAppeal(appealId);
          await act(me.id, "merge", { version: me.version, intoId: c.id });
        } else {
          const other = await getAppeal(c.id);
          await act(other.id, "merge", { version: other.version, intoId: appealId });
        }
        message.success(t("merged"));
        setTick((x) => x + 1);
        props.onMerged?.();
      } catch (err) {
        message.error(`${t("error")}: ${err instanceof Error ? err.message : ""}`);
      }
    },
    [appealId, message, t, props.onMerged],
  );

  const mayMergeSelf = !!self && self.abilities.includes("merge");
  return (
    <Card size="small" title={t("duplicates")} data-testid="duplicates">
      {items === null ? (
        <Typography.Text type="secondary">
          {!appealId && !draftRegion && `${draftTitle}${draftBody}`.trim()
            ? t("needRegion")
            : t("typeToCheck")}
        </Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("noDuplicates")} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item data-testid="duplicate">
              <Space orientation="vertical" size={0} style={{ width: "100%" }}>
                <Space wrap size={4}>
                  <Link to={`/appeals/${c.id}`}>{c.ticketNo}</Link>
                  <StatusTag status={c.status} />
                  {c.sameDistrict && <Tag>{t("sameDistrict")}</Tag>}
                </Space>
                <Typography.Text>{c.title}</Typography.Text>
                <Space size={8}>
                  <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                    {t("similarity")}
                  </Typography.Text>
                  <Progress
                    percent={Math.round(c.score * 100)}
                    size="small"
                    style={{ width: 110, margin: 0 }}
                    data-testid="duplicate-score"
                  />
                  <Typography.Text type="secondary">{fmtTime(c.createdAt)}</Typography.Text>
                </Space>
                {appealId && canMerge && (
                  <Space size={0}>
                    {mayMergeSelf && (
                      <Popconfirm
                        title={t("mergeIntoConfirm", { no: c.ticketNo })}
                        okText={t("confirm")}
                        cancelText={t("cancel")}
                        onConfirm={() => merge(c, "into")}
                      >
                        <Button size="small" type="link" data-testid="merge-into">
                          {t("mergeInto")}
                        </Button>
                      </Popconfirm>
                    )}
                    {!c.mergedInto && ["received", "dispatched", "signed"].includes(c.status) && (
                      <Popconfirm
                        title={t("mergeHereConfirm", { no: c.ticketNo })}
                        okText={t("confirm")}
                        cancelText={t("cancel")}
                        onConfirm={() => merge(c, "here")}
                      >
                        <Button size="small" type="link" data-testid="merge-here">
                          {t("mergeHere")}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The latest early warnings (小苗头), for the supervisor's dashboard; each opens its hot spot. */
export function HotspotWarnings({ limit = 5 }: { limit?: number }) {
  const t = useHT();
  const ref = useRefData();
  const [items, setItems] = useState<Hotspot[] | null>(null);
  useEffect(() => {
    api<{ items: Hotspot[] }>("GET", `/api/v1/hotspots${qs({ warning: true, status: "open", limit })}`).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [limit]);
  return (
    <Card
      size="small"
      title={
        <Space>
          {t("warningsTitle")}
          <Badge count={items?.length ?? 0} />
        </Space>
      }
      extra={<Link to="/hotspots">{t("all")}</Link>}
      loading={items === null}
      data-testid="hotspot-warnings"
    >
      {items && items.length === 0 ? (
        <Typography.Text type="secondary">{t("noWarnings")}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items ?? []}
          renderItem={(h) => (
            <List.Item extra={<Tag color="red">{h.heat.toFixed(1)}</Tag>}>
              <Space orientation="vertical" size={0}>
                <Link to={`/hotspots/${h.id}`}>{h.title}</Link>
                <Typography.Text type="secondary">
                  {h.regionCode ? `${ref?.regionName.get(h.regionCode) ?? h.regionCode} · ` : ""}
                  {t("recent", { recent: h.recent, expected: h.expected })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
