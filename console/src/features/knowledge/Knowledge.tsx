/**
 * 知识库 Knowledge base: search as you type (ranked hits, matched words highlighted), the latest
 * articles without a query, one article with its versions, the editor for those whose `abilities`
 * include `edit`, XLSX export and import, and the owners' usage page (uses and misses per article
 * and department, recent misses with what was searched).
 */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
  Upload,
} from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api, qs } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import {
  categoryTree,
  departmentTree,
  type Option,
  type TreeOption,
  useRefData,
} from "../../shared/refdata.ts";
import { Link, navigate, usePath } from "../../shared/router.tsx";
import { useSession } from "../../shared/session.ts";
import { useKT } from "./i18n.ts";
import {
  type Article,
  ArticleBody,
  CurrencyTags,
  getArticle,
  Highlighted,
  type KnowledgeHit,
} from "./panels.tsx";

const WRITERS = ["admin", "supervisor", "handler"];

interface Stats {
  from: string;
  to: string;
  totals: { articles: number; uses: number; misses: number };
  articles: {
    id: string;
    title: string;
    departmentId: string;
    status: string;
    current: boolean;
    uses: number;
    lastUsedAt: string | null;
    misses: number;
  }[];
  departments: {
    departmentId: string;
    name: string | null;
    articles: number;
    current: number;
    needsAttention: number;
    uses: number;
    misses: number;
  }[];
  recentMisses: {
    id: string;
    at: string;
    appealId: string | null;
    ticketNo: string | null;
    query: string;
    userName: string;
    regionCode: string | null;
  }[];
}

export default function Knowledge() {
  const t = useKT();
  const { user } = useSession();
  const writer = WRITERS.includes(user.role);
  return (
    <Card title={t("title")} data-testid="knowledge">
      <Tabs
        items={[
          { key: "search", label: t("tabSearch"), children: <SearchTab writer={writer} /> },
          ...(writer ? [{ key: "stats", label: t("tabStats"), children: <StatsTab /> }] : []),
        ]}
      />
    </Card>
  );
}

type Item = KnowledgeHit | Article;
const isHit = (r: Item): r is KnowledgeHit => "snippet" in r;

