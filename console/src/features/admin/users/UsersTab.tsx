/** Users: the list with role, department and disabled switch changed in place, and a new user in a dialog. */
import { App, Button, Form, Input, Modal, Select, Switch, Table, TreeSelect, Typography } from "antd";
import { useState } from "react";
import { ROLES } from "../../../../../common/appeal-state.ts";
import type { UserDto as User } from "../../../../../common/contracts/users.ts";
import { api } from "../../../shared/api.ts";
import { errorText } from "../../../shared/errors.ts";
import { useI18n } from "../../../shared/i18n/core.tsx";
import { departmentTree, useRefData } from "../../../shared/refdata.ts";
import { useApi } from "../../../shared/use-api.ts";
import { useAdminT } from "../i18n.ts";

export function UsersTab() {
  const { e } = useI18n();
  const t = useAdminT();
  const { message } = App.useApp();
  const ref = useRefData();
  const users = useApi(() => api<{ items: User[] }>("GET", "/api/v1/users"), []);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const patch = async (u: User, body: Record<string, unknown>) => {
    try {
      await api("PATCH", `/api/v1/users/${u.id}`, body);
      message.success(t("saved"));
      await users.reload();
    } catch (x) {
      message.error(errorText(x, t));
    }
  };
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api("POST", "/api/v1/users", v);
      setCreating(false);
      form.resetFields();
      await users.reload();
    } catch (x) {
      message.error(errorText(x, t));
    }
  };
  const deps = ref ? departmentTree(ref.departments) : [];
  const roleOptions = ROLES.map((r) => ({ value: r, label: e("role", r) }));
  return (
    <>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        {t("admin.newUser")}
      </Button>
      {users.error !== null && !users.loading && (
        <Typography.Text type="danger">{errorText(users.error, t)}</Typography.Text>
      )}
      <Table<User>
        size="small"
        rowKey="id"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
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
                options={roleOptions}
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
        onOk={create}
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
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="departmentId" label={t("f.department")}>
            <TreeSelect showSearch allowClear treeNodeFilterProp="title" treeData={deps} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
