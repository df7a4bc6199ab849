/** Pieces the 免申即享 screens share: status tags and an explanation shown condition by condition. */
import { Space, Tag, Typography } from "antd";
import { usePolicyI18n } from "./i18n.ts";
import type { Explanation, LedgerStatus, MatchStatus, VersionStatus } from "./model.ts";

const LEDGER_COLOR: Record<LedgerStatus, string> = {
  pending: "gold",
  confirmed: "blue",
  disbursed: "green",
  rejected: "red",
  withdrawn: "default",
};
export function LedgerTag({ status }: { status: string }) {
  const { t } = usePolicyI18n();
  const s = status as LedgerStatus;
  return <Tag color={LEDGER_COLOR[s] ?? "default"}>{LEDGER_COLOR[s] ? t(`ls.${s}`) : status}</Tag>;
}

const VERSION_COLOR: Record<VersionStatus, string> = {
  draft: "default",
  approved: "blue",
  published: "green",
  superseded: "default",
};
export function VersionTag({ status }: { status: string | null }) {
  const { t } = usePolicyI18n();
  if (!status) return null;
  const s = status as VersionStatus;
  return <Tag color={VERSION_COLOR[s] ?? "default"}>{VERSION_COLOR[s] ? t(`v.status.${s}`) : status}</Tag>;
}

const MATCH_COLOR: Record<MatchStatus, string> = {
  eligible: "green",
  needs_data: "orange",
  not_eligible: "default",
  error: "red",
};
export function MatchTag({ status }: { status: string }) {
  const { t } = usePolicyI18n();
  const s = status as MatchStatus;
  return <Tag color={MATCH_COLOR[s] ?? "default"}>{MATCH_COLOR[s] ? t(`ms.${s}`) : status}</Tag>;
}

/** An explanation from the API (Chinese, as recorded): the rule, each condition ✔/✘/？, the amount. */
export function ExplanationView({ x, testId }: { x: Explanation; testId?: string }) {
  const mark = (ok: boolean | null) => (ok === null ? "warning" : ok ? "success" : "danger");
  if (x.conditions.length === 0 && !x.amountText) {
    return (
      <Typography.Text type={x.status === "needs_data" ? "warning" : undefined} data-testid={testId}>
        {x.text}
      </Typography.Text>
    );
  }
  return (
    <Space orientation="vertical" size={2} data-testid={testId}>
      {x.rule !== null && <Typography.Text strong>{x.text.split("：")[0]}</Typography.Text>}
      {x.conditions.map((c) => (
        <Typography.Text key={`${c.attribute}:${c.text}`} type={mark(c.ok)}>
          {c.text}
        </Typography.Text>
      ))}
      {x.amountText && <Typography.Text strong>{x.amountText}</Typography.Text>}
    </Space>
  );
}
