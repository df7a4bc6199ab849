import { App, Button, Form, Input, Modal, Radio } from "antd";
import { useState } from "react";
import type { CalendarDayDto as Day } from "../../../../../common/contracts/sla.ts";
import { api } from "../../../shared/api.ts";
import { errorText } from "../../../shared/errors.ts";
import { useAdminT } from "../i18n.ts";

/** Marks one date as a holiday or a make-up working day (调休), or removes its adjustment. */
export function DayEditor({
  day,
  onClose,
  onSaved,
}: {
  day: Day;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const t = useAdminT();
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
