/**
 * 市民诉求服务 The citizens' portal at /public (no login, phone-sized first): submit an appeal, get
 * the ticket number and tracking secret, track the status and the public reply.
 */
import {
  App,
  Button,
  Card,
  Cascader,
  Descriptions,
  Form,
  Input,
  Result,
  Select,
  Space,
  Tabs,
  Timeline,
  Typography,
} from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { APPEAL_KINDS } from "../../../common/appeal-state.ts";
import type { PublicSubmitted, PublicTracked } from "../../../common/contracts/appeals.ts";
import { statusLabel } from "../features/appeals/status.ts";
import { ApiError, api } from "../shared/api.ts";
import { LangSwitch } from "../shared/components/LangSwitch.tsx";
import { errorText } from "../shared/errors.ts";
import { fmtTime } from "../shared/format.ts";
import { useI18n } from "../shared/i18n/core.tsx";
import { loadRegions, type Option } from "../shared/refdata.ts";
import { useApi } from "../shared/use-api.ts";
import { BundleTrack } from "./BundleTrack.tsx";
import { usePortalT } from "./i18n.ts";
import { LookupForm } from "./LookupForm.tsx";

const EnterpriseLookup = lazy(() => import("../features/enterprises/EnterpriseLookup.tsx"));

export default function Portal() {
  const t = usePortalT();
  const [tab, setTab] = useState(
    location.pathname.startsWith("/public/enterprise")
      ? "enterprise"
      : location.pathname.startsWith("/public/bundle")
        ? "bundle"
        : "submit",
  );
  const [tracking, setTracking] = useState<PublicSubmitted | null>(null);
  return (
    <div style={{ minHeight: "100vh", background: "#f0f2f5" }} data-testid="portal">
      <div
        style={{
          background: "#1f5fbf",
          color: "#fff",
          padding: "12px 16px",
          display: "flex",
          alignItems: "center",
        }}
      >
        <Typography.Text strong style={{ color: "#fff", fontSize: 17, flex: 1 }}>
          {t("portalName")}
        </Typography.Text>
        <LangSwitch />
      </div>
      <div style={{ maxWidth: 600, margin: "0 auto", padding: 12 }}>
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: "submit",
                label: t("portal.submit"),
                children: (
                  <SubmitForm
                    onTrack={(s) => {
                      setTracking(s);
                      setTab("track");
                    }}
                  />
                ),
              },
              { key: "track", label: t("portal.track"), children: <TrackForm initial={tracking} /> },
              { key: "bundle", label: t("portal.bundle"), children: <BundleTrack /> },
              {
                key: "enterprise",
                label: t("portal.enterprise"),
                children: (
                  <Suspense fallback={null}>
                    <EnterpriseLookup />
                  </Suspense>
                ),
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}

function SubmitForm({ onTrack }: { onTrack: (s: PublicSubmitted) => void }) {
  const { e } = useI18n();
  const t = usePortalT();
  const { message } = App.useApp();
  const regions: Option[] = useApi(() => loadRegions("/api/v1/public"), []).data?.options ?? [];
  const [done, setDone] = useState<PublicSubmitted | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  if (done)
    return (
      <Result
        status="success"
        title={t("portal.submitted")}
        subTitle={t("portal.keep")}
        extra={
          <Space orientation="vertical">
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t("f.ticketNo")}>
                <Typography.Text copyable data-testid="portal-ticket">
                  {done.ticketNo}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("f.secret")}>
                <Typography.Text copyable data-testid="portal-secret">
                  {done.secret}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Space>
              <Button type="primary" onClick={() => onTrack(done)}>
                {t("portal.track")}
              </Button>
              <Button
                onClick={() => {
                  setDone(null);
                  form.resetFields();
                }}
              >
                {t("portal.submit")}
              </Button>
            </Space>
          </Space>
        }
      />
    );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: "help" }}
      onFinish={async (v: {
        kind: string;
        title: string;
        body: string;
        name?: string;
        phone: string;
        region?: string[];
        address?: string;
      }) => {
        setBusy(true);
        try {
          const r = await api<PublicSubmitted>("POST", "/api/v1/public/appeals", {
            kind: v.kind,
            title: v.title,
            body: v.body,
            name: v.name || undefined,
            phone: v.phone,
            regionCode: v.region?.[v.region.length - 1],
            address: v.address || undefined,
          });
          setDone(r);
        } catch (err) {
          message.error(errorText(err, t));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item name="kind" label={t("f.kind")} rules={[{ required: true, message: t("required") }]}>
        <Select
          options={APPEAL_KINDS.map((k) => ({ value: k, label: e("kind", k) }))}
          data-testid="portal-kind"
        />
      </Form.Item>
      <Form.Item name="title" label={t("f.title")} rules={[{ required: true, message: t("required") }]}>
        <Input maxLength={200} data-testid="portal-title" />
      </Form.Item>
      <Form.Item name="body" label={t("f.body")} rules={[{ required: true, message: t("required") }]}>
        <Input.TextArea rows={5} maxLength={10000} data-testid="portal-body" />
      </Form.Item>
      <Form.Item name="region" label={t("f.region")}>
        <Cascader options={regions} changeOnSelect style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="address" label={t("f.address")}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="name" label={t("f.name")}>
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t("f.phone")}
        extra={t("portal.mobileHint")}
        rules={[{ required: true, min: 5, message: t("required") }]}
      >
        <Input maxLength={30} inputMode="tel" autoComplete="tel" data-testid="portal-phone" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-submit">
        {t("submit")}
      </Button>
    </Form>
  );
}

