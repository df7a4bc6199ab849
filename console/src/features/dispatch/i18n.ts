/** Labels of the department inbox (承办), zh-CN and English. */
import { defineDictionary } from "../../shared/i18n/core.tsx";

const zh = {
  "inbox.toSign": "待签收",
  "inbox.inHand": "办理中",
  "inbox.reopened": "重办",
  "inbox.overdue": "已超期",
  "inbox.signSelected": "批量签收 ({n})",
  "inbox.signedN": "已签收 {n} 件",
};

const en: Record<keyof typeof zh, string> = {
  "inbox.toSign": "To sign",
  "inbox.inHand": "In hand",
  "inbox.reopened": "Reopened",
  "inbox.overdue": "Overdue",
  "inbox.signSelected": "Sign selected ({n})",
  "inbox.signedN": "Signed {n}",
};

export const { useT: useInboxT } = defineDictionary(zh, en);
