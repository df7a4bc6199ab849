/** The decision table: its condition columns (attributes) and one row per rule (conditions, eligible, amount formula, note). */
import { Button, Form, Input, Select, Space, Switch, Table, Tooltip, Typography } from "antd";
import { useRefData } from "../../shared/refdata.ts";
import { CondCell } from "./CondCell.tsx";
import { type EditorPart, type EdRule, nextKey } from "./editor-model.ts";
import { usePolicyI18n } from "./i18n.ts";
import type { AttrDef } from "./model.ts";

export function RulesGrid({ ed, set, at, defs }: EditorPart & { defs: AttrDef[] }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const ref = useRefData();
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const setRule = (i: number, patch: Partial<EdRule>) =>
    set({ rules: ed.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
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
    <>
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
                      <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`rule-error-${i}`}>
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
                    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`amount-error-${i}`}>
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
    </>
  );
}
