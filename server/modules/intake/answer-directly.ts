import type { ActionInput } from "../../../common/contracts/appeals.ts";
import type { ActionHandler } from "../appeals/perform-action.ts";

/** 直接答复: the agent answers on the spot (from the knowledge base); the appeal closes. */
export const answerDirectly: ActionHandler<ActionInput<"answer-directly">> = ({ input, now }) => ({
  type: "answered_directly",
  at: now.toISOString(),
  data: { text: input.text.trim(), articleId: input.articleId ?? null },
});
