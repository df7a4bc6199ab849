import { App, Button, Empty, List, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError, api, qs } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import { useDebounced } from "../../shared/use-debounced.ts";
import { ArticleDrawer } from "./ArticleDrawer.tsx";
import { CurrencyTags, Highlighted, htmlToText } from "./article-parts.tsx";
import { useKT } from "./i18n.ts";
import { getArticle, type KnowledgeHit } from "./knowledge-api.ts";

/** Three lines of a snippet on the narrow panels. */
const CLAMP: React.CSSProperties = {
  display: "-webkit-box",
  WebkitLineClamp: 3,
  WebkitBoxOrient: "vertical",
  overflow: "hidden",
};

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
  const [missed, setMissed] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const q = text.trim().slice(0, 200);
  // 200 ms after the last key; an emptied text clears the list at once.
  const asked = useDebounced({ q, regionCode: regionCode ?? undefined }, 200, (v) => !v.q);
  const found = useApi(
    () =>
      asked.q ? api<{ items: KnowledgeHit[] }>("GET", `/api/v1/knowledge${qs({ ...asked, limit })}`) : null,
    [asked.q, asked.regionCode, limit],
    { keepPrevious: true },
  );
  const hits: KnowledgeHit[] | "off" | null = found.error
    ? found.error instanceof ApiError && found.error.status === 404
      ? "off"
      : []
    : q
      ? (found.data?.items ?? null)
      : null;

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
