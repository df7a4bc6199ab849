import type { ActionInput } from "../../../common/contracts/appeals.ts";
import type { ActionHandler } from "../appeals/action-handler.ts";
import { requireCurrentArticle } from "../knowledge/index.ts";

/**
 * 直接答复: the agent answers on the spot (from the knowledge base); the appeal closes. The
 * article that answered, when named, must exist and be current; the event keeps its id, and the
 * knowledge base counts its uses from these events.
 */
export const answerDirectly: ActionHandler<ActionInput<"answer-directly">> = async ({ tx, input, now }) => {
  const articleId = input.articleId ?? null;
  if (articleId) await requireCurrentArticle(tx, articleId, now);
  return {
    type: "answered_directly",
    at: now.toISOString(),
    data: { text: input.text.trim(), articleId },
  };
};
