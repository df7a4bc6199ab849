/**
 * 政策编辑 The decision-table editor in Chinese, a form and a grid — never code: condition columns
 * chosen from the controlled attribute list, one condition cell per column per rule, the hit
 * policy, per rule the outputs (eligible, amount formula), effective dates, issuing department,
 * legal basis and the officer's test cases. Validation problems from the API are shown at the
 * cell, rule or field they name. Below: the versions and the test → preview → approve → publish
 * steps (VersionPanel).
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tooltip,
  TreeSelect,
  Typography,
} from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, api } from "../../shared/api.ts";
import { departmentTree, useRefData } from "../../shared/refdata.ts";
import { navigate } from "../../shared/router.tsx";
import { usePolicyI18n } from "./i18n.ts";
import {
  type AttrDef,
  attrInputText,
  blankTable,
  type DecisionTable,
  formulaKeys,
  getPolicy,
  HIT_POLICIES,
  type HitPolicy,
  MATCH_STATUSES,
  type MatchStatus,
  type Place,
  type PolicyDetail,
  type Problem,
  parseAttrInput,
  placeOf,
  useAttributes,
} from "./model.ts";
import VersionPanel from "./VersionPanel.tsx";

interface EdRule {
  key: number;
  when: string[];
  eligible: boolean;
  amount: string;
  note: string;
}
interface EdCase {
  key: number;
  name: string;
  attrs: Record<string, string>;
  status: MatchStatus;
  amount: number | null;
}
interface Ed {
  title: string;
  summary: string;
  issuingDepartmentId: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string;
  hitPolicy: HitPolicy;
  sample: boolean;
  inputs: string[];
  rules: EdRule[];
  testDate: string;
  tests: EdCase[];
}

let seq = 1;
const nextKey = () => seq++;

function toEd(t: DecisionTable): Ed {
  return {
    title: t.title,
    summary: t.summary ?? "",
    issuingDepartmentId: t.issuingDepartmentId,
    legalBasis: t.legalBasis,
    effectiveFrom: t.effectiveFrom,
    effectiveTo: t.effectiveTo ?? "",
    hitPolicy: t.hitPolicy,
    sample: t.sample === true,
    inputs: t.inputs.map((i) => i.attribute),
    rules: t.rules.map((r) => ({
      key: nextKey(),
      when: [...r.when],
      eligible: r.eligible,
      amount: r.amount,
      note: r.note ?? "",
    })),
    testDate: t.testDate ?? "",
    tests: (t.tests ?? []).map((c) => ({
      key: nextKey(),
      name: c.name,
      attrs: Object.fromEntries(Object.entries(c.attrs).map(([k, v]) => [k, attrInputText(v)])),
      status: c.expect.status,
      amount: c.expect.amount ?? null,
    })),
  };
}

function toTable(ed: Ed, defs: AttrDef[]): DecisionTable {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const t: DecisionTable = {
    title: ed.title.trim(),
    issuingDepartmentId: ed.issuingDepartmentId,
    legalBasis: ed.legalBasis.trim(),
    effectiveFrom: ed.effectiveFrom,
    effectiveTo: ed.effectiveTo || null,
    hitPolicy: ed.hitPolicy,
    inputs: ed.inputs.map((attribute) => ({ attribute })),
    rules: ed.rules.map((r) => ({
      when: r.when.map((c) => c.trim() || "-"),
      eligible: r.eligible,
      amount: r.amount.trim() || "0",
      ...(r.note.trim() ? { note: r.note.trim() } : {}),
    })),
    tests: ed.tests.map((c) => {
      const attrs: Record<string, string | number | boolean | null> = {};
      for (const [k, raw] of Object.entries(c.attrs)) {
        const v = parseAttrInput(byKey.get(k), raw);
        if (v !== undefined) attrs[k] = v;
      }
      return {
        name: c.name.trim() || "—",
        attrs,
        expect:
          c.amount !== null && c.status === "eligible"
            ? { status: c.status, amount: c.amount }
            : { status: c.status },
      };
    }),
  };
  if (ed.summary.trim()) t.summary = ed.summary.trim();
  if (ed.sample) t.sample = true;
  if (ed.testDate) t.testDate = ed.testDate;
  return t;
}

/** API details (`{ field, message }`) of a 400, or null. */
function problemsOf(e: unknown): Problem[] | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  const d = (e.details ?? []) as Problem[];
  return d.filter((p) => p && typeof p.field === "string");
}

