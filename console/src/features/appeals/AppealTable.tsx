/** A table of appeals with deadline countdowns, row actions from `abilities`, and "load more". */
import { Button, Space, Table, Tag, Typography } from "antd";
import type { TableRowSelection } from "antd/es/table/interface";
import type { ReactNode } from "react";
import { fmtTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import { ActionButtons } from "./ActionModal.tsx";
import type { Appeal, AppealAction } from "./api.ts";
import { Countdown, useNow } from "./countdown.tsx";
import { StatusTag } from "./StatusTag.tsx";

export function deadlineOf(a: Appeal): string | null {
  if (a.status === "closed") return null;
  if (a.status === "dispatched") return a.deadlines.signBy ?? a.deadlines.replyBy;
  return a.deadlines.replyBy;
}

export function AppealTable({
  items,
  loading,
  hasMore,
  onMore,
  onAction,
  actions,
  selection,
  extra,
  testId,
}: {
  items: Appeal[];
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
  onAction?: (a: Appeal, action: AppealAction) => void;
  actions?: AppealAction[];
  selection?: TableRowSelection<Appeal>;
  extra?: { title: string; render: (a: Appeal) => ReactNode }[];
  testId?: string;
}) {
  const { t, e } = useI18n();
  const now = useNow();
  const ref = useRefData();
  return (
    <>
      <Table<Appeal>
        data-testid={testId}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        rowSelection={selection}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t("f.ticketNo"),
            key: "ticketNo",
            width: 190,
            render: (_, a) => <Link to={`/appeals/${a.id}`}>{a.ticketNo}</Link>,
          },
          {
            title: t("f.title"),
            key: "title",
            render: (_, a) => (
              <Space size={4} wrap>
                {a.urgency === "urgent" && <Tag color="red">{e("urgency", "urgent")}</Tag>}
                {a.supervised && <Tag color="volcano">{t("f.supervised")}</Tag>}
                <Typography.Text className="appeal-title">{a.title}</Typography.Text>
              </Space>
            ),
          },
          { title: t("f.kind"), key: "kind", width: 90, render: (_, a) => e("kind", a.kind) },
          {
            title: t("f.department"),
            key: "dep",
            width: 180,
            render: (_, a) =>
              a.leadDepartmentId ? (ref?.departmentName.get(a.leadDepartmentId) ?? a.leadDepartmentId) : "",
          },
          {
            title: t("f.status"),
            key: "status",
            width: 90,
            render: (_, a) => <StatusTag status={a.status} />,
          },
          {
            title: t("f.timeLeft"),
            key: "left",
            width: 150,
            render: (_, a) => <Countdown deadline={deadlineOf(a)} now={now} />,
          },
          { title: t("f.createdAt"), key: "createdAt", width: 140, render: (_, a) => fmtTime(a.createdAt) },
          ...(extra ?? []).map((x, i) => ({
            title: x.title,
            key: `x${i}`,
            render: (_: unknown, a: Appeal) => x.render(a),
          })),
          ...(onAction
            ? [
                {
                  title: "",
                  key: "actions",
                  render: (_: unknown, a: Appeal) => (
                    <Space size={4} wrap>
                      <ActionButtons appeal={a} only={actions} onAction={(x) => onAction(a, x)} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore hasMore={hasMore} loading={loading} onMore={onMore} />
    </>
  );
}

function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div style={{ textAlign: "center", marginTop: 12 }}>
      <Button onClick={onMore} loading={loading}>
        {t("more")}
      </Button>
    </div>
  );
}
