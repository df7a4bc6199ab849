/**
 * 承办 Department inbox: queues to sign, in hand, reopened and overdue, with deadline countdowns;
 * sign (also in bulk), return, transfer, request an extension, reply. The API shows a handler only
 * the appeals of its department (and those below it).
 */
import { App, Button, Card, Space, Tabs } from "antd";
import { useState } from "react";
import { errorText } from "../../shared/errors.ts";
import { useRowAction } from "../appeals/ActionModal.tsx";
import { AppealTable } from "../appeals/AppealTable.tsx";
import { type AppealAction, act } from "../appeals/api.ts";
import { useAppealPages } from "../appeals/use-appeal-pages.ts";
import { useInboxT } from "./i18n.ts";

const QUEUES = {
  toSign: { status: "dispatched" },
  inHand: { status: "signed" },
  reopened: { status: "reopened" },
  overdue: { overdue: true },
} as const;
type Queue = keyof typeof QUEUES;
const WORK: AppealAction[] = ["sign", "return", "transfer", "request-extension", "reply"];

export default function Inbox() {
  const t = useInboxT();
  const { message } = App.useApp();
  const [queue, setQueue] = useState<Queue>("toSign");
  const pages = useAppealPages(QUEUES[queue]);
  const [selected, setSelected] = useState<string[]>([]);
  const rowAction = useRowAction(() => pages.reload());
  const [busy, setBusy] = useState(false);

  const signSelected = async () => {
    setBusy(true);
    let n = 0;
    for (const id of selected) {
      const a = pages.items.find((x) => x.id === id);
      if (!a) continue;
      try {
        await act(a.id, "sign", { version: a.version });
        n++;
      } catch (err) {
        message.error(`${a.ticketNo}: ${errorText(err, t)}`);
      }
    }
    setBusy(false);
    setSelected([]);
    message.success(t("inbox.signedN", { n }));
    await pages.reload();
  };

  return (
    <Card data-testid="inbox">
      <Tabs
        activeKey={queue}
        onChange={(k) => {
          setQueue(k as Queue);
          setSelected([]);
        }}
        items={(Object.keys(QUEUES) as Queue[]).map((q) => ({ key: q, label: t(`inbox.${q}`) }))}
        tabBarExtraContent={
          <Space>
            {queue === "toSign" && (
              <Button
                type="primary"
                disabled={selected.length === 0}
                loading={busy}
                onClick={signSelected}
                data-testid="bulk-sign"
              >
                {t("inbox.signSelected", { n: selected.length })}
              </Button>
            )}
            <Button onClick={() => pages.reload()}>{t("refresh")}</Button>
          </Space>
        }
      />
      <AppealTable
        testId="inbox-table"
        items={pages.items}
        loading={pages.loading}
        hasMore={pages.hasMore}
        onMore={pages.more}
        actions={WORK}
        onAction={rowAction.start}
        selection={
          queue === "toSign"
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (a) => ({ disabled: !a.abilities.includes("sign") }),
              }
            : undefined
        }
      />
      {rowAction.modal}
    </Card>
  );
}
