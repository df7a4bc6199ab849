/**
 * 企业政策查询 The public lookup on the citizens' portal (/public/enterprise, no login): an
 * enterprise enters its USCC and the verification code the policy office gave it, and sees the
 * support granted without applying (免申即享), why, what needs its data, and its notices.
 * A wrong code and an unknown USCC answer the same "not right".
 */
import { Alert, Button, Empty, Form, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import type { PublicLookup } from "../../../../common/contracts/policies.ts";
import { ApiError, api } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { usePolicyI18n } from "../policies/i18n.ts";
import { normUscc } from "../policies/model.ts";
import { LedgerTag } from "../policies/parts.tsx";

export default function EnterpriseLookup() {
  const pi = usePolicyI18n();
  const { t } = pi;
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<PublicLookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div data-testid="enterprise-lookup">
      <Typography.Paragraph type="secondary">{t("pub.intro")}</Typography.Paragraph>
      <Form
        layout="vertical"
        onFinish={async (v: { uscc: string; code: string }) => {
          setBusy(true);
          setError(null);
          setRes(null);
          try {
            setRes(
              await api<PublicLookup>(
                "GET",
                `/api/v1/public/enterprises/${encodeURIComponent(normUscc(v.uscc))}/entitlements?code=${encodeURIComponent(v.code.trim())}`,
              ),
            );
          } catch (e) {
            setError(e instanceof ApiError && e.status === 404 ? t("pub.notFound") : pi.err(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="uscc"
          label={t("pub.uscc")}
          rules={[{ required: true, message: t("err.validation") }]}
        >
          <Input maxLength={40} autoComplete="off" data-testid="lookup-uscc" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t("pub.code")}
          rules={[{ required: true, message: t("err.validation") }]}
        >
          <Input maxLength={100} autoComplete="off" data-testid="lookup-code-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="lookup-submit">
          {t("pub.lookup")}
        </Button>
      </Form>
      {error && <Alert type="error" title={error} style={{ marginTop: 16 }} data-testid="lookup-error" />}
      {res && (
        <div style={{ marginTop: 16 }} data-testid="lookup-result">
          <Typography.Title level={5}>
            {res.name}（{res.uscc}）
          </Typography.Title>
          <Typography.Text strong>{t("pub.entitlements")}</Typography.Text>
          {res.entitlements.length === 0 ? (
            <Empty description={t("pub.none")} />
          ) : (
            <List
              dataSource={res.entitlements}
              renderItem={(r, i) => (
                <List.Item key={`${r.policyTitle}:${i}`}>
                  <Space orientation="vertical" size={2} style={{ width: "100%" }}>
                    <Space wrap>
                      <Typography.Text strong>{r.policyTitle}</Typography.Text>
                      <LedgerTag status={r.status} />
                      <Typography.Text>
                        {pi.money(r.amount)} {t("c.yuan")}
                      </Typography.Text>
                    </Space>
                    {r.reason && <Typography.Text type="danger">{r.reason}</Typography.Text>}
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {r.explanation}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
          {res.needsData.length > 0 && (
            <>
              <Typography.Text strong>{t("pub.needsData")}</Typography.Text>
              <List
                dataSource={res.needsData}
                renderItem={(n, i) => (
                  <List.Item key={`${n.policyTitle}:${i}`}>
                    <Space orientation="vertical" size={2}>
                      <Typography.Text strong>{n.policyTitle}</Typography.Text>
                      <Typography.Text type="warning">{n.explanation}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
          <Typography.Text strong>{t("pub.messages")}</Typography.Text>
          {res.messages.length === 0 ? (
            <Empty description={t("pub.none")} />
          ) : (
            <List
              size="small"
              dataSource={res.messages}
              renderItem={(m, i) => (
                <List.Item key={`${m.at}:${i}`}>
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{m.subject}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtTime(m.at)} {m.body}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </div>
  );
}
