import { Card, Col, Row, Statistic } from "antd";
import { pct } from "../../shared/format.ts";
import { useMetricsT } from "./i18n.ts";
import { type MetricsRow, RATES } from "./metrics-api.ts";

/** The six rates of the last 30 days. */
export function RatesCard({ row }: { row: MetricsRow | undefined }) {
  const t = useMetricsT();
  return (
    <Card title={t("dash.rates")} data-testid="rates">
      <Row gutter={16}>
        {RATES.map((k) => (
          <Col xs={12} md={4} key={k}>
            <Statistic title={t(`rate.${k}`)} value={pct(row?.[k])} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
