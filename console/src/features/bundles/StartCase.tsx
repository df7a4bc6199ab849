/**
 * 发起一件事 Starting a bundle case: pick a bundle, answer the situation questions, see the merged
 * form (each field once; 免提交 fields prefilled and marked) and the one material list, submit.
 * `?bundle=newborn&appeal=<id>` starts it on a 12345 caller's behalf (帮办代办): the appeal's
 * details prefill the form and the appeal links to the case.
 */
import {
  App,
  Button,
  Card,
  Cascader,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { api } from "../../shared/api.ts";
import { errorText } from "../../shared/errors.ts";
import { pct } from "../../shared/format.ts";
import { useRefData } from "../../shared/refdata.ts";
import { navigate } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import type { Appeal } from "../appeals/api.ts";
import {
  bundleForm,
  type FormDto,
  listBundles,
  newIdempotencyKey,
  type StartedCase,
  startCase,
} from "./api.ts";
import { useBundlesT } from "./i18n.ts";

export default function StartCase() {
  const t = useBundlesT();
  const tt = t as (k: string, v?: Record<string, string | number>) => string;
  const { message } = App.useApp();
  const ref = useRefData();
  const query = useMemo(() => new URLSearchParams(location.search), []);
  const appealId = query.get("appeal") ?? undefined;
  const [bundleId, setBundleId] = useState<string | undefined>(query.get("bundle") ?? undefined);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [handedIn, setHandedIn] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<StartedCase | null>(null);
  // One key per filled-in form: a retried submit is the same start.
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm();
  const bundles = useApi(listBundles, []);
  const appeal = useApi(
    () => (appealId ? api<Appeal>("GET", `/api/v1/appeals/${encodeURIComponent(appealId)}`) : null),
    [appealId],
  );
  const merged = useApi(
    () => (bundleId ? bundleForm(bundleId, { answers, appealId }) : null),
    [bundleId, JSON.stringify(answers), appealId],
    { keepPrevious: true },
  );
  const f: FormDto | undefined = merged.data?.bundleId === bundleId ? merged.data : undefined;

  const submit = async () => {
    if (!bundleId || !f) return;
    const v = await form.validateFields();
    const values: Record<string, string> = {};
    for (const field of f.fields) {
      const x = field.exempt && field.value !== null ? field.value : v[`field:${field.code}`];
      if (x !== undefined && x !== null && String(x).trim() !== "") values[field.code] = String(x).trim();
    }
    const region: string[] | undefined = v.region;
    setBusy(true);
    try {
      const c = await startCase(
        {
          bundleId,
          answers,
          applicant: {
            name: v.applicantName,
            phone: v.applicantPhone || undefined,
            uscc: v.uscc || undefined,
          },
          regionCode: region?.[region.length - 1] ?? "",
          values,
          materials: handedIn.filter((m) => f.materials.some((x) => x.code === m)),
          appealId,
        },
        key,
      );
      setStarted(c);
    } catch (err) {
      message.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (started)
    return (
      <Result
        status="success"
        title={tt("started", { no: started.caseNo })}
        subTitle={t("keepSecret")}
        data-testid="case-started"
        extra={
          <Space orientation="vertical">
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t("caseNo")}>
                <Typography.Text copyable data-testid="started-case-no">
                  {started.caseNo}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("f.secret")}>
                <Typography.Text copyable data-testid="started-secret">
                  {started.secret}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Space>
              <Button
                type="primary"
                onClick={() => navigate(`/bundle-cases/${started.id}`)}
                data-testid="open-started"
              >
                {t("openCase")}
              </Button>
              <Button
                onClick={() => {
                  setStarted(null);
                  setKey(newIdempotencyKey());
                  form.resetFields();
                }}
              >
                {t("newCase")}
              </Button>
            </Space>
          </Space>
        }
      />
    );

  const a = appeal.data;
  const regionInitial = a?.location.regionCode
    ? [a.location.regionCode.slice(0, 4), a.location.regionCode]
    : undefined;
  return (
    <Card title={t("newCase")} data-testid="start-case">
      {a && (
        <Typography.Paragraph type="secondary" data-testid="start-from-appeal">
          {tt("fromAppeal", { no: a.ticketNo })}: {a.title}
        </Typography.Paragraph>
      )}
      <Space style={{ marginBottom: 16 }}>
        <span>{t("chooseBundle")}</span>
        <Select
          style={{ width: 280 }}
          value={bundleId}
          onChange={(v) => {
            setBundleId(v);
            setAnswers({});
            setHandedIn([]);
          }}
          options={(bundles.data?.items ?? [])
            .filter((b) => b.abilities.includes("start-case"))
            .map((b) => ({ value: b.id, label: b.name }))}
          data-testid="start-bundle"
        />
      </Space>
      {merged.error ? (
        <Typography.Paragraph type="danger">{errorText(merged.error, t)}</Typography.Paragraph>
      ) : null}
      {f && (
        <Form
          form={form}
          layout="vertical"
          key={`${bundleId}:${a?.id ?? ""}`}
          initialValues={{ applicantName: a?.citizen.name ?? undefined, region: regionInitial }}
        >
          {f.questions.length > 0 && (
            <Card size="small" title={t("questions")} style={{ marginBottom: 12 }}>
              {f.questions.map((q) => (
                <div key={q.code} style={{ marginBottom: 8 }}>
                  <div>{q.question}</div>
                  <Radio.Group
                    value={answers[q.code] ?? q.answer}
                    onChange={(e) => setAnswers({ ...answers, [q.code]: e.target.value })}
                    options={(q.kind === "yesno"
                      ? [
                          { value: "yes", label: t("yes") },
                          { value: "no", label: t("no") },
                        ]
                      : q.options
                    ).map((o) => ({ value: o.value, label: o.label }))}
                  />
                </div>
              ))}
            </Card>
          )}
          <Card size="small" title={t("applicant")} style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="applicantName"
                  label={t("applicantName")}
                  rules={[{ required: true, message: t("required") }]}
                >
                  <Input maxLength={50} data-testid="start-applicant-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="applicantPhone"
                  label={t("applicantPhone")}
                  rules={[{ pattern: /^1[3-9]\d{9}$/, message: t("required") }]}
                >
                  <Input maxLength={11} data-testid="start-applicant-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="region"
                  label={t("region")}
                  rules={[{ required: true, message: t("required") }]}
                >
                  <Cascader options={ref?.regions ?? []} data-testid="start-region" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card
            size="small"
            title={t("form")}
            style={{ marginBottom: 12 }}
            extra={
              <Typography.Text type="secondary" data-testid="form-summary">
                {tt("summary", {
                  fields: f.summary.fields,
                  fill: f.summary.fieldsToFill,
                  materials: f.summary.materials,
                  submit: f.summary.materialsToSubmit,
                  rate: pct(f.summary.exemptRate),
                })}
              </Typography.Text>
            }
          >
            <Row gutter={12}>
              {f.fields.map((field) => (
                <Col xs={24} md={12} key={field.code}>
                  <Form.Item
                    name={`field:${field.code}`}
                    label={
                      <Space size={4}>
                        {field.label}
                        {field.exempt && <Tag color="green">{t("exempt")}</Tag>}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t("usedBy")}{" "}
                          {field.usedBy
                            .map((p) => f.procedures.find((x) => x.code === p)?.name ?? p)
                            .join("、")}
                        </Typography.Text>
                      </Space>
                    }
                    initialValue={field.value ?? undefined}
                    rules={
                      field.required && field.source !== "issued" && field.value === null
                        ? [{ required: true, message: t("required") }]
                        : []
                    }
                  >
                    <Input
                      disabled={field.source === "issued" || (field.exempt && field.value !== null)}
                      placeholder={
                        field.exempt && !field.value ? tt(`fieldSource.${field.source}`) : undefined
                      }
                      data-testid={`field-${field.code}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
          <Card size="small" title={t("materialList")} style={{ marginBottom: 12 }}>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={f.materials}
              columns={[
                {
                  title: t("handedIn"),
                  render: (_, m) =>
                    m.exempt ? (
                      <Tag color="green">{t("exempt")}</Tag>
                    ) : (
                      <Checkbox
                        checked={handedIn.includes(m.code)}
                        onChange={(e) =>
                          setHandedIn(
                            e.target.checked ? [...handedIn, m.code] : handedIn.filter((x) => x !== m.code),
                          )
                        }
                        data-testid={`material-${m.code}`}
                      />
                    ),
                },
                { title: t("materials"), dataIndex: "name" },
                {
                  title: "",
                  render: (_, m) =>
                    `${m.original ? t("original") : t("copy")} · ${m.form === "paper" ? t("paper") : t("electronic")}`,
                },
                { title: t("source"), render: (_, m) => tt(`source.${m.source}`) },
                { title: t("evidence"), dataIndex: "evidenceLevel" },
                {
                  title: t("usedBy"),
                  render: (_, m) =>
                    m.usedBy.map((p) => f.procedures.find((x) => x.code === p)?.name ?? p).join("、"),
                },
              ]}
            />
          </Card>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="start-submit">
            {t("start")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
