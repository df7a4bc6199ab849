/** A hot spot as `GET /api/v1/hotspots` answers it, its status tag and its early-warning badge (小苗头). */
import { Tag } from "antd";
import { type HKey, useHT } from "./i18n.ts";

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
