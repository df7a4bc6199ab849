/**
 * Knowledge-base (知识库) pieces other screens embed: the suggestions panel of the agent desk and
 * the appeal page (<KnowledgeSuggestions>), a snippet with its matched words highlighted, and an
 * article body in a sandboxed frame. Appeal text is only ever rendered as text; article bodies are
 * the server's sanitised HTML and are still shown only inside an `<iframe sandbox>` without
 * scripts, under a CSP that loads nothing.
 */
import { App, Button, Drawer, Empty, List, Space, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { ApiError, api, qs } from "../../shared/api.ts";
import { type KKey, useKT } from "./i18n.ts";

/** A ranked hit of `GET /api/v1/knowledge?q=` (KnowledgeHitDto). */
export interface KnowledgeHit {
  id: string;
  title: string;
  score: number;
  snippet: string;
  highlights: [number, number][];
  matchedWords: string[];
  status: string;
  categoryCodes: string[];
  regionCodes: string[];
  departmentId: string;
  version: number;
  expired: boolean;
  needsReview: boolean;
  current: boolean;
  sample: boolean;
  updatedAt: string;
}

/** An article of `GET /api/v1/knowledge/{id}` (ArticleDto). */
export interface Article {
  id: string;
  version: number;
  status: "draft" | "published" | "archived";
  title: string;
  body: string;
  categoryCodes: string[];
  regionCodes: string[];
  departmentId: string;
  departmentName: string | null;
  source: { title: string | null; url: string | null; number: string | null };
  effectiveFrom: string;
  effectiveTo: string | null;
  reviewBy: string | null;
  expired: boolean;
  needsReview: boolean;
  current: boolean;
  sample: boolean;
  createdAt: string;
  updatedAt: string;
  abilities: ("edit" | "answer")[];
  versions?: {
    version: number;
    status: string;
    title: string;
    body: string;
    meta: Record<string, unknown>;
    editor: { id: string | null; name: string };
    at: string;
  }[];
}

export const getArticle = (id: string) => api<Article>("GET", `/api/v1/knowledge/${encodeURIComponent(id)}`);

/** The snippet as text, the `[start, end)` ranges in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.max(start, Math.min(e, text.length));
    if (start > at) parts.push(text.slice(at, start));
    if (end > start) parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span className="kb-snippet">{parts}</span>;
}

/** The currency tags of an article or hit: in force, expired, review due, draft, sample. */
export function CurrencyTags({
  a,
}: {
  a: { current: boolean; expired: boolean; needsReview: boolean; status: string; sample: boolean };
}) {
  const t = useKT();
  return (
    <>
      {a.current && <Tag color="green">{t("current")}</Tag>}
      {a.expired && <Tag color="red">{t("expired")}</Tag>}
      {!a.expired && a.needsReview && <Tag color="orange">{t("needsReview")}</Tag>}
      {a.status !== "published" && <Tag>{t(a.status as KKey)}</Tag>}
      {a.sample && <Tag color="default">{t("sample")}</Tag>}
    </>
  );
}

/** Three lines of a snippet on the narrow panels. */
const CLAMP: React.CSSProperties = {
  display: "-webkit-box",
  WebkitLineClamp: 3,
  WebkitBoxOrient: "vertical",
  overflow: "hidden",
};

const FRAME_CSS =
  "body{font:14px/1.7 system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:8px;color:#222}" +
  "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}h3,h4{margin:8px 0 4px}";

/**
 * Sanitised article HTML in a sandboxed frame: no scripts (no `allow-scripts`), a CSP that loads
 * nothing but inline style, links opening in a new tab. `allow-same-origin` only lets this page
 * size the frame to its content; with scripts off nothing inside can use it.
 */
export function ArticleBody({ html, testId = "kb-body" }: { html: string; testId?: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(120);
  const doc =
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<base target="_blank"><style>${FRAME_CSS}</style></head><body>${html}</body></html>`;
  const fit = () => {
    const b = ref.current?.contentDocument?.body;
    if (b) setHeight(Math.min(2000, Math.max(60, b.scrollHeight + 20)));
  };
  return (
    <iframe
      ref={ref}
      title="article"
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      srcDoc={doc}
      onLoad={fit}
      style={{ width: "100%", height, border: "1px solid #f0f0f0", borderRadius: 6 }}
      data-testid={testId}
    />
  );
}

/** Plain text of sanitised article HTML (parsed inert, never attached to the page). */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const br of doc.querySelectorAll("br")) br.replaceWith("\n");
  for (const el of doc.querySelectorAll("p,li,h3,h4,tr")) el.append("\n");
  return (doc.body.textContent ?? "").replace(/\n{3,}/g, "\n\n").trim();
}

/** A drawer with one article (title as text, body sandboxed, source, dates). */
export function ArticleDrawer({
  id,
  onClose,
  extra,
}: {
  id: string | null;
  onClose: () => void;
  extra?: (a: Article) => React.ReactNode;
}) {
  const t = useKT();
  const [a, setA] = useState<Article | null>(null);
  useEffect(() => {
    setA(null);
    if (id) getArticle(id).then(setA, () => setA(null));
  }, [id]);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={a ? a.title : ""}
      extra={a && extra?.(a)}
      data-testid="kb-drawer"
    >
      {a && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <CurrencyTags a={a} />
            <Typography.Text type="secondary">
              {t("version")} {a.version} · {a.departmentName ?? a.departmentId} · {a.effectiveFrom}
              {a.effectiveTo ? ` – ${a.effectiveTo}` : ""}
            </Typography.Text>
          </Space>
          <ArticleBody html={a.body} />
          {(a.source.title || a.source.number) && (
            <Typography.Text type="secondary">
              {t("source")}: {a.source.title} {a.source.number}
            </Typography.Text>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/**
 * Articles that may answer what the agent is typing (search as you type, 200 ms), with the matched
 * words highlighted; "answer with this" hands the article's id and plain text to `onAnswer` (the
 * desk records it with the direct answer, which counts the article's usage); "no article fitted"
 * records a miss (on the appeal when `appealId` is given).
 */
export function KnowledgeSuggestions({
  text,
  regionCode,
  appealId,
  onAnswer,
  limit = 5,
}: {
  text: string;
  regionCode?: string | null;
  appealId?: string;
  onAnswer?: (articleId: string, text: string) => void;
  limit?: number;
}) {
  const t = useKT();
  const { message } = App.useApp();
  const [hits, setHits] = useState<KnowledgeHit[] | "off" | null>(null);
  const [missed, setMissed] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const seq = useRef(0);
  const q = text.trim().slice(0, 200);
  useEffect(() => {
    if (!q) {
      setHits(null);
      return;
    }
    const n = ++seq.current;
    const id = setTimeout(() => {
      api<{ items: KnowledgeHit[] }>(
        "GET",
        `/api/v1/knowledge${qs({ q, regionCode: regionCode ?? undefined, limit })}`,
      ).then(
        (r) => {
          if (n === seq.current) setHits(r.items);
        },
        (err) => {
          if (n === seq.current) setHits(err instanceof ApiError && err.status === 404 ? "off" : []);
        },
      );
    }, 200);
    return () => clearTimeout(id);
  }, [q, regionCode, limit]);

  const use = async (h: KnowledgeHit) => {
    try {
      const a = await getArticle(h.id);
      setChosen(h.id);
      onAnswer?.(h.id, htmlToText(a.body).slice(0, 5000));
    } catch {
      message.error(t("error"));
    }
  };
  const miss = async () => {
    const body = { query: q, shownArticleIds: Array.isArray(hits) ? hits.map((h) => h.id) : [] };
    try {
      if (appealId) await api("POST", `/api/v1/appeals/${encodeURIComponent(appealId)}/knowledge-miss`, body);
      else await api("POST", "/api/v1/knowledge/misses", body);
      setMissed(q);
      message.success(t("missRecorded"));
    } catch {
      message.error(t("error"));
    }
  };

  return (
    <div data-testid="kb-suggestions">
      {hits === "off" ? (
        <Typography.Text type="secondary">{t("unavailable")}</Typography.Text>
      ) : !q || hits === null ? (
        <Typography.Text type="secondary">{t("typeToSuggest")}</Typography.Text>
      ) : hits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("noResults")} />
      ) : (
        <List
          size="small"
          dataSource={hits}
          renderItem={(h) => (
            <List.Item
              data-testid="kb-hit"
              actions={[
                <Button key="view" size="small" type="link" onClick={() => setOpen(h.id)}>
                  {t("view")}
                </Button>,
                ...(onAnswer
                  ? [
                      <Button
                        key="use"
                        size="small"
                        type={chosen === h.id ? "primary" : "link"}
                        onClick={() => void use(h)}
                        data-testid="kb-use"
                      >
                        {t("useAnswer")}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Typography.Text strong>{h.title}</Typography.Text>
                    <CurrencyTags a={h} />
                  </Space>
                }
                description={
                  <div style={CLAMP}>
                    <Highlighted text={h.snippet} ranges={h.highlights} />
                  </div>
                }
              />
            </List.Item>
          )}
        />
      )}
      {q && hits !== "off" && (
        <Button
          size="small"
          danger
          style={{ marginTop: 8 }}
          disabled={missed === q}
          onClick={() => void miss()}
          data-testid="kb-miss"
        >
          {t("noneFitted")}
        </Button>
      )}
      <ArticleDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
