/**
 * One appeal: its fields, deadlines with the reasons they fall when they do, the timeline of
 * events, masked personal data with an audited reveal, and the buttons its `abilities` allow.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import type { ContactDto } from "../../../../common/contracts/appeals.ts";
import { api } from "../../shared/api.ts";
import { errorText } from "../../shared/errors.ts";
import { fmtTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { useRefData } from "../../shared/refdata.ts";
import { Link, type ScreenProps } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { DuplicateCandidates } from "../hotspots/DuplicateCandidates.tsx";
import { ActionButtons, ActionModal } from "./ActionModal.tsx";
import { type AppealAction, getAppeal } from "./api.ts";
import { Countdown, useNow } from "./countdown.tsx";
import { useAppealT } from "./i18n.ts";
import { StatusTag } from "./StatusTag.tsx";
import { statusLabel } from "./status.ts";

/** The server writes explanations as "中文 / English": show the half of the user's language. */
function bilingual(text: string, lang: string): string {
  const i = text.indexOf(" / ");
  if (i < 0) return text;
  return lang === "zh" ? text.slice(0, i) : text.slice(i + 3);
}

export default function AppealPage({ params }: ScreenProps) {
  const id = params.id ?? "";
  const { e, lang } = useI18n();
  const t = useAppealT();
  const { message } = App.useApp();
  const ref = useRefData();
  const now = useNow();
  const { data: appeal, error, reload: load } = useApi(() => getAppeal(id), [id]);
  const [acting, setActing] = useState<AppealAction | null>(null);
  const [contact, setContact] = useState<ContactDto | null>(null);
  const [askPurpose, setAskPurpose] = useState(false);
  const [purpose, setPurpose] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: another appeal hides the revealed contact
  useEffect(() => setContact(null), [id]);
  if (error) return <Result status="warning" title={errorText(error, t)} />;
  if (!appeal) return <Spin style={{ display: "block", margin: 80 }} />;
  const a = appeal;
  const reveal = async () => {
    try {
      setContact(
        await api<ContactDto>(
          "GET",
          `/api/v1/appeals/${encodeURIComponent(a.id)}/contact?purpose=${encodeURIComponent(purpose)}`,
        ),
      );
      setAskPurpose(false);
    } catch (err) {
      message.error(errorText(err, t));
    }
  };
  const dep = (d: string | null) => (d ? (ref?.departmentName.get(d) ?? d) : "—");
  return (
    <Row gutter={16} data-testid="appeal-page">
      <Col xs={24} lg={15}>
        <Card
          title={
            <Space wrap>
              <span data-testid="appeal-ticket">{a.ticketNo}</span>
              <StatusTag status={a.status} />
              {a.urgency === "urgent" && <Tag color="red">{e("urgency", "urgent")}</Tag>}
              {a.overdue && <Tag color="red">{t("f.overdue")}</Tag>}
              {a.supervised && <Tag color="volcano">{t("f.supervised")}</Tag>}
            </Space>
          }
          extra={
            <Space wrap data-testid="appeal-actions">
              {a.abilities.length === 0 ? (
                <Typography.Text type="secondary">{t("appeal.noActions")}</Typography.Text>
              ) : (
                <ActionButtons appeal={a} onAction={setActing} />
              )}
            </Space>
          }
        >
          <Typography.Title level={4} data-testid="appeal-title">
            {a.title}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} data-testid="appeal-body">
            {a.body}
          </Typography.Paragraph>
          {a.mergedInto && (
            <Alert
              type="info"
              title={
                <span>
                  {t("appeal.merged", { id: "" })}
                  <Link to={`/appeals/${a.mergedInto}`}>{a.mergedInto}</Link>
                </span>
              }
            />
          )}
          <Descriptions size="small" column={2} bordered style={{ marginTop: 12 }}>
            <Descriptions.Item label={t("f.kind")}>{e("kind", a.kind)}</Descriptions.Item>
            <Descriptions.Item label={t("f.channel")}>{e("channel", a.channel)}</Descriptions.Item>
            <Descriptions.Item label={t("f.citizen")}>
              <Space wrap>
                <span data-testid="citizen">
                  {a.citizen.anonymous
                    ? t("appeal.anonymous")
                    : `${(contact ?? a.citizen).name ?? ""} ${(contact ?? a.citizen).phone ?? ""}`}
                </span>
                {a.canRevealContact && !contact && (
                  <Button size="small" onClick={() => setAskPurpose(true)} data-testid="reveal">
                    {t("appeal.reveal")}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t("f.region")}>
              {a.location.regionCode
                ? (ref?.regionName.get(a.location.regionCode) ?? a.location.regionCode)
                : "—"}{" "}
              {a.location.address}
            </Descriptions.Item>
            <Descriptions.Item label={t("f.category")}>
              {a.categoryCode ? (ref?.categoryName.get(a.categoryCode) ?? a.categoryCode) : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("f.department")}>
              {dep(a.leadDepartmentId)}
              {a.coDepartmentIds.length > 0 && ` + ${a.coDepartmentIds.map(dep).join("、")}`}
            </Descriptions.Item>
            <Descriptions.Item label={t("f.createdAt")}>{fmtTime(a.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t("f.satisfaction")}>
              {a.satisfaction ? e("satisfaction", a.satisfaction) : "—"}
              {a.resolved !== null && ` · ${t("f.resolved")}: ${a.resolved ? t("yes") : t("no")}`}
            </Descriptions.Item>
          </Descriptions>
          {a.reply && (
            <Card size="small" title={t("f.reply")} style={{ marginTop: 12 }}>
              {a.reply.outcome && <Tag>{e("outcome", a.reply.outcome)}</Tag>}
              {a.answeredDirectly && <Tag color="blue">{t("appeal.answeredDirectly")}</Tag>}
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 8 }}>
                {a.reply.text}
              </Typography.Paragraph>
            </Card>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Card size="small" title={t("f.deadlines")} data-testid="deadlines">
            <Descriptions size="small" column={1}>
              {a.deadlines.signBy && (
                <Descriptions.Item label={t("f.signBy")}>
                  {fmtTime(a.deadlines.signBy)}{" "}
                  {a.status === "dispatched" && <Countdown deadline={a.deadlines.signBy} now={now} />}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("f.replyBy")}>
                {fmtTime(a.deadlines.replyBy)}{" "}
                {a.status !== "closed" && a.status !== "replied" && (
                  <Countdown deadline={a.deadlines.replyBy} now={now} />
                )}
              </Descriptions.Item>
              {a.deadlines.pendingExtension && (
                <Descriptions.Item label={t("f.extension")}>
                  {t("appeal.pendingExt", {
                    days: a.deadlines.pendingExtension.days,
                    reason: a.deadlines.pendingExtension.reason,
                  })}
                </Descriptions.Item>
              )}
            </Descriptions>
            {a.deadlineExplanation && a.deadlineExplanation.length > 0 && (
              <>
                <Typography.Text strong>{t("f.why")}</Typography.Text>
                <ul style={{ paddingLeft: 18, margin: "4px 0 0" }}>
                  {a.deadlineExplanation
                    .map((x) => bilingual(x, lang))
                    .map((x) => (
                      <li key={x}>
                        <Typography.Text type="secondary">{x}</Typography.Text>
                      </li>
                    ))}
                </ul>
              </>
            )}
          </Card>
          {!a.mergedInto && a.status !== "closed" && <DuplicateCandidates appealId={a.id} onMerged={load} />}
          <Card size="small" title={t("f.events")} data-testid="timeline">
            <Timeline
              items={(a.events ?? []).map((ev) => ({
                key: ev.seq,
                content: (
                  <div>
                    <Typography.Text strong>
                      {(t as (k: string) => string)(`action.${ev.type}`) !== `action.${ev.type}`
                        ? (t as (k: string) => string)(`action.${ev.type}`)
                        : ev.toStatus
                          ? statusLabel(ev.toStatus, lang)
                          : ev.type}
                    </Typography.Text>{" "}
                    <Typography.Text type="secondary">{fmtTime(ev.at)}</Typography.Text>
                    <div>
                      {ev.actor && (
                        <Typography.Text type="secondary">
                          {ev.actor.name} · {e("role", ev.actor.role)}
                        </Typography.Text>
                      )}
                    </div>
                    {typeof ev.data.reason === "string" && <div>{ev.data.reason}</div>}
                    {typeof ev.data.note === "string" && <div>{ev.data.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Space>
      </Col>
      <ActionModal
        appeal={a}
        action={acting}
        initial={
          acting === "dispatch"
            ? { categoryCode: a.categoryCode ?? undefined, leadDepartmentId: a.leadDepartmentId ?? undefined }
            : undefined
        }
        onClose={() => setActing(null)}
        onDone={() => void load()}
      />
      <Modal
        open={askPurpose}
        title={t("appeal.reveal")}
        onOk={reveal}
        onCancel={() => setAskPurpose(false)}
        okText={t("confirm")}
        cancelText={t("cancel")}
      >
        <Input
          placeholder={t("appeal.revealPurpose")}
          value={purpose}
          onChange={(ev) => setPurpose(ev.target.value)}
          maxLength={200}
        />
      </Modal>
    </Row>
  );
}
