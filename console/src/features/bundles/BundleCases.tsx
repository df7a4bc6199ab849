/** 一件事办件 The bundle cases the user may see, filtered by status and bundle (GET /api/v1/bundle-cases). */
import { Button, Card, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { CASE_STATUSES } from "../../../../common/case-state.ts";
import { errorText } from "../../shared/errors.ts";
import { fmtTime } from "../../shared/format.ts";
import { Link, navigate } from "../../shared/router.tsx";
import { useSession } from "../../shared/session.ts";
import { useApi } from "../../shared/use-api.ts";
import { type BundleCase, listBundles, listCases } from "./api.ts";
import { useBundlesT } from "./i18n.ts";
import { CaseStatusTag, fmtDay, SubStatusTag } from "./parts.tsx";

export default function BundleCases() {
  const t = useBundlesT();
  const { user } = useSession();
  const [status, setStatus] = useState<string | undefined>();
  const [bundleId, setBundleId] = useState<string | undefined>();
  const bundles = useApi(listBundles, []);
  const cases = useApi(() => listCases({ status, bundleId }), [status, bundleId]);
  const canStart = user.role === "agent" || user.role === "admin";
  return (
    <Card
      title={t("casesTitle")}
      data-testid="bundle-cases"
      extra={
        canStart && (
          <Button type="primary" onClick={() => navigate("/bundle-cases/new")} data-testid="new-bundle-case">
            {t("newCase")}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t("anyStatus")}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={CASE_STATUSES.map((s) => ({ value: s, label: (t as (k: string) => string)(`case.${s}`) }))}
          data-testid="filter-status"
        />
        <Select
          allowClear
          placeholder={t("anyBundle")}
          style={{ width: 200 }}
          value={bundleId}
          onChange={setBundleId}
          options={(bundles.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          data-testid="filter-bundle"
        />
        <Button onClick={() => void cases.reload()}>{t("refresh")}</Button>
      </Space>
      {cases.error ? <Typography.Text type="danger">{errorText(cases.error, t)}</Typography.Text> : null}
      <Table<BundleCase>
        rowKey="id"
        size="small"
        loading={cases.loading}
        dataSource={cases.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t("caseNo"),
            dataIndex: "caseNo",
            render: (no: string, c) => (
              <Link to={`/bundle-cases/${c.id}`} data-testid="case-link">
                {no}
              </Link>
            ),
          },
          { title: t("bundle"), dataIndex: "bundleName" },
          { title: t("applicant"), render: (_, c) => c.applicant.name },
          { title: t("state"), dataIndex: "status", render: (s: string) => <CaseStatusTag status={s} /> },
          {
            title: t("subcases"),
            render: (_, c) => (
              <Space size={2} wrap>
                {c.subcases.map((s) => (
                  <span key={s.id} title={s.name}>
                    <SubStatusTag status={s.status} />
                  </span>
                ))}
              </Space>
            ),
          },
          { title: t("submittedAt"), dataIndex: "submittedAt", render: (v: string) => fmtTime(v) },
          {
            title: t("expectedFinish"),
            dataIndex: "expectedFinishAt",
            render: (v: string | null) => fmtDay(v),
          },
        ]}
      />
    </Card>
  );
}
