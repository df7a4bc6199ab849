/** A hot spot's status tag and its early-warning badge (小苗头). */
import { Tag } from "antd";
import type { Hotspot } from "../../../../common/contracts/hotspots.ts";
import { type HKey, useHT } from "./i18n.ts";

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

export type { Hotspot };
