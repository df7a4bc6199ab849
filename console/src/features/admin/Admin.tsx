/**
 * 系统管理 Administration: users (create, change role/department, disable), departments and
 * categories (trees), the routing table (PUT /api/v1/routes), SLA rules (added and changed in a
 * form; the server refuses a rule set that would be invalid, naming the rule), and the working calendar
 * of a year with holidays and make-up days, where a click on a day marks it as a holiday or a
 * make-up working day, or removes the adjustment (deadlines follow at once).
 */
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Tree,
  TreeSelect,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { APPEAL_KINDS, ROLES, URGENCIES } from "../../../../common/appeal-state.ts";
import { api, type User } from "../../shared/api.ts";
import { errorText } from "../../shared/errors.ts";
import { downloadCsv } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { categoryTree, departmentTree, useRefData } from "../../shared/refdata.ts";

export default function Admin() {
  const { t } = useI18n();
  return (
    <Card data-testid="admin">
      <Tabs
        items={[
          { key: "users", label: t("admin.users"), children: <Users /> },
          { key: "departments", label: t("admin.departments"), children: <Departments /> },
          { key: "categories", label: t("admin.categories"), children: <Categories /> },
          { key: "routes", label: t("admin.routes"), children: <RoutesTable /> },
          { key: "sla", label: t("admin.sla"), children: <SlaRules /> },
          { key: "calendar", label: t("admin.calendar"), children: <Calendar /> },
        ]}
      />
    </Card>
  );
}

