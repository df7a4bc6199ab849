import { Alert, Card, Col, Row, Space, Statistic, Table, Tabs, Tag, Typography } from "antd";
import { api } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { useKT } from "./i18n.ts";
import type { KnowledgeStats } from "./knowledge-api.ts";

/** The owners' page: usage and misses per article and department, recent misses with their text. */
export function StatsTab() {
  const t = useKT();
  const ref = useRefData();
  const stats = useApi(() => api<KnowledgeStats>("GET", "/api/v1/knowledge/stats"), []);
  const s = stats.data;
  if (stats.error) return <Alert type="error" title={t("error")} />;
  if (!s) return <Card loading />;
  const dep = (id: string) => ref?.departmentName.get(id) ?? id;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="kb-stats">
      <Typography.Text type="secondary">
        {t("window", { from: fmtTime(s.from), to: fmtTime(s.to) })}
      </Typography.Text>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t("uses")} value={s.totals.uses} />
        </Col>
        <Col span={8}>
          <Statistic title={t("misses")} value={s.totals.misses} />
        </Col>
        <Col span={8}>
          <Statistic title={t("articles")} value={s.totals.articles} />
        </Col>
      </Row>
      <Tabs
        items={[
          {
            key: "a",
            label: t("byArticle"),
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={s.articles}
                pagination={{ pageSize: 15, size: "small" }}
                data-testid="kb-stats-articles"
                columns={[
                  { title: t("article"), dataIndex: "title" },
                  { title: t("department"), render: (_, r) => dep(r.departmentId), width: 200 },
                  {
                    title: t("status"),
                    width: 100,
                    render: (_, r) =>
                      r.current ? (
                        <Tag color="green">{t("current")}</Tag>
                      ) : (
                        <Tag color="orange">{t("notCurrent")}</Tag>
                      ),
                  },
                  {
                    title: t("uses"),
                    dataIndex: "uses",
                    width: 120,
                    sorter: (x, y) => x.uses - y.uses,
                  },
                  {
                    title: t("misses"),
                    dataIndex: "misses",
                    width: 120,
                    sorter: (x, y) => x.misses - y.misses,
                  },
                  { title: t("lastUsed"), render: (_, r) => fmtTime(r.lastUsedAt), width: 150 },
                ]}
              />
            ),
          },
          {
            key: "d",
            label: t("byDepartment"),
            children: (
              <Table
                size="small"
                rowKey="departmentId"
                dataSource={s.departments}
                pagination={false}
                columns={[
                  { title: t("department"), render: (_, r) => r.name ?? dep(r.departmentId) },
                  { title: t("articles"), dataIndex: "articles" },
                  { title: t("current"), dataIndex: "current" },
                  { title: t("needsAttention"), dataIndex: "needsAttention" },
                  { title: t("uses"), dataIndex: "uses" },
                  { title: t("misses"), dataIndex: "misses" },
                ]}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t("recentMisses")}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        dataSource={s.recentMisses}
        pagination={{ pageSize: 10, size: "small" }}
        data-testid="kb-stats-misses"
        columns={[
          { title: t("at"), render: (_, r) => fmtTime(r.at), width: 150 },
          // what the agent searched: text, never HTML
          { title: t("query"), dataIndex: "query" },
          {
            title: t("appeal"),
            width: 200,
            render: (_, r) =>
              r.appealId ? <Link to={`/appeals/${r.appealId}`}>{r.ticketNo ?? r.appealId}</Link> : "—",
          },
          { title: t("by"), dataIndex: "userName", width: 120 },
        ]}
      />
    </Space>
  );
}
