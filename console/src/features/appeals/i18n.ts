/** Labels of the appeal page and the appeal actions, zh-CN and English. */
import { defineDictionary } from "../../shared/i18n/core.tsx";

const zh = {
  "appeal.reveal": "查看完整联系方式",
  "appeal.revealPurpose": "查看目的（将记入审计日志）",
  "appeal.noActions": "当前没有可执行的操作",
  "appeal.merged": "已并入 {id}",
  "appeal.answeredDirectly": "已直接答复",
  "appeal.anonymous": "匿名",
  "appeal.pendingExt": "申请延期 {days} 天：{reason}",
  "appeal.stale": "工单已被他人处理，已刷新为最新状态，请重试",
};

const en: Record<keyof typeof zh, string> = {
  "appeal.reveal": "Reveal contact",
  "appeal.revealPurpose": "Purpose (written to the audit log)",
  "appeal.noActions": "Nothing to do here now",
  "appeal.merged": "Merged into {id}",
  "appeal.answeredDirectly": "Answered directly",
  "appeal.anonymous": "Anonymous",
  "appeal.pendingExt": "Extension of {days} days requested: {reason}",
  "appeal.stale": "Someone else acted first; the appeal was reloaded, please try again",
};

export const { useT: useAppealT } = defineDictionary(zh, en);
