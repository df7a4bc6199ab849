/**
 * 政策编辑 The decision-table editor in Chinese, a form and a grid — never code: condition columns
 * chosen from the controlled attribute list, one condition cell per column per rule, the hit
 * policy, per rule the outputs (eligible, amount formula), effective dates, issuing department,
 * legal basis and the officer's test cases. Validation problems from the API are shown at the
 * cell, rule or field they name. Below: the versions and the test → preview → approve → publish
 * steps (VersionPanel).
 */
import { Alert, App, Button, Card, Form, Space } from "antd";
import { useEffect, useMemo, useState } from "react";
import { api } from "../../shared/api.ts";
import { navigate } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { type Ed, type EditorPart, problemsOf, toEd, toTable } from "./editor-model.ts";
import { usePolicyI18n } from "./i18n.ts";
import { blankTable, getPolicy, type Place, type Problem, placeOf, useAttributes } from "./model.ts";
import { PolicyBasics } from "./PolicyBasics.tsx";
import { ProblemList } from "./ProblemList.tsx";
import { RulesGrid } from "./RulesGrid.tsx";
import { TestCasesTable } from "./TestCasesTable.tsx";
import VersionPanel from "./VersionPanel.tsx";

export default function PolicyEditor({ policyId }: { policyId: string | null }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const { message } = App.useApp();
  const defs = useAttributes();
  const [id, setId] = useState(policyId ?? "");
  const [ed, setEd] = useState<Ed | null>(policyId ? null : toEd(blankTable()));
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const policy = useApi(() => (policyId ? getPolicy(policyId) : null), [policyId]);
  const detail = policy.data ?? null;
  const loadError = policy.error ? pi.err(policy.error) : null;
  // The editor starts from the latest version, once, when the policy first arrives.
  useEffect(() => {
    const last = detail?.versions[detail.versions.length - 1];
    if (last && ed === null) setEd(toEd(last.table));
  }, [detail, ed]);

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
  const part: EditorPart = { ed, set, at };

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
      else await policy.reload();
    } catch (e) {
      const ps = problemsOf(e);
      if (ps) setProblems(ps);
      else message.error(pi.err(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={16} data-testid="policy-editor">
      <Card
        title={policyId ? `${t("p.edit")} · ${detail?.title ?? policyId}` : t("p.new")}
        extra={<Button onClick={() => navigate("/policy")}>{t("p.back")}</Button>}
      >
        <Form layout="vertical">
          <PolicyBasics {...part} policyId={policyId} id={id} setId={setId} />
          <RulesGrid {...part} defs={defs} />
          <TestCasesTable ed={ed} set={set} defs={defs} />
        </Form>

        <ProblemList problems={problems} placed={placed} ed={ed} byKey={byKey} />
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
          onChanged={() => policy.reload()}
          onLoad={(tbl) => {
            setEd(toEd(tbl));
            setProblems(null);
          }}
        />
      )}
    </Space>
  );
}
