import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select, TreeSelect } from "antd";
import { useCallback, useState } from "react";
import { ApiError, api } from "../../shared/api.ts";
import {
  categoryTree,
  departmentTree,
  type Option,
  type TreeOption,
  useRefData,
} from "../../shared/refdata.ts";
import { useSession } from "../../shared/session.ts";
import { ArticleBody } from "./article-parts.tsx";
import { useKT } from "./i18n.ts";
import type { Article } from "./knowledge-api.ts";

interface EditorForm {
  title: string;
  body: string;
  categoryCodes: string[];
  regionCodes: string[];
  departmentId: string;
  sourceTitle?: string;
  sourceNumber?: string;
  sourceUrl?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  reviewBy?: string;
  status: Article["status"];
  sample: boolean;
}

const regionTree = (opts: Option[]): TreeOption[] =>
  opts.map((o) => ({ value: o.value, title: o.label, children: regionTree(o.children ?? []) }));

/** The editor: plain fields, the body as allowed HTML with a live (sandboxed) preview. */
export function ArticleEditor({
  article,
  onClose,
  onSaved,
}: {
  article: Article | null;
  onClose: () => void;
  onSaved: (a: Article) => void;
}) {
  const t = useKT();
  const ref = useRefData();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<EditorForm>();
  const body = Form.useWatch("body", form) ?? article?.body ?? "";
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(async () => {
    let v: EditorForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const fields = {
      title: v.title,
      body: v.body,
      categoryCodes: v.categoryCodes ?? [],
      regionCodes: v.regionCodes ?? [],
      departmentId: v.departmentId,
      source:
        v.sourceTitle || v.sourceNumber || v.sourceUrl
          ? { title: v.sourceTitle || null, number: v.sourceNumber || null, url: v.sourceUrl || null }
          : null,
      ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
      effectiveTo: v.effectiveTo || null,
      reviewBy: v.reviewBy || null,
      status: v.status,
      sample: v.sample,
    };
    setBusy(true);
    setError(null);
    try {
      const saved = article
        ? await api<Article>("PATCH", `/api/v1/knowledge/${encodeURIComponent(article.id)}`, {
            version: article.version,
            ...fields,
          })
        : await api<Article>("POST", "/api/v1/knowledge", fields);
      message.success(t("saved", { v: saved.version }));
      onSaved(saved);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 409
          ? t("stale")
          : err instanceof ApiError
            ? `${t("error")}: ${err.message}`
            : t("error"),
      );
    } finally {
      setBusy(false);
    }
  }, [article, form, message, onSaved, t]);
  const required = [{ required: true, message: t("required") }];
  return (
    <Modal
      open
      width={1000}
      title={article ? `${t("edit")} · ${article.title}` : t("newArticle")}
      onCancel={onClose}
      onOk={save}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="kb-editor"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          title: article?.title ?? "",
          body: article?.body ?? "",
          categoryCodes: article?.categoryCodes ?? [],
          regionCodes: article?.regionCodes ?? [],
          departmentId: article?.departmentId ?? user.departmentId ?? undefined,
          sourceTitle: article?.source.title ?? "",
          sourceNumber: article?.source.number ?? "",
          sourceUrl: article?.source.url ?? "",
          effectiveFrom: article?.effectiveFrom ?? "",
          effectiveTo: article?.effectiveTo ?? "",
          reviewBy: article?.reviewBy ?? "",
          status: article?.status ?? "published",
          sample: article?.sample ?? false,
        }}
      >
        <Form.Item name="title" label={t("fTitle")} rules={required}>
          <Input maxLength={200} data-testid="kb-f-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="body" label={t("fBody")} rules={required}>
              <Input.TextArea rows={12} maxLength={400_000} data-testid="kb-f-body" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t("preview")}>
              <ArticleBody html={body} testId="kb-preview" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="categoryCodes" label={t("fCategories")}>
              <TreeSelect
                multiple
                showSearch
                allowClear
                treeNodeFilterProp="title"
                treeData={ref ? categoryTree(ref.categories) : []}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="regionCodes" label={t("fRegions")}>
              <TreeSelect
                multiple
                showSearch
                allowClear
                treeNodeFilterProp="title"
                treeData={ref ? regionTree(ref.regions) : []}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="departmentId" label={t("fDepartment")} rules={required}>
              <TreeSelect
                showSearch
                treeNodeFilterProp="title"
                treeData={ref ? departmentTree(ref.departments) : []}
                data-testid="kb-f-department"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="sourceTitle" label={t("fSourceTitle")}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sourceNumber" label={t("fSourceNumber")}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="sourceUrl"
              label={t("fSourceUrl")}
              rules={[{ pattern: /^https?:\/\//, message: "http(s)://" }]}
            >
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={5}>
            <Form.Item name="effectiveFrom" label={t("fEffectiveFrom")}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="effectiveTo" label={t("fEffectiveTo")}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="reviewBy" label={t("fReviewBy")}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="status" label={t("status")}>
              <Select
                options={(["draft", "published", "archived"] as const).map((s) => ({
                  value: s,
                  label: t(s),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="sample" label=" " valuePropName="checked">
              <Checkbox>{t("fSample")}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {error && <Alert type="error" title={error} data-testid="kb-editor-error" />}
      </Form>
    </Modal>
  );
}
