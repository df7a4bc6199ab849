/**
 * The portal's "number + secret" lookup, shared by appeal tracking and bundle-case tracking: the two
 * fields, the button and the error line. Each caller names its number field and its test ids.
 */
import { Button, Form, type FormInstance, Input, Typography } from "antd";
import { usePortalT } from "./i18n.ts";

export interface LookupFormProps<V> {
  /** The form field holding the number (`ticketNo`, `caseNo`) and its label. */
  numberField: string;
  numberLabel: string;
  /** data-testid of the number input, the secret input and the button. */
  testIds: { number: string; secret: string; submit: string };
  onFinish: (values: V) => void;
  error: string | null;
  form?: FormInstance;
}

export function LookupForm<V>(p: LookupFormProps<V>) {
  const t = usePortalT();
  return (
    <>
      <Form<V> form={p.form} layout="vertical" onFinish={p.onFinish}>
        <Form.Item
          name={p.numberField}
          label={p.numberLabel}
          rules={[{ required: true, message: t("required") }]}
        >
          <Input maxLength={40} data-testid={p.testIds.number} />
        </Form.Item>
        <Form.Item name="secret" label={t("f.secret")} rules={[{ required: true, message: t("required") }]}>
          <Input maxLength={100} data-testid={p.testIds.secret} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block data-testid={p.testIds.submit}>
          {t("portal.trackBtn")}
        </Button>
      </Form>
      {p.error && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>
          {p.error}
        </Typography.Paragraph>
      )}
    </>
  );
}