export default function PolicyEditor({ policyId }: { policyId: string | null }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const { message } = App.useApp();
  const defs = useAttributes();
  const ref = useRefData();
  const [id, setId] = useState(policyId ?? "");
  const [detail, setDetail] = useState<PolicyDetail | null>(null);
  const [ed, setEd] = useState<Ed | null>(policyId ? null : toEd(blankTable()));
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(
    async (fill: boolean) => {
      if (!policyId) return;
      try {
        const d = await getPolicy(policyId);
        setDetail(d);
        const last = d.versions[d.versions.length - 1];
        if (fill && last) setEd(toEd(last.table));
      } catch (e) {
        setLoadError(pi.err(e));
      }
    },
    [policyId, pi],
  );
  useEffect(() => {
    void reload(true);
  }, [reload]);

  const byKey = useMemo(() => new Map((defs ?? []).map((d) => [d.key, d])), [defs]);
  const placed = useMemo(
    () => (problems ?? []).map((p) => ({ ...p, place: placeOf(p.field), text: pi.problemShort(p.message) })),
    [problems, pi],
  );
  const at = (pred: (p: Place) => boolean) =>
    placed
      .filter((p) => pred(p.place))
      .map((p) => p.text)
      .join("；");

  if (loadError) return <Alert type="error" title={loadError} />;
  if (!ed || !defs) return <Card loading />;

  const set = (patch: Partial<Ed>) => setEd({ ...ed, ...patch });
  const setRule = (i: number, patch: Partial<EdRule>) =>
    set({ rules: ed.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setCase = (i: number, patch: Partial<EdCase>) =>
    set({ tests: ed.tests.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

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

  const testKeys = [
    ...new Set([
      ...ed.inputs.filter((k) => byKey.has(k)),
      ...ed.rules.flatMap((r) => formulaKeys(r.amount, defs)),
    ]),
  ];

  const missingRequired = (): boolean => {
    const req: Problem[] = [];
    const need = t("err.validation");
    if (!policyId && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) req.push({ field: "id", message: t("p.idHelp") });
    if (!ed.title.trim()) req.push({ field: "title", message: need });
    if (!ed.issuingDepartmentId) req.push({ field: "issuingDepartmentId", message: need });
    if (!ed.legalBasis.trim()) req.push({ field: "legalBasis", message: need });
    if (!ed.effectiveFrom) req.push({ field: "effectiveFrom", message: need });
    if (req.length) setProblems(req);
    return req.length > 0;
  };

  const validate = async () => {
    if (missingRequired()) return;
    setBusy("validate");
    try {
      const r = await api<{ valid: boolean; problems: Problem[] }>("POST", "/api/v1/policies/validate", {
        table: toTable(ed, defs),
      });
      setProblems(r.problems);
      if (r.valid) message.success(t("e.valid"));
    } catch (e) {
      const ps = problemsOf(e);
      if (ps) setProblems(ps);
      else message.error(pi.err(e));
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (missingRequired()) return;
    setBusy("save");
    try {
      const r = await api<{ version: number }>(
        "POST",
        `/api/v1/policies/${encodeURIComponent(policyId ?? id)}/versions`,
        { table: toTable(ed, defs) },
      );
      setProblems([]);
      message.success(t("e.saved", { v: r.version }));
      if (!policyId) navigate(`/policy/${encodeURIComponent(id)}`, true);
      else await reload(false);
    } catch (e) {
      const ps = problemsOf(e);
      if (ps) setProblems(ps);
      else message.error(pi.err(e));
    } finally {
      setBusy(null);
    }
  };

  const attrOptions = defs.map((d) => ({ value: d.key, label: pi.attr(d.key, d.label) }));
  const inputCols = ed.inputs.map((key, c) => {
    const def = byKey.get(key);
    return {
      title: (
        <span data-testid={`col-head-${c}`}>
          {def ? pi.attr(def.key, def.label) : key}
          {def?.unit ? `（${def.unit}）` : ""}
        </span>
      ),
      key: `c${c}`,
      width: def?.type === "enum" ? 220 : 170,
      render: (_: unknown, r: EdRule, i: number) => {
        const msg = at((p) => p.k === "cell" && p.rule === i && p.col === c);
        return (
          <div>
            <CondCell
              def={def}
              value={r.when[c] ?? "-"}
              error={!!msg}
              testId={`cell-${i}-${c}`}
              onChange={(v) =>
                setRule(i, { when: ed.inputs.map((_, k) => (k === c ? v : (r.when[k] ?? "-"))) })
              }
              regionName={ref?.regionName}
            />
            {msg && (
              <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`cell-error-${i}-${c}`}>
                {msg}
              </Typography.Text>
            )}
          </div>
        );
      },
    };
  });

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={16} data-testid="policy-editor">
      <Card
        title={policyId ? `${t("p.edit")} · ${detail?.title ?? policyId}` : t("p.new")}
        extra={<Button onClick={() => navigate("/policy")}>{t("p.back")}</Button>}
      >
        <Form layout="vertical">
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

          <Typography.Title level={5}>{t("e.table")}</Typography.Title>
          <Form.Item label={t("e.inputs")} style={{ marginBottom: 8 }}>
            <Space wrap>
              {ed.inputs.map((key, c) => {
                const msg = at((p) => p.k === "input" && p.col === c);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; each Select is controlled
                  <Tooltip key={`${c}:${key}`} title={msg || undefined}>
                    <Space.Compact>
                      <Select
                        showSearch={{ optionFilterProp: "label" }}
                        value={key || undefined}
                        placeholder={t("e.pickAttr")}
                        status={msg ? "error" : undefined}
                        style={{ width: 200 }}
                        options={attrOptions}
                        onChange={(v: string) => set({ inputs: ed.inputs.map((k, j) => (j === c ? v : k)) })}
                        data-testid={`input-${c}`}
                      />
                      <Button
                        aria-label={t("e.removeInput")}
                        disabled={ed.inputs.length <= 1}
                        onClick={() =>
                          set({
                            inputs: ed.inputs.filter((_, j) => j !== c),
                            rules: ed.rules.map((r) => ({ ...r, when: r.when.filter((_, j) => j !== c) })),
                          })
                        }
                      >
                        ×
                      </Button>
                    </Space.Compact>
                  </Tooltip>
                );
              })}
              <Button
                onClick={() =>
                  set({
                    inputs: [...ed.inputs, ""],
                    rules: ed.rules.map((r) => ({ ...r, when: [...r.when, "-"] })),
                  })
                }
                data-testid="add-input"
              >
                + {t("e.addInput")}
              </Button>
            </Space>
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t("e.cellHelp")}
          </Typography.Paragraph>
          <Table<EdRule>
            size="small"
            rowKey="key"
            bordered
            pagination={false}
            dataSource={ed.rules}
            scroll={{ x: "max-content" }}
            data-testid="rules"
            onRow={(_, i) => ({
              style: at((p) => p.k === "rule" && p.rule === i) ? { background: "#fff1f0" } : undefined,
            })}
            columns={[
              {
                title: t("e.rule"),
                key: "n",
                width: 70,
                fixed: "left",
                render: (_, _r, i) => {
                  const msg = at((p) => p.k === "rule" && p.rule === i);
                  return (
                    <div style={{ maxWidth: 160 }}>
                      <b>{i + 1}</b>
                      {msg && (
                        <div>
                          <Typography.Text
                            type="danger"
                            style={{ fontSize: 12 }}
                            data-testid={`rule-error-${i}`}
                          >
                            {msg}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                  );
                },
              },
              ...inputCols,
              {
                title: t("e.eligible"),
                key: "eligible",
                width: 80,
                render: (_, r, i) => (
                  <Switch
                    checked={r.eligible}
                    checkedChildren={t("e.yes")}
                    unCheckedChildren={t("e.no")}
                    onChange={(eligible) => setRule(i, { eligible })}
                  />
                ),
              },
              {
                title: <Tooltip title={t("e.amountHelp")}>{t("e.amount")}</Tooltip>,
                key: "amount",
                width: 280,
                render: (_, r, i) => {
                  const msg = at((p) => p.k === "amount" && p.rule === i);
                  return (
                    <div>
                      <Input
                        value={r.amount}
                        status={msg ? "error" : undefined}
                        placeholder="min(rdSpend * 0.1, 500000)"
                        onChange={(e) => setRule(i, { amount: e.target.value })}
                        style={{ fontFamily: "monospace" }}
                        data-testid={`amount-${i}`}
                      />
                      {msg && (
                        <Typography.Text
                          type="danger"
                          style={{ fontSize: 12 }}
                          data-testid={`amount-error-${i}`}
                        >
                          {msg}
                        </Typography.Text>
                      )}
                    </div>
                  );
                },
              },
              {
                title: t("e.note"),
                key: "note",
                width: 160,
                render: (_, r, i) => (
                  <Input value={r.note} onChange={(e) => setRule(i, { note: e.target.value })} />
                ),
              },
              {
                title: "",
                key: "x",
                width: 70,
                render: (_, _r, i) => (
                  <Button
                    size="small"
                    danger
                    disabled={ed.rules.length <= 1}
                    onClick={() => set({ rules: ed.rules.filter((_, j) => j !== i) })}
                  >
                    {t("e.remove")}
                  </Button>
                ),
              },
            ]}
          />
          <Button
            style={{ marginTop: 8 }}
            onClick={() =>
              set({
                rules: [
                  ...ed.rules,
                  { key: nextKey(), when: ed.inputs.map(() => "-"), eligible: true, amount: "0", note: "" },
                ],
              })
            }
            data-testid="add-rule"
          >
            + {t("e.addRule")}
          </Button>

          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t("e.tests")}
          </Typography.Title>
          <Space style={{ marginBottom: 8 }}>
            <span>{t("e.testDate")}</span>
            <Input
              type="date"
              value={ed.testDate}
              onChange={(e) => set({ testDate: e.target.value })}
              style={{ width: 170 }}
              data-testid="test-date"
            />
            <Typography.Text type="secondary">{t("e.unknownHint")}</Typography.Text>
          </Space>
          <Table<EdCase>
            size="small"
            rowKey="key"
            bordered
            pagination={false}
            dataSource={ed.tests}
            scroll={{ x: "max-content" }}
            data-testid="tests"
            columns={[
              {
                title: t("e.caseName"),
                key: "name",
                width: 180,
                render: (_, c, i) => (
                  <Input
                    value={c.name}
                    onChange={(e) => setCase(i, { name: e.target.value })}
                    data-testid={`case-name-${i}`}
                  />
                ),
              },
              ...testKeys.map((k) => {
                const def = byKey.get(k);
                return {
                  title: `${def ? pi.attr(k, def.label) : k}${def?.unit ? `（${def.unit}）` : ""}`,
                  key: `a:${k}`,
                  width: 140,
                  render: (_: unknown, c: EdCase, i: number) => (
                    <Input
                      value={c.attrs[k] ?? ""}
                      placeholder={
                        def?.type === "boolean"
                          ? `${t("e.yes")} / ${t("e.no")}`
                          : def?.type === "date"
                            ? "yyyy-mm-dd"
                            : ""
                      }
                      onChange={(e) => setCase(i, { attrs: { ...c.attrs, [k]: e.target.value } })}
                      data-testid={`case-${i}-${k}`}
                    />
                  ),
                };
              }),
              {
                title: t("e.expect"),
                key: "status",
                width: 140,
                render: (_, c, i) => (
                  <Select<MatchStatus>
                    value={c.status}
                    style={{ width: 130 }}
                    options={MATCH_STATUSES.map((s) => ({ value: s, label: t(`ms.${s}`) }))}
                    onChange={(status) => setCase(i, { status })}
                    data-testid={`case-status-${i}`}
                  />
                ),
              },
              {
                title: t("e.expectAmount"),
                key: "amount",
                width: 150,
                render: (_, c, i) => (
                  <InputNumber<number>
                    value={c.amount}
                    min={0}
                    disabled={c.status !== "eligible"}
                    style={{ width: 140 }}
                    onChange={(v) => setCase(i, { amount: v ?? null })}
                    data-testid={`case-amount-${i}`}
                  />
                ),
              },
              {
                title: "",
                key: "x",
                width: 70,
                render: (_, _c, i) => (
                  <Button
                    size="small"
                    danger
                    onClick={() => set({ tests: ed.tests.filter((_, j) => j !== i) })}
                  >
                    {t("e.remove")}
                  </Button>
                ),
              },
            ]}
          />
          <Button
            style={{ marginTop: 8 }}
            onClick={() =>
              set({
                tests: [
                  ...ed.tests,
                  { key: nextKey(), name: "", attrs: {}, status: "eligible", amount: null },
                ],
              })
            }
            data-testid="add-test"
          >
            + {t("e.addTest")}
          </Button>
        </Form>

        {problems && problems.length > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            data-testid="problems"
            title={t("e.problems", { n: problems.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {placed.map((p) => (
                  <li key={`${p.field}:${p.message}`}>
                    {placeLabel(p.place, pi.t, (c) => {
                      const k = ed.inputs[c];
                      const d = k ? byKey.get(k) : undefined;
                      return d ? pi.attr(d.key, d.label) : String(c + 1);
                    })}
                    ：{p.text}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Space style={{ marginTop: 16 }}>
          <Button onClick={validate} loading={busy === "validate"} data-testid="policy-validate">
            {t("e.validate")}
          </Button>
          <Button type="primary" onClick={save} loading={busy === "save"} data-testid="policy-save">
            {t("e.save")}
          </Button>
        </Space>
      </Card>
      {detail && (
        <VersionPanel
          detail={detail}
          onChanged={() => reload(false)}
          onLoad={(tbl) => {
            setEd(toEd(tbl));
            setProblems(null);
          }}
        />
      )}
    </Space>
  );
}

function placeLabel(p: Place, t: ReturnType<typeof usePolicyI18n>["t"], col: (c: number) => string): string {
  switch (p.k) {
    case "cell":
      return t("e.place.cell", { r: p.rule + 1, c: col(p.col) });
    case "amount":
      return t("e.place.amount", { r: p.rule + 1 });
    case "rule":
      return t("e.place.rule", { r: p.rule + 1 });
    case "input":
      return t("e.place.input", { c: p.col + 1 });
    case "field":
      return fieldLabel(p.name, t);
  }
}

function fieldLabel(name: string, t: ReturnType<typeof usePolicyI18n>["t"]): string {
  const map: Record<string, Parameters<typeof t>[0]> = {
    id: "p.id",
    title: "p.title",
    summary: "p.summary",
    issuingDepartmentId: "p.department",
    legalBasis: "p.legalBasis",
    effectiveFrom: "p.effectiveFrom",
    effectiveTo: "p.effectiveTo",
    hitPolicy: "p.hitPolicy",
    inputs: "e.inputs",
    rules: "e.rules",
    tests: "e.tests",
    testDate: "e.testDate",
  };
  const k = map[name];
  return k ? t(k) : name;
}

/** One condition cell: a choice for yes/no and enums, text with a hint for the rest. */
function CondCell({
  def,
  value,
  error,
  onChange,
  testId,
  regionName,
}: {
  def: AttrDef | undefined;
  value: string;
  error: boolean;
  onChange: (v: string) => void;
  testId: string;
  regionName?: Map<string, string>;
}) {
  const { t } = usePolicyI18n();
  const status = error ? "error" : undefined;
  const v = value.trim();
  if (def?.type === "boolean" && ["-", "", "true", "false", "是", "否"].includes(v)) {
    return (
      <Select
        value={v === "是" ? "true" : v === "否" ? "false" : v || "-"}
        status={status}
        style={{ width: 110 }}
        options={[
          { value: "-", label: t("e.any") },
          { value: "true", label: t("e.yes") },
          { value: "false", label: t("e.no") },
        ]}
        onChange={onChange}
        data-testid={testId}
      />
    );
  }
  if (def?.type === "enum" && !/^not\s*\(/.test(v)) {
    const list =
      v === "-" || v === ""
        ? []
        : v
            .split(/[,，、]/)
            .map((x) => x.trim())
            .filter(Boolean);
    return (
      <Select
        mode="multiple"
        value={list}
        status={status}
        style={{ width: 200 }}
        placeholder={t("e.any")}
        options={(def.values ?? []).map((x) => ({ value: x, label: def.valueLabels?.[x] ?? x }))}
        onChange={(xs: string[]) => onChange(xs.length ? xs.join(", ") : "-")}
        data-testid={testId}
      />
    );
  }
  const hint =
    def?.type === "region" && regionName && v && v !== "-"
      ? v
          .replace(/^not\s*\((.*)\)$/, "$1")
          .split(/[,，、]/)
          .map((c) => regionName.get(c.trim()) ?? "")
          .filter(Boolean)
          .join("、")
      : "";
  return (
    <div>
      <Input
        value={value}
        status={status}
        placeholder={def?.type === "date" ? "within 3 years" : def?.type === "region" ? "2101" : ">= 5"}
        onChange={(e) => onChange(e.target.value)}
        style={{ width: 150 }}
        data-testid={testId}
      />
      {hint && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
