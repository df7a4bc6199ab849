/**
 * 系统管理 Administration: users (users/), departments, categories and the routing table
 * (directory/), SLA rules (sla/) and the working calendar (calendar/), one tab each.
 */
import { Card, Tabs } from "antd";
import { CalendarTab } from "./calendar/CalendarTab.tsx";
import { CategoryTree, DepartmentTree } from "./directory/DirectoryTrees.tsx";
import { RoutesTab } from "./directory/RoutesTab.tsx";
import { useAdminT } from "./i18n.ts";
import { SlaRulesTab } from "./sla/SlaRulesTab.tsx";
import { UsersTab } from "./users/UsersTab.tsx";

export default function Admin() {
  const t = useAdminT();
  return (
    <Card data-testid="admin">
      <Tabs
        items={[
          { key: "users", label: t("admin.users"), children: <UsersTab /> },
          { key: "departments", label: t("admin.departments"), children: <DepartmentTree /> },
          { key: "categories", label: t("admin.categories"), children: <CategoryTree /> },
          { key: "routes", label: t("admin.routes"), children: <RoutesTab /> },
          { key: "sla", label: t("admin.sla"), children: <SlaRulesTab /> },
          { key: "calendar", label: t("admin.calendar"), children: <CalendarTab /> },
        ]}
      />
    </Card>
  );
}
