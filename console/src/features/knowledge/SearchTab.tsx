/**
 * The knowledge search (检索): search as you type (ranked hits, matched words highlighted), the
 * latest articles without a query, the article drawer (`/knowledge/{id}`), and for the owners a new
 * article, XLSX export and import.
 */
import { App, Button, Checkbox, Input, List, Space, Typography, Upload } from "antd";
import { useCallback, useState } from "react";
import { ApiError, api, qs } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { navigate, usePath } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { useDebounced } from "../../shared/use-debounced.ts";
import { ArticleEditor } from "./ArticleEditor.tsx";
import { ArticleView } from "./ArticleView.tsx";
import { CurrencyTags, Highlighted } from "./article-parts.tsx";
import { useKT } from "./i18n.ts";
import { type Article, importKnowledgeXlsx, type KnowledgeHit } from "./knowledge-api.ts";

type Item = KnowledgeHit | Article;
const isHit = (r: Item): r is KnowledgeHit => "snippet" in r;

export function SearchTab({ writer }: { writer: boolean }) {
  const t = useKT();
  const { message, modal } = App.useApp();
  const [q, setQ] = useState("");
  const [includeExpired, setIncludeExpired] = useState(false);
  // `/knowledge/{id}` opens that article (a link from elsewhere, or the back button).
  const path = usePath();
  const linked = /^\/knowledge\/([^/]+)$/.exec(path)?.[1];
  const open = linked ? decodeURIComponent(linked) : null;
  const setOpen = useCallback(
    (id: string | null) => navigate(id ? `/knowledge/${encodeURIComponent(id)}` : "/knowledge"),
    [],
  );
  const [editing, setEditing] = useState<Article | "new" | null>(null);
  // Ranked hits 200 ms after the last key; without a query the latest changed articles at once.
  const query = useDebounced(q.trim(), 200, (v) => !v);
  const list = useApi(
    () =>
      api<{ items: Item[] }>(
        "GET",
        query
          ? `/api/v1/knowledge${qs({ q: query, includeExpired, limit: 30 })}`
          : `/api/v1/knowledge${qs({ includeExpired, status: writer ? "any" : undefined, limit: 50 })}`,
      ),
    [query, includeExpired, writer],
    { keepPrevious: true },
  );
  const rows = list.error ? [] : (list.data?.items ?? null);

  const importFile = async (file: File) => {
    try {
      const r = await importKnowledgeXlsx(file);
      message.success(t("imported", r));
      void list.reload();
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
        <ArticleEditor
          article={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(a) => {
            setEditing(null);
            void list.reload();
            setOpen(a.id);
          }}
        />
      )}
    </Space>
  );
}
