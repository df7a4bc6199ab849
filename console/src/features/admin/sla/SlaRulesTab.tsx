/**
 * SLA rules (时限规则) of the active profile: the table, and a rule added or changed in a form; the
 * server refuses a rule set that would be invalid, naming the rule, and deadlines follow at once.
 */
import { App, Button, Form, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { SlaRulesResponse } from "../../../../../common/contracts/sla.ts";
import { api } from "../../../shared/api.ts";
import { errorText } from "../../../shared/errors.ts";
import { useI18n } from "../../../shared/i18n/core.tsx";
import { useApi } from "../../../shared/use-api.ts";
import { useAdminT } from "../i18n.ts";
import { SlaRuleForm } from "./SlaRuleForm.tsx";
import { ANY, type SlaRule } from "./sla-rule.ts";

export function SlaRulesTab() {
  const { e } = useI18n();
  const t = useAdminT();
  const { message } = App.useApp();
  const rules = useApi(() => api<SlaRulesResponse>("GET", "/api/v1/sla-rules"), []);
  const data = rules.data;
  // The rule being edited, or a new one (id "").
  const [editing, setEditing] = useState<SlaRule | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const open = (r: SlaRule | null) => {
    const rule: SlaRule = r ?? {
      id: "",
      profile: data?.profile ?? "",
      clock: "reply",
      kind: null,
      urgency: null,
      categoryPrefix: null,
      unit: "working_days",
      amount: 5,
      source: "",
    };
    form.setFieldsValue({
      ...rule,
      kind: rule.kind ?? ANY,
      urgency: rule.urgency ?? ANY,
      categoryPrefix: rule.categoryPrefix ?? "",
    });
    setEditing(rule);
  };
  const save = async () => {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const id = editing?.id || String(v.id);
    const prefix = String(v.categoryPrefix ?? "").trim();
    setBusy(true);
    try {
      await api("PUT", `/api/v1/sla-rules/${encodeURIComponent(id)}`, {
        profile: editing?.profile || data?.profile,
        clock: v.clock,
        kind: v.kind === ANY ? null : v.kind,
        urgency: v.urgency === ANY ? null : v.urgency,
        categoryPrefix: prefix === "" ? null : prefix,
        unit: v.unit,
        amount: v.amount,
        source: String(v.source).trim(),
      });
      message.success(t("admin.ruleSaved"));
      setEditing(null);
      await rules.reload();
    } catch (x) {
      message.error(errorText(x, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph>
        {t("admin.profile")}: <Tag>{data?.profile}</Tag>
        <Button onClick={() => open(null)} data-testid="sla-new" style={{ marginLeft: 12 }}>
          {t("admin.newRule")}
        </Button>
      </Typography.Paragraph>
      {rules.error !== null && <Typography.Text type="danger">{errorText(rules.error, t)}</Typography.Text>}
      <Table<SlaRule>
        size="small"
        rowKey="id"
        loading={rules.loading}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="sla-rules"
        columns={[
          { title: t("f.id"), dataIndex: "id", width: 160 },
          {
            title: t("admin.clock"),
            key: "clock",
            width: 70,
            render: (_, r) => t(`clock.${r.clock}`),
          },
          {
            title: t("f.kind"),
            key: "kind",
            width: 90,
            render: (_, r) => (r.kind ? e("kind", r.kind) : "*"),
          },
          {
            title: t("f.urgency"),
            key: "u",
            width: 80,
            render: (_, r) => (r.urgency ? e("urgency", r.urgency) : "*"),
          },
          { title: t("f.category"), key: "c", width: 80, render: (_, r) => r.categoryPrefix ?? "*" },
          {
            title: t("admin.amount"),
            key: "a",
            width: 120,
            render: (_, r) => (
              <span data-testid={`sla-amount-${r.id}`}>{`${r.amount} ${t(`unit.${r.unit}`)}`}</span>
            ),
          },
          { title: t("admin.source"), dataIndex: "source", ellipsis: true },
          {
            title: "",
            key: "edit",
            width: 70,
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)} data-testid={`sla-edit-${r.id}`}>
                {t("admin.edit")}
              </Button>
            ),
          },
        ]}
      />
      <SlaRuleForm
        form={form}
        editing={editing}
        busy={busy}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
    </>
  );
}
