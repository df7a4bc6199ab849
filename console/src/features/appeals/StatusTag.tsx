import { Tag } from "antd";
import { useI18n } from "../../shared/i18n/core.tsx";
import { statusColor, statusLabel } from "./status.ts";

/** An appeal's state as a coloured tag, labelled from the one table of state labels. */
export function StatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return <Tag color={statusColor(status)}>{statusLabel(status, lang)}</Tag>;
}
