/** Labels of the agent desk (受理台), zh-CN and English. */
import { defineDictionary } from "../../shared/i18n/core.tsx";

const zh = {
  "desk.title": "受理台",
  "desk.history": "来电人历史诉求",
  "desk.noHistory": "该号码没有历史诉求",
  "desk.enterPhone": "输入来电号码后显示历史诉求",
  "desk.suggestions": "分类推荐",
  "desk.noSuggest": "输入标题和内容后给出分类推荐",
  "desk.suggestOff": "分类推荐暂不可用",
  "desk.knowledge": "知识库",
  "desk.noKnowledge": "没有匹配的知识",
  "desk.knowledgeOff": "知识库暂不可用",
  "desk.save": "受理",
  "desk.saveDispatch": "受理并派单",
  "desk.answer": "受理并直接答复",
  "desk.answerText": "答复内容",
  "desk.shortcuts": "快捷键：Ctrl+Enter 受理，Alt+D 受理并派单，Alt+A 直接答复，Alt+P 回到来电号码",
  "desk.created": "已受理，工单号 {no}",
  "desk.dispatched": "已派单，工单号 {no}",
  "desk.answered": "已直接答复，工单号 {no}",
  "desk.suggestedDept": "推荐承办单位",
  "desk.pending": "待派单",
};

const en: Record<keyof typeof zh, string> = {
  "desk.title": "Agent desk",
  "desk.history": "Caller's earlier appeals",
  "desk.noHistory": "No earlier appeals from this number",
  "desk.enterPhone": "Type the caller's number to see their earlier appeals",
  "desk.suggestions": "Suggested categories",
  "desk.noSuggest": "Suggestions appear as you type the title and text",
  "desk.suggestOff": "Category suggestions are not available",
  "desk.knowledge": "Knowledge base",
  "desk.noKnowledge": "No matching articles",
  "desk.knowledgeOff": "The knowledge base is not available",
  "desk.save": "Receive",
  "desk.saveDispatch": "Receive and dispatch",
  "desk.answer": "Receive and answer directly",
  "desk.answerText": "Answer",
  "desk.shortcuts":
    "Shortcuts: Ctrl+Enter receive, Alt+D receive and dispatch, Alt+A answer directly, Alt+P back to the phone",
  "desk.created": "Received as {no}",
  "desk.dispatched": "Dispatched: {no}",
  "desk.answered": "Answered directly: {no}",
  "desk.suggestedDept": "Suggested department",
  "desk.pending": "Waiting for dispatch",
};

export const { useT: useDeskT } = defineDictionary(zh, en);
