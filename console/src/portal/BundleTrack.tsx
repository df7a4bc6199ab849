/**
 * 一件事进度查询 The applicant's view of a bundle case on the portal: by case number + secret, the
 * progress of every sub-case, what each waits for and the expected finish (nothing personal).
 */
import { Descriptions, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { type PublicCaseDto, trackPublicCase } from "../features/bundles/api.ts";
import { fmtDay } from "../features/bundles/parts.tsx";
import { ApiError } from "../shared/api.ts";
import { errorText } from "../shared/errors.ts";
import { fmtTime } from "../shared/format.ts";
import { usePortalT } from "./i18n.ts";
import { LookupForm } from "./LookupForm.tsx";

const DONE = new Set(["issued"]);
const BAD = new Set(["refused", "cancelled"]);

export function BundleTrack() {
  const t = usePortalT();
  const [res, setRes] = useState<PublicCaseDto | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const track = async (v: { caseNo: string; secret: string }) => {
    setErr(null);
    try {
      setRes(await trackPublicCase(v.caseNo.trim(), v.secret.trim()));
    } catch (x) {
      setRes(null);
      setErr(x instanceof ApiError && x.status === 404 ? t("err.notFound") : errorText(x, t));
    }
  };
  return (
    <>
      <LookupForm
        numberField="caseNo"
        numberLabel={t("bundle.caseNo")}
        testIds={{ number: "bundle-track-no", secret: "bundle-track-secret", submit: "bundle-track-submit" }}
        onFinish={track}
        error={err}
      />
      {res && (
        <div style={{ marginTop: 16 }} data-testid="bundle-track-result">
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t("bundle.caseNo")}>{res.caseNo}</Descriptions.Item>
            <Descriptions.Item label={t("bundle.name")}>{res.bundleName}</Descriptions.Item>
            <Descriptions.Item label={t("f.status")}>
              <span data-testid="bundle-track-status" data-status={res.status}>
                {res.statusLabel}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("bundle.submittedAt")}>{fmtTime(res.submittedAt)}</Descriptions.Item>
            {res.completedAt ? (
              <Descriptions.Item label={t("bundle.completedAt")}>
                {fmtTime(res.completedAt)}
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label={t("bundle.expected")}>
                <span data-testid="bundle-track-expected">{fmtDay(res.expectedFinishAt)}</span>
              </Descriptions.Item>
            )}
            {res.pendingMaterials.length > 0 && (
              <Descriptions.Item label={t("bundle.pending")}>
                {res.pendingMaterials.join("、")}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table
            style={{ marginTop: 12 }}
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={res.subcases}
            columns={[
              {
                title: t("bundle.item"),
                render: (_, s) => (
                  <>
                    <div>{s.name}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.departmentName}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t("f.status"),
                render: (_, s) => (
                  <Tag color={DONE.has(s.status) ? "success" : BAD.has(s.status) ? "error" : "processing"}>
                    {s.statusLabel}
                  </Tag>
                ),
              },
              {
                title: t("bundle.progress"),
                render: (_, s) =>
                  s.resultAt
                    ? `${s.resultName} · ${fmtTime(s.resultAt)}`
                    : `${s.waitingFor ?? ""} ${t("bundle.expected")} ${fmtDay(s.expectedFinishAt)}`,
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
