/** The dialog that adds or changes one SLA rule: clock, kind, urgency, category prefix, amount and unit, source. */
import { Form, type FormInstance, Input, InputNumber, Modal, Select, Space } from "antd";
import { APPEAL_KINDS, URGENCIES } from "../../../../../common/appeal-state.ts";
import { useI18n } from "../../../shared/i18n/core.tsx";
import { useAdminT } from "../i18n.ts";
import { ANY, SLA_CLOCKS, SLA_UNITS, type SlaRule } from "./sla-rule.ts";

export function SlaRuleForm({
  form,
  editing,
  busy,
  onSave,
  onCancel,
}: {
  form: FormInstance;
  /** The rule being changed, a new one (id ""), or null while the dialog is closed. */
  editing: SlaRule | null;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { e } = useI18n();
  const t = useAdminT();
  const anyOr = (values: readonly string[], group: string) => [
    { value: ANY, label: t("admin.any") },
    ...values.map((v) => ({ value: v, label: e(group, v) })),
  ];
  return (
    <Modal
      open={editing !== null}
      title={editing?.id ? `${t("admin.editRule")} ${editing.id}` : t("admin.newRule")}
      onCancel={onCancel}
      onOk={onSave}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="sla-form">
        {!editing?.id && (
          <Form.Item
            name="id"
            label={t("f.id")}
            extra={t("admin.ruleIdHint")}
            rules={[{ required: true, pattern: /^[a-z0-9-]{1,64}$/, message: t("admin.ruleIdHint") }]}
          >
            <Input maxLength={64} data-testid="sla-id" />
          </Form.Item>
        )}
        <Form.Item name="clock" label={t("admin.clock")}>
          <Select options={SLA_CLOCKS.map((c) => ({ value: c, label: t(`clock.${c}`) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t("f.kind")}>
          <Select options={anyOr(APPEAL_KINDS, "kind")} />
        </Form.Item>
        <Form.Item name="urgency" label={t("f.urgency")}>
          <Select options={anyOr(URGENCIES, "urgency")} />
        </Form.Item>
        <Form.Item
          name="categoryPrefix"
          label={t("f.category")}
          extra={t("admin.prefixHint")}
          rules={[{ pattern: /^([0-9]{2,6})?$/, message: t("admin.prefixHint") }]}
        >
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item label={t("admin.amount")} required>
          <Space.Compact>
            <Form.Item name="amount" noStyle rules={[{ required: true, message: t("required") }]}>
              <InputNumber min={0} max={100000} precision={0} data-testid="sla-amount" />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select
                style={{ width: 110 }}
                options={SLA_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="source"
          label={t("admin.source")}
          rules={[{ required: true, whitespace: true, max: 500, message: t("admin.sourceHint") }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={t("admin.sourceHint")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
