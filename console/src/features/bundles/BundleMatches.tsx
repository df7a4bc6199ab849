/**
 * On the agent desk, after an appeal is received: the 一件事 bundles its text reveals
 * (GET /api/v1/appeals/{id}/bundle-matches), each with "代办" to start the case on the caller's
 * behalf (帮办代办) from that appeal.
 */
import { Button, Card, List, Typography } from "antd";
import { errorText } from "../../shared/errors.ts";
import { navigate } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { appealBundleMatches } from "./api.ts";
import { useBundlesT } from "./i18n.ts";

export function BundleMatches({ appealId, ticketNo }: { appealId: string; ticketNo: string }) {
  const t = useBundlesT();
  const res = useApi(() => appealBundleMatches(appealId), [appealId]);
  const items = res.data?.items ?? [];
  if (!res.loading && !res.error && items.length === 0) return null;
  return (
    <Card size="small" title={`${t("matchesTitle")} · ${ticketNo}`} data-testid="bundle-matches">
      {res.error ? <Typography.Text type="danger">{errorText(res.error, t)}</Typography.Text> : null}
      <List
        size="small"
        loading={res.loading}
        dataSource={items}
        locale={{ emptyText: t("noMatches") }}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Button
                key="start"
                type="primary"
                size="small"
                onClick={() =>
                  navigate(
                    `/bundle-cases/new?bundle=${encodeURIComponent(m.bundleId)}&appeal=${encodeURIComponent(appealId)}`,
                  )
                }
                data-testid={`start-for-caller-${m.bundleId}`}
              >
                {t("startForCaller")}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={m.name}
              description={(t as (k: string, v: Record<string, string>) => string)("matchedBy", {
                words: m.matched.join("、"),
              })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
