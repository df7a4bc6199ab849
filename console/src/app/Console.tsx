/** The staff console: login, the shell (menu per role), and the screens, each lazy-loaded. */
import { Alert, Button, Card, Form, Input, Layout, Menu, Result, Space, Spin, Typography } from "antd";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { ErrorBoundary } from "../shared/components/ErrorBoundary.tsx";
import { LangSwitch } from "../shared/components/LangSwitch.tsx";
import { ApiError, api, type User } from "../shared/api.ts";
import { type TKey, useI18n } from "../shared/i18n/core.tsx";
import { navigate, usePath } from "../shared/router.tsx";
import { SessionContext } from "../shared/session.ts";

const AgentDesk = lazy(() => import("../features/intake/AgentDesk.tsx"));
const Inbox = lazy(() => import("../features/dispatch/Inbox.tsx"));
const CallbackDesk = lazy(() => import("../features/callback/CallbackDesk.tsx"));
const Dashboard = lazy(() => import("../features/metrics/Dashboard.tsx"));
const AppealPage = lazy(() => import("../features/appeals/AppealPage.tsx"));
const AppealSearch = lazy(() => import("../features/appeals/AppealSearch.tsx"));
const Admin = lazy(() => import("../features/admin/Admin.tsx"));
const Knowledge = lazy(() => import("../features/knowledge/Knowledge.tsx"));
const Hotspots = lazy(() => import("../features/hotspots/Hotspots.tsx"));
const Policies = lazy(() => import("../features/policies/Policies.tsx"));
const Ledger = lazy(() => import("../features/policies/Ledger.tsx"));
const EnterprisePage = lazy(() => import("../features/enterprises/EnterprisePage.tsx"));

type Role = User["role"];
interface Screen {
  path: string;
  label: TKey;
  roles: Role[];
}
const SCREENS: Screen[] = [
  { path: "/desk", label: "menu.desk", roles: ["agent", "admin"] },
  { path: "/inbox", label: "menu.inbox", roles: ["handler", "admin"] },
  { path: "/callback", label: "menu.callback", roles: ["agent", "supervisor", "admin"] },
  { path: "/dashboard", label: "menu.dashboard", roles: ["supervisor", "admin"] },
  { path: "/appeals", label: "menu.appeals", roles: ["agent", "handler", "supervisor", "admin"] },
  { path: "/knowledge", label: "menu.knowledge", roles: ["agent", "handler", "supervisor", "admin"] },
  { path: "/hotspots", label: "menu.hotspots", roles: ["supervisor", "admin"] },
  { path: "/policy", label: "menu.policy", roles: ["policy_officer", "admin"] },
  { path: "/ledger", label: "menu.ledger", roles: ["policy_officer", "handler", "admin"] },
  { path: "/enterprises", label: "menu.enterprises", roles: ["policy_officer", "handler", "admin"] },
  { path: "/admin", label: "menu.admin", roles: ["admin"] },
];
const HOME: Record<Role, string> = {
  agent: "/desk",
  handler: "/inbox",
  supervisor: "/dashboard",
  admin: "/admin",
  policy_officer: "/policy",
};

const FLAG = "hotline.session";
function remembered(): boolean {
  try {
    return localStorage.getItem(FLAG) === "1";
  } catch {
    return true;
  }
}
function remember(on: boolean) {
  try {
    if (on) localStorage.setItem(FLAG, "1");
    else localStorage.removeItem(FLAG);
  } catch {
    // storage blocked: the console asks the server every time
  }
}

export default function Console() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    // Only ask the server when this browser logged in before (the cookie itself is httpOnly).
    if (!remembered()) return setUser(null);
    api<{ user: User }>("GET", "/api/v1/session").then(
      (r) => setUser(r.user),
      () => {
        remember(false);
        setUser(null);
      },
    );
  }, []);
  const logout = useCallback(async () => {
    await api("DELETE", "/api/v1/session").catch(() => undefined);
    remember(false);
    setUser(null);
    navigate("/", true);
  }, []);
  if (user === undefined) return <Spin style={{ display: "block", margin: 80 }} />;
  if (user === null)
    return (
      <Login
        onLogin={(u) => {
          remember(true);
          setUser(u);
          navigate(HOME[u.role], true);
        }}
      />
    );
  return (
    <SessionContext.Provider value={{ user, logout }}>
      <Shell user={user} logout={logout} />
    </SessionContext.Provider>
  );
}

function Login({ onLogin }: { onLogin: (u: User) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f0f2f5" }}>
      <Card title={t("appName")} extra={<LangSwitch />} style={{ width: 380 }} data-testid="login-card">
        <Form
          layout="vertical"
          onFinish={async (v: { username: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              const r = await api<{ user: User }>("POST", "/api/v1/session", v);
              onLogin(r.user);
            } catch (e) {
              setError(e instanceof ApiError && e.status === 401 ? t("loginFailed") : t("error"));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item
            name="username"
            label={t("username")}
            rules={[{ required: true, message: t("required") }]}
          >
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("password")}
            rules={[{ required: true, message: t("required") }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("login")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

function Shell({ user, logout }: { user: User; logout: () => void }) {
  const { t, e } = useI18n();
  const path = usePath();
  const screens = SCREENS.filter((s) => s.roles.includes(user.role));
  useEffect(() => {
    if (path === "/" || path === "") navigate(HOME[user.role], true);
  }, [path, user.role]);
  const current = screens.find((s) => path === s.path || path.startsWith(`${s.path}/`));
  const appealId = /^\/appeals\/([^/]+)$/.exec(path)?.[1];
  let body: React.ReactNode;
  if (appealId) body = <AppealPage id={decodeURIComponent(appealId)} />;
  else if (!current) body = path === "/" ? null : <Result status="404" title={t("notFound")} />;
  else
    body = {
      "/desk": <AgentDesk />,
      "/inbox": <Inbox />,
      "/callback": <CallbackDesk />,
      "/dashboard": <Dashboard />,
      "/appeals": <AppealSearch />,
      "/admin": <Admin />,
      "/policy": <Policies />,
      "/ledger": <Ledger />,
      "/enterprises": <EnterprisePage />,
      "/knowledge": <Knowledge />,
      "/hotspots": <Hotspots />,
    }[current.path];
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
          selectedKeys={current ? [current.path] : []}
          items={screens.map((s) => ({ key: s.path, label: t(s.label) }))}
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
