/** What testing and previewing a version found: the officer's cases and the FEEL cross-check; the registry preview and its difference from the published version. */
import { Alert, Col, Row, Statistic, Table, Typography } from "antd";
import { usePolicyI18n } from "./i18n.ts";
import type { Preview, TestReport } from "./model.ts";
import { MatchTag } from "./parts.tsx";

export function ReportView({ r }: { r: TestReport }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const passedCases = r.officerCases.filter((c) => c.passed).length;
  return (
    <div data-testid="test-report" style={{ marginBottom: 16 }}>
      <Alert
        type={r.passed ? "success" : "error"}
        title={
          r.passed
            ? t("v.testsPassed", { a: passedCases, b: r.officerCases.length, g: r.generatedCases })
            : `${t("v.testsFailed")}${r.disagreements.length ? `：${t("v.disagreements", { n: r.disagreements.length })}` : ""}`
        }
        style={{ marginBottom: 8 }}
      />
      {r.officerCases.length > 0 && (
        <Table
          size="small"
          rowKey={(c) => c.name}
          pagination={false}
          dataSource={r.officerCases}
          columns={[
            { title: t("v.case"), dataIndex: "name" },
            {
              title: t("v.expected"),
              key: "e",
              render: (_, c) => (
                <>
                  <MatchTag status={c.expected.status} />
                  {c.expected.amount !== undefined && pi.money(c.expected.amount)}
                </>
              ),
            },
            {
              title: t("v.actual"),
              key: "a",
              render: (_, c) => (
                <>
                  <MatchTag status={c.actual.status} />
                  {c.actual.status === "eligible" && pi.money(c.actual.amount)}
                </>
              ),
            },
            {
              title: t("v.result"),
              key: "r",
              render: (_, c) => (
                <Typography.Text type={c.passed ? "success" : "danger"}>
                  {c.passed ? "✔" : "✘"}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

export function PreviewView({ p }: { p: Preview }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  return (
    <div data-testid="preview">
      <Typography.Text type="secondary">{t("v.evalDate", { d: p.evalDate })}</Typography.Text>
      <Row gutter={16} style={{ margin: "8px 0" }}>
        <Col span={6}>
          <Statistic title={t("v.enterprises")} value={p.enterprises} />
        </Col>
        <Col span={6}>
          <Statistic title={t("v.eligible")} value={p.eligible} data-testid="preview-eligible" />
        </Col>
        <Col span={6}>
          <Statistic title={t("v.needsData")} value={p.needsData} />
        </Col>
        <Col span={6}>
          <Statistic title={t("v.total")} value={pi.money(p.totalAmount)} data-testid="preview-total" />
        </Col>
      </Row>
      <Typography.Text strong>
        {p.previousVersion ? t("v.prev", { v: p.previousVersion }) : t("v.noPrev")}
      </Typography.Text>
      <Row gutter={16} style={{ margin: "8px 0" }}>
        <Col span={6}>
          <Statistic
            title={t("v.newly")}
            value={p.diff.newlyEligible}
            styles={{ content: { color: "#389e0d" } }}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t("v.gone")}
            value={p.diff.noLongerEligible}
            styles={{ content: { color: "#cf1322" } }}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t("v.changed")} value={p.diff.amountChanged} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t("v.delta")}
            value={`${p.diff.amountDelta > 0 ? "+" : ""}${pi.money(p.diff.amountDelta)}`}
          />
        </Col>
      </Row>
      {p.diff.examples.length > 0 && (
        <Table
          size="small"
          rowKey={(x) => `${x.uscc}:${x.change}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={p.diff.examples}
          columns={[
            { title: t("ent.uscc"), dataIndex: "uscc" },
            { title: t("l.status"), key: "c", render: (_, x) => t(`v.change.${x.change}`) },
            { title: t("v.before"), key: "b", render: (_, x) => pi.money(x.before) },
            { title: t("v.after"), key: "a", render: (_, x) => pi.money(x.after) },
          ]}
        />
      )}
    </div>
  );
}
