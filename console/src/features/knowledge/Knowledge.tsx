/**
 * 知识库 Knowledge base: the search tab (SearchTab: search as you type, one article with its
 * versions, the editor for those whose `abilities` include `edit`, XLSX export and import) and the
 * owners' usage tab (StatsTab: uses and misses per article and department, recent misses).
 */
import { Card, Tabs } from "antd";
import { useSession } from "../../shared/session.ts";
import { useKT } from "./i18n.ts";
import { SearchTab } from "./SearchTab.tsx";
import { StatsTab } from "./StatsTab.tsx";

/** Who looks after articles: the search shows them drafts, the new-article button, Excel and the stats. */
const WRITERS = ["admin", "supervisor", "handler"];

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
