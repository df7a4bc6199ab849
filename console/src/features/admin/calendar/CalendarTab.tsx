/**
 * The working calendar (工作日历) of a year: holidays, make-up working days (调休) and weekends,
 * month by month; a click on a day opens its editor (deadlines follow the new calendar at once).
 */
import { Card, InputNumber, Tag, Typography } from "antd";
import { useState } from "react";
import type { CalendarDayDto, CalendarYearDto } from "../../../../../common/contracts/sla.ts";
import { api } from "../../../shared/api.ts";
import { useApi } from "../../../shared/use-api.ts";
import { useAdminT } from "../i18n.ts";
import { DayEditor } from "./DayEditor.tsx";

export function CalendarTab() {
  const t = useAdminT();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const calendar = useApi(() => api<CalendarYearDto>("GET", `/api/v1/calendar/${year}`), [year]);
  const cal = calendar.data;
  const [editing, setEditing] = useState<CalendarDayDto | null>(null);
  const color = (d: CalendarDayDto) =>
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
            await calendar.reload();
          }}
        />
      )}
    </div>
  );
}
