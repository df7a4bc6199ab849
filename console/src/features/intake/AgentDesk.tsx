/**
 * 受理台 Agent desk: an intake form for the keyboard. Tab walks the fields in order; Ctrl+Enter
 * receives, Alt+D receives and dispatches, Alt+A answers directly, Alt+P jumps back to the phone,
 * Alt+1…5 take a suggested category. The caller's earlier appeals, category suggestions
 * (POST /api/v1/classification/suggest) and knowledge (GET /api/v1/knowledge) show beside it;
 * either service may be missing (404) and the desk works without it.
 */
import {
  App,
  Button,
  Card,
  Cascader,
  Col,
  Empty,
  Form,
  Input,
  type InputRef,
  List,
  Radio,
  Row,
  Space,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { APPEAL_KINDS } from "../../../../common/appeal-state.ts";
import { StatusTag } from "../appeals/appeal-bits.tsx";
import { ApiError, type Appeal, act, api, listAppeals, qs } from "../../shared/api.ts";
import { errorText } from "../../shared/errors.ts";
import { fmtTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { categoryTree, departmentTree, useRefData } from "../../shared/refdata.ts";
import { Link } from "../../shared/router.tsx";
import { DuplicateCandidates } from "../hotspots/panels.tsx";
import { KnowledgeSuggestions } from "../knowledge/panels.tsx";

interface Suggestion {
  code: string;
  name: string;
  score: number;
  words?: string[];
}
interface DeskForm {
  phone?: string;
  name?: string;
  kind: (typeof APPEAL_KINDS)[number];
  urgency: "normal" | "urgent";
  region?: string[];
  address?: string;
  title: string;
  body: string;
  categoryCode?: string;
  leadDepartmentId?: string;
  answer?: string;
  /** The knowledge article the direct answer came from (counts its usage). */
  articleId?: string;
}

/** Calls `fn` `ms` after the last change of `deps`. */
function useDebounced(fn: () => void, deps: unknown[], ms: number) {
  const ref = useRef(fn);
  ref.current = fn;
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the watched values
  useEffect(() => {
    const id = setTimeout(() => ref.current(), ms);
    return () => clearTimeout(id);
  }, [key, ms]);
}

export default function AgentDesk() {
  const { t, e } = useI18n();
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
  const [history, setHistory] = useState<Appeal[] | null>(null);
  const [suggest, setSuggest] = useState<Suggestion[] | "off" | null>(null);
  const [suggestDept, setSuggestDept] = useState<string | null>(null);
  const [deptTouched, setDeptTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Appeal | null>(null);
  const suggestOff = useRef(false);

  useDebounced(
    () => {
      const p = (phone ?? "").replace(/\D/g, "");
      if (p.length < 7) return setHistory(null);
      listAppeals({ phone: p, limit: 10 }).then(
        (r) => setHistory(r.items),
        () => setHistory([]),
      );
    },
    [phone],
    400,
  );

  useDebounced(
    () => {
      const text = `${title ?? ""}${body ?? ""}`.trim();
      if (!text || suggestOff.current) return;
      api<{ items: Suggestion[]; departmentId?: string }>("POST", "/api/v1/classification/suggest", {
        title: title ?? "",
        body: body ?? "",
      }).then(
        (r) => {
          setSuggest(r.items.slice(0, 5));
          setSuggestDept(r.departmentId ?? null);
        },
        (err) => {
          if (err instanceof ApiError && (err.status === 404 || err.status === 501)) {
            suggestOff.current = true;
            setSuggest("off");
          }
        },
      );
    },
    [title, body],
    300,
  );

  // The department: the classifier's suggestion, else the routing table for category × city.
  useEffect(() => {
    if (deptTouched) return;
    if (suggestDept && !categoryCode) {
      form.setFieldValue("leadDepartmentId", suggestDept);
      return;
    }
    const city = region?.[0];
    if (!categoryCode || !city) return;
    const level2 = categoryCode.slice(0, 4);
    let live = true;
    (async () => {
      for (const r of [city, "21"]) {
        const res = await api<{ items: { departmentId: string }[] }>(
          "GET",
          `/api/v1/routes${qs({ regionCode: r, categoryCode: level2 })}`,
        ).catch(() => ({ items: [] }));
        const hit = res.items[0]?.departmentId;
        if (hit) {
          if (live) form.setFieldValue("leadDepartmentId", hit);
          return;
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [categoryCode, region, suggestDept, deptTouched, form]);

  const reset = useCallback(() => {
    form.resetFields();
    setHistory(null);
    setSuggest(suggestOff.current ? "off" : null);
    setSuggestDept(null);
    setDeptTouched(false);
    setTimeout(() => phoneRef.current?.focus(), 0);
  }, [form]);

  const submit = useCallback(
    async (mode: "receive" | "dispatch" | "answer") => {
      if (busy) return;
      const need: (keyof DeskForm)[] = ["kind", "title", "body"];
      if (mode === "dispatch") need.push("categoryCode", "leadDepartmentId");
      if (mode === "answer") need.push("answer");
      let v: DeskForm;
      try {
        await form.validateFields(need);
        v = form.getFieldsValue(true) as DeskForm;
      } catch {
        return;
      }
      setBusy(true);
      try {
        const regionCode = v.region?.[v.region.length - 1];
        let a = await api<Appeal>("POST", "/api/v1/appeals", {
          kind: v.kind,
          channel: "phone",
          urgency: v.urgency,
          title: v.title,
          body: v.body,
          citizen: v.phone || v.name ? { phone: v.phone || undefined, name: v.name || undefined } : undefined,
          location: regionCode || v.address ? { regionCode, address: v.address || undefined } : undefined,
          categoryCode: v.categoryCode,
        });
        let note = t("desk.created", { no: a.ticketNo });
        if (mode === "dispatch") {
          a = await act(a.id, "dispatch", {
            version: a.version,
            leadDepartmentId: v.leadDepartmentId!,
            categoryCode: v.categoryCode!,
          });
          note = t("desk.dispatched", { no: a.ticketNo });
        } else if (mode === "answer") {
          a = await act(a.id, "answer-directly", {
            version: a.version,
            text: v.answer!,
            articleId: v.articleId ?? null,
          });
          note = t("desk.answered", { no: a.ticketNo });
        }
        message.success(note);
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
    } else if (ev.altKey && /^[1-5]$/.test(k) && Array.isArray(suggest)) {
      const s = suggest[Number(k) - 1];
      if (s) {
        ev.preventDefault();
        form.setFieldValue("categoryCode", s.code);
      }
    }
  };

  const deps = ref ? departmentTree(ref.departments) : [];
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: desk-wide keyboard shortcuts bubble up from the form's fields
    <div onKeyDown={onKeyDown} data-testid="agent-desk">
      <Row gutter={16}>
        <Col xs={24} lg={15}>
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
                    <Cascader
                      options={ref?.regions ?? []}
                      changeOnSelect
                      showSearch
                      data-testid="desk-region"
                    />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name="address" label={t("f.address")}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="title"
                label={t("f.title")}
                rules={[{ required: true, message: t("required") }]}
              >
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
                      onChange={() => setDeptTouched(true)}
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
                <Button onClick={() => submit("receive")} loading={busy} data-testid="desk-receive">
                  {t("desk.save")} (Ctrl+Enter)
                </Button>
                <Button
                  type="primary"
                  onClick={() => submit("dispatch")}
                  loading={busy}
                  data-testid="desk-dispatch"
                >
                  {t("desk.saveDispatch")} (Alt+D)
                </Button>
                {kind === "consult" && (
                  <Button onClick={() => submit("answer")} loading={busy} data-testid="desk-answer-btn">
                    {t("desk.answer")} (Alt+A)
                  </Button>
                )}
                <Button onClick={reset}>{t("reset")}</Button>
              </Space>
              {last && (
                <div style={{ marginTop: 12 }} data-testid="desk-last">
                  <Link to={`/appeals/${last.id}`}>{last.ticketNo}</Link> <StatusTag status={last.status} />
                </div>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Card size="small" title={t("desk.suggestions")} data-testid="desk-suggestions">
              {suggest === "off" ? (
                <Typography.Text type="secondary">{t("desk.suggestOff")}</Typography.Text>
              ) : !suggest || suggest.length === 0 ? (
                <Typography.Text type="secondary">{t("desk.noSuggest")}</Typography.Text>
              ) : (
                <Space wrap>
                  {suggest.map((s, i) => (
                    <Tag.CheckableTag
                      key={s.code}
                      checked={categoryCode === s.code}
                      onChange={() => form.setFieldValue("categoryCode", s.code)}
                    >
                      Alt+{i + 1} {ref?.categoryName.get(s.code) ?? s.name} ({Math.round(s.score * 100)}%)
                    </Tag.CheckableTag>
                  ))}
                </Space>
              )}
              {suggestDept && ref && (
                <div style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">{t("desk.suggestedDept")}: </Typography.Text>
                  {ref.departmentName.get(suggestDept) ?? suggestDept}
                </div>
              )}
            </Card>
            <Card size="small" title={t("desk.knowledge")}>
              <KnowledgeSuggestions
                text={`${title ?? ""} ${body ?? ""}`}
                regionCode={region?.[region.length - 1]}
                onAnswer={
                  kind === "consult"
                    ? (articleId, text) => form.setFieldsValue({ answer: text, articleId })
                    : undefined
                }
              />
            </Card>
            <DuplicateCandidates
              title={title ?? ""}
              body={body ?? ""}
              regionCode={region?.[region.length - 1]}
            />
            <Card size="small" title={t("desk.history")} data-testid="desk-history">
              {history === null ? (
                <Typography.Text type="secondary">{t("desk.enterPhone")}</Typography.Text>
              ) : history.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("desk.noHistory")} />
              ) : (
                <List
                  size="small"
                  dataSource={history}
                  renderItem={(a) => (
                    <List.Item>
                      <Space orientation="vertical" size={0}>
                        <Space>
                          <Link to={`/appeals/${a.id}`}>{a.ticketNo}</Link>
                          <StatusTag status={a.status} />
                        </Space>
                        <Typography.Text>{a.title}</Typography.Text>
                        <Typography.Text type="secondary">{fmtTime(a.createdAt)}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
