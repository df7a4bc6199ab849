/**
 * 疑似重复诉求: open appeals probably about the same matter, for the agent desk (while typing) and
 * the appeal page (with 并案, merge). Appeal titles are rendered as text only.
 */
import { App, Button, Card, Empty, List, Popconfirm, Progress, Space, Tag, Typography } from "antd";
import { useCallback } from "react";
import type { DuplicateItem, DuplicateListDto } from "../../../../common/contracts/hotspots.ts";
import { api, qs } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { Link } from "../../shared/router.tsx";
import { useSession } from "../../shared/session.ts";
import { useApi } from "../../shared/use-api.ts";
import { useDebounced } from "../../shared/use-debounced.ts";
import { act, getAppeal } from "../appeals/api.ts";
import { StatusTag } from "../appeals/StatusTag.tsx";
import { useHT } from "./i18n.ts";

const REASON_KEY = {
  textSimilarity: "reasonTextSimilarity",
  sameCaller: "reasonSameCaller",
  sameAddress: "reasonSameAddress",
  nearbyAddress: "reasonNearbyAddress",
  sameCategory: "reasonSameCategory",
  timeApart: "reasonTimeApart",
} as const;

/** "同一来电人 · 同一地址 · 文本相似 0.46": the parts of the score that count, largest first. */
function reasonText(c: DuplicateItem, t: ReturnType<typeof useHT>): string {
  return c.reasons
    .filter((r) => r.points > 0)
    .map((r) => t(REASON_KEY[r.code], { v: r.value.toFixed(2) }))
    .join(" · ");
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
  const limit = props.limit ?? 5;
  const appealId = props.appealId;
  const draftTitle = props.appealId === undefined ? props.title : "";
  const draftBody = props.appealId === undefined ? props.body : "";
  const draftRegion = props.appealId === undefined ? (props.regionCode ?? null) : null;
  const canMerge = ["agent", "supervisor", "admin"].includes(user.role);

  // Duplicates are searched within a city: without a region there is nothing to compare with.
  const draft = useDebounced(
    { title: draftTitle, body: draftBody, regionCode: draftRegion },
    400,
    (d) => !`${d.title}${d.body}`.trim() || !d.regionCode,
  );
  const found = useApi(() => {
    if (appealId) {
      return Promise.all([
        api<DuplicateListDto>(
          "GET",
          `/api/v1/appeals/${encodeURIComponent(appealId)}/duplicates${qs({ limit })}`,
        ),
        getAppeal(appealId).catch(() => null),
      ]).then(([r, self]) => ({ items: r.items, self }));
    }
    if (!`${draft.title}${draft.body}`.trim() || !draft.regionCode || !canMerge) return null;
    return api<DuplicateListDto>("POST", `/api/v1/duplicates/check${qs({ limit })}`, {
      title: draft.title.slice(0, 200),
      body: draft.body.slice(0, 10000),
      regionCode: draft.regionCode,
    }).then((r) => ({ items: r.items, self: null }));
  }, [appealId, draft.title, draft.body, draft.regionCode, limit, canMerge]);
  const items = found.error ? [] : (found.data?.items ?? null);
  const self = found.data?.self ?? null;

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
        void found.reload();
        props.onMerged?.();
      } catch (err) {
        message.error(`${t("error")}: ${err instanceof Error ? err.message : ""}`);
      }
    },
    [appealId, message, t, props.onMerged, found.reload],
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
                <Typography.Text type="secondary" data-testid="duplicate-reasons">
                  {reasonText(c, t)}
                </Typography.Text>
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
