import { type Expression, type SqlBool, sql } from "kysely";
import type { MetricsGroup, MetricsRow } from "../../../common/contracts/metrics.ts";
import type { AppContext } from "../../app-context.ts";
import { PROVINCE } from "../../config/province.ts";

const count = (cond: Expression<SqlBool>) => sql<number>`count(*) filter (where ${cond})`;
const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

/**
 * The hotline's rates over appeals received in [from, to), defined as in the contract:
 * closure = closed ÷ received; on-time = replied by the deadline ÷ replied; response = signed by
 * the deadline ÷ dispatched; resolution = resolved ÷ called back; satisfaction = (satisfied +
 * basically) ÷ called back; direct answer = answered directly ÷ received; auto-dispatch =
 * dispatched by the platform ÷ dispatched; first-time-right = replied after one dispatch with no
 * return or transfer ÷ dispatched appeals whose routing is settled.
 */
export async function computeMetrics(
  ctx: AppContext,
  opts: { from: Date; to: Date; groupBy?: MetricsGroup },
): Promise<MetricsRow[]> {
  const keyExpr =
    opts.groupBy === "department"
      ? sql<string>`coalesce(lead_department_id, '-')`
      : opts.groupBy === "region"
        ? sql<string>`coalesce(substr(region_code, 1, 4), '-')`
        : opts.groupBy === "category"
          ? sql<string>`coalesce(substr(category_code, 1, 2), '-')`
          : opts.groupBy === "day"
            ? sql<string>`to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
            : sql<string>`'all'`;
  const rows = await ctx.db
    .selectFrom("appeals")
    .select([
      keyExpr.as("key"),
      sql<number>`count(*)`.as("received"),
      count(sql`status = 'closed'`).as("closed"),
      count(sql`replied_at is not null`).as("replied"),
      count(sql`replied_at is not null and replied_at <= reply_by`).as("repliedOnTime"),
      count(sql`dispatched_at is not null`).as("dispatched"),
      count(sql`signed_at is not null and sign_by is not null and signed_at <= sign_by`).as("signedOnTime"),
      count(sql`called_back_at is not null`).as("calledBack"),
      count(sql`called_back_at is not null and resolved`).as("resolved"),
      count(sql`satisfaction in ('satisfied', 'basically')`).as("satisfied"),
      count(sql`answered_directly`).as("direct"),
      count(sql`auto_dispatched`).as("autoDispatched"),
      count(
        sql`dispatch_count > 0 and (replied_at is not null or return_count > 0 or transfer_count > 0)`,
      ).as("routingSettled"),
      count(
        sql`dispatch_count = 1 and return_count = 0 and transfer_count = 0 and replied_at is not null`,
      ).as("firstTimeRight"),
      sql<number>`coalesce(sum(return_count), 0)`.as("returned"),
      count(sql`overdue`).as("overdue"),
      count(sql`supervised`).as("supervised"),
    ])
    .where("created_at", ">=", opts.from)
    .where("created_at", "<", opts.to)
    .where("merged_into", "is", null)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => {
    const n = (v: unknown) => Number(v ?? 0);
    return {
      key: r.key,
      label: labelOf(ctx, opts.groupBy, r.key),
      received: n(r.received),
      closed: n(r.closed),
      closureRate: rate(n(r.closed), n(r.received)),
      onTimeRate: rate(n(r.repliedOnTime), n(r.replied)),
      responseRate: rate(n(r.signedOnTime), n(r.dispatched)),
      resolutionRate: rate(n(r.resolved), n(r.calledBack)),
      satisfactionRate: rate(n(r.satisfied), n(r.calledBack)),
      directAnswerRate: rate(n(r.direct), n(r.received)),
      dispatched: n(r.dispatched),
      autoDispatched: n(r.autoDispatched),
      autoDispatchRate: rate(n(r.autoDispatched), n(r.dispatched)),
      firstTimeRightRate: rate(n(r.firstTimeRight), n(r.routingSettled)),
      returned: n(r.returned),
      overdue: n(r.overdue),
      supervised: n(r.supervised),
    };
  });
}

function labelOf(ctx: AppContext, groupBy: MetricsGroup | undefined, key: string): string {
  if (key === "-") return "未指定";
  switch (groupBy) {
    case "department":
      return ctx.directory.departments.get(key)?.name ?? key;
    case "region":
      return (
        ctx.directory.regions.get(key)?.name ??
        (key === PROVINCE.provinceLevelCity ? `${PROVINCE.name}（省级）` : key)
      );
    case "category":
      return ctx.directory.categories.get(key)?.name ?? key;
    case "day":
      return key;
    default:
      return "全部";
  }
}
