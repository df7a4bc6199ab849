import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { fmtTime } from "../../shared/format.ts";
import { useRefData } from "../../shared/refdata.ts";
import { useApi } from "../../shared/use-api.ts";
import { ArticleBody, CurrencyTags } from "./article-parts.tsx";
import { useKT } from "./i18n.ts";
import { type Article, getArticle } from "./knowledge-api.ts";

/** One article: body (sandboxed), facts, and every version (newest first). */
export function ArticleView({
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
  const article = useApi(() => (id ? getArticle(id) : null), [id]);
  const a: Article | null = article.data ?? null;
  const [shown, setShown] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another article starts at its current version
  useEffect(() => setShown(null), [id]);
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
