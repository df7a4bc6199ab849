/**
 * The one table of appeal state labels (状态), keyed by the states of common/appeal-state.ts: the
 * Chinese label is that file's `STATUS_LABELS` (what the server's portal answers and its exports
 * write), the English one sits beside it, with the colour of the state's tag. Every screen that
 * names a state goes through {@link statusLabel} or {@link StatusTag}.
 */
import { type AppealStatus, STATUS_LABELS } from "../../../../common/appeal-state.ts";
import type { Lang } from "../../shared/i18n/core.tsx";

export const APPEAL_STATUS: Readonly<Record<AppealStatus, { label: Record<Lang, string>; color: string }>> = {
  received: { label: { zh: STATUS_LABELS.received, en: "Received" }, color: "blue" },
  dispatched: { label: { zh: STATUS_LABELS.dispatched, en: "Dispatched" }, color: "cyan" },
  signed: { label: { zh: STATUS_LABELS.signed, en: "Signed" }, color: "geekblue" },
  replied: { label: { zh: STATUS_LABELS.replied, en: "Replied" }, color: "purple" },
  reopened: { label: { zh: STATUS_LABELS.reopened, en: "Reopened" }, color: "magenta" },
  closed: { label: { zh: STATUS_LABELS.closed, en: "Closed" }, color: "default" },
};

const known = (s: string | null | undefined): s is AppealStatus => !!s && Object.hasOwn(APPEAL_STATUS, s);

/** A state's label in a language; an unknown value is shown as it is. */
export function statusLabel(status: string | null | undefined, lang: Lang): string {
  return known(status) ? APPEAL_STATUS[status].label[lang] : (status ?? "");
}

/** A state's tag colour. */
export function statusColor(status: string): string {
  return known(status) ? APPEAL_STATUS[status].color : "default";
}
