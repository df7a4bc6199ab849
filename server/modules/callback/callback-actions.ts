import type { ActionInput } from "../../../common/contracts/appeals.ts";
import type { ActionHandler } from "../appeals/action-handler.ts";

/**
 * 回访: the hotline asks the citizen. Satisfied or basically satisfied closes the appeal;
 * unsatisfied reopens it (重办) for the same lead department with a fresh reply deadline.
 */
export const callbackAppeal: ActionHandler<ActionInput<"callback">> = ({ ctx, appeal, input, now }) => {
  const reopen =
    input.satisfaction === "unsatisfied"
      ? ctx.sla.onReopen({ ...appeal, receivedAt: appeal.createdAt }, now)
      : null;
  return {
    type: "called_back",
    at: now.toISOString(),
    data: {
      satisfaction: input.satisfaction,
      resolved: input.resolved,
      note: input.note?.trim() || null,
      replyBy: reopen ? reopen.replyBy.toISOString() : null,
      warnAt: reopen ? reopen.warnAt.toISOString() : null,
    },
  };
};

/** 重办 by a supervisor (e.g. after a complaint about a closed appeal). */
export const reopenAppeal: ActionHandler<ActionInput<"reopen">> = ({ ctx, appeal, input, now }) => {
  const d = ctx.sla.onReopen({ ...appeal, receivedAt: appeal.createdAt }, now);
  return {
    type: "reopened",
    at: now.toISOString(),
    data: { reason: input.reason.trim(), replyBy: d.replyBy.toISOString(), warnAt: d.warnAt.toISOString() },
  };
};

/** 办结 without a callback: a supervisor's decision (e.g. the citizen was unreachable three times). */
export const closeAppeal: ActionHandler<ActionInput<"close">> = ({ input, now }) => ({
  type: "closed",
  at: now.toISOString(),
  data: { reason: input.reason.trim() },
});
