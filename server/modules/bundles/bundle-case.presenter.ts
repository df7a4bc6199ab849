import {
  CASE_STATUS_LABELS,
  type CaseState,
  SUBCASE_STATUS_LABELS,
  SUSPENSION_LABELS,
  type SubcaseCore,
} from "../../../common/case-state.ts";
import type {
  BundleCaseDto,
  BundleDefinition,
  PublicCaseDto,
  SubcaseDto,
} from "../../../common/contracts/bundles.ts";
import { maskPhone } from "../../../common/phone.ts";
import type { AppContext } from "../../app-context.ts";
import {
  type CaseRecord,
  canSeeSubcase,
  caseAbilities,
  clocksOf,
  expectedFinish,
  type StoredCaseEvent,
  subcaseAbilities,
} from "../cases/index.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { BundleApplication } from "./start-bundle-case.ts";

const depName = (ctx: AppContext, id: string) => ctx.directory.departments.get(id)?.name ?? id;

/** What a sub-case waits for, in words the applicant and the staff read alike. */
export function waitingFor(s: CaseState, sub: SubcaseCore, def: BundleDefinition | null): string | null {
  switch (sub.status) {
    case "waiting": {
      const open = sub.dependsOn
        .map((d) => s.subcases.find((x) => x.id === d))
        .filter((x) => x && x.status !== "issued")
        .map((x) => `「${x!.name}」`);
      return s.case.status === "submitted" ? "等待受理" : `等待前置事项出件：${open.join("、")}`;
    }
    case "dispatched":
      return "等待部门受理";
    case "accepted":
      return "部门审查中";
    case "correction":
      return `等待申请人补正：${sub.reason ?? ""}`;
    case "suspended":
      return `${SUSPENSION_LABELS[sub.suspensionReason ?? "publicity"]}中（不计时）`;
    case "approved": {
      if (s.case.pendingMaterials.length === 0) return "等待出件";
      const names = s.case.pendingMaterials.map((m) => def?.materials.find((x) => x.code === m)?.name ?? m);
      return `等待补齐容缺材料：${names.join("、")}`;
    }
    default:
      return null;
  }
}

/** An event's data as this user may read it: the plan of `submitted` lists only visible sub-cases. */
function visibleData(e: StoredCaseEvent, sees: (subcaseId: string) => boolean): Record<string, unknown> {
  if (e.event.type === "submitted") return { subcases: e.event.data.subcases.filter((p) => sees(p.id)) };
  return e.event.data as Record<string, unknown>;
}

const resultNameOf = (def: BundleDefinition | null, sub: SubcaseCore) =>
  def?.procedures.find((p) => p.code === sub.id)?.resultName ?? sub.name;

/**
 * A bundle case for a staff user: the sub-cases this user may see (a handler only its own
 * department's; the others are counted in `hiddenSubcases`), both clocks of each, what each waits
 * for, the expected finish along the critical path, and `abilities` on the case and each sub-case.
 */
