/** The policy's basic fields: id, title, issuing department, dates, hit policy, legal basis, summary. */
import { Col, Form, Input, Row, Select, TreeSelect, Typography } from "antd";
import type { ReactNode } from "react";
import { departmentTree, useRefData } from "../../shared/refdata.ts";
import type { EditorPart } from "./editor-model.ts";
import { usePolicyI18n } from "./i18n.ts";
import { HIT_POLICIES, type HitPolicy } from "./model.ts";

export function PolicyBasics({
  ed,
  set,
  at,
  policyId,
  id,
  setId,
}: EditorPart & { policyId: string | null; id: string; setId: (id: string) => void }) {
  const { t } = usePolicyI18n();
  const ref = useRefData();
  const fieldItem = (name: string, label: string, node: ReactNode, required = false) => {
    const msg = at((p) => p.k === "field" && p.name === name);
    return (
      <Form.Item
        label={label}
        required={required}
        validateStatus={msg ? "error" : undefined}
        help={msg || undefined}
        style={{ marginBottom: 12 }}
      >
        {node}
      </Form.Item>
    );
  };
  return (
    <>
      <Typography.Title level={5}>{t("e.basics")}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          {fieldItem(
            "id",
            t("p.id"),
            <Input
              value={policyId ?? id}
              disabled={!!policyId}
              placeholder={t("p.idHelp")}
              onChange={(e) => setId(e.target.value.trim())}
              data-testid="policy-id"
            />,
            true,
          )}
        </Col>
        <Col xs={24} md={16}>
          {fieldItem(
            "title",
            t("p.title"),
            <Input
              value={ed.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
              data-testid="policy-title"
            />,
            true,
          )}
        </Col>
        <Col xs={24} md={8}>
          {fieldItem(
            "issuingDepartmentId",
            t("p.department"),
            <TreeSelect
              value={ed.issuingDepartmentId || undefined}
              treeData={ref ? departmentTree(ref.departments) : []}
              showSearch={{ treeNodeFilterProp: "title" }}
              treeDefaultExpandAll
              onChange={(v: string) => set({ issuingDepartmentId: v })}
              data-testid="policy-department"
              style={{ width: "100%" }}
            />,
            true,
          )}
        </Col>
        <Col xs={12} md={4}>
          {fieldItem(
            "effectiveFrom",
            t("p.effectiveFrom"),
            <Input
              type="date"
              value={ed.effectiveFrom}
              onChange={(e) => set({ effectiveFrom: e.target.value })}
              data-testid="policy-from"
            />,
            true,
          )}
        </Col>
        <Col xs={12} md={4}>
          {fieldItem(
            "effectiveTo",
            t("p.effectiveTo"),
            <Input
              type="date"
              value={ed.effectiveTo}
              onChange={(e) => set({ effectiveTo: e.target.value })}
              data-testid="policy-to"
            />,
          )}
        </Col>
        <Col xs={24} md={8}>
          {fieldItem(
            "hitPolicy",
            t("p.hitPolicy"),
            <Select<HitPolicy>
              value={ed.hitPolicy}
              options={HIT_POLICIES.map((h) => ({ value: h, label: t(`hit.${h}`) }))}
              onChange={(hitPolicy) => set({ hitPolicy })}
              data-testid="policy-hit"
            />,
          )}
        </Col>
        <Col xs={24} md={12}>
          {fieldItem(
            "legalBasis",
            t("p.legalBasis"),
            <Input.TextArea
              value={ed.legalBasis}
              rows={2}
              maxLength={2000}
              onChange={(e) => set({ legalBasis: e.target.value })}
              data-testid="policy-basis"
            />,
            true,
          )}
        </Col>
        <Col xs={24} md={12}>
          {fieldItem(
            "summary",
            t("p.summary"),
            <Input.TextArea
              value={ed.summary}
              rows={2}
              maxLength={2000}
              onChange={(e) => set({ summary: e.target.value })}
            />,
          )}
        </Col>
      </Row>
    </>
  );
}
