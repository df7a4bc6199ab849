/** The log-in form: username and password against `POST /api/v1/session`. */
import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { ApiError, api } from "../shared/api.ts";
import { LangSwitch } from "../shared/components/LangSwitch.tsx";
import { useI18n } from "../shared/i18n/core.tsx";
import type { User } from "../shared/session.ts";

export function Login({ onLogin }: { onLogin: (u: User) => void }) {
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
