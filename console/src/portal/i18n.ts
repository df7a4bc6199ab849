/** Labels of the citizens' portal (市民诉求服务), zh-CN and English. */
import { defineDictionary } from "../shared/i18n/core.tsx";

const zh = {
  portalName: "12345 市民诉求服务",
  "portal.enterprise": "企业政策查询",
  "portal.submit": "我要反映",
  "portal.track": "进度查询",
  "portal.submitted": "提交成功",
  "portal.keep": "请妥善保存工单号和查询密码，用于查询办理进度。",
  "portal.trackBtn": "查询",
  "portal.history": "办理记录",
  "portal.noReply": "尚未答复",
  "portal.publicReply": "答复内容",
  "portal.mobileHint": "我们会通过此号码联系您，号码不会公开。",
  "portal.bundle": "一件事进度",
  "bundle.caseNo": "办件号",
  "bundle.name": "办理事项",
  "bundle.submittedAt": "申请时间",
  "bundle.completedAt": "办结时间",
  "bundle.expected": "预计办结",
  "bundle.pending": "待补材料",
  "bundle.item": "事项",
  "bundle.progress": "进展",
};

const en: Record<keyof typeof zh, string> = {
  portalName: "12345 Citizens' Appeals",
  "portal.enterprise": "Enterprise support",
  "portal.submit": "Submit an appeal",
  "portal.track": "Track",
  "portal.submitted": "Submitted",
  "portal.keep": "Keep the ticket number and the tracking secret to follow your appeal.",
  "portal.trackBtn": "Track",
  "portal.history": "History",
  "portal.noReply": "No reply yet",
  "portal.publicReply": "Reply",
  "portal.mobileHint": "We call you back on this number; it is never published.",
  "portal.bundle": "Bundle case",
  "bundle.caseNo": "Case no.",
  "bundle.name": "Applied for",
  "bundle.submittedAt": "Submitted",
  "bundle.completedAt": "Completed",
  "bundle.expected": "Expected finish",
  "bundle.pending": "Materials to supply",
  "bundle.item": "Item",
  "bundle.progress": "Progress",
};

export const { useT: usePortalT } = defineDictionary(zh, en);