export function presentBundleCase(
  ctx: AppContext,
  rec: CaseRecord,
  def: BundleDefinition | null,
  user: AuthUser,
  o: { appealIds?: string[]; events?: StoredCaseEvent[] } = {},
): BundleCaseDto {
  const now = ctx.clock.now();
  const cal = ctx.sla.calendar;
  const app = rec.application as BundleApplication;
  const s = rec.state;
  const finish = expectedFinish(s, now, cal);
  const visible = s.subcases.filter((x) => canSeeSubcase(user, x, ctx.directory));
  const subcases: SubcaseDto[] = visible.map((sub) => ({
    id: sub.id,
    name: sub.name,
    departmentId: sub.departmentId,
    departmentName: depName(ctx, sub.departmentId),
    dependsOn: sub.dependsOn,
    status: sub.status,
    statusLabel: SUBCASE_STATUS_LABELS[sub.status],
    version: sub.version,
    dispatchedAt: sub.dispatchedAt,
    clocks: clocksOf(sub, now, cal),
    suspension:
      sub.suspensionReason && sub.suspendedAt
        ? {
            reason: sub.suspensionReason,
            label: SUSPENSION_LABELS[sub.suspensionReason],
            since: sub.suspendedAt,
          }
        : null,
    suspendedDays: sub.suspendedDays,
    correctionCount: sub.correctionCount,
    resultAt: sub.resultAt,
    resultName: resultNameOf(def, sub),
    resultNo: sub.resultNo,
    reason: sub.reason,
    expectedFinishAt: finish.bySubcase[sub.id] ?? null,
    waitingFor: waitingFor(s, sub, def),
    abilities: subcaseAbilities(user, rec, sub, ctx.directory),
  }));
  const materialName = (code: string) => def?.materials.find((m) => m.code === code)?.name ?? code;
  return {
    id: rec.id,
    caseNo: rec.caseNo,
    bundleId: rec.definitionId,
    bundleVersion: rec.definitionVersion,
    bundleName: def?.name ?? rec.definitionId,
    status: s.case.status,
    statusLabel: CASE_STATUS_LABELS[s.case.status],
    version: s.case.version,
    applicant: {
      name: app.applicant.name,
      phone: app.applicant.phone ? maskPhone(app.applicant.phone) : null,
      uscc: app.applicant.uscc,
    },
    regionCode: app.regionCode,
    leadDepartmentId: rec.leadDepartmentId,
    leadDepartmentName: depName(ctx, rec.leadDepartmentId),
    answers: app.answers,
    materials: app.required.map((code) => ({
      code,
      name: materialName(code),
      submitted: app.materials.includes(code) && !s.case.pendingMaterials.includes(code),
    })),
    pendingMaterials: s.case.pendingMaterials,
    supplyBy: s.case.supplyBy,
    reason: s.case.reason,
    submittedAt: s.case.submittedAt,
    acceptedAt: s.case.acceptedAt,
    completedAt: s.case.completedAt,
    expectedFinishAt: s.case.status === "rejected" || s.case.status === "withdrawn" ? null : finish.case,
    subcases,
    hiddenSubcases: s.subcases.length - visible.length,
    appealIds: o.appealIds ?? [],
    abilities: caseAbilities(user, rec, ctx.directory),
    ...(o.events
      ? {
          events: o.events
            .filter((e) => {
              const sid = "subcaseId" in e.event ? e.event.subcaseId : null;
              const sub = sid ? s.subcases.find((x) => x.id === sid) : null;
              return !sub || canSeeSubcase(user, sub, ctx.directory);
            })
            .map((e) => ({
              seq: e.seq,
              type: e.event.type,
              at: e.event.at,
              subcaseId: "subcaseId" in e.event ? e.event.subcaseId : null,
              actor: { name: e.actor.name, role: e.actor.role },
              fromStatus: e.fromStatus,
              toStatus: e.toStatus,
              data: visibleData(e, (id) => {
                const sub = s.subcases.find((x) => x.id === id);
                return !!sub && canSeeSubcase(user, sub, ctx.directory);
              }),
            })),
        }
      : {}),
  };
}

/** The applicant's view: progress of every part, what it waits for, dates; nothing personal. */
export function presentPublicCase(
  ctx: AppContext,
  rec: CaseRecord,
  def: BundleDefinition | null,
): PublicCaseDto {
  const now = ctx.clock.now();
  const s = rec.state;
  const finish = expectedFinish(s, now, ctx.sla.calendar);
  const open = s.case.status !== "rejected" && s.case.status !== "withdrawn";
  return {
    caseNo: rec.caseNo,
    bundleName: def?.name ?? rec.definitionId,
    status: s.case.status,
    statusLabel: CASE_STATUS_LABELS[s.case.status],
    submittedAt: s.case.submittedAt,
    completedAt: s.case.completedAt,
    expectedFinishAt: open ? finish.case : null,
    pendingMaterials: s.case.pendingMaterials.map((m) => def?.materials.find((x) => x.code === m)?.name ?? m),
    subcases: s.subcases.map((sub) => ({
      name: sub.name,
      departmentName: depName(ctx, sub.departmentId),
      status: sub.status,
      statusLabel: SUBCASE_STATUS_LABELS[sub.status],
      waitingFor: waitingFor(s, sub, def),
      expectedFinishAt: open ? (finish.bySubcase[sub.id] ?? null) : null,
      resultName: resultNameOf(def, sub),
      resultAt: sub.resultAt,
    })),
  };
}