function TrackForm({ initial }: { initial: PublicSubmitted | null }) {
  const { lang } = useI18n();
  const t = usePortalT();
  const [form] = Form.useForm();
  const [res, setRes] = useState<PublicTracked | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const track = async (v: { ticketNo: string; secret: string }) => {
    setErr(null);
    try {
      setRes(
        await api<PublicTracked>(
          "GET",
          `/api/v1/public/appeals/${encodeURIComponent(v.ticketNo.trim())}?secret=${encodeURIComponent(v.secret.trim())}`,
        ),
      );
    } catch (x) {
      setRes(null);
      setErr(
        x instanceof ApiError && (x.status === 404 || x.status === 403) ? t("err.notFound") : errorText(x, t),
      );
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: track once per newly submitted appeal
  useEffect(() => {
    if (initial) {
      form.setFieldsValue(initial);
      void track(initial);
    }
  }, [initial]);
  const replyText = res?.reply ?? null;
  return (
    <>
      <LookupForm
        form={form}
        numberField="ticketNo"
        numberLabel={t("f.ticketNo")}
        testIds={{ number: "track-ticket", secret: "track-secret", submit: "track-submit" }}
        onFinish={track}
        error={err}
      />
      {res && (
        <div style={{ marginTop: 16 }} data-testid="track-result">
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t("f.ticketNo")}>{res.ticketNo}</Descriptions.Item>
            <Descriptions.Item label={t("f.title")}>{res.title}</Descriptions.Item>
            <Descriptions.Item label={t("f.status")}>
              <span data-testid="track-status">{statusLabel(res.status, lang)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("f.createdAt")}>{fmtTime(res.createdAt)}</Descriptions.Item>
            {res.replyBy && (
              <Descriptions.Item label={t("f.replyBy")}>{fmtTime(res.replyBy)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t("portal.publicReply")}>
              <span style={{ whiteSpace: "pre-wrap" }}>{replyText ?? t("portal.noReply")}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("portal.history")}
          </Typography.Title>
          <Timeline
            items={res.history.map((h, i) => ({
              key: i,
              content: `${fmtTime(h.at)} ${(t as (k: string) => string)(`status.${h.type}`) !== `status.${h.type}` ? (t as (k: string) => string)(`status.${h.type}`) : h.label}`,
            }))}
          />
        </div>
      )}
    </>
  );
}
