import type { BundleDefinition, ReformMetricsDto } from "../../../common/contracts/bundles.ts";
import type { AppContext } from "../../app-context.ts";
import { notFound } from "../../platform/errors.ts";
import { findVersion } from "./bundles.repo.ts";
import { dependencyOrder } from "./validate-definition.ts";

/** Steps of one procedure done on its own: 申请, 受理, 审查, 决定/出件. */
const STEPS_PER_PROCEDURE = 4;

/** The longest chain along the dependencies, by a per-procedure weight (1 = stages, days = limit). */
function criticalPath(
  def: BundleDefinition,
  weight: (p: BundleDefinition["procedures"][number]) => number,
): number {
  const byCode = new Map(def.procedures.map((p) => [p.code, p]));
  const finish = new Map<string, number>();
  for (const code of dependencyOrder(def).order) {
    const p = byCode.get(code)!;
    const start = Math.max(0, ...p.dependsOn.map((d) => finish.get(d) ?? 0));
    finish.set(code, start + weight(p));
  }
  return Math.max(0, ...finish.values());
}

/**
 * Before vs after, from the definition alone (every procedure and material, whatever the answers):
 * before = each procedure done separately (its own steps, every material and field it asks, its
 * trips, the legal limits one after another); after = one application and one acceptance, the
 * reviews in parallel by dependency stage, one delivery (统一出件); only what the applicant hands
 * in or fills; one trip if anything must be handed in on paper, else none; the promised limits
 * along the critical path.
 */
export function definitionFigures(
  def: BundleDefinition,
): Pick<ReformMetricsDto, "before" | "after" | "exemptRate" | "reduction"> {
  const mats = new Map(def.materials.map((m) => [m.code, m]));
  const fields = new Map(def.fields.map((f) => [f.code, f]));
  let beforeFields = 0;
  for (const p of def.procedures) {
    const own = new Set(p.fields);
    for (const u of p.materials) for (const f of mats.get(u.code)?.fields ?? []) own.add(f);
    beforeFields += own.size;
  }
  const used = new Set(def.procedures.flatMap((p) => p.materials.map((u) => u.code)));
  const distinct = [...used].map((c) => mats.get(c)).filter((m) => !!m);
  const toHandIn = distinct.filter((m) => m!.source === "applicant");
  const usedFields = new Set<string>();
  for (const p of def.procedures) {
    for (const f of p.fields) usedFields.add(f);
    for (const u of p.materials) for (const f of mats.get(u.code)?.fields ?? []) usedFields.add(f);
  }
  const toFill = [...usedFields].filter((f) => fields.get(f)?.source === "applicant");
  const before = {
    steps: def.procedures.length * STEPS_PER_PROCEDURE,
    materials: def.procedures.reduce((n, p) => n + p.materials.length, 0),
    fields: beforeFields,
    trips: def.procedures.reduce((n, p) => n + p.separateTrips, 0),
    limitDays: def.procedures.reduce((n, p) => n + p.legalDays, 0),
  };
  const after = {
    steps: 2 + criticalPath(def, () => 1) + 1,
    materials: toHandIn.length,
    fields: toFill.length,
    trips: toHandIn.some((m) => m!.form === "paper") ? 1 : 0,
    limitDays: criticalPath(def, (p) => p.promisedDays),
  };
  const cut = (b: number, a: number) => (b > 0 ? (b - a) / b : 0);
  return {
    before,
    after,
    exemptRate: distinct.length ? (distinct.length - toHandIn.length) / distinct.length : 0,
    reduction: {
      steps: cut(before.steps, after.steps),
      materials: cut(before.materials, after.materials),
      fields: cut(before.fields, after.fields),
      trips: cut(before.trips, after.trips),
      limitDays: cut(before.limitDays, after.limitDays),
    },
  };
}

const quantile = (sorted: number[], q: number): number | null => {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
};

/**
 * The reform figures of a bundle's published version, and from its real cases (all versions):
 * median and p90 working days from acceptance to 统一出件, the on-time rate (every sub-case with a
 * result by its promised due date) and the correction rate (cases with any 补正).
 */
