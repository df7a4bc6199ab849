/** 诉求查询: every appeal the user may see, filtered by status, kind, text, overdue. */
import { Button, Card, Form, Input, Select, Space, Switch } from "antd";
import { useState } from "react";
import { APPEAL_KINDS, APPEAL_STATUSES } from "../../../../common/appeal-state.ts";
import { downloadCsv, fmtTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { AppealTable } from "./AppealTable.tsx";
import { statusLabel } from "./status.ts";
import { useAppealPages } from "./use-appeal-pages.ts";

export default function AppealSearch() {
  const { t, e, lang } = useI18n();
  const [filter, setFilter] = useState<Record<string, string | boolean | undefined>>({});
  const pages = useAppealPages(filter);
  return (
    <Card data-testid="appeal-search">
      <Form
        layout="inline"
        onFinish={(v: { status?: string; kind?: string; q?: string; overdue?: boolean }) =>
          setFilter({
            status: v.status,
            kind: v.kind,
            q: v.q?.trim() || undefined,
            overdue: v.overdue || undefined,
          })
        }
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input placeholder={t("search")} allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status" label={t("f.status")}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={APPEAL_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t("f.kind")}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={APPEAL_KINDS.map((s) => ({ value: s, label: e("kind", s) }))}
          />
        </Form.Item>
        <Form.Item name="overdue" label={t("f.overdue")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t("search")}
          </Button>
          <Button
            onClick={() =>
              downloadCsv(
                "appeals.csv",
                [
                  t("f.ticketNo"),
                  t("f.title"),
                  t("f.kind"),
                  t("f.status"),
                  t("f.department"),
                  t("f.createdAt"),
                  t("f.replyBy"),
                ],
                pages.items.map((a) => [
                  a.ticketNo,
                  a.title,
                  e("kind", a.kind),
                  statusLabel(a.status, lang),
                  a.leadDepartmentId,
                  fmtTime(a.createdAt),
                  fmtTime(a.deadlines.replyBy),
                ]),
              )
            }
          >
            {t("exportCsv")}
          </Button>
        </Space>
      </Form>
      <AppealTable items={pages.items} loading={pages.loading} hasMore={pages.hasMore} onMore={pages.more} />
    </Card>
  );
}
