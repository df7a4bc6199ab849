import type { CalendarDayInput } from "../../../common/contracts/sla.ts";
import type { AppContext } from "../../app-context.ts";
import { notFound } from "../../platform/errors.ts";
import { SlaService } from "./sla-service.ts";
import type { DayInfo } from "./working-calendar.ts";

/**
 * Marks a date as a holiday or a 调休 make-up working day (admin), replacing any override of that
 * date, and reloads this process's SLA engine (others follow within a minute: `sla-refresh`).
 * Returns the date as the calendar now resolves it.
 */
export async function setCalendarDay(
  ctx: AppContext,
  date: string,
  input: CalendarDayInput,
): Promise<DayInfo> {
  const values = { type: input.type, name: input.name };
  await ctx.db
    .insertInto("calendar_days")
    .values({ date, ...values })
    .onConflict((oc) => oc.column("date").doUpdateSet(values))
    .execute();
  ctx.sla = await SlaService.load(ctx.db);
  return ctx.sla.calendar.dayInfo(date);
}

/** Removes a date's override (admin), so the weekend rule applies again. 404 when there is none. */
export async function removeCalendarDay(ctx: AppContext, date: string): Promise<void> {
  const res = await ctx.db.deleteFrom("calendar_days").where("date", "=", date).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound("calendar override", date);
  ctx.sla = await SlaService.load(ctx.db);
}
