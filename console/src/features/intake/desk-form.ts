/** The agent desk's form, and receiving from it: `POST /api/v1/appeals`, then dispatch or a direct answer. */
import type { AppealKind, Urgency } from "../../../../common/appeal-state.ts";
import { api } from "../../shared/api.ts";
import { type Appeal, act } from "../appeals/api.ts";

export interface DeskForm {
  phone?: string;
  name?: string;
  kind: AppealKind;
  urgency: Urgency;
  region?: string[];
  address?: string;
  title: string;
  body: string;
  categoryCode?: string;
  leadDepartmentId?: string;
  answer?: string;
  /** The knowledge article the direct answer came from (counts its usage). */
  articleId?: string;
}

/** Receive (受理), receive and dispatch (派单), or receive and answer directly (直接答复). */
export type DeskMode = "receive" | "dispatch" | "answer";

/** The fields each mode needs filled in. */
export function fieldsNeeded(mode: DeskMode): (keyof DeskForm)[] {
  const need: (keyof DeskForm)[] = ["kind", "title", "body"];
  if (mode === "dispatch") need.push("categoryCode", "leadDepartmentId");
  if (mode === "answer") need.push("answer");
  return need;
}

/** Receives the appeal a validated form describes and takes the mode's next step on it. */
export async function receiveFromDesk(v: DeskForm, mode: DeskMode): Promise<Appeal> {
  const regionCode = v.region?.[v.region.length - 1];
  const a = await api<Appeal>("POST", "/api/v1/appeals", {
    kind: v.kind,
    channel: "phone",
    urgency: v.urgency,
    title: v.title,
    body: v.body,
    citizen: v.phone || v.name ? { phone: v.phone || undefined, name: v.name || undefined } : undefined,
    location: regionCode || v.address ? { regionCode, address: v.address || undefined } : undefined,
    categoryCode: v.categoryCode,
  });
  if (mode === "dispatch") {
    return act(a.id, "dispatch", {
      version: a.version,
      leadDepartmentId: v.leadDepartmentId!,
      categoryCode: v.categoryCode!,
    });
  }
  if (mode === "answer") {
    return act(a.id, "answer-directly", {
      version: a.version,
      text: v.answer!,
      articleId: v.articleId ?? null,
    });
  }
  return a;
}
