/** The appeal endpoints the console calls, typed from the shared contract (common/contracts/appeals.ts). */
import type { AppealAction } from "../../../../common/appeal-state.ts";
import type { ActionInput, AppealDtoT, ListAppealsFilter } from "../../../../common/contracts/appeals.ts";
import { api, type Page, qs } from "../../shared/api.ts";

export type Appeal = AppealDtoT;
export type { AppealAction };

export const listAppeals = (f: Partial<ListAppealsFilter>) =>
  api<Page<Appeal>>("GET", `/api/v1/appeals${qs(f as Record<string, string>)}`);
export const getAppeal = (id: string) => api<Appeal>("GET", `/api/v1/appeals/${encodeURIComponent(id)}`);
export const act = <A extends AppealAction>(id: string, action: A, body: ActionInput<A>) =>
  api<Appeal>("POST", `/api/v1/appeals/${encodeURIComponent(id)}/actions/${action}`, body);
