/**
 * One bundle case: the parent case (applicant, materials, 容缺), each sub-case with its department,
 * state, both clocks (法定 / 承诺), what it waits for, and the actions its `abilities` allow. Every
 * action sends the version it was shown and an Idempotency-Key; a 409 shows the server's message.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import type { CaseAction, SubcaseAction } from "../../../../common/case-state.ts";
import { ApiError } from "../../shared/api.ts";
import { errorText } from "../../shared/errors.ts";
import { fmtTime } from "../../shared/format.ts";
import type { ScreenProps } from "../../shared/router.tsx";
import { Link } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import {
  type BundleCase,
  type CaseActionInput,
  caseAction,
  getCase,
  newIdempotencyKey,
  type Subcase,
  type SubcaseActionInput,
  subcaseAction,
} from "./api.ts";
import { useBundlesT } from "./i18n.ts";
import { CaseStatusTag, ClockCell, fmtDay, SubStatusTag } from "./parts.tsx";

type Pending = { kind: "case"; action: CaseAction } | { kind: "sub"; action: SubcaseAction; sub: Subcase };

/** Actions that ask for input before they are sent. */
const NEEDS_INPUT = new Set<string>([
  "case:reject",
  "case:supply-materials",
  "case:withdraw",
  "sub:refuse",
  "sub:request-correction",
  "sub:suspend",
  "sub:issue-result",
]);

