/**
 * Category suggestions (分类推荐) for what the agent is typing (`POST /api/v1/classification/suggest`,
 * 300 ms after the last key), with the department the classifier suggests. The service may be
 * missing (404/501): the desk then says so and stops asking.
 */
import { Card, Space, Tag, Typography } from "antd";
import { useRef } from "react";
import type { CategorySuggestion, SuggestResultDto } from "../../../../common/contracts/classification.ts";
import { ApiError, api } from "../../shared/api.ts";
import type { RefData } from "../../shared/refdata.ts";
import { useApi } from "../../shared/use-api.ts";
import { useDebounced } from "../../shared/use-debounced.ts";
import { useDeskT } from "./i18n.ts";

export type Suggestion = CategorySuggestion;

export interface Suggestions {
  /** The top five, "off" when the service is missing, null before any text. */
  items: Suggestion[] | "off" | null;
  departmentId: string | null;
}

export function useCategorySuggestions(title: string, body: string): Suggestions {
  const text = useDebounced({ title, body }, 300, (v) => !`${v.title}${v.body}`.trim());
  const off = useRef(false);
  const res = useApi(() => {
    if (!`${text.title}${text.body}`.trim() || off.current) return null;
    return api<SuggestResultDto>("POST", "/api/v1/classification/suggest", text).catch((err) => {
      if (err instanceof ApiError && (err.status === 404 || err.status === 501)) off.current = true;
      throw err;
    });
  }, [text.title, text.body]);
  if (off.current) return { items: "off", departmentId: null };
  return { items: res.data?.items.slice(0, 5) ?? null, departmentId: res.data?.departmentId ?? null };
}

export function CategorySuggestions({
  suggestions,
  chosen,
  onChoose,
  refData: ref,
}: {
  suggestions: Suggestions;
  chosen: string | undefined;
  onChoose: (code: string) => void;
  refData: RefData | null;
}) {
  const t = useDeskT();
  const { items, departmentId } = suggestions;
  return (
    <Card size="small" title={t("desk.suggestions")} data-testid="desk-suggestions">
      {items === "off" ? (
        <Typography.Text type="secondary">{t("desk.suggestOff")}</Typography.Text>
      ) : !items || items.length === 0 ? (
        <Typography.Text type="secondary">{t("desk.noSuggest")}</Typography.Text>
      ) : (
        <Space wrap>
          {items.map((s, i) => (
            <Tag.CheckableTag key={s.code} checked={chosen === s.code} onChange={() => onChoose(s.code)}>
              Alt+{i + 1} {ref?.categoryName.get(s.code) ?? s.name} ({Math.round(s.score * 100)}%)
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
      {departmentId && ref && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t("desk.suggestedDept")}: </Typography.Text>
          {ref.departmentName.get(departmentId) ?? departmentId}
        </div>
      )}
    </Card>
  );
}
