/**
 * The one table of the console's screens: path, menu label (zh/en), the roles that see it, and the
 * component (lazy-loaded, each its own chunk). It drives the router and the menu; a role's home is
 * the first screen it may see, unless `HOME` says otherwise.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { Role } from "../../../common/appeal-state.ts";
import type { Lang } from "../shared/i18n/core.tsx";
import type { ScreenProps } from "../shared/router.tsx";

export interface Screen {
  /** `/desk`, or with named parts `/appeals/:id`; a path also serves the paths below it. */
  path: string;
  /** The menu entry; none for a screen reached by a link only. */
  label?: Record<Lang, string>;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType<ScreenProps>>;
}

const ALL_STAFF: readonly Role[] = ["agent", "handler", "supervisor", "admin", "policy_officer"];

export const SCREENS: readonly Screen[] = [
  {
    path: "/desk",
    label: { zh: "受理台", en: "Agent desk" },
    roles: ["agent", "admin"],
    component: lazy(() => import("../features/intake/AgentDesk.tsx")),
  },
  {
    path: "/inbox",
    label: { zh: "承办", en: "Inbox" },
    roles: ["handler", "admin"],
    component: lazy(() => import("../features/dispatch/Inbox.tsx")),
  },
  {
    path: "/callback",
    label: { zh: "回访", en: "Callbacks" },
    roles: ["agent", "supervisor", "admin"],
    component: lazy(() => import("../features/callback/CallbackDesk.tsx")),
  },
  {
    path: "/dashboard",
    label: { zh: "督办考核", en: "Supervision" },
    roles: ["supervisor", "admin"],
    component: lazy(() => import("../features/metrics/Dashboard.tsx")),
  },
  {
    // One appeal, for whoever is sent a link to it (the server decides what they may see).
    path: "/appeals/:id",
    roles: ALL_STAFF,
    component: lazy(() => import("../features/appeals/AppealPage.tsx")),
  },
  {
    path: "/appeals",
    label: { zh: "诉求查询", en: "Appeals" },
    roles: ["agent", "handler", "supervisor", "admin"],
    component: lazy(() => import("../features/appeals/AppealSearch.tsx")),
  },
  {
    // 一件事一次办: start a case (also on a 12345 caller's behalf, ?bundle=…&appeal=…), one case, the list.
    path: "/bundle-cases/new",
    roles: ["agent", "admin"],
    component: lazy(() => import("../features/bundles/StartCase.tsx")),
  },
  {
    path: "/bundle-cases/:id",
    roles: ["agent", "handler", "supervisor", "admin"],
    component: lazy(() => import("../features/bundles/BundleCasePage.tsx")),
  },
  {
    path: "/bundle-cases",
    label: { zh: "一件事办件", en: "Bundle cases" },
    roles: ["agent", "handler", "supervisor", "admin"],
    component: lazy(() => import("../features/bundles/BundleCases.tsx")),
  },
  {
    path: "/bundles",
    label: { zh: "一件事清单", en: "Bundles" },
    roles: ["agent", "supervisor", "admin", "policy_officer"],
    component: lazy(() => import("../features/bundles/BundleDefinitions.tsx")),
  },
  {
    path: "/knowledge",
    label: { zh: "知识库", en: "Knowledge" },
    roles: ["agent", "handler", "supervisor", "admin"],
    component: lazy(() => import("../features/knowledge/Knowledge.tsx")),
  },
  {
    path: "/hotspots",
    label: { zh: "热点预警", en: "Hot spots" },
    roles: ["supervisor", "admin"],
    component: lazy(() => import("../features/hotspots/Hotspots.tsx")),
  },
  {
    path: "/policy",
    label: { zh: "政策清单", en: "Policies" },
    roles: ["policy_officer", "admin"],
    component: lazy(() => import("../features/policies/Policies.tsx")),
  },
  {
    path: "/ledger",
    label: { zh: "兑现台账", en: "Ledger" },
    roles: ["policy_officer", "handler", "admin"],
    component: lazy(() => import("../features/policies/Ledger.tsx")),
  },
  {
    path: "/enterprises",
    label: { zh: "企业查询", en: "Enterprises" },
    roles: ["policy_officer", "handler", "admin"],
    component: lazy(() => import("../features/enterprises/EnterprisePage.tsx")),
  },
  {
    path: "/admin",
    label: { zh: "系统管理", en: "Administration" },
    roles: ["admin"],
    component: lazy(() => import("../features/admin/Admin.tsx")),
  },
];

/** Where each role lands after logging in. */
export const HOME: Readonly<Record<Role, string>> = {
  agent: "/desk",
  handler: "/inbox",
  supervisor: "/dashboard",
  admin: "/admin",
  policy_officer: "/policy",
};

/** The screen a path shows and the named parts of the path, or null when none matches. */
export function matchScreen(
  screens: readonly Screen[],
  path: string,
): { screen: Screen; params: Record<string, string> } | null {
  for (const screen of screens) {
    const parts = screen.path.split("/");
    const given = path.split("/");
    if (given.length < parts.length) continue;
    if (given.length > parts.length && parts.some((p) => p.startsWith(":"))) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((p, i) => {
      const g = given[i] ?? "";
      if (p.startsWith(":")) {
        if (!g) return false;
        params[p.slice(1)] = decodeURIComponent(g);
        return true;
      }
      return p === g;
    });
    if (ok) return { screen, params };
  }
  return null;
}
