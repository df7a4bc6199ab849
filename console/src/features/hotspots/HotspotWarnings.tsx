import { Badge, Card, List, Space, Tag, Typography } from "antd";
import { useEffect } from "react";
import type { HotspotListDto } from "../../../../common/contracts/hotspots.ts";
import { api, qs } from "../../shared/api.ts";
import { useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { useHT } from "./i18n.ts";

/** How often the dashboard asks again: intake raises a warning at once, so a burst shows within this. */
const POLL_MS = 20_000;

/**
 * The latest early warnings (小苗头), for the supervisor's dashboard; each opens its hot spot.
 * Polled every 20 s while the page is visible, so a burst raised at intake shows without a reload.
 */
export function HotspotWarnings({ limit = 5 }: { limit?: number }) {
  const t = useHT();
  const ref = useRefData();
  const warnings = useApi(
    () => api<HotspotListDto>("GET", `/api/v1/hotspots${qs({ warning: true, status: "open", limit })}`),
    [limit],
  );
  const { reload } = warnings;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
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
