import { Input, Select, Typography } from "antd";
import { usePolicyI18n } from "./i18n.ts";
import type { AttrDef } from "./model.ts";

/** One condition cell: a choice for yes/no and enums, text with a hint for the rest. */
export function CondCell({
  def,
  value,
  error,
  onChange,
  testId,
  regionName,
}: {
  def: AttrDef | undefined;
  value: string;
  error: boolean;
  onChange: (v: string) => void;
  testId: string;
  regionName?: Map<string, string>;
}) {
  const { t } = usePolicyI18n();
  const status = error ? "error" : undefined;
  const v = value.trim();
  if (def?.type === "boolean" && ["-", "", "true", "false", "是", "否"].includes(v)) {
    return (
      <Select
        value={v === "是" ? "true" : v === "否" ? "false" : v || "-"}
        status={status}
        style={{ width: 110 }}
        options={[
          { value: "-", label: t("e.any") },
          { value: "true", label: t("e.yes") },
          { value: "false", label: t("e.no") },
        ]}
        onChange={onChange}
        data-testid={testId}
      />
    );
  }
  if (def?.type === "enum" && !/^not\s*\(/.test(v)) {
    const list =
      v === "-" || v === ""
        ? []
        : v
            .split(/[,，、]/)
            .map((x) => x.trim())
            .filter(Boolean);
    return (
      <Select
        mode="multiple"
        value={list}
        status={status}
        style={{ width: 200 }}
        placeholder={t("e.any")}
        options={(def.values ?? []).map((x) => ({ value: x, label: def.valueLabels?.[x] ?? x }))}
        onChange={(xs: string[]) => onChange(xs.length ? xs.join(", ") : "-")}
        data-testid={testId}
      />
    );
  }
  const hint =
    def?.type === "region" && regionName && v && v !== "-"
      ? v
          .replace(/^not\s*\((.*)\)$/, "$1")
          .split(/[,，、]/)
          .map((c) => regionName.get(c.trim()) ?? "")
          .filter(Boolean)
          .join("、")
      : "";
  return (
    <div>
      <Input
        value={value}
        status={status}
        placeholder={def?.type === "date" ? "within 3 years" : def?.type === "region" ? "2101" : ">= 5"}
        onChange={(e) => onChange(e.target.value)}
        style={{ width: 150 }}
        data-testid={testId}
      />
      {hint && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
