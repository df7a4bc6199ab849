/** 回访 Callback desk: replied appeals waiting for a call; record resolved and satisfaction. */
import { Card, Typography } from "antd";
import { useState } from "react";
import { AppealTable } from "../components/AppealTable.tsx";
import { ActionModal, useAppealPages } from "../components/appeal-bits.tsx";
import type { Appeal, AppealAction } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";

export default function CallbackDesk() {
  const { t, e } = useI18n();
  const pages = useAppealPages({ status: "replied" });
  const [acting, setActing] = useState<{ appeal: Appeal; action: AppealAction } | null>(null);
  return (
    <Card title={t("callback.title")} data-testid="callback-desk">
      <AppealTable
        testId="callback-table"
        items={pages.items}
        loading={pages.loading}
        hasMore={pages.hasMore}
        onMore={pages.more}
        actions={["callback"]}
        onAction={(appeal, action) => setActing({ appeal, action })}
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
      {acting && (
        <ActionModal
          appeal={acting.appeal}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={() => pages.reload()}
        />
      )}
    </Card>
  );
}
