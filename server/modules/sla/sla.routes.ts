import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { errorResponses } from "../../../common/contracts/shared.ts";
import {
  CalendarDateParams,
  CalendarDayBody,
  CalendarDayDto,
  CalendarYearDto,
  CalendarYearParams,
  SlaRuleBody,
  SlaRuleDto,
  SlaRuleParams,
  SlaRulesResponse,
} from "../../../common/contracts/sla.ts";
import type { AppContext } from "../../app-context.ts";
import { typed } from "../../http/typed-app.ts";
import { requireUser } from "../users/request-user.ts";
import { removeCalendarDay, setCalendarDay } from "./edit-calendar.ts";
import { putSlaRule } from "./edit-sla-rule.ts";
import { presentCalendarYear, presentDay, presentRule, presentRules } from "./sla.presenter.ts";

/** SLA rules and the working calendar: data an admin edits; deadlines follow at once. */
export async function slaRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = typed(fastify);

  app.get(
    "/api/v1/sla-rules",
    {
      schema: {
        tags: ["sla"],
        summary: "SLA rules and the active profile",
        response: { 200: SlaRulesResponse, ...errorResponses(401) },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return presentRules(ctx.sla.profile, ctx.sla.rules);
    },
  );

  app.put(
    "/api/v1/sla-rules/:id",
    {
      schema: {
        tags: ["sla"],
        summary: "Create or change a rule (admin)",
        params: SlaRuleParams,
        body: SlaRuleBody,
        response: { 200: SlaRuleDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return presentRule(await putSlaRule(ctx, req.params.id, req.body));
    },
  );

  app.get(
    "/api/v1/calendar/:year",
    {
      schema: {
        tags: ["catalog"],
        summary: "Working days, holidays and make-up days of a year",
        params: CalendarYearParams,
        response: { 200: CalendarYearDto, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return presentCalendarYear(ctx.sla.calendar, req.params.year);
    },
  );

  app.put(
    "/api/v1/calendar/days/:date",
    {
      schema: {
        tags: ["sla"],
        summary: "Mark a date as holiday or make-up working day (admin)",
        params: CalendarDateParams,
        body: CalendarDayBody,
        response: { 200: CalendarDayDto, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      return presentDay(await setCalendarDay(ctx, req.params.date, req.body));
    },
  );

  app.delete(
    "/api/v1/calendar/days/:date",
    {
      schema: {
        tags: ["sla"],
        summary: "Remove a calendar override (admin)",
        params: CalendarDateParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, ["admin"]);
      await removeCalendarDay(ctx, req.params.date);
      return reply.status(204).send(null);
    },
  );
}