function Users() {
  const { t, e } = useI18n();
  const { message } = App.useApp();
  const ref = useRefData();
  const [users, setUsers] = useState<User[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    api<{ items: User[] }>("GET", "/api/v1/users").then(
      (r) => setUsers(r.items),
      (x) => message.error(errorText(x, t)),
    );
  }, [message, t]);
  useEffect(load, [load]);
  const patch = async (u: User, body: Record<string, unknown>) => {
    try {
      await api("PATCH", `/api/v1/users/${u.id}`, body);
      message.success(t("saved"));
      load();
    } catch (x) {
      message.error(errorText(x, t));
    }
  };
  const deps = ref ? departmentTree(ref.departments) : [];
  return (
    <>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        {t("admin.newUser")}
      </Button>
      <Table<User>
        size="small"
        rowKey="id"
        loading={!users}
        dataSource={users ?? []}
        columns={[
          { title: t("username"), dataIndex: "username" },
          { title: t("f.name"), dataIndex: "name" },
          {
            title: t("f.role"),
            key: "role",
            render: (_, u) => (
              <Select
                size="small"
                value={u.role}
                style={{ width: 130 }}
                options={ROLES.map((r) => ({ value: r, label: e("role", r) }))}
                onChange={(role) => patch(u, { role })}
              />
            ),
          },
          {
            title: t("f.department"),
            key: "dep",
            render: (_, u) =>
              u.departmentId ? (ref?.departmentName.get(u.departmentId) ?? u.departmentId) : "—",
          },
          {
            title: t("f.disabled"),
            key: "disabled",
            render: (_, u) => (
              <Switch size="small" checked={!!u.disabled} onChange={(disabled) => patch(u, { disabled })} />
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t("admin.newUser")}
        onCancel={() => setCreating(false)}
        okText={t("save")}
        cancelText={t("cancel")}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await api("POST", "/api/v1/users", v);
            setCreating(false);
            form.resetFields();
            load();
          } catch (x) {
            message.error(errorText(x, t));
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ role: "agent" }}>
          <Form.Item
            name="username"
            label={t("username")}
            rules={[{ required: true, message: t("required") }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="name" label={t("f.name")} rules={[{ required: true, message: t("required") }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("password")}
            rules={[{ required: true, min: 8, message: t("required") }]}
          >
            <Input.Password />
          </Form.Item>
          <Form.Item name="role" label={t("f.role")}>
            <Select options={ROLES.map((r) => ({ value: r, label: e("role", r) }))} />
          </Form.Item>
          <Form.Item name="departmentId" label={t("f.department")}>
            <TreeSelect showSearch allowClear treeNodeFilterProp="title" treeData={deps} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Departments() {
  const ref = useRefData();
  if (!ref) return null;
  const toTree = (nodes: typeof ref.departments): { key: string; title: string; children: unknown[] }[] =>
    nodes.map((n) => ({
      key: n.id,
      title: `${n.name} (${n.id})${n.categoryCodes.length ? ` · ${n.categoryCodes.join(" ")}` : ""}`,
      children: toTree(n.children),
    }));
  return <Tree treeData={toTree(ref.departments) as never} height={560} defaultExpandedKeys={["p-office"]} />;
}

function Categories() {
  const ref = useRefData();
  if (!ref) return null;
  const tree = categoryTree(ref.categories);
  const toTree = (nodes: typeof tree): unknown[] =>
    nodes.map((n) => ({ key: n.value, title: n.title, children: toTree(n.children) }));
  return <Tree treeData={toTree(tree) as never} height={560} />;
}

interface RouteRow {
  categoryCode: string;
  regionCode: string;
  departmentId: string;
  note: string | null;
}

function RoutesTable() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const ref = useRefData();
  const [region, setRegion] = useState<string>("2101");
  const [rows, setRows] = useState<RouteRow[] | null>(null);
  const [editing, setEditing] = useState<RouteRow | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    setRows(null);
    api<{ items: RouteRow[] }>("GET", `/api/v1/routes?regionCode=${region}`).then(
      (r) => setRows(r.items),
      () => setRows([]),
    );
  }, [region]);
  useEffect(load, [load]);
  return (
    <>
      <Select
        value={region}
        onChange={setRegion}
        style={{ width: 200, marginBottom: 12 }}
        options={[
          { value: "21", label: "辽宁省" },
          ...(ref?.regions ?? []).map((r) => ({ value: r.value, label: r.label })),
        ]}
      />{" "}
      <Button
        onClick={() =>
          downloadCsv(
            `routes-${region}.csv`,
            [t("f.category"), t("f.region"), t("f.department"), t("f.note")],
            (rows ?? []).map((r) => [r.categoryCode, r.regionCode, r.departmentId, r.note]),
          )
        }
      >
        {t("exportCsv")}
      </Button>
      <Table<RouteRow>
        size="small"
        rowKey={(r) => `${r.categoryCode}-${r.regionCode}`}
        loading={!rows}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          {
            title: t("f.category"),
            key: "c",
            render: (_, r) => `${r.categoryCode} ${ref?.categoryName.get(r.categoryCode) ?? ""}`,
          },
          {
            title: t("f.department"),
            key: "d",
            render: (_, r) => ref?.departmentName.get(r.departmentId) ?? r.departmentId,
          },
          { title: t("f.note"), dataIndex: "note" },
          {
            title: "",
            key: "edit",
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(r);
                  form.setFieldsValue({ departmentId: r.departmentId, note: r.note ?? "" });
                }}
              >
                {t("admin.setRoute")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? `${t("admin.setRoute")} · ${editing.categoryCode} × ${editing.regionCode}` : ""}
        onCancel={() => setEditing(null)}
        okText={t("save")}
        cancelText={t("cancel")}
        onOk={async () => {
          if (!editing) return;
          const v = await form.validateFields();
          try {
            await api("PUT", "/api/v1/routes", {
              categoryCode: editing.categoryCode,
              regionCode: editing.regionCode,
              departmentId: v.departmentId,
              note: v.note || undefined,
            });
            message.success(t("saved"));
            setEditing(null);
            load();
          } catch (x) {
            message.error(errorText(x, t));
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="departmentId"
            label={t("f.department")}
            rules={[{ required: true, message: t("required") }]}
          >
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeData={ref ? departmentTree(ref.departments) : []}
            />
          </Form.Item>
          <Form.Item name="note" label={t("f.note")}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface SlaRule {
  id: string;
  profile: string;
  clock: string;
  kind: string | null;
  urgency: string | null;
  categoryPrefix: string | null;
  unit: string;
  amount: number;
  source: string;
}

const SLA_UNITS = ["working_days", "hours", "minutes"] as const;
const ANY = "*";

function SlaRules() {
  const { t, e } = useI18n();
  const { message } = App.useApp();
  const [data, setData] = useState<{ profile: string; items: SlaRule[] } | null>(null);
  // The rule being edited, or a new one (id "").
  const [editing, setEditing] = useState<SlaRule | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(
    () =>
      api<{ profile: string; items: SlaRule[] }>("GET", "/api/v1/sla-rules").then(setData, (x) =>
        message.error(errorText(x, t)),
      ),
    [message, t],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const open = (r: SlaRule | null) => {
    const rule: SlaRule = r ?? {
      id: "",
      profile: data?.profile ?? "",
      clock: "reply",
      kind: null,
      urgency: null,
      categoryPrefix: null,
      unit: "working_days",
      amount: 5,
      source: "",
    };
    form.setFieldsValue({
      ...rule,
      kind: rule.kind ?? ANY,
      urgency: rule.urgency ?? ANY,
      categoryPrefix: rule.categoryPrefix ?? "",
    });
    setEditing(rule);
  };
  const save = async () => {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const id = editing?.id || String(v.id);
    const prefix = String(v.categoryPrefix ?? "").trim();
    setBusy(true);
    try {
      await api("PUT", `/api/v1/sla-rules/${encodeURIComponent(id)}`, {
        profile: editing?.profile || data?.profile,
        clock: v.clock,
        kind: v.kind === ANY ? null : v.kind,
        urgency: v.urgency === ANY ? null : v.urgency,
        categoryPrefix: prefix === "" ? null : prefix,
        unit: v.unit,
        amount: v.amount,
        source: String(v.source).trim(),
      });
      message.success(t("admin.ruleSaved"));
      setEditing(null);
      await load();
    } catch (x) {
      message.error(errorText(x, t));
    } finally {
      setBusy(false);
    }
  };
  const anyOr = (values: readonly string[], group: string) => [
    { value: ANY, label: t("admin.any") },
    ...values.map((v) => ({ value: v, label: e(group, v) })),
  ];
  return (
    <>
      <Typography.Paragraph>
        {t("admin.profile")}: <Tag>{data?.profile}</Tag>
        <Button onClick={() => open(null)} data-testid="sla-new" style={{ marginLeft: 12 }}>
          {t("admin.newRule")}
        </Button>
      </Typography.Paragraph>
      <Table<SlaRule>
        size="small"
        rowKey="id"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="sla-rules"
        columns={[
          { title: t("f.id"), dataIndex: "id", width: 160 },
          { title: t("admin.clock"), key: "clock", width: 70, render: (_, r) => e("clock", r.clock) },
          {
            title: t("f.kind"),
            key: "kind",
            width: 90,
            render: (_, r) => (r.kind ? e("kind", r.kind) : "*"),
          },
          {
            title: t("f.urgency"),
            key: "u",
            width: 80,
            render: (_, r) => (r.urgency ? e("urgency", r.urgency) : "*"),
          },
          { title: t("f.category"), key: "c", width: 80, render: (_, r) => r.categoryPrefix ?? "*" },
          {
            title: t("admin.amount"),
            key: "a",
            width: 120,
            render: (_, r) => (
              <span data-testid={`sla-amount-${r.id}`}>{`${r.amount} ${e("unit", r.unit)}`}</span>
            ),
          },
          { title: t("admin.source"), dataIndex: "source", ellipsis: true },
          {
            title: "",
            key: "edit",
            width: 70,
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)} data-testid={`sla-edit-${r.id}`}>
                {t("admin.edit")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.id ? `${t("admin.editRule")} ${editing.id}` : t("admin.newRule")}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText={t("save")}
        cancelText={t("cancel")}
        confirmLoading={busy}
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="sla-form">
          {!editing?.id && (
            <Form.Item
              name="id"
              label={t("f.id")}
              extra={t("admin.ruleIdHint")}
              rules={[{ required: true, pattern: /^[a-z0-9-]{1,64}$/, message: t("admin.ruleIdHint") }]}
            >
              <Input maxLength={64} data-testid="sla-id" />
            </Form.Item>
          )}
          <Form.Item name="clock" label={t("admin.clock")}>
            <Select options={["sign", "reply"].map((c) => ({ value: c, label: e("clock", c) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t("f.kind")}>
            <Select options={anyOr(APPEAL_KINDS, "kind")} />
          </Form.Item>
          <Form.Item name="urgency" label={t("f.urgency")}>
            <Select options={anyOr(URGENCIES, "urgency")} />
          </Form.Item>
          <Form.Item
            name="categoryPrefix"
            label={t("f.category")}
            extra={t("admin.prefixHint")}
            rules={[{ pattern: /^([0-9]{2,6})?$/, message: t("admin.prefixHint") }]}
          >
            <Input maxLength={6} />
          </Form.Item>
          <Form.Item label={t("admin.amount")} required>
            <Space.Compact>
              <Form.Item name="amount" noStyle rules={[{ required: true, message: t("required") }]}>
                <InputNumber min={0} max={100000} precision={0} data-testid="sla-amount" />
              </Form.Item>
              <Form.Item name="unit" noStyle>
                <Select
                  style={{ width: 110 }}
                  options={SLA_UNITS.map((u) => ({ value: u, label: e("unit", u) }))}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item
            name="source"
            label={t("admin.source")}
            rules={[{ required: true, whitespace: true, max: 500, message: t("admin.sourceHint") }]}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={t("admin.sourceHint")} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface Day {
  date: string;
  working: boolean;
  reason: string;
  name?: string;
}

function Calendar() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [cal, setCal] = useState<{ year: number; covered: boolean; days: Day[] } | null>(null);
  const [editing, setEditing] = useState<Day | null>(null);
  const load = useCallback(
    () =>
      api<{ year: number; covered: boolean; days: Day[] }>("GET", `/api/v1/calendar/${year}`).then(
        setCal,
        () => undefined,
      ),
    [year],
  );
  useEffect(() => {
    setCal(null);
    void load();
  }, [load]);
  const color = (d: Day) =>
    d.reason === "holiday"
      ? "#ff4d4f"
      : d.reason === "weekend"
        ? "#d9d9d9"
        : d.working && d.reason !== "weekday"
          ? "#fa8c16"
          : "#f6ffed";
  const months = Array.from({ length: 12 }, (_, m) =>
    (cal?.days ?? []).filter((d) => Number(d.date.slice(5, 7)) === m + 1),
  );
  return (
    <div data-testid="calendar">
      <InputNumber
        value={year}
        min={2004}
        max={2100}
        onChange={(v) => v && setYear(v)}
        addonBefore={t("admin.year")}
      />{" "}
      <Tag color="#ff4d4f">{t("admin.holiday")}</Tag>
      <Tag color="#fa8c16">{t("admin.makeup")}</Tag>
      <Tag color="#bfbfbf">{t("admin.weekend")}</Tag>
      <Tag color="green">{t("admin.workday")}</Tag>
      {cal && !cal.covered && <Typography.Text type="warning">{t("admin.notCovered")}</Typography.Text>}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t("admin.clickToAdjust")}
      </Typography.Paragraph>
      <div
        style={{
          display: "grid",
          gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
          gap: 12,
          marginTop: 12,
        }}
      >
        {months.map((days, m) => {
          const first = days[0] ? (new Date(`${days[0].date}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the month
            <Card size="small" key={`${year}-${m + 1}`} title={`${year}-${String(m + 1).padStart(2, "0")}`}>
              <div style={{ display: "grid", gridTemplateColumns: "repeat(7, 1fr)", gap: 2, fontSize: 12 }}>
                {days.slice(0, first).map((d) => (
                  <span key={`blank-${d.date}`} />
                ))}
                {days.map((d) => (
                  <button
                    type="button"
                    key={d.date}
                    title={`${d.date} ${d.name ?? ""} ${d.working ? t("admin.workday") : ""}`}
                    data-reason={d.reason}
                    data-date={d.date}
                    onClick={() => setEditing(d)}
                    style={{
                      background: color(d),
                      textAlign: "center",
                      borderRadius: 3,
                      padding: "2px 0",
                      border: "none",
                      font: "inherit",
                      cursor: "pointer",
                    }}
                  >
                    {Number(d.date.slice(8))}
                  </button>
                ))}
              </div>
            </Card>
          );
        })}
      </div>
      {editing && (
        <DayEditor
          day={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await load();
          }}
        />
      )}
    </div>
  );
}

/** Marks one date as a holiday or a make-up working day (调休), or removes its adjustment. */
function DayEditor({
  day,
  onClose,
  onSaved,
}: {
  day: Day;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ type: "holiday" | "workday"; name: string }>();
  const [busy, setBusy] = useState(false);
  // A date with a name has an adjustment row (from the official schedule or an administrator).
  const adjusted = day.name !== undefined;
  const url = `/api/v1/calendar/days/${day.date}`;
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      message.success(done);
      await onSaved();
    } catch (x) {
      message.error(errorText(x, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t("admin.editDay")} ${day.date}`}
      onCancel={onClose}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      onOk={() =>
        form.validateFields().then(
          (v) => act(() => api("PUT", url, { type: v.type, name: v.name.trim() }), t("admin.daySaved")),
          () => undefined, // the form shows what is missing
        )
      }
      data-testid="day-editor"
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {adjusted && (
            <Button
              danger
              loading={busy}
              onClick={() => act(() => api("DELETE", url), t("admin.dayRemoved"))}
              data-testid="day-remove"
            >
              {t("admin.removeAdjustment")}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          // An adjusted working day stays one; anything else is offered as a holiday.
          type: day.working && adjusted ? "workday" : "holiday",
          name: day.name ?? "",
        }}
      >
        <Form.Item name="type" label={t("admin.dayType")}>
          <Radio.Group data-testid="day-type">
            <Radio value="holiday">{t("admin.holiday")}</Radio>
            <Radio value="workday">{t("admin.makeup")}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label={t("admin.dayName")}
          rules={[{ required: true, whitespace: true, max: 40, message: t("admin.dayNameRequired") }]}
        >
          <Input maxLength={40} placeholder="春节" data-testid="day-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
