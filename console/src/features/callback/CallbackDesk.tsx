/** 回访 Callback desk: replied appeals waiting for a call; record resolved and satisfaction. */
import { Card, Typography } from "antd";
import { useI18n } from "../../shared/i18n/core.tsx";
import { useRowAction } from "../appeals/ActionModal.tsx";
import { AppealTable } from "../appeals/AppealTable.tsx";
import { useAppealPages } from "../appeals/use-appeal-pages.ts";
import { useCallbackT } from "./i18n.ts";

export default function CallbackDesk() {
  const { e } = useI18n();
  const t = useCallbackT();
  const pages = useAppealPages({ status: "replied" });
  const rowAction = useRowAction(() => pages.reload());
  return (
    <Card title={t("callback.title")} data-testid="callback-desk">
      <AppealTable
        testId="callback-table"
        items={pages.items}
        loading={pages.loading}
        hasMore={pages.hasMore}
        onMore={pages.more}
        actions={["callback"]}
        onAction={rowAction.start}
        extra={[
          {
            title: t("f.reply"),
            render: (a) =>
              a.reply ? (
                <Typography.Paragraph
                  ellipsis={{ rows: 2, tooltip: a.reply.text }}
                  style={{ margin: 0, maxWidth: 280 }}
                >
                  {a.reply.outcome ? `【${e("outcome", a.reply.outcome)}】` : ""}
                  {a.reply.text}
                </Typography.Paragraph>
              ) : null,
          },
        ]}
      />
      {rowAction.modal}
    </Card>
  );
}