export async function reformMetrics(ctx: AppContext, bundleId: string): Promise<ReformMetricsDto> {
  const v = await findVersion(ctx.db, bundleId);
  if (!v) throw notFound("published bundle", bundleId);
  const cases = await ctx.db
    .selectFrom("cases")
    .select(["city_code", "id", "status", "accepted_at", "completed_at"])
    .where("definition_id", "=", bundleId)
    .execute();
  const subs = await ctx.db
    .selectFrom("subcases as s")
    .innerJoin("cases as c", (j) =>
      j.onRef("c.city_code", "=", "s.city_code").onRef("c.id", "=", "s.case_id"),
    )
    .select(["s.case_id", "s.status", "s.result_at", "s.promised_due_at", "s.correction_count"])
    .where("c.definition_id", "=", bundleId)
    .execute();
  const byCase = new Map<string, typeof subs>();
  for (const s of subs) byCase.set(s.case_id, [...(byCase.get(s.case_id) ?? []), s]);
  const cal = ctx.sla.calendar;
  const completed = cases.filter((c) => c.status === "completed" && c.accepted_at && c.completed_at);
  const days = completed
    .map((c) => cal.workingDaysBetween(new Date(c.accepted_at!), new Date(c.completed_at!)))
    .sort((a, b) => a - b);
  const onTime = completed.filter((c) =>
    (byCase.get(c.id) ?? [])
      .filter((s) => s.status !== "cancelled")
      .every((s) => s.result_at && s.promised_due_at && new Date(s.result_at) < new Date(s.promised_due_at)),
  ).length;
  const accepted = cases.filter((c) => c.accepted_at);
  const corrected = accepted.filter((c) =>
    (byCase.get(c.id) ?? []).some((s) => s.correction_count > 0),
  ).length;
  return {
    bundleId,
    version: v.version,
    name: v.definition.name,
    ...definitionFigures(v.definition),
    cases: {
      started: cases.length,
      completed: completed.length,
      medianWorkingDays: quantile(days, 0.5),
      p90WorkingDays: quantile(days, 0.9),
      onTimeRate: completed.length ? onTime / completed.length : null,
      correctionRate: accepted.length ? corrected / accepted.length : null,
    },
  };
}

/** The figures as a sheet (改革成效): one row per figure, before and after. */
export async function reformMetricsXlsx(m: ReformMetricsDto): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("改革成效");
  ws.columns = [
    { header: "指标 Figure", key: "k", width: 28 },
    { header: "改革前 Before", key: "b", width: 16 },
    { header: "改革后 After", key: "a", width: 16 },
    { header: "压减 Cut", key: "c", width: 12 },
  ];
  ws.addRow({ k: `${m.name} (v${m.version})` });
  const rows: [string, keyof ReformMetricsDto["before"]][] = [
    ["环节 steps", "steps"],
    ["材料 materials", "materials"],
    ["字段 fields", "fields"],
    ["跑动次数 trips", "trips"],
    ["时限(工作日) limit days", "limitDays"],
  ];
  for (const [label, key] of rows) {
    ws.addRow({ k: label, b: m.before[key], a: m.after[key], c: `${Math.round(m.reduction[key] * 100)}%` });
  }
  ws.addRow({ k: "免提交率 exempt rate", a: `${Math.round(m.exemptRate * 100)}%` });
  ws.addRow({ k: "办件数 cases started", a: m.cases.started });
  ws.addRow({ k: "办结数 completed", a: m.cases.completed });
  ws.addRow({ k: "中位用时(工作日) median days", a: m.cases.medianWorkingDays ?? "" });
  ws.addRow({ k: "P90 用时(工作日) p90 days", a: m.cases.p90WorkingDays ?? "" });
  const pct = (x: number | null) => (x === null ? "" : `${Math.round(x * 100)}%`);
  ws.addRow({ k: "按时办结率 on-time rate", a: pct(m.cases.onTimeRate) });
  ws.addRow({ k: "补正率 correction rate", a: pct(m.cases.correctionRate) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
