/**
 * The agent desk's intake form, in keyboard order: phone, name, urgency, kind, region, address,
 * title, text, category, department, and for a consultation the direct answer; the buttons say
 * their shortcuts. The desk (AgentDesk) owns the form's state and what the buttons do.
 */
import {
  Button,
  Card,
  Cascader,
  Col,
  Form,
  type FormInstance,
  Input,
  type InputRef,
  Radio,
  Row,
  Space,
  TreeSelect,
  Typography,
} from "antd";
import type { RefObject } from "react";
import { APPEAL_KINDS } from "../../../../common/appeal-state.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { categoryTree, departmentTree, useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import type { Appeal } from "../appeals/api.ts";
import { StatusTag } from "../appeals/StatusTag.tsx";
import type { DeskForm, DeskMode } from "./desk-form.ts";
import { useDeskT } from "./i18n.ts";

export function IntakeForm({
  form,
  phoneRef,
  kind,
  busy,
  last,
  onSubmit,
  onReset,
  onDepartmentPicked,
}: {
  form: FormInstance<DeskForm>;
  phoneRef: RefObject<InputRef | null>;
  kind: DeskForm["kind"] | undefined;
  busy: boolean;
  /** The appeal received last, linked under the buttons. */
  last: Appeal | null;
  onSubmit: (mode: DeskMode) => void;
  onReset: () => void;
  onDepartmentPicked: () => void;
}) {
  const { e } = useI18n();
  const t = useDeskT();
  const ref = useRefData();
  const deps = ref ? departmentTree(ref.departments) : [];
  return (
    <Card
      title={t("desk.title")}
      extra={<Typography.Text type="secondary">{t("desk.shortcuts")}</Typography.Text>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "complaint", urgency: "normal" }}
        requiredMark={false}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="phone" label={t("f.phone")}>
              <Input ref={phoneRef} autoFocus maxLength={30} inputMode="tel" data-testid="desk-phone" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="name" label={t("f.name")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="urgency" label={t("f.urgency")}>
              <Radio.Group
                options={(["normal", "urgent"] as const).map((u) => ({
                  value: u,
                  label: e("urgency", u),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label={t("f.kind")} rules={[{ required: true, message: t("required") }]}>
          <Radio.Group
            optionType="button"
            options={APPEAL_KINDS.map((k) => ({ value: k, label: e("kind", k) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="region" label={t("f.region")}>
              <Cascader options={ref?.regions ?? []} changeOnSelect showSearch data-testid="desk-region" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="address" label={t("f.address")}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t("f.title")} rules={[{ required: true, message: t("required") }]}>
          <Input maxLength={200} data-testid="desk-title" />
        </Form.Item>
        <Form.Item name="body" label={t("f.body")} rules={[{ required: true, message: t("required") }]}>
          <Input.TextArea rows={4} maxLength={10000} data-testid="desk-body" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="categoryCode"
              label={t("f.category")}
              rules={[{ required: true, message: t("required") }]}
            >
              <TreeSelect
                showSearch
                allowClear
                treeNodeFilterProp="title"
                treeData={ref ? categoryTree(ref.categories) : []}
                data-testid="desk-category"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="leadDepartmentId"
              label={t("f.department")}
              rules={[{ required: true, message: t("required") }]}
            >
              <TreeSelect
                showSearch
                allowClear
                treeNodeFilterProp="title"
                treeData={deps}
                onChange={onDepartmentPicked}
                data-testid="desk-department"
              />
            </Form.Item>
          </Col>
        </Row>
        {kind === "consult" && (
          <Form.Item
            name="answer"
            label={t("desk.answerText")}
            rules={[{ required: true, message: t("required") }]}
          >
            <Input.TextArea rows={3} maxLength={5000} data-testid="desk-answer" />
          </Form.Item>
        )}
        <Space wrap>
          <Button onClick={() => onSubmit("receive")} loading={busy} data-testid="desk-receive">
            {t("desk.save")} (Ctrl+Enter)
          </Button>
          <Button
            type="primary"
            onClick={() => onSubmit("dispatch")}
            loading={busy}
            data-testid="desk-dispatch"
          >
            {t("desk.saveDispatch")} (Alt+D)
          </Button>
          {kind === "consult" && (
            <Button onClick={() => onSubmit("answer")} loading={busy} data-testid="desk-answer-btn">
              {t("desk.answer")} (Alt+A)
            </Button>
          )}
          <Button onClick={onReset}>{t("reset")}</Button>
        </Space>
        {last && (
          <div style={{ marginTop: 12 }} data-testid="desk-last">
            <Link to={`/appeals/${last.id}`}>{last.ticketNo}</Link> <StatusTag status={last.status} />
          </div>
        )}
      </Form>
    </Card>
  );
}
