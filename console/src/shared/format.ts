import type { T } from "./i18n/core.tsx";

/** `2025-03-03 09:00` in China time, whatever the browser's zone. */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace("T", " ");
}

/** Time left until a deadline as words, and a colour: red overdue, orange < 1 day, gold < 3 days. */
export function countdown(
  deadline: string | null | undefined,
  now: number,
  t: T,
): { text: string; color: string } {
  if (!deadline) return { text: "", color: "default" };
  const ms = new Date(deadline).getTime() - now;
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86400_000);
  const h = Math.floor((abs % 86400_000) / 3600_000);
  const m = Math.floor((abs % 3600_000) / 60_000);
  const span =
    d > 0
      ? `${t("days", { n: d })} ${t("hours", { n: h })}`
      : h > 0
        ? t("hours", { n: h })
        : t("minutes", { n: m });
  if (ms < 0) return { text: t("overdueBy", { t: span }), color: "red" };
  const color = ms < 86400_000 ? "orange" : ms < 3 * 86400_000 ? "gold" : "green";
  return { text: t("left", { t: span }), color };
}

export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`;
}

/** CSV (UTF-8 with BOM, so Excel opens Chinese correctly) of rows, downloaded as `name`. */
export function downloadCsv(name: string, header: string[], rows: (string | number | null | undefined)[][]) {
  const esc = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? "" : String(v);
    // A leading = + - @ would make Excel evaluate the cell: prefix it (CSV injection).
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const text = `\ufeff${[header, ...rows].map((r) => r.map(esc).join(",")).join("\r\n")}`;
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
