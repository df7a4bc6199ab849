import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { APPEAL_KINDS, URGENCIES } from "../../../common/appeal-state.ts";
import { Nullable, StringEnum } from "../../../common/contracts/shared.ts";
import type { AppContext } from "../../app-context.ts";
import { requireUser } from "../../http/auth.ts";
import { badInput, notFound } from "../../platform/errors.ts";
import { type SlaRule, validateRuleSet } from "./sla-rules.ts";
import { SlaService } from "./sla-service.ts";

const RuleBody = Type.Object(
  {
    profile: Type.String({ minLength: 1, maxLength: 40 }),
    clock: StringEnum(["sign", "reply"] as const),
    kind: Nullable(StringEnum(APPEAL_KINDS)),
    urgency: Nullable(StringEnum(URGENCIES)),
    categoryPrefix: Nullable(Type.String({ pattern: "^[0-9]{2,6}$" })),
    unit: StringEnum(["working_days", "hours", "minutes"] as const),
    amount: Type.Integer({ minimum: 0, maximum: 100000 }),
    source: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** SLA rules and working-calendar overrides: data an admin edits; deadlines follow at once. */
export async function slaRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/sla-rules",
    { schema: { tags: ["sla"], summary: "SLA rules and the active profile" } },
    async (req) => {
      await requireUser(ctx, req);
      return { profile: ctx.sla.profile, items: ctx.sla.rules };
    },
  );

  app.put(
    "/api/v1/sla-rules/:id",
    {
      schema: {
        tags: ["sla"],
        summary: "Create or change a rule (admin)",
        params: Type.Object({ id: Type.String({ pattern: "^[a-z0-9-]{1,64}$" }) }),
        body: RuleBody,
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      const id = (req.params as { id: string }).id;
      const rule = { id, ...(req.body as Omit<SlaRule, "id">) } as SlaRule;
      const next = [...ctx.sla.rules.filter((r) => r.id !== id), rule];
      const problems = validateRuleSet(next);
      if (problems.length) throw badInput("The rule set would be invalid.", problems);
      const row = {
        profile: rule.profile,
        clock: rule.clock,
        kind: rule.kind,
        urgency: rule.urgency,
        category_prefix: rule.categoryPrefix,
        unit: rule.unit,
        amount: rule.amount,
        source: rule.source,
        updated_at: ctx.clock.now(),
      };
      await ctx.db
        .insertInto("sla_rules")
        .values({ id, ...row })
        .onConflict((oc) => oc.column("id").doUpdateSet(row))
        .execute();
      ctx.sla = await SlaService.load(ctx.db);
      return rule;
    },
  );

  app.put(
    "/api/v1/calendar/days/:date",
    {
      schema: {
        tags: ["sla"],
        summary: "Mark a date as holiday or make-up working day (admin)",
        params: Type.Object({ date: Type.String({ format: "date" }) }),
        body: Type.Object(
          {
            type: StringEnum(["holiday", "workday"] as const),
            name: Type.String({ minLength: 1, maxLength: 40 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      await requireUser(ctx, req, ["admin"]);
      const date = (req.params as { date: string }).date;
      const body = req.body as { type: "holiday" | "workday"; name: string };
      await ctx.db
        .insertInto("calendar_days")
        .values({ date, ...body })
        .onConflict((oc) => oc.column("date").doUpdateSet(body))
        .execute();
      ctx.sla = await SlaService.load(ctx.db);
      return ctx.sla.calendar.dayInfo(date);
    },
  );

  app.delete(
    "/api/v1/calendar/days/:date",
    {
      schema: {
        tags: ["sla"],
        summary: "Remove a calendar override (admin)",
        params: Type.Object({ date: Type.String({ format: "date" }) }),
      },
    },
    async (req, reply) => {
      await requireUser(ctx, req, ["admin"]);
      const date = (req.params as { date: string }).date;
      const res = await ctx.db.deleteFrom("calendar_days").where("date", "=", date).executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw notFound("calendar override", date);
      ctx.sla = await SlaService.load(ctx.db);
      return reply.status(204).send();
    },
  );
}
