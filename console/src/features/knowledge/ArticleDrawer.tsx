import { Drawer, Space, Typography } from "antd";
import { useApi } from "../../shared/use-api.ts";
import { ArticleBody, CurrencyTags } from "./article-parts.tsx";
import { useKT } from "./i18n.ts";
import { type Article, getArticle } from "./knowledge-api.ts";

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
  const article = useApi(() => (id ? getArticle(id) : null), [id]);
  const a: Article | null = article.data ?? null;
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
