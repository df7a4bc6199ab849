/** The shell around the screens: the menu of the user's screens (from the table), who is logged in, language, log out. */
import { Button, Layout, Menu, Result, Space, Spin, Typography } from "antd";
import { Suspense, useEffect } from "react";
import { ErrorBoundary } from "../shared/components/ErrorBoundary.tsx";
import { LangSwitch } from "../shared/components/LangSwitch.tsx";
import { useI18n } from "../shared/i18n/core.tsx";
import { navigate, usePath } from "../shared/router.tsx";
import type { User } from "../shared/session.ts";
import { HOME, matchScreen, SCREENS } from "./screens.ts";

export function Shell({ user, logout }: { user: User; logout: () => void }) {
  const { t, e, lang } = useI18n();
  const path = usePath();
  const screens = SCREENS.filter((s) => s.roles.includes(user.role));
  useEffect(() => {
    if (path === "/" || path === "") navigate(HOME[user.role], true);
  }, [path, user.role]);
  const match = matchScreen(screens, path);
  // The menu entry of the screen shown (a detail screen selects the entry above it).
  const selected = screens.find((s) => s.label && (path === s.path || path.startsWith(`${s.path}/`)));
  let body: React.ReactNode = null;
  if (match) body = <match.screen.component params={match.params} />;
  else if (path !== "/") body = <Result status="404" title={t("notFound")} />;
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 24, paddingInline: 20 }}>
        <Typography.Text strong style={{ color: "#fff", whiteSpace: "nowrap", fontSize: 16 }}>
          {t("appName")}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, minWidth: 0 }}
          selectedKeys={selected ? [selected.path] : []}
          items={screens.flatMap((s) => (s.label ? [{ key: s.path, label: s.label[lang] }] : []))}
          onClick={(i) => navigate(i.key)}
        />
        <Space>
          <Typography.Text style={{ color: "#ddd" }} data-testid="whoami">
            {user.name} · {e("role", user.role)}
          </Typography.Text>
          <LangSwitch />
          <Button size="small" onClick={logout} data-testid="logout">
            {t("logout")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 20 }}>
        <ErrorBoundary message={t("error")}>
          <Suspense fallback={<Spin style={{ display: "block", margin: 80 }} />}>{body}</Suspense>
        </ErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}
