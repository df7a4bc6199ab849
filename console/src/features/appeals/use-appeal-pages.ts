/** Cursor paging of `GET /api/v1/appeals`: the first page on a filter change, "load more" appends. */
import { useCallback, useEffect, useState } from "react";
import type { Page } from "../../shared/api.ts";
import { type Appeal, listAppeals } from "./api.ts";

export function useAppealPages(filter: Record<string, string | boolean | number | undefined>, limit = 50) {
  const [items, setItems] = useState<Appeal[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(filter);
  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page: Page<Appeal> = await listAppeals({
          ...JSON.parse(key),
          limit,
          cursor: after ?? undefined,
        });
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [key, limit],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    more: () => load(cursor),
    reload: () => load(null),
  };
}
