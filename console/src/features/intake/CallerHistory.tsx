/** The caller's earlier appeals, looked up by phone number as the agent types it (400 ms after the last key). */
import { Card, Empty, List, Space, Typography } from "antd";
import { fmtTime } from "../../shared/format.ts";
import { Link } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { useDebounced } from "../../shared/use-debounced.ts";
import { listAppeals } from "../appeals/api.ts";
import { StatusTag } from "../appeals/StatusTag.tsx";
import { useDeskT } from "./i18n.ts";

export function CallerHistory({ phone }: { phone: string | undefined }) {
  const t = useDeskT();
  const digits = useDebounced((phone ?? "").replace(/\D/g, ""), 400, (p) => p.length < 7);
  const history = useApi(
    () => (digits.length < 7 ? null : listAppeals({ phone: digits, limit: 10 })),
    [digits],
  );
  const items = history.error ? [] : history.data?.items;
  return (
    <Card size="small" title={t("desk.history")} data-testid="desk-history">
      {digits.length < 7 || !items ? (
        <Typography.Text type="secondary">{t("desk.enterPhone")}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("desk.noHistory")} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Space>
                  <Link to={`/appeals/${a.id}`}>{a.ticketNo}</Link>
                  <StatusTag status={a.status} />
                </Space>
                <Typography.Text>{a.title}</Typography.Text>
                <Typography.Text type="secondary">{fmtTime(a.createdAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
