/**
 * 一件事清单 The bundle definitions (read-only view of a version: procedures, situations, materials,
 * fields) and their reform figures (改革成效: before / after, computed by the server) with the XLSX.
 */
import {
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { errorText } from "../../shared/errors.ts";
import { pct } from "../../shared/format.ts";
import { useSession } from "../../shared/session.ts";
import { useApi } from "../../shared/use-api.ts";
import { getBundle, getBundleVersion, listBundles, reformMetrics, reformXlsxUrl } from "./api.ts";
import { useBundlesT } from "./i18n.ts";

export default function BundleDefinitions() {
  const t = useBundlesT();
  const list = useApi(listBundles, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen ?? list.data?.items[0]?.id ?? null;
  return (
    <Row gutter={16} data-testid="bundle-definitions">
      <Col xs={24} lg={7}>
        <Card title={t("definitionsTitle")} size="small">
          {list.error ? <Typography.Text type="danger">{errorText(list.error, t)}</Typography.Text> : null}
          <List
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            renderItem={(b) => (
              <List.Item
                style={{
                  cursor: "pointer",
                  background: b.id === id ? "#e6f4ff" : undefined,
                  paddingInline: 8,
                }}
                onClick={() => setChosen(b.id)}
                data-testid={`bundle-${b.id}`}
              >
                <Space orientation="vertical" size={0}>
                  <Space size={4}>
                    <Typography.Text strong>{b.name}</Typography.Text>
                    {b.sample && <Tag>{t("sample")}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {b.leadDepartmentName} · {b.procedureCount} {t("procedures")}
                    {b.publishedVersion ? ` · v${b.publishedVersion} ${t("published")}` : ""}
                    {b.draftVersion ? ` · v${b.draftVersion} ${t("draft")}` : ""}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        {id && <BundleDetail id={id} />}
      </Col>
    </Row>
  );
}

function BundleDetail({ id }: { id: string }) {
  const t = useBundlesT();
  const tt = t as (k: string) => string;
  const { user } = useSession();
  const bundle = useApi(() => getBundle(id), [id]);
  const [version, setVersion] = useState<number | null>(null);
  const b = bundle.data;
  const v = version ?? b?.publishedVersion ?? b?.draftVersion ?? null;
  const def = useApi(() => (v ? getBundleVersion(id, v) : null), [id, v]);
  const canSeeFigures = user.role === "supervisor" || user.role === "admin" || user.role === "policy_officer";
  if (bundle.error) return <Typography.Text type="danger">{errorText(bundle.error, t)}</Typography.Text>;
  if (!b) return <Card loading />;
  const d = def.data?.definition;
  const procName = (code: string) => d?.procedures.find((p) => p.code === code)?.name ?? code;
  return (
    <Card
      size="small"
      title={
        <Space>
          {b.name}
          {b.sample && <Tag>{t("sample")}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {t("version")}
          <Select
            size="small"
            style={{ width: 160 }}
            value={v ?? undefined}
            onChange={setVersion}
            options={b.versions.map((x) => ({ value: x.version, label: `v${x.version} ${x.status}` }))}
          />
        </Space>
      }
    >
      {d && (
        <Tabs
          items={[
            {
              key: "procedures",
              label: t("procedures"),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{d.description}</Typography.Paragraph>
                  {d.sample && (
                    <Typography.Paragraph type="secondary">{d.sample.source}</Typography.Paragraph>
                  )}
                  <Table
                    rowKey="code"
                    size="small"
                    pagination={false}
                    dataSource={d.procedures}
                    columns={[
                      { title: t("procedure"), dataIndex: "name" },
                      { title: t("department"), dataIndex: "departmentId" },
                      { title: t("legalDays"), dataIndex: "legalDays" },
                      { title: t("promisedDays"), dataIndex: "promisedDays" },
                      {
                        title: t("dependsOn"),
                        render: (_, p) => p.dependsOn.map(procName).join("、") || "—",
                      },
                      { title: t("trips"), dataIndex: "separateTrips" },
                      { title: t("result"), dataIndex: "resultName" },
                    ]}
                  />
                </>
              ),
            },
            {
              key: "situations",
              label: t("situations"),
              children: (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={d.situations}
                  columns={[
                    { title: t("questions"), dataIndex: "question" },
                    {
                      title: "",
                      render: (_, s) =>
                        s.kind === "yesno"
                          ? `${t("yes")} / ${t("no")}`
                          : s.options.map((o) => o.label).join(" / "),
                    },
                  ]}
                />
              ),
            },
            {
              key: "materials",
              label: t("materials"),
              children: (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={d.materials}
                  columns={[
                    { title: t("materials"), dataIndex: "name" },
                    {
                      title: "",
                      render: (_, m) =>
                        `${m.original ? t("original") : t("copy")} · ${m.form === "paper" ? t("paper") : t("electronic")}`,
                    },
                    { title: t("source"), render: (_, m) => tt(`source.${m.source}`) },
                    { title: t("evidence"), dataIndex: "evidenceLevel" },
                  ]}
                />
              ),
            },
            {
              key: "fields",
              label: t("fields"),
              children: (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={d.fields}
                  columns={[
                    { title: t("fields"), dataIndex: "label" },
                    { title: t("source"), render: (_, f) => tt(`fieldSource.${f.source}`) },
                    { title: t("required"), render: (_, f) => (f.required ? t("yes") : t("no")) },
                  ]}
                />
              ),
            },
            ...(canSeeFigures && b.publishedVersion
              ? [{ key: "reform", label: t("reform"), children: <ReformFigures id={id} /> }]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

const FIGURES = ["steps", "materials", "fields", "trips", "limitDays"] as const;

/** Before / after per figure, and the figures from real cases. */
export function ReformFigures({ id }: { id: string }) {
  const t = useBundlesT();
  const m = useApi(() => reformMetrics(id), [id]);
  if (m.error) return <Typography.Text type="danger">{errorText(m.error, t)}</Typography.Text>;
  const r = m.data;
  if (!r) return <Card loading />;
  const days = (x: number | null) => (x === null ? "—" : String(x));
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="reform-figures">
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={FIGURES.map((k) => ({
          key: k,
          before: r.before[k],
          after: r.after[k],
          cut: r.reduction[k],
        }))}
        columns={[
          { title: t("figure"), dataIndex: "key", render: (k: string) => (t as (x: string) => string)(k) },
          { title: t("before"), dataIndex: "before" },
          { title: t("after"), dataIndex: "after" },
          { title: t("cut"), dataIndex: "cut", render: (x: number) => pct(x) },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t("exemptRate")}>{pct(r.exemptRate)}</Descriptions.Item>
        <Descriptions.Item label={t("casesStarted")}>{r.cases.started}</Descriptions.Item>
        <Descriptions.Item label={t("casesCompleted")}>{r.cases.completed}</Descriptions.Item>
        <Descriptions.Item label={t("medianDays")}>{days(r.cases.medianWorkingDays)}</Descriptions.Item>
        <Descriptions.Item label={t("p90Days")}>{days(r.cases.p90WorkingDays)}</Descriptions.Item>
        <Descriptions.Item label={t("onTimeRate")}>{pct(r.cases.onTimeRate)}</Descriptions.Item>
        <Descriptions.Item label={t("correctionRate")}>{pct(r.cases.correctionRate)}</Descriptions.Item>
      </Descriptions>
      <Button href={reformXlsxUrl(id)} download data-testid="reform-xlsx">
        {t("exportXlsx")}
      </Button>
    </Space>
  );
}
