/**
 * Acting on an appeal: the buttons its `abilities` allow, the dialog of one action (the fields it
 * asks for, the appeal's `version` sent with it, a reload on a stale version), and the same
 * dialog started from a row of a list.
 */
import { App, Button, Form, Input, InputNumber, Modal, Radio, Switch, TreeSelect } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../shared/api.ts";
import { errorText } from "../../shared/errors.ts";
import { useI18n } from "../../shared/i18n/core.tsx";
import { categoryTree, departmentTree, useRefData } from "../../shared/refdata.ts";
import { type Appeal, type AppealAction, act, listAppeals } from "./api.ts";
import { useAppealT } from "./i18n.ts";

/** The fields each action asks for. */
function ActionFields({ action }: { action: AppealAction }) {
  const { t, e } = useI18n();
  const ref = useRefData();
  const req = [{ required: true, message: t("required") }];
  const deps = ref ? departmentTree(ref.departments) : [];
  switch (action) {
    case "answer-directly":
    case "reply":
      return (
        <>
          <Form.Item name="text" label={t("f.text")} rules={req}>
            <Input.TextArea rows={4} maxLength={5000} autoFocus />
          </Form.Item>
          {action === "reply" && (
            <Form.Item name="outcome" label={t("f.outcome")} rules={req} initialValue="resolved">
              <Radio.Group
                options={(["resolved", "explained", "unresolvable"] as const).map((o) => ({
                  value: o,
                  label: e("outcome", o),
                }))}
              />
            </Form.Item>
          )}
        </>
      );
    case "dispatch":
      return (
        <>
          <Form.Item name="leadDepartmentId" label={t("f.department")} rules={req}>
            <TreeSelect showSearch treeNodeFilterProp="title" treeData={deps} autoFocus />
          </Form.Item>
          <Form.Item name="coDepartmentIds" label={t("f.coDepartments")}>
            <TreeSelect multiple showSearch treeNodeFilterProp="title" treeData={deps} />
          </Form.Item>
          <Form.Item name="categoryCode" label={t("f.category")} rules={req}>
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeData={ref ? categoryTree(ref.categories) : []}
            />
          </Form.Item>
        </>
      );
    case "transfer":
      return (
        <>
          <Form.Item name="departmentId" label={t("f.department")} rules={req}>
            <TreeSelect showSearch treeNodeFilterProp="title" treeData={deps} autoFocus />
          </Form.Item>
          <Form.Item name="reason" label={t("f.reason")} rules={req}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
    case "request-extension":
      return (
        <>
          <Form.Item name="days" label={t("f.days")} rules={req} initialValue={5}>
            <InputNumber min={1} max={30} autoFocus />
          </Form.Item>
          <Form.Item name="reason" label={t("f.reason")} rules={req}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
    case "callback":
      return (
        <>
          <Form.Item name="satisfaction" label={t("f.satisfaction")} rules={req}>
            <Radio.Group
              options={(["satisfied", "basically", "unsatisfied"] as const).map((o) => ({
                value: o,
                label: e("satisfaction", o),
              }))}
            />
          </Form.Item>
          <Form.Item name="resolved" label={t("f.resolved")} valuePropName="checked" initialValue={true}>
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t("f.note")}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
    case "merge":
      return (
        <Form.Item name="intoId" label={t("f.intoId")} rules={req}>
          <Input autoFocus maxLength={64} />
        </Form.Item>
      );
    case "approve-extension":
    case "supervise":
      return (
        <Form.Item name="note" label={t("f.note")} rules={action === "supervise" ? req : []}>
          <Input.TextArea rows={2} maxLength={1000} autoFocus />
        </Form.Item>
      );
    case "return":
    case "reopen":
    case "close":
    case "reject-extension":
      return (
        <Form.Item name="reason" label={t("f.reason")} rules={action === "reject-extension" ? [] : req}>
          <Input.TextArea rows={2} maxLength={1000} autoFocus />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** A merge target typed as a ticket number is looked up to its id. */
async function resolveIntoId(v: string): Promise<string> {
  if (!/^\d{4}-\d{8}-\d+$/.test(v)) return v;
  const page = await listAppeals({ q: v, limit: 5 });
  return page.items.find((a) => a.ticketNo === v)?.id ?? v;
}

/**
 * The dialog of one action on one appeal: asks its fields, sends the appeal's `version`, and on a
 * stale version reloads the appeal so the user can try again.
 */
export function ActionModal({
  appeal,
  action,
  initial,
  onClose,
  onDone,
}: {
  appeal: Appeal;
  action: AppealAction | null;
  initial?: Record<string, unknown>;
  onClose: () => void;
  onDone: (a: Appeal) => void;
}) {
  const { e } = useI18n();
  const t = useAppealT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (action) {
      form.resetFields();
      if (initial) form.setFieldsValue(initial);
    }
  }, [action, initial, form]);
  if (!action) return null;
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const body: Record<string, unknown> = { version: appeal.version };
      for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "" && v !== null) body[k] = v;
      if (action === "merge") body.intoId = await resolveIntoId(String(body.intoId));
      const updated = await act(appeal.id, action, body as never);
      message.success(t("done"));
      onDone(updated);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "STALE_VERSION") {
        message.warning(t("appeal.stale"));
        onClose();
        onDone(appeal);
      } else message.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${e("action", action)} · ${appeal.ticketNo}`}
      onCancel={onClose}
      onOk={submit}
      okText={t("confirm")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <ActionFields action={action} />
      </Form>
    </Modal>
  );
}

/**
 * An action started from a row of a list (an AppealTable's `onAction`): `start` opens its dialog,
 * `modal` is that dialog (null while none is open), and `onDone` runs once the action is done.
 */
export function useRowAction(onDone: () => void) {
  const [acting, setActing] = useState<{ appeal: Appeal; action: AppealAction } | null>(null);
  const start = (appeal: Appeal, action: AppealAction) => setActing({ appeal, action });
  const modal = acting ? (
    <ActionModal
      appeal={acting.appeal}
      action={acting.action}
      onClose={() => setActing(null)}
      onDone={() => onDone()}
    />
  ) : null;
  return { start, modal };
}

/** Buttons for the actions the appeal's `abilities` allow (and only those). */
export function ActionButtons({
  appeal,
  onAction,
  only,
}: {
  appeal: Appeal;
  onAction: (a: AppealAction) => void;
  only?: AppealAction[];
}) {
  const { e } = useI18n();
  const list = appeal.abilities.filter((a) => !only || only.includes(a));
  return (
    <>
      {list.map((a) => (
        <Button key={a} size="small" data-action={a} onClick={() => onAction(a)}>
          {e("action", a)}
        </Button>
      ))}
    </>
  );
}
