import type { ActionInput } from "../../../common/contracts/appeals.ts";
import type { ActionHandler } from "../appeals/action-handler.ts";

/** 延期申请: the department asks for more working days; the deadline moves only when approved. */
export const requestExtension: ActionHandler<ActionInput<"request-extension">> = ({
  ctx,
  appeal,
  input,
  now,
}) => ({
  type: "extension_requested",
  at: now.toISOString(),
  data: {
    days: input.days,
    reason: input.reason.trim(),
    replyBy: ctx.sla.extend(appeal.replyBy, input.days, appeal.createdAt).replyBy.toISOString(),
  },
});

/** 延期审批 (approve): the reply deadline moves by the requested working days. */
export const approveExtension: ActionHandler<ActionInput<"approve-extension">> = ({ ctx, appeal, now }) => {
  const pending = appeal.pendingExtension!;
  const d = ctx.sla.extend(appeal.replyBy, pending.days, appeal.createdAt);
  return {
    type: "extension_approved",
    at: now.toISOString(),
    data: { days: pending.days, replyBy: d.replyBy.toISOString(), warnAt: d.warnAt.toISOString() },
  };
};

/** 延期审批 (reject): the deadline stays. */
export const rejectExtension: ActionHandler<ActionInput<"reject-extension">> = ({ input, now }) => ({
  type: "extension_rejected",
  at: now.toISOString(),
  data: { reason: input.reason?.trim() || null },
});
