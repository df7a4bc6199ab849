import type { PolicyI18n } from "../policies/i18n.ts";
import type { AttrDef, AttrValue } from "../policies/model.ts";

export function fmtAttr(
  def: AttrDef,
  v: AttrValue | undefined,
  pi: PolicyI18n,
  regionName?: Map<string, string>,
): string {
  if (v === null || v === undefined || v === "") return pi.t("ent.unknown");
  switch (def.type) {
    case "boolean":
      return v ? pi.t("e.yes") : pi.t("e.no");
    case "enum":
      return pi.lang === "zh" ? (def.valueLabels?.[String(v)] ?? String(v)) : String(v);
    case "region": {
      const code = String(v);
      const city = regionName?.get(code.slice(0, 4)) ?? "";
      const name = regionName?.get(code) ?? "";
      return name ? `${code.length === 6 ? city : ""}${name}（${code}）` : code;
    }
    case "number":
      return `${pi.money(Number(v))}${def.unit ? ` ${def.unit}` : ""}`;
    default:
      return String(v);
  }
}
