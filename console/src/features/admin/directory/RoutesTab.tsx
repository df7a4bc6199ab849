/** The routing table (派单规则) of a city: category × region → department, each row changed in a dialog; CSV export. */

import province from "virtual:province";
import { App, Button, Form, Input, Modal, Select, Table, TreeSelect } from "antd";
import { useState } from "react";
import type { RouteDto, RouteListResponse } from "../../../../../common/contracts/directory.ts";
import { api } from "../../../shared/api.ts";
import { errorText } from "../../../shared/errors.ts";
import { downloadCsv } from "../../../shared/format.ts";
import { departmentTree, useRefData } from "../../../shared/refdata.ts";
import { useApi } from "../../../shared/use-api.ts";
import { useAdminT } from "../i18n.ts";

export function RoutesTab() {
  const t = useAdminT();
  const { message } = App.useApp();
  const ref = useRefData();
  const [region, setRegion] = useState<string>("2101");
  const routes = useApi(() => api<RouteListResponse>("GET", `/api/v1/routes?regionCode=${region}`), [region]);
  const rows = routes.data?.items ?? [];
  const [editing, setEditing] = useState<RouteDto | null>(null);
  const [form] = Form.useForm();
  const save = async () => {
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
      await routes.reload();
    } catch (x) {
      message.error(errorText(x, t));
    }
  };
  return (
    <>
      <Select
        value={region}
        onChange={setRegion}
        style={{ width: 200, marginBottom: 12 }}
        options={[
          { value: province.code, label: province.name },
          ...(ref?.regions ?? []).map((r) => ({ value: r.value, label: r.label })),
        ]}
      />{" "}
      <Button
        onClick={() =>
          downloadCsv(
            `routes-${region}.csv`,
            [t("f.category"), t("f.region"), t("f.department"), t("f.note")],
            rows.map((r) => [r.categoryCode, r.regionCode, r.departmentId, r.note]),
          )
        }
      >
        {t("exportCsv")}
      </Button>
      <Table<RouteDto>
        size="small"
        rowKey={(r) => `${r.categoryCode}-${r.regionCode}`}
        loading={routes.loading}
        dataSource={rows}
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
        onOk={save}
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
