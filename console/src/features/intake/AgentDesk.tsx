/**
 * 受理台 Agent desk: an intake form for the keyboard. Tab walks the fields in order; Ctrl+Enter
 * receives, Alt+D receives and dispatches, Alt+A answers directly, Alt+P jumps back to the phone,
 * Alt+1…5 take a suggested category. The caller's earlier appeals, category suggestions
 * (POST /api/v1/classification/suggest), knowledge (GET /api/v1/knowledge) and likely duplicates
 * show beside it; either service may be missing (404) and the desk works without it.
 */
import { App, Card, Col, Form, type InputRef, Row, Space } from "antd";
import { useCallback, useRef, useState } from "react";
import { errorText } from "../../shared/errors.ts";
import { useRefData } from "../../shared/refdata.ts";
import type { Appeal } from "../appeals/api.ts";
import { BundleMatches } from "../bundles/BundleMatches.tsx";
import { DuplicateCandidates } from "../hotspots/DuplicateCandidates.tsx";
import { KnowledgeSuggestions } from "../knowledge/KnowledgeSuggestions.tsx";
import { CallerHistory } from "./CallerHistory.tsx";
import { CategorySuggestions, useCategorySuggestions } from "./CategorySuggestions.tsx";
import { type DeskForm, type DeskMode, fieldsNeeded, receiveFromDesk } from "./desk-form.ts";
import { IntakeForm } from "./IntakeForm.tsx";
import { useDeskT } from "./i18n.ts";
import { useDefaultDepartment } from "./use-default-department.ts";

const NOTE = { receive: "desk.created", dispatch: "desk.dispatched", answer: "desk.answered" } as const;

export default function AgentDesk() {
  const t = useDeskT();
  const { message } = App.useApp();
  const ref = useRefData();
  const [form] = Form.useForm<DeskForm>();
  const phoneRef = useRef<InputRef>(null);
  const phone = Form.useWatch("phone", form);
  const title = Form.useWatch("title", form);
  const body = Form.useWatch("body", form);
  const kind = Form.useWatch("kind", form);
  const region = Form.useWatch("region", form);
  const categoryCode = Form.useWatch("categoryCode", form);
  const suggestions = useCategorySuggestions(title ?? "", body ?? "");
  const [deptTouched, setDeptTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Appeal | null>(null);
  useDefaultDepartment(form, {
    categoryCode,
    region,
    suggested: suggestions.departmentId,
    touched: deptTouched,
  });

  const reset = useCallback(() => {
    form.resetFields();
    setDeptTouched(false);
    setTimeout(() => phoneRef.current?.focus(), 0);
  }, [form]);

  const submit = useCallback(
    async (mode: DeskMode) => {
      if (busy) return;
      let v: DeskForm;
      try {
        await form.validateFields(fieldsNeeded(mode));
        v = form.getFieldsValue(true) as DeskForm;
      } catch {
        return;
      }
      setBusy(true);
      try {
        const a = await receiveFromDesk(v, mode);
        message.success(t(NOTE[mode], { no: a.ticketNo }));
        setLast(a);
        reset();
      } catch (err) {
        message.error(errorText(err, t));
      } finally {
        setBusy(false);
      }
    },
    [busy, form, message, reset, t],
  );

  const onKeyDown = (ev: React.KeyboardEvent) => {
    const k = ev.key.toLowerCase();
    if ((ev.ctrlKey || ev.metaKey) && k === "enter") {
      ev.preventDefault();
      void submit("receive");
    } else if (ev.altKey && k === "d") {
      ev.preventDefault();
      void submit("dispatch");
    } else if (ev.altKey && k === "a") {
      ev.preventDefault();
      void submit("answer");
    } else if (ev.altKey && k === "p") {
      ev.preventDefault();
      phoneRef.current?.focus();
    } else if (ev.altKey && /^[1-5]$/.test(k) && Array.isArray(suggestions.items)) {
      const s = suggestions.items[Number(k) - 1];
      if (s) {
        ev.preventDefault();
        form.setFieldValue("categoryCode", s.code);
      }
    }
  };

  const regionCode = region?.[region.length - 1];
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: desk-wide keyboard shortcuts bubble up from the form's fields
    <div onKeyDown={onKeyDown} data-testid="agent-desk">
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <IntakeForm
            form={form}
            phoneRef={phoneRef}
            kind={kind}
            busy={busy}
            last={last}
            onSubmit={(mode) => void submit(mode)}
            onReset={reset}
            onDepartmentPicked={() => setDeptTouched(true)}
          />
        </Col>
        <Col xs={24} lg={9}>
          <Space orientation="vertical" style={{ width: "100%" }}>
            {last && <BundleMatches appealId={last.id} ticketNo={last.ticketNo} />}
            <CategorySuggestions
              suggestions={suggestions}
              chosen={categoryCode}
              onChoose={(code) => form.setFieldValue("categoryCode", code)}
              refData={ref}
            />
            <Card size="small" title={t("desk.knowledge")}>
              <KnowledgeSuggestions
                text={`${title ?? ""} ${body ?? ""}`}
                regionCode={regionCode}
                onAnswer={
                  kind === "consult"
                    ? (articleId, text) => form.setFieldsValue({ answer: text, articleId })
                    : undefined
                }
              />
            </Card>
            <DuplicateCandidates title={title ?? ""} body={body ?? ""} regionCode={regionCode} />
            <CallerHistory phone={phone} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
