/**
 * The supervisor's work lists: overdue appeals (supervise, merge, close, transfer from the rows)
 * and extension requests awaiting a decision (approve, reject), each with a CSV export.
 */
import { Button, Card, Tabs } from "antd";
import { downloadCsv, fmtTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { useApi } from "../../shared/use-api.ts";
import { useRowAction } from "../appeals/ActionModal.tsx";
import { AppealTable } from "../appeals/AppealTable.tsx";
import { type Appeal, listAppeals } from "../appeals/api.ts";
import { statusLabel } from "../appeals/status.ts";
import { useAppealPages } from "../appeals/use-appeal-pages.ts";
import { useMetricsT } from "./i18n.ts";

/** Appeals with an extension request awaiting a decision (the oldest 500 at most). */
async function pendingExtensions(): Promise<Appeal[]> {
  return (await listAppeals({ pendingExtension: true, limit: 500 })).items;
}

export function WorkLists({ onChanged }: { onChanged: () => void }) {
  const { lang } = useI18n();
  const t = useMetricsT();
  const overdue = useAppealPages({ overdue: true }, 20);
  const extensions = useApi(pendingExtensions, []);
  const ext = extensions.error ? [] : (extensions.data ?? null);
  const rowAction = useRowAction(() => {
    overdue.reload();
    void extensions.reload();
    onChanged();
  });
  const csv = (name: string, items: Appeal[]) =>
    downloadCsv(
      name,
      [t("f.ticketNo"), t("f.title"), t("f.status"), t("f.department"), t("f.replyBy"), t("f.extension")],
      items.map((a) => [
        a.ticketNo,
        a.title,
        statusLabel(a.status, lang),
        a.leadDepartmentId,
        fmtTime(a.deadlines.replyBy),
        a.deadlines.pendingExtension
          ? `${a.deadlines.pendingExtension.days} ${a.deadlines.pendingExtension.reason}`
          : "",
      ]),
    );
  return (
    <Card>
      <Tabs
        items={[
          {
            key: "overdue",
            label: t("dash.overdueList"),
            children: (
              <>
                <Button
                  size="small"
                  onClick={() => csv("overdue.csv", overdue.items)}
                  style={{ marginBottom: 8 }}
                >
                  {t("exportCsv")}
                </Button>
                <AppealTable
                  testId="overdue-table"
                  items={overdue.items}
                  loading={overdue.loading}
                  hasMore={overdue.hasMore}
                  onMore={overdue.more}
                  actions={["supervise", "merge", "close", "transfer"]}
                  onAction={rowAction.start}
                />
              </>
            ),
          },
          {
            key: "ext",
            label: `${t("dash.extensions")} (${ext?.length ?? 0})`,
            children: (
              <>
                <Button
                  size="small"
                  onClick={() => csv("extensions.csv", ext ?? [])}
                  style={{ marginBottom: 8 }}
                >
                  {t("exportCsv")}
                </Button>
                <AppealTable
                  testId="extension-table"
                  items={ext ?? []}
                  loading={ext === null}
                  hasMore={false}
                  onMore={() => undefined}
                  actions={["approve-extension", "reject-extension"]}
                  onAction={rowAction.start}
                  extra={[
                    {
                      title: t("f.extension"),
                      render: (a) =>
                        a.deadlines.pendingExtension
                          ? `${t("days", { n: a.deadlines.pendingExtension.days })} · ${a.deadlines.pendingExtension.reason}`
                          : "",
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {rowAction.modal}
    </Card>
  );
}
