/**
 * The console's API client: same-origin fetch with the session cookie, JSON in and out, errors as
 * {@link ApiError} carrying the contract's `{ error: { code, message, details } }`.
 */
import type { AppealAction } from "../../../common/appeal-state.ts";
import type { ActionInput, AppealDtoT, ListAppealsFilter } from "../../../common/contracts/appeals.ts";

export type Appeal = AppealDtoT;
export type { AppealAction };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body !== undefined ? { "content-type": "application/json" } : {},
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new ApiError(0, "NETWORK", (e as Error).message);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json as { error?: { code: string; message: string; details: unknown[] } } | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? res.statusText,
      err?.details,
    );
  }
  return json as T;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  username?: string;
  name: string;
  role: "agent" | "handler" | "supervisor" | "admin" | "policy_officer";
  departmentId: string | null;
  disabled?: boolean;
  createdAt?: string;
}

export interface Region {
  code: string;
  name: string;
  level: number;
}
export interface CategoryNode {
  code: string;
  name: string;
  children: CategoryNode[];
}
export interface DepartmentNode {
  id: string;
  name: string;
  regionCode: string;
  kind?: string;
  categoryCodes: string[];
  disabled?: boolean;
  children: DepartmentNode[];
}
export interface MetricsRow {
  key: string;
  label: string;
  received: number;
  closed: number;
  closureRate: number | null;
  onTimeRate: number | null;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  directAnswerRate: number | null;
  returned: number;
  overdue: number;
  supervised: number;
}

/** Query string of the defined values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

export const listAppeals = (f: Partial<ListAppealsFilter>) =>
  api<Page<Appeal>>("GET", `/api/v1/appeals${qs(f as Record<string, string>)}`);
export const getAppeal = (id: string) => api<Appeal>("GET", `/api/v1/appeals/${encodeURIComponent(id)}`);
export const act = <A extends AppealAction>(id: string, action: A, body: ActionInput<A>) =>
  api<Appeal>("POST", `/api/v1/appeals/${encodeURIComponent(id)}/actions/${action}`, body);

/** Small cache of reference data (regions, categories, departments) for the session. */
const cache = new Map<string, Promise<unknown>>();
export function cached<T>(url: string): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = api<T>("GET", url);
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}
