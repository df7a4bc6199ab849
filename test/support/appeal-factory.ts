import type { AppealAction, AppealStatus } from "../../common/appeal-state.ts";
import { appealBody, DEP, firstLeaf, type TestApp } from "./test-app.ts";

/** A test user of {@link TestApp}. */
export type Who = keyof TestApp["tokens"];

/** The appeal as the API answers it (only the fields the tests read are typed). */
export interface AppealJson {
  id: string;
  ticketNo: string;
  version: number;
  status: AppealStatus;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  deadlines: {
    signBy: string | null;
    replyBy: string;
    warnAt: string | null;
    pendingExtension: { days: number; reason: string; replyBy: string } | null;
    extensionDays: number;
  };
  supervised: boolean;
  mergedInto: string | null;
  satisfaction: string | null;
  resolved: boolean | null;
  returnCount: number;
  transferCount: number;
  closedAt: string | null;
  abilities: AppealAction[];
  events?: { seq: number; type: string; fromStatus: string | null; toStatus: string | null }[];
  [k: string]: unknown;
}

/** The role the matrix uses for each action: the one the transition table means it for. */
export const ACTOR_OF: Readonly<Record<AppealAction, Who>> = {
  "answer-directly": "agent",
  dispatch: "agent",
  sign: "handler",
  return: "handler",
  transfer: "handler",
  "request-extension": "handler",
  "approve-extension": "supervisor",
  "reject-extension": "supervisor",
  reply: "handler",
  callback: "agent",
  reopen: "supervisor",
  supervise: "supervisor",
  merge: "agent",
  close: "supervisor",
};

/** What a valid body may depend on besides the version. */
export interface BodyOptions {
  /** Master for `merge`. */
  intoId?: string;
  /** Target for `transfer` (default: the Heping district government). */
  transferTo?: string;
  /** Callback answer (default: satisfied). */
  satisfaction?: "satisfied" | "basically" | "unsatisfied";
}

/** A body the schema and the handlers accept for the action (without `version`). */
export function validBody(action: AppealAction, o: BodyOptions = {}): Record<string, unknown> {
  switch (action) {
    case "answer-directly":
      return { text: "供暖问题请拨打供热公司热线 24 小时报修。" };
    case "dispatch":
      return { leadDepartmentId: DEP.housing, categoryCode: firstLeaf };
    case "sign":
      return {};
    case "return":
      return { reason: "非本单位职责，请改派区政府。" };
    case "transfer":
      return { departmentId: o.transferTo ?? DEP.district, reason: "属地管理，转区政府办理。" };
    case "request-extension":
      return { days: 5, reason: "需要协调供热公司入户检测。" };
    case "approve-extension":
      return { note: "同意延期。" };
    case "reject-extension":
      return { reason: "时限内可以办结。" };
    case "reply":
      return { text: "已联系供热公司上门检修，室温已恢复到18度。", outcome: "resolved" };
    case "callback": {
      const satisfaction = o.satisfaction ?? "satisfied";
      return { satisfaction, resolved: satisfaction !== "unsatisfied", note: "市民回访意见" };
    }
    case "reopen":
      return { reason: "市民再次来电反映问题未解决。" };
    case "supervise":
      return { note: "重点督办。" };
    case "merge":
      if (!o.intoId) throw new Error("merge needs intoId");
      return { intoId: o.intoId };
    case "close":
      return { reason: "三次联系市民未果，按规定办结。" };
  }
}

/** `POST .../actions/{action}` with the given version and a valid body. */
export function act(
  t: TestApp,
  who: Who,
  appeal: { id: string; version: number },
  action: AppealAction,
  o: BodyOptions & { body?: Record<string, unknown> } = {},
) {
  const { body, ...opts } = o;
  return t.call(who, "POST", `/api/v1/appeals/${appeal.id}/actions/${action}`, {
    version: appeal.version,
    ...(body ?? validBody(action, opts)),
  });
}

/** Like {@link act} but the action must succeed; returns the updated appeal. */
export async function mustAct(
  t: TestApp,
  who: Who,
  appeal: { id: string; version: number },
  action: AppealAction,
  o: BodyOptions & { body?: Record<string, unknown> } = {},
): Promise<AppealJson> {
  const res = await act(t, who, appeal, action, o);
  if (res.status !== 200) {
    throw new Error(`${who} ${action} on ${appeal.id}: ${res.status} ${JSON.stringify(res.json)}`);
  }
  return res.json as AppealJson;
}

/** The appeal with its events, as a supervisor (who sees everything) reads it. */
export async function fetchAppeal(t: TestApp, id: string, who: Who = "supervisor"): Promise<AppealJson> {
  const res = await t.call(who, "GET", `/api/v1/appeals/${id}`);
  if (res.status !== 200) throw new Error(`GET appeal ${id}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as AppealJson;
}

/** A fresh appeal received by the agent. */
export async function receiveAppeal(t: TestApp, over: Record<string, unknown> = {}): Promise<AppealJson> {
  const res = await t.call("agent", "POST", "/api/v1/appeals", appealBody(over));
  if (res.status !== 201) throw new Error(`receive: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as AppealJson;
}

/**
 * A fresh appeal brought to `state` through the API the way people do it: dispatched to the
 * `handler` user's department (Shenyang housing), signed and replied by that handler, called back
 * by the agent (unsatisfied → reopened, satisfied → closed).
 */
export async function appealIn(t: TestApp, state: AppealStatus): Promise<AppealJson> {
  let a = await receiveAppeal(t);
  if (state === "received") return a;
  a = await mustAct(t, "agent", a, "dispatch");
  if (state === "dispatched") return a;
  a = await mustAct(t, "handler", a, "sign");
  if (state === "signed") return a;
  a = await mustAct(t, "handler", a, "reply");
  if (state === "replied") return a;
  a = await mustAct(t, "agent", a, "callback", {
    satisfaction: state === "reopened" ? "unsatisfied" : "satisfied",
  });
  if (a.status !== state) throw new Error(`factory reached ${a.status}, wanted ${state}`);
  return a;
}