function SearchTab({ writer }: { writer: boolean }) {
  const t = useKT();
  const { message, modal } = App.useApp();
  const [q, setQ] = useState("");
  const [includeExpired, setIncludeExpired] = useState(false);
  const [rows, setRows] = useState<Item[] | null>(null);
  // `/knowledge/{id}` opens that article (a link from elsewhere, or the back button).
  const path = usePath();
  const linked = /^\/knowledge\/([^/]+)$/.exec(path)?.[1];
  const open = linked ? decodeURIComponent(linked) : null;
  const setOpen = useCallback(
    (id: string | null) => navigate(id ? `/knowledge/${encodeURIComponent(id)}` : "/knowledge"),
    [],
  );
  const [editing, setEditing] = useState<Article | "new" | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` reloads after a save or import
  useEffect(() => {
    const n = ++seq.current;
    const query = q.trim();
    const id = setTimeout(
      () => {
        const url = query
          ? `/api/v1/knowledge${qs({ q: query, includeExpired, limit: 30 })}`
          : `/api/v1/knowledge${qs({ includeExpired, status: writer ? "any" : undefined, limit: 50 })}`;
        api<{ items: Item[] }>("GET", url).then(
          (r) => n === seq.current && setRows(r.items),
          () => n === seq.current && setRows([]),
        );
      },
      query ? 200 : 0,
    );
    return () => clearTimeout(id);
  }, [q, includeExpired, writer, tick]);

  const importFile = async (file: File) => {
    const buf = new Uint8Array(await file.arrayBuffer());
    let bin = "";
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    try {
      const r = await api<{ created: number; updated: number; unchanged: number }>(
        "POST",
        "/api/v1/knowledge/import",
        { file: btoa(bin) },
      );
      message.success(t("imported", r));
      setTick((x) => x + 1);
    } catch (err) {
      const details =
        err instanceof ApiError
          ? err.details.map((d) =>
              typeof d === "object" && d && "message" in d
                ? String((d as { message: unknown }).message)
                : String(d),
            )
          : [];
      modal.error({
        title: t("importFailed"),
        content: (
          <div data-testid="kb-import-errors">
            <div>{err instanceof Error ? err.message : ""}</div>
            <ul>
              {details.slice(0, 20).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </div>
        ),
      });
    }
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap style={{ width: "100%" }}>
        <Input.Search
          allowClear
          autoFocus
          style={{ width: 480 }}
          placeholder={t("search")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={500}
          data-testid="kb-search"
        />
        <Checkbox checked={includeExpired} onChange={(e) => setIncludeExpired(e.target.checked)}>
          {t("includeExpired")}
        </Checkbox>
        {writer && (
          <>
            <Button type="primary" onClick={() => setEditing("new")} data-testid="kb-new">
              {t("newArticle")}
            </Button>
            <Button href="/api/v1/knowledge.xlsx" data-testid="kb-export">
              {t("exportXlsx")}
            </Button>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(f) => {
                void importFile(f);
                return false;
              }}
            >
              <Button data-testid="kb-import">{t("importXlsx")}</Button>
            </Upload>
          </>
        )}
      </Space>
      <Typography.Text type="secondary">
        {q.trim() ? t("results", { n: rows?.length ?? 0 }) : t("latest")}
      </Typography.Text>
      <List
        loading={rows === null}
        dataSource={rows ?? []}
        locale={{ emptyText: t("noResults") }}
        pagination={(rows?.length ?? 0) > 20 ? { pageSize: 20, size: "small" } : false}
        data-testid="kb-results"
        renderItem={(r) => (
          <List.Item key={r.id}>
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Typography.Link onClick={() => setOpen(r.id)} data-testid="kb-result-title">
                    {r.title}
                  </Typography.Link>
                  <CurrencyTags a={r} />
                </Space>
              }
              description={
                isHit(r) ? (
                  <Highlighted text={r.snippet} ranges={r.highlights} />
                ) : (
                  <Typography.Text type="secondary">
                    {r.departmentName ?? r.departmentId} · {t("version")} {r.version} · {fmtTime(r.updatedAt)}
                  </Typography.Text>
                )
              }
            />
          </List.Item>
        )}
      />
      <ArticleView
        id={open}
        onClose={() => setOpen(null)}
        onEdit={(a) => {
          setOpen(null);
          setEditing(a);
        }}
      />
      {editing && (
        <Editor
          article={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(a) => {
            setEditing(null);
            setTick((x) => x + 1);
            setOpen(a.id);
          }}
        />
      )}
    </Space>
  );
}

/** One article: body (sandboxed), facts, and every version (newest first). */
function ArticleView({
  id,
  onClose,
  onEdit,
}: {
  id: string | null;
  onClose: () => void;
  onEdit: (a: Article) => void;
}) {
  const t = useKT();
  const ref = useRefData();
  const [a, setA] = useState<Article | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    setA(null);
    setShown(null);
    if (id) getArticle(id).then(setA, () => setA(null));
  }, [id]);
  const version = a?.versions?.find((v) => v.version === shown);
  const regions = (codes: string[]) =>
    codes.length ? codes.map((c) => ref?.regionName.get(c) ?? c).join("、") : t("province");
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={720}
      title={a?.title}
      data-testid="kb-article"
      extra={
        a?.abilities.includes("edit") && (
          <Button type="primary" onClick={() => onEdit(a)} data-testid="kb-edit">
            {t("edit")}
          </Button>
        )
      }
    >
      {a && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <CurrencyTags a={a} />
            <Tag>
              {t("version")} {a.version}
            </Tag>
          </Space>
          {version ? (
            <>
              <Alert
                type="info"
                title={`${t("version")} ${version.version} · ${version.editor.name} · ${fmtTime(version.at)}`}
                action={
                  <Button size="small" onClick={() => setShown(null)}>
                    {t("close")}
                  </Button>
                }
              />
              <Typography.Title level={5}>{version.title}</Typography.Title>
              <ArticleBody html={version.body} testId="kb-version-body" />
            </>
          ) : (
            <ArticleBody html={a.body} />
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("fDepartment")}>
              {a.departmentName ?? a.departmentId}
            </Descriptions.Item>
            <Descriptions.Item label={t("fCategories")}>
              {a.categoryCodes.map((c) => ref?.categoryName.get(c) ?? c).join("；") || "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("fRegions")}>{regions(a.regionCodes)}</Descriptions.Item>
            <Descriptions.Item label={t("source")}>
              {[a.source.title, a.source.number].filter(Boolean).join(" ") || "—"}
              {a.source.url && /^https?:\/\//.test(a.source.url) && (
                <>
                  {" "}
                  <a href={a.source.url} target="_blank" rel="noopener noreferrer">
                    {a.source.url}
                  </a>
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("fEffectiveFrom")}>
              {a.effectiveFrom}
              {a.effectiveTo ? ` – ${a.effectiveTo}` : ""}
            </Descriptions.Item>
            <Descriptions.Item label={t("fReviewBy")}>{a.reviewBy ?? "—"}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t("versions")}</Typography.Title>
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={a.versions ?? []}
            data-testid="kb-versions"
            columns={[
              { title: t("version"), dataIndex: "version", width: 70 },
              { title: t("fTitle"), dataIndex: "title" },
              { title: t("editor"), render: (_, v) => v.editor.name, width: 120 },
              { title: t("at"), render: (_, v) => fmtTime(v.at), width: 150 },
              {
                title: "",
                width: 70,
                render: (_, v) => (
                  <Typography.Link onClick={() => setShown(v.version)}>{t("view")}</Typography.Link>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

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
function Editor({
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

/** The owners' page: usage and misses per article and department, recent misses with their text. */
function StatsTab() {
  const t = useKT();
  const ref = useRefData();
  const [s, setS] = useState<Stats | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<Stats>("GET", "/api/v1/knowledge/stats").then(setS, () => setFailed(true));
  }, []);
  if (failed) return <Alert type="error" title={t("error")} />;
  if (!s) return <Card loading />;
  const dep = (id: string) => ref?.departmentName.get(id) ?? id;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="kb-stats">
      <Typography.Text type="secondary">
        {t("window", { from: fmtTime(s.from), to: fmtTime(s.to) })}
      </Typography.Text>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t("uses")} value={s.totals.uses} />
        </Col>
        <Col span={8}>
          <Statistic title={t("misses")} value={s.totals.misses} />
        </Col>
        <Col span={8}>
          <Statistic title={t("articles")} value={s.totals.articles} />
        </Col>
      </Row>
      <Tabs
        items={[
          {
            key: "a",
            label: t("byArticle"),
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={s.articles}
                pagination={{ pageSize: 15, size: "small" }}
                data-testid="kb-stats-articles"
                columns={[
                  { title: t("article"), dataIndex: "title" },
                  { title: t("department"), render: (_, r) => dep(r.departmentId), width: 200 },
                  {
                    title: t("status"),
                    width: 100,
                    render: (_, r) =>
                      r.current ? (
                        <Tag color="green">{t("current")}</Tag>
                      ) : (
                        <Tag color="orange">{t("notCurrent")}</Tag>
                      ),
                  },
                  {
                    title: t("uses"),
                    dataIndex: "uses",
                    width: 120,
                    sorter: (x, y) => x.uses - y.uses,
                  },
                  {
                    title: t("misses"),
                    dataIndex: "misses",
                    width: 120,
                    sorter: (x, y) => x.misses - y.misses,
                  },
                  { title: t("lastUsed"), render: (_, r) => fmtTime(r.lastUsedAt), width: 150 },
                ]}
              />
            ),
          },
          {
            key: "d",
            label: t("byDepartment"),
            children: (
              <Table
                size="small"
                rowKey="departmentId"
                dataSource={s.departments}
                pagination={false}
                columns={[
                  { title: t("department"), render: (_, r) => r.name ?? dep(r.departmentId) },
                  { title: t("articles"), dataIndex: "articles" },
                  { title: t("current"), dataIndex: "current" },
                  { title: t("needsAttention"), dataIndex: "needsAttention" },
                  { title: t("uses"), dataIndex: "uses" },
                  { title: t("misses"), dataIndex: "misses" },
                ]}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t("recentMisses")}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        dataSource={s.recentMisses}
        pagination={{ pageSize: 10, size: "small" }}
        data-testid="kb-stats-misses"
        columns={[
          { title: t("at"), render: (_, r) => fmtTime(r.at), width: 150 },
          // what the agent searched: text, never HTML
          { title: t("query"), dataIndex: "query" },
          {
            title: t("appeal"),
            width: 200,
            render: (_, r) =>
              r.appealId ? <Link to={`/appeals/${r.appealId}`}>{r.ticketNo ?? r.appealId}</Link> : "—",
          },
          { title: t("by"), dataIndex: "userName", width: 120 },
        ]}
      />
    </Space>
  );
}
