import { Badge, Card, List, Space, Tag, Typography } from "antd";
import type { HotspotListDto } from "../../../../common/contracts/hotspots.ts";
import { api, qs } from "../../shared/api.ts";
import { useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { useHT } from "./i18n.ts";

/** The latest early warnings (小苗头), for the supervisor's dashboard; each opens its hot spot. */
export function HotspotWarnings({ limit = 5 }: { limit?: number }) {
  const t = useHT();
  const ref = useRefData();
  const warnings = useApi(
    () => api<HotspotListDto>("GET", `/api/v1/hotspots${qs({ warning: true, status: "open", limit })}`),
    [limit],
  );
  const items = warnings.error ? [] : (warnings.data?.items ?? null);
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
