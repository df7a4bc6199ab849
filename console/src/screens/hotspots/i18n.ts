/**
 * Labels of the hot-spot (热点 / 小苗头) and duplicate (重复诉求 / 并案) screens, zh-CN and English;
 * `en` must have exactly the keys of `zh`. The language is the console's (`useI18n().lang`).
 */
import { useCallback } from "react";
import { useI18n } from "../../lib/i18n.tsx";

const zh = {
  title: "热点与预警",
  heat: "热度",
  issue: "热点事项",
  size: "诉求数",
  callers: "来电人数",
  votes: "附议",
  place: "地点",
  timeRange: "时间范围",
  keywords: "关键词",
  warning: "预警",
  warningOnly: "只看预警",
  recent: "近 24 小时 {recent} 件，常态 {expected} 件",
  statusOpen: "未处理",
  statusSupervised: "已督办",
  statusExpired: "已过期",
  status: "状态",
  scanned: "最近扫描：{at}",
  none: "暂无热点",
  noWarnings: "暂无预警",
  detail: "热点详情",
  appeals: "相关诉求",
  trend: "每日趋势",
  map: "分布",
  count: "件数",
  supervise: "督办",
  superviseNote: "督办意见（将写入每件诉求）",
  supervised: "已督办 {n} 件",
  skipped: "{n} 件未督办（已办结或已并案）",
  required: "必填",
  cancel: "取消",
  confirm: "确定",
  ticketNo: "工单号",
  appealTitle: "标题",
  createdAt: "受理时间",
  region: "地区",
  open: "查看",
  warningsTitle: "小苗头预警",
  all: "全部热点",
  duplicates: "疑似重复诉求",
  noDuplicates: "未发现疑似重复诉求",
  similarity: "相似度",
  sameDistrict: "同区县",
  mergeInto: "并入该件",
  mergeHere: "将该件并入本件",
  mergeIntoConfirm: "将本件并入 {no}？并案后由主件统一办理，每位来电人仍会收到答复和回访。",
  mergeHereConfirm: "将 {no} 并入本件？",
  merged: "已并案",
  typeToCheck: "输入标题和内容后检查重复",
  needRegion: "选择地区后检查重复诉求",
  error: "操作失败",
};

const en: Record<keyof typeof zh, string> = {
  title: "Hot spots and warnings",
  heat: "Heat",
  issue: "Issue",
  size: "Appeals",
  callers: "Callers",
  votes: "Votes",
  place: "Place",
  timeRange: "Time range",
  keywords: "Key words",
  warning: "Warning",
  warningOnly: "Warnings only",
  recent: "{recent} in the last 24 h, {expected} usual",
  statusOpen: "Open",
  statusSupervised: "Supervised",
  statusExpired: "Expired",
  status: "Status",
  scanned: "Last scan: {at}",
  none: "No hot spots",
  noWarnings: "No warnings",
  detail: "Hot spot",
  appeals: "Appeals",
  trend: "Per day",
  map: "Where",
  count: "Appeals",
  supervise: "Supervise",
  superviseNote: "Supervision note (added to every appeal)",
  supervised: "{n} appeals supervised",
  skipped: "{n} not supervised (closed or merged)",
  required: "Required",
  cancel: "Cancel",
  confirm: "OK",
  ticketNo: "Ticket",
  appealTitle: "Title",
  createdAt: "Received",
  region: "Region",
  open: "Open",
  warningsTitle: "Early warnings",
  all: "All hot spots",
  duplicates: "Possible duplicates",
  noDuplicates: "No likely duplicates",
  similarity: "Similarity",
  sameDistrict: "Same district",
  mergeInto: "Merge into it",
  mergeHere: "Merge it here",
  mergeIntoConfirm:
    "Merge this appeal into {no}? The master is handled once; every caller still gets the reply and a callback.",
  mergeHereConfirm: "Merge {no} into this appeal?",
  merged: "Merged",
  typeToCheck: "Duplicates are checked once a title and text are typed",
  needRegion: "Duplicates are checked once a region is chosen",
  error: "Failed",
};

export type HKey = keyof typeof zh;
const DICTS = { zh, en };

/** `t(key, vars)` over the hot-spot screens' dictionary in the console's language. */
export function useHT(): (key: HKey, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return useCallback(
    (key, vars) => {
      let s: string = DICTS[lang][key];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
      return s;
    },
    [lang],
  );
}
