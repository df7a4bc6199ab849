/** Small pieces the bundle screens share: state tags and the two clocks of a sub-case. */
import { Space, Tag, Typography } from "antd";
import type { Subcase } from "./api.ts";
import { useBundlesT } from "./i18n.ts";

const CASE_COLORS: Record<string, string> = {
  submitted: "blue",
  accepted: "processing",
  completed: "success",
  rejected: "error",
  withdrawn: "default",
};
const SUB_COLORS: Record<string, string> = {
  waiting: "default",
  dispatched: "blue",
  accepted: "processing",
  correction: "warning",
  suspended: "warning",
  approved: "cyan",
  issued: "success",
  refused: "error",
  cancelled: "default",
};

export function CaseStatusTag({ status }: { status: string }) {
  const t = useBundlesT();
  return (
    <Tag color={CASE_COLORS[status]} data-testid="case-status" data-status={status}>
      {(t as (k: string) => string)(`case.${status}`)}
    </Tag>
  );
}

export function SubStatusTag({ status }: { status: string }) {
  const t = useBundlesT();
  return (
    <Tag color={SUB_COLORS[status]} data-status={status}>
      {(t as (k: string) => string)(`sub.${status}`)}
    </Tag>
  );
}

type Clock = Subcase["clocks"]["legal"];

/** One clock: remaining (or overdue) working days, stopped or not. */
export function ClockCell({ clock }: { clock: Clock }) {
  const t = useBundlesT();
  if (clock.remainingDays === null || !clock.dueAt)
    return <Typography.Text type="secondary">{t("notStarted")}</Typography.Text>;
  const text = clock.overdue
    ? t("daysOver", { n: Math.abs(clock.remainingDays) })
    : t("daysLeft", { n: clock.remainingDays });
  return (
    <Space size={4} wrap>
      <Typography.Text type={clock.overdue ? "danger" : undefined}>{text}</Typography.Text>
      <Typography.Text type="secondary">/ {clock.limitDays}</Typography.Text>
      {clock.paused && <Tag color="warning">{t("paused")}</Tag>}
    </Space>
  );
}

/** `2025-03-14T16:00:00.000Z` (24:00 China time, the end of a working day) → `2025-03-14`. */
export function fmtDay(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(new Date(iso).getTime() + 8 * 3600_000 - 1).toISOString().slice(0, 10);
}
