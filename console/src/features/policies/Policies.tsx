/**
 * 政策清单 The policy officer's list of 免申即享 policies, and per policy the decision-table editor
 * (PolicyEditor) with its versions and the test → preview → approve → publish steps.
 * Paths: /policy (list), /policy/new, /policy/<id>.
 */
import { Button, Card, Table, Tag, Typography } from "antd";
import { api } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { useRefData } from "../../shared/refdata.ts";
import { navigate, usePath } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { usePolicyI18n } from "./i18n.ts";
import type { PolicySummary } from "./model.ts";
import PolicyEditor from "./PolicyEditor.tsx";
import { VersionTag } from "./parts.tsx";

export default function Policies() {
  const path = usePath();
  const sub = /^\/policy\/([^/]+)$/.exec(path)?.[1];
  if (sub) return <PolicyEditor key={sub} policyId={sub === "new" ? null : decodeURIComponent(sub)} />;
  return <PolicyList />;
}

function PolicyList() {
  const { t, err } = usePolicyI18n();
  const ref = useRefData();
  const list = useApi(() => api<{ items: PolicySummary[] }>("GET", "/api/v1/policies"), []);
  const items = list.error ? [] : (list.data?.items ?? null);
  const error = list.error ? err(list.error) : null;
  return (
    <Card
      title={t("p.list")}
      data-testid="policy-list"
      extra={
        <>
          <Button onClick={() => void list.reload()} style={{ marginRight: 8 }}>
            {t("c.refresh")}
          </Button>
          <Button type="primary" onClick={() => navigate("/policy/new")} data-testid="policy-new">
            {t("p.new")}
          </Button>
        </>
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<PolicySummary>
        size="small"
        rowKey="id"
        loading={!items}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t("p.none") }}
        onRow={(p) => ({ onDoubleClick: () => navigate(`/policy/${encodeURIComponent(p.id)}`) })}
        columns={[
          {
            title: t("p.title"),
            key: "title",
            render: (_, p) => (
              <>
                <a
                  href={`/policy/${encodeURIComponent(p.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/policy/${encodeURIComponent(p.id)}`);
                  }}
                >
                  {p.title}
                </a>
                {p.sample && (
                  <Tag style={{ marginLeft: 8 }} color="purple">
                    {t("p.sample")}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t("p.id"), dataIndex: "id", width: 220 },
          {
            title: t("p.department"),
            key: "dep",
            render: (_, p) => ref?.departmentName.get(p.departmentId) ?? p.departmentId,
          },
          {
            title: t("p.published"),
            key: "pub",
            width: 110,
            render: (_, p) => (p.publishedVersion ? t("v.version", { v: p.publishedVersion }) : "—"),
          },
          {
            title: t("p.latest"),
            key: "latest",
            width: 170,
            render: (_, p) =>
              p.latestVersion ? (
                <>
                  {t("v.version", { v: p.latestVersion })} <VersionTag status={p.latestStatus} />
                </>
              ) : (
                "—"
              ),
          },
          { title: t("p.updated"), key: "upd", width: 150, render: (_, p) => fmtTime(p.updatedAt) },
        ]}
      />
    </Card>
  );
}