export default function BundleCasePage({ params }: ScreenProps) {
  const t = useBundlesT();
  const tt = t as (k: string, v?: Record<string, string | number>) => string;
  const { message } = App.useApp();
  const res = useApi(() => getCase(params.id ?? ""), [params.id]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [form] = Form.useForm();
  const c = res.data;

  const send = async (p: Pending, input: CaseActionInput & SubcaseActionInput) => {
    if (!c) return;
    setBusy(true);
    setConflict(null);
    const key = newIdempotencyKey();
    try {
      if (p.kind === "case") await caseAction(c, p.action, input, key);
      else await subcaseAction(c.id, p.sub, p.action, input, key);
      message.success(
        tt("actionDone", { action: tt(`${p.kind === "case" ? "caseAction" : "subAction"}.${p.action}`) }),
      );
      setPending(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(tt("conflict", { msg: err.message }));
      else message.error(errorText(err, t));
    } finally {
      setBusy(false);
      await res.reload();
    }
  };

  const click = (p: Pending) => {
    if (
      NEEDS_INPUT.has(`${p.kind}:${p.action}`) ||
      (p.kind === "case" && p.action === "accept" && c?.materials.some((m) => !m.submitted))
    ) {
      form.resetFields();
      setPending(p);
    } else void send(p, {});
  };

  if (res.error) return <Alert type="error" message={errorText(res.error, t)} />;
  if (!c) return <Card loading />;

  const missing = c.materials.filter((m) => !m.submitted);
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="bundle-case">
      {conflict && (
        <Alert
          type="warning"
          showIcon
          closable
          message={conflict}
          onClose={() => setConflict(null)}
          data-testid="case-conflict"
        />
      )}
      <Card
        title={
          <Space>
            {t("parentCase")} <span data-testid="case-no">{c.caseNo}</span> · {c.bundleName}
            <CaseStatusTag status={c.status} />
          </Space>
        }
        extra={
          <Space>
            {c.abilities.map((a) => (
              <Button
                key={a}
                size="small"
                type={a === "accept" ? "primary" : "default"}
                danger={a === "reject" || a === "withdraw"}
                loading={busy}
                onClick={() => click({ kind: "case", action: a })}
                data-testid={`case-action-${a}`}
              >
                {tt(`caseAction.${a}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t("applicant")}>
            {c.applicant.name} {c.applicant.phone ?? ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("leadDepartment")}>{c.leadDepartmentName}</Descriptions.Item>
          <Descriptions.Item label={t("version")}>v{c.bundleVersion}</Descriptions.Item>
          <Descriptions.Item label={t("submittedAt")}>{fmtTime(c.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("expectedFinish")}>
            <span data-testid="case-expected">
              {c.status === "completed" ? fmtTime(c.completedAt) : fmtDay(c.expectedFinishAt)}
            </span>
          </Descriptions.Item>
          {c.appealIds.length > 0 && (
            <Descriptions.Item label={t("linkedAppeal")}>
              {c.appealIds.map((id) => (
                <Link key={id} to={`/appeals/${id}`}>
                  {id.slice(0, 8)}
                </Link>
              ))}
            </Descriptions.Item>
          )}
          {c.reason && <Descriptions.Item label={t("reason")}>{c.reason}</Descriptions.Item>}
          <Descriptions.Item label={t("materials")} span={3}>
            <Space size={4} wrap>
              {c.materials.map((m) => (
                <Tag key={m.code} color={m.submitted ? "green" : "orange"}>
                  {m.name} · {m.submitted ? t("submitted") : t("notSubmitted")}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          {c.pendingMaterials.length > 0 && (
            <Descriptions.Item label={t("pendingMaterials")} span={3}>
              {c.pendingMaterials.join("、")} · {t("supplyBy")} {fmtDay(c.supplyBy)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t("subcases")} size="small">
        <Table<Subcase>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.subcases}
          onRow={(s) => ({ "data-testid": `subcase-${s.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t("procedure"), render: (_, s) => <Typography.Text strong>{s.name}</Typography.Text> },
            { title: t("department"), dataIndex: "departmentName" },
            {
              title: t("state"),
              render: (_, s) => (
                <Space orientation="vertical" size={0}>
                  <SubStatusTag status={s.status} />
                  {s.suspension && (
                    <Typography.Text type="warning">
                      {tt("suspendedFor", { label: s.suspension.label })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t("legalClock"), render: (_, s) => <ClockCell clock={s.clocks.legal} /> },
            { title: t("promisedClock"), render: (_, s) => <ClockCell clock={s.clocks.promised} /> },
            {
              title: t("waitingFor"),
              render: (_, s) =>
                s.resultAt ? (
                  <span>
                    {s.resultName} {s.resultNo ?? ""} {s.reason ?? ""}
                  </span>
                ) : (
                  (s.waitingFor ?? "—")
                ),
            },
            { title: t("expectedFinish"), render: (_, s) => fmtDay(s.expectedFinishAt) },
            {
              title: "",
              render: (_, s) => (
                <Space size={4} wrap>
                  {s.abilities.map((a) => (
                    <Button
                      key={a}
                      size="small"
                      type={a === "accept" || a === "approve" || a === "issue-result" ? "primary" : "default"}
                      danger={a === "refuse"}
                      loading={busy}
                      onClick={() => click({ kind: "sub", action: a, sub: s })}
                      data-testid={`sub-${s.id}-${a}`}
                    >
                      {tt(`subAction.${a}`)}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
        {c.hiddenSubcases > 0 && (
          <Typography.Text type="secondary">{tt("hiddenSubcases", { n: c.hiddenSubcases })}</Typography.Text>
        )}
      </Card>
      {c.events && (
        <Card title={t("events")} size="small">
          <Timeline
            items={c.events.map((e) => ({
              key: e.seq,
              content: `${fmtTime(e.at)} ${e.actor.name} · ${tt(`ev.${e.type}`)}${e.subcaseId ? ` · ${c.subcases.find((s) => s.id === e.subcaseId)?.name ?? e.subcaseId}` : ""}`,
            }))}
          />
        </Card>
      )}
      <Modal
        open={!!pending}
        title={pending ? tt(`${pending.kind === "case" ? "caseAction" : "subAction"}.${pending.action}`) : ""}
        confirmLoading={busy}
        onCancel={() => setPending(null)}
        onOk={async () => {
          if (!pending) return;
          const v = await form.validateFields();
          const input: CaseActionInput & SubcaseActionInput = {};
          if (v.reason) input.reason = v.reason;
          if (v.note) input.note = v.note;
          if (v.resultNo) input.resultNo = v.resultNo;
          if (v.suspension) input.suspension = v.suspension;
          if (v.materials?.length) input.materials = v.materials;
          if (v.tolerateMissing) {
            input.tolerateMissing = true;
            input.supplyWithinDays = v.supplyWithinDays ?? 5;
          }
          await send(pending, input);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {pending && modalFields(pending, c, missing, t)}
        </Form>
      </Modal>
    </Space>
  );
}

function modalFields(
  p: Pending,
  c: BundleCase,
  missing: BundleCase["materials"],
  t: ReturnType<typeof useBundlesT>,
) {
  const req = [{ required: true, message: t("required") }];
  const key = `${p.kind}:${p.action}`;
  switch (key) {
    case "case:accept":
      return (
        <>
          <Typography.Paragraph>
            {t("notSubmitted")}: {missing.map((m) => m.name).join("、")}
          </Typography.Paragraph>
          <Form.Item
            name="tolerateMissing"
            label={t("tolerateMissing")}
            valuePropName="checked"
            initialValue={true}
          >
            <Switch />
          </Form.Item>
          <Form.Item name="supplyWithinDays" label={t("supplyWithinDays")} initialValue={5}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        </>
      );
    case "case:supply-materials":
      return (
        <Form.Item name="materials" label={t("materials")} rules={req} initialValue={c.pendingMaterials}>
          <Select mode="multiple" options={c.materials.map((m) => ({ value: m.code, label: m.name }))} />
        </Form.Item>
      );
    case "sub:issue-result":
      return (
        <Form.Item name="resultNo" label={t("resultNo")}>
          <Input maxLength={100} data-testid="result-no" />
        </Form.Item>
      );
    case "sub:suspend":
      return (
        <>
          <Form.Item name="suspension" label={t("suspension")} rules={req} initialValue="publicity">
            <Select
              options={[
                { value: "publicity", label: t("suspension.publicity") },
                { value: "expert_review", label: t("suspension.expert_review") },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t("note")}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
    case "sub:request-correction":
      return (
        <Form.Item name="note" label={t("note")} rules={req}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="action-note" />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name="reason" label={t("reason")} rules={req}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="action-reason" />
        </Form.Item>
      );
  }
}
