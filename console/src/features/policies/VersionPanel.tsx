/**
 * 版本与发布 A policy's versions, and for the chosen one the steps the API allows: run the tests
 * (officer cases + FEEL cross-check) → preview against the registry (eligible count, total
 * amount, difference from the published version) → approve the preview → publish.
 */
import { Alert, App, Button, Card, Descriptions, Space, Steps, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { useSession } from "../../shared/session.ts";
import { usePolicyI18n } from "./i18n.ts";
import type { DecisionTable, PolicyDetail, PolicyVersion, TestReport } from "./model.ts";
import { VersionTag } from "./parts.tsx";
import { PreviewView, ReportView } from "./VersionReports.tsx";

type Step = "test" | "preview" | "approve" | "publish";

/** Whether the user drafted the version: another officer approves it (双人复核). */
export const draftedBy = (v: PolicyVersion, userId: string) => v.createdById === userId;

/** A draft whose tests passed and whose preview is made: what an officer approves. */
const readyForApproval = (v: PolicyVersion) => v.status === "draft" && !!v.testReport?.passed && !!v.preview;

/** Which steps the API allows the user now for a version. */
export function allowedSteps(v: PolicyVersion, userId: string): Record<Step, boolean> {
  const open = v.status === "draft" || v.status === "approved";
  return {
    test: open,
    preview: open,
    approve: readyForApproval(v) && !draftedBy(v, userId),
    publish: v.status === "approved",
  };
}

function currentStep(v: PolicyVersion): number {
  if (v.status === "published" || v.status === "superseded") return 4;
  if (v.status === "approved") return 3;
  if (v.testReport?.passed && v.preview) return 2;
  if (v.testReport?.passed) return 1;
  return 0;
}

export default function VersionPanel({
  detail,
  onChanged,
  onLoad,
}: {
  detail: PolicyDetail;
  onChanged: () => Promise<void> | void;
  onLoad: (t: DecisionTable) => void;
}) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const { message, modal } = App.useApp();
  const { user } = useSession();
  const last = detail.versions[detail.versions.length - 1];
  const [chosen, setChosen] = useState<number | null>(last?.version ?? null);
  const [busy, setBusy] = useState<Step | null>(null);
  const [report, setReport] = useState<TestReport | null>(null);
  useEffect(() => {
    // a new version was saved: follow it
    setChosen(last?.version ?? null);
    setReport(null);
  }, [last?.version]);
  const v = detail.versions.find((x) => x.version === chosen) ?? last;
  if (!v) return null;
  const allowed = allowedSteps(v, user.id);
  const ownDraftAwaitingApproval = readyForApproval(v) && draftedBy(v, user.id);
  const shownReport = report ?? v.testReport;

  const run = async (step: Step) => {
    setBusy(step);
    try {
      const r = await api<unknown>(
        "POST",
        `/api/v1/policies/${encodeURIComponent(detail.id)}/versions/${v.version}/${step}`,
      );
      if (step === "test") setReport(r as TestReport);
      if (step === "approve") message.success(t("v.approvedOk"));
      if (step === "publish")
        message.success(t("v.publishedDone", { c: (r as { created?: number }).created ?? 0 }));
      await onChanged();
    } catch (e) {
      message.error(pi.err(e));
      await onChanged();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t("v.versions")} data-testid="versions">
      <Table<PolicyVersion>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={[...detail.versions].reverse()}
        rowSelection={{
          type: "radio",
          selectedRowKeys: [v.version],
          onChange: (keys) => {
            setChosen(Number(keys[0]));
            setReport(null);
          },
        }}
        columns={[
          { title: t("v.versions"), key: "v", render: (_, x) => t("v.version", { v: x.version }) },
          { title: t("l.status"), key: "s", render: (_, x) => <VersionTag status={x.status} /> },
          { title: t("p.title"), key: "t", render: (_, x) => x.table.title },
          { title: t("v.created"), key: "c", render: (_, x) => `${fmtTime(x.createdAt)} ${x.createdBy}` },
          {
            title: "",
            key: "load",
            render: (_, x) => (
              <Button size="small" onClick={() => onLoad(x.table)}>
                {t("v.loadToEditor")}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }} data-testid="chosen-version">
        {t("v.version", { v: v.version })} <VersionTag status={v.status} />
      </Typography.Title>
      <Steps
        size="small"
        current={currentStep(v)}
        style={{ margin: "12px 0 16px" }}
        items={(["test", "preview", "approve", "publish"] as const).map((s) => ({ title: t(`v.step.${s}`) }))}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          disabled={!allowed.test}
          loading={busy === "test"}
          onClick={() => run("test")}
          data-testid="v-test"
        >
          {t("v.test")}
        </Button>
        <Button
          disabled={!allowed.preview}
          loading={busy === "preview"}
          onClick={() => run("preview")}
          data-testid="v-preview"
        >
          {t("v.preview")}
        </Button>
        <Button
          disabled={!allowed.approve}
          loading={busy === "approve"}
          onClick={() => run("approve")}
          data-testid="v-approve"
        >
          {t("v.approve")}
        </Button>
        <Button
          type="primary"
          disabled={!allowed.publish}
          loading={busy === "publish"}
          onClick={() =>
            modal.confirm({
              title: t("v.publish"),
              content: t("v.confirmPublish"),
              okText: t("c.ok"),
              cancelText: t("c.cancel"),
              onOk: () => run("publish"),
            })
          }
          data-testid="v-publish"
        >
          {t("v.publish")}
        </Button>
      </Space>
      {ownDraftAwaitingApproval && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t("v.fourEyes")}
          data-testid="four-eyes"
        />
      )}
      {(v.approvedBy || v.publishedBy) && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          {v.approvedBy && (
            <Descriptions.Item label={t("v.step.approve")}>
              {v.approvedBy} {fmtTime(v.approvedAt)}
            </Descriptions.Item>
          )}
          {v.publishedBy && (
            <Descriptions.Item label={t("v.step.publish")}>
              {v.publishedBy} {fmtTime(v.publishedAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {shownReport && <ReportView r={shownReport} />}
      {v.preview && <PreviewView p={v.preview} />}
    </Card>
  );
}
