import type { ActionInput } from "../../../common/contracts/appeals.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, badInput, type FieldProblem } from "../../platform/errors.ts";
import type { ActionHandler } from "../appeals/action-handler.ts";

function activeDepartmentProblem(ctx: AppContext, field: string, id: string): FieldProblem | null {
  const d = ctx.directory.departments.get(id);
  if (!d) return { field, message: `unknown department ${id}` };
  if (d.disabled) return { field, message: `department ${id} (${d.name}) is disabled` };
  return null;
}

/** 派单: to one lead department (主办) and optional co-departments (协办); starts the sign clock. */
export const dispatchAppeal: ActionHandler<ActionInput<"dispatch">> = ({ ctx, appeal, input, now }) => {
  const co = [...new Set(input.coDepartmentIds ?? [])];
  const problems: FieldProblem[] = [];
  const lead = activeDepartmentProblem(ctx, "leadDepartmentId", input.leadDepartmentId);
  if (lead) problems.push(lead);
  co.forEach((id, i) => {
    const p = activeDepartmentProblem(ctx, `coDepartmentIds[${i}]`, id);
    if (p) problems.push(p);
    else if (id === input.leadDepartmentId) {
      problems.push({ field: `coDepartmentIds[${i}]`, message: "the lead department cannot also co-handle" });
    }
  });
  if (!ctx.directory.isLeafCategory(input.categoryCode)) {
    problems.push({
      field: "categoryCode",
      message: `unknown or non-leaf category code ${input.categoryCode}`,
    });
  }
  if (problems.length)
    throw badInput(`Cannot dispatch: ${problems.map((p) => p.message).join("; ")}.`, problems);
  const d = ctx.sla.onDispatch(
    { ...appeal, categoryCode: input.categoryCode, receivedAt: appeal.createdAt },
    now,
  );
  return {
    type: "dispatched",
    at: now.toISOString(),
    data: {
      leadDepartmentId: input.leadDepartmentId,
      coDepartmentIds: co,
      categoryCode: input.categoryCode,
      signBy: d.signBy.toISOString(),
      replyBy: d.replyBy.toISOString(),
      warnAt: d.warnAt.toISOString(),
    },
  };
};

/** 签收: the lead department accepts the appeal; the response clock stops. */
export const signAppeal: ActionHandler<ActionInput<"sign">> = ({ now }) => ({
  type: "signed",
  at: now.toISOString(),
  data: {},
});

/** 退单: the department refuses a misrouted appeal; it goes back to the agents' pool. */
export const returnAppeal: ActionHandler<ActionInput<"return">> = ({ appeal, input, now }) => ({
  type: "returned",
  at: now.toISOString(),
  data: { reason: input.reason.trim(), departmentId: appeal.leadDepartmentId },
});

/** 转派: passes the appeal down or sideways to another department, which must sign anew. */
export const transferAppeal: ActionHandler<ActionInput<"transfer">> = ({ ctx, appeal, input, now }) => {
  const p = activeDepartmentProblem(ctx, "departmentId", input.departmentId);
  if (p) throw badField(p.field, p.message);
  if (input.departmentId === appeal.leadDepartmentId) {
    throw badField("departmentId", "the appeal is already with this department");
  }
  return {
    type: "transferred",
    at: now.toISOString(),
    data: {
      fromDepartmentId: appeal.leadDepartmentId,
      departmentId: input.departmentId,
      reason: input.reason.trim(),
      signBy: ctx.sla.signBy({ ...appeal, receivedAt: appeal.createdAt }, now).toISOString(),
    },
  };
};

/** 答复: the department's answer and outcome. */
export const replyToAppeal: ActionHandler<ActionInput<"reply">> = ({ input, now }) => ({
  type: "replied",
  at: now.toISOString(),
  data: { text: input.text.trim(), outcome: input.outcome },
});
