/** Labels of the callback desk (回访), zh-CN and English. */
import { defineDictionary } from "../../shared/i18n/core.tsx";

const zh = {
  "callback.title": "待回访",
  "callback.record": "记录回访",
};

const en: Record<keyof typeof zh, string> = {
  "callback.title": "Waiting for a callback",
  "callback.record": "Record callback",
};

export const { useT: useCallbackT } = defineDictionary(zh, en);
