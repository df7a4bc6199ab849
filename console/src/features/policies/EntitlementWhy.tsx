import { Timeline, Typography } from "antd";
import { api } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { useApi } from "../../shared/use-api.ts";
import { usePolicyI18n } from "./i18n.ts";
import type { EntitlementDetail } from "./model.ts";
import { ExplanationView } from "./parts.tsx";

/** The explanation and history of one entitlement, fetched when its row is opened. */
export function EntitlementWhy({ id }: { id: string }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const detail = useApi(() => api<EntitlementDetail>("GET", `/api/v1/entitlements/${id}`), [id]);
  const d = detail.data;
  const error = detail.error ? pi.err(detail.error) : null;
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  if (!d) return <Typography.Text type="secondary">{t("c.loading")}</Typography.Text>;
  return (
    <div style={{ display: "flex", gap: 48, flexWrap: "wrap" }} data-testid="ledger-why">
      <div>
        <Typography.Text type="secondary">{t("l.explain")}</Typography.Text>
        <div>
          <ExplanationView x={d.explanation} />
        </div>
      </div>
      <div>
        <Typography.Text type="secondary">{t("l.history")}</Typography.Text>
        <Timeline
          style={{ marginTop: 8 }}
          items={d.events.map((e) => ({
            content: (
              <>
                {fmtTime(e.at)} {pi.t(evKey(e.type))} · {e.actor ?? ""}
                {typeof e.data?.reason === "string" ? `：${e.data.reason}` : ""}
              </>
            ),
          }))}
        />
      </div>
    </div>
  );
}

function evKey(type: string) {
  const known = ["granted", "confirmed", "rejected", "disbursed", "withdrawn", "recomputed"] as const;
  const k = known.find((x) => x === type) ?? "granted";
  return `ev.${k}` as const;
}
