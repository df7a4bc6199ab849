/** The officer's own test cases (测试用例): attribute values as typed, the expected result and amount. */
import { Button, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { type EdCase, type EditorPart, nextKey } from "./editor-model.ts";
import { usePolicyI18n } from "./i18n.ts";
import { type AttrDef, formulaKeys, MATCH_STATUSES, type MatchStatus } from "./model.ts";

export function TestCasesTable({ ed, set, defs }: Omit<EditorPart, "at"> & { defs: AttrDef[] }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const setCase = (i: number, patch: Partial<EdCase>) =>
    set({ tests: ed.tests.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  // A column per attribute the table reads: its conditions' and its amount formulas'.
  const testKeys = [
    ...new Set([
      ...ed.inputs.filter((k) => byKey.has(k)),
      ...ed.rules.flatMap((r) => formulaKeys(r.amount, defs)),
    ]),
  ];
  return (
    <>
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
              <Button size="small" danger onClick={() => set({ tests: ed.tests.filter((_, j) => j !== i) })}>
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
            tests: [...ed.tests, { key: nextKey(), name: "", attrs: {}, status: "eligible", amount: null }],
          })
        }
        data-testid="add-test"
      >
        + {t("e.addTest")}
      </Button>
    </>
  );
}
