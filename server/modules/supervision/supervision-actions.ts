import type { ActionInput } from "../../../common/contracts/appeals.ts";
import { badField } from "../../platform/errors.ts";
import type { ActionHandler } from "../appeals/action-handler.ts";
import { canSeeAppeal } from "../appeals/appeal.policy.ts";
import { findAppeal } from "../appeals/appeal.repo.ts";

/** 督办: escalation recorded against the department. */
export const superviseAppeal: ActionHandler<ActionInput<"supervise">> = ({ input, now }) => ({
  type: "supervised",
  at: now.toISOString(),
  data: { note: input.note.trim(), automatic: false },
});

/**
 * 并案: this appeal joins a master about the same matter; it adopts the master's handling state
 * and follows its steps from now on, while its own citizen still gets a callback.
 */
export const mergeAppeal: ActionHandler<ActionInput<"merge">> = async ({
  ctx,
  tx,
  appeal,
  input,
  user,
  now,
}) => {
  if (input.intoId === appeal.id) throw badField("intoId", "an appeal cannot be merged into itself");
  const master = await findAppeal(tx, input.intoId, true);
  if (!master || !canSeeAppeal(user, master, ctx.directory)) {
    throw badField("intoId", `unknown appeal ${input.intoId}`);
  }
  if (master.mergedInto)
    throw badField("intoId", `appeal ${master.ticketNo} is itself merged; merge into its master`);
  if (master.status === "closed") throw badField("intoId", `appeal ${master.ticketNo} is closed`);
  // Followers follow one level only: the appeals merged into this one would stop moving.
  const followers = await tx
    .selectFrom("appeals")
    .select("ticket_no")
    .where("merged_into", "=", appeal.id)
    .where("status", "<>", "closed")
    .execute();
  if (followers.length) {
    throw badField(
      "intoId",
      `appeals ${followers.map((f) => f.ticket_no).join(", ")} are merged into ${appeal.ticketNo}; merge ${master.ticketNo} into ${appeal.ticketNo} instead`,
    );
  }
  return {
    type: "merged",
    at: now.toISOString(),
    data: {
      intoId: master.id,
      intoTicketNo: master.ticketNo,
      master: {
        status: master.status,
        categoryCode: master.categoryCode,
        leadDepartmentId: master.leadDepartmentId,
        coDepartmentIds: master.coDepartmentIds,
        signBy: master.signBy,
        replyBy: master.replyBy,
        warnAt: master.warnAt,
        replyText: master.replyText,
        replyOutcome: master.replyOutcome,
      },
    },
  };
};
