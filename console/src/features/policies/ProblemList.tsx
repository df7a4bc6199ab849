/** The API's problems with a table, each with its place (rule, column, field) in the officer's words. */
import { Alert } from "antd";
import type { Ed } from "./editor-model.ts";
import { usePolicyI18n } from "./i18n.ts";
import type { AttrDef, Place, Problem } from "./model.ts";

export function ProblemList({
  problems,
  placed,
  ed,
  byKey,
}: {
  problems: Problem[] | null;
  placed: (Problem & { place: Place; text: string })[];
  ed: Ed;
  byKey: Map<string, AttrDef>;
}) {
  const pi = usePolicyI18n();
  const { t } = pi;
  return (
    <>
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
    </>
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
