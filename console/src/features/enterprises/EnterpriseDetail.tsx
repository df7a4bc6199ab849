/** One enterprise: its attributes and their history, what it is entitled to and why, what needs its data; the lookup code when its abilities allow. */
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { useRefData } from "../../shared/refdata.ts";
import { useApi } from "../../shared/use-api.ts";
import { usePolicyI18n } from "../policies/i18n.ts";
import { type EnterpriseDetail, type EnterpriseEntitlements, useAttributes } from "../policies/model.ts";
import { ExplanationView, LedgerTag, MatchTag } from "../policies/parts.tsx";
import { fmtAttr } from "./enterprise-attrs.ts";

export function EnterpriseDetailView({ uscc }: { uscc: string }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const { message } = App.useApp();
  const defs = useAttributes();
  const ref = useRefData();
  const [code, setCode] = useState<string | null>(null);
  const loaded = useApi(() => {
    const u = encodeURIComponent(uscc);
    return Promise.all([
      api<EnterpriseDetail>("GET", `/api/v1/enterprises/${u}`),
      api<EnterpriseEntitlements>("GET", `/api/v1/enterprises/${u}/entitlements`),
    ]);
  }, [uscc]);
  const [e, why] = loaded.data ?? [null, null];
  const error = loaded.error ? pi.err(loaded.error) : null;
  if (error) return <Alert type="error" title={error} data-testid="enterprise-error" />;
  if (!e || !why || !defs) return <Card loading />;
  const label = (k: string) => {
    const d = defs.find((x) => x.key === k);
    return d ? pi.attr(k, d.label) : k;
  };
  const history = [...e.history].reverse();
  return (
    <>
      <Card
        title={
          <span data-testid="enterprise-name">
            {e.name} {e.synthetic && <Tag>{t("ent.synthetic")}</Tag>}
          </span>
        }
        extra={
          e.abilities.issueLookupCode && (
            <Button
              onClick={async () => {
                try {
                  const r = await api<{ code: string }>(
                    "POST",
                    `/api/v1/enterprises/${encodeURIComponent(uscc)}/lookup-code`,
                  );
                  setCode(r.code);
                } catch (x) {
                  message.error(pi.err(x));
                }
              }}
              data-testid="issue-code"
            >
              {t("ent.issueCode")}
            </Button>
          )
        }
      >
        {code && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={
              <>
                {t("ent.code")}{" "}
                <Typography.Text copyable strong data-testid="lookup-code">
                  {code}
                </Typography.Text>
              </>
            }
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} title={t("ent.attrs")}>
          <Descriptions.Item label={t("ent.uscc")}>{e.uscc}</Descriptions.Item>
          {defs.map((d) => (
            <Descriptions.Item key={d.key} label={pi.attr(d.key, d.label)}>
              {fmtAttr(d, e.attrs[d.key], pi, ref?.regionName)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>

      <Card title={t("ent.entitled")} data-testid="enterprise-entitlements">
        {why.entitlements.length === 0 ? (
          <Empty description={t("ent.noEntitlements")} />
        ) : (
          <List
            dataSource={why.entitlements}
            renderItem={(r) => (
              <List.Item key={r.id}>
                <div style={{ width: "100%" }}>
                  <Space wrap>
                    <Typography.Text strong>{r.policyTitle ?? r.policyId}</Typography.Text>
                    <LedgerTag status={r.status} />
                    <Typography.Text>
                      {pi.money(r.amount)} {t("c.yuan")}
                    </Typography.Text>
                    {r.reason && <Typography.Text type="danger">{r.reason}</Typography.Text>}
                  </Space>
                  <div style={{ marginTop: 4 }}>
                    <ExplanationView x={r.explanation} />
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        title={`${t("ent.matches")} · ${t("v.evalDate", { d: why.evalDate })}`}
        data-testid="enterprise-matches"
      >
        {why.current.length === 0 ? (
          <Empty description={t("ent.noMatches")} />
        ) : (
          <List
            dataSource={why.current}
            renderItem={(c) => (
              <List.Item key={c.policyId}>
                <div style={{ width: "100%" }}>
                  <Space wrap>
                    <Typography.Text strong>{c.policyTitle}</Typography.Text>
                    <MatchTag status={c.status} />
                    {c.status === "eligible" && (
                      <Typography.Text>
                        {pi.money(c.amount)} {t("c.yuan")}
                      </Typography.Text>
                    )}
                    {c.missing.length > 0 && (
                      <Typography.Text type="warning" data-testid="needs-data">
                        {t("ent.missing")}：{c.missing.map(label).join("、")}
                      </Typography.Text>
                    )}
                  </Space>
                  <div style={{ marginTop: 4 }}>
                    <ExplanationView x={c.explanation} />
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={t("ent.history")}>
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={history}
          expandable={{
            expandedRowRender: (h) => {
              const prev = e.history?.find((x) => x.version === h.version - 1);
              const changed = defs.filter(
                (d) => JSON.stringify(h.attrs[d.key] ?? null) !== JSON.stringify(prev?.attrs[d.key] ?? null),
              );
              return (
                <ul style={{ margin: 0 }}>
                  {changed.map((d) => (
                    <li key={d.key}>
                      {pi.attr(d.key, d.label)}：
                      {prev ? `${fmtAttr(d, prev.attrs[d.key], pi, ref?.regionName)} → ` : ""}
                      {fmtAttr(d, h.attrs[d.key], pi, ref?.regionName)}
                    </li>
                  ))}
                </ul>
              );
            },
          }}
          columns={[
            { title: t("v.versions"), key: "v", render: (_, h) => t("v.version", { v: h.version }) },
            { title: t("ent.validFrom"), key: "f", render: (_, h) => fmtTime(h.validFrom) },
            {
              title: t("ent.validTo"),
              key: "to",
              render: (_, h) =>
                h.validTo ? fmtTime(h.validTo) : <Tag color="green">{t("ent.current")}</Tag>,
            },
            {
              title: t("ent.source"),
              key: "src",
              render: (_, h) =>
                h.source === "api" || h.source === "import" || h.source === "synthetic"
                  ? t(`src.${h.source}`)
                  : h.source,
            },
            { title: t("ent.changedBy"), key: "by", render: (_, h) => h.changedBy ?? "" },
          ]}
        />
      </Card>
    </>
  );
}
