import assert from "node:assert/strict";
import type { Role } from "../../common/appeal-state.ts";
import { PASSWORD, type TestApp } from "./test-app.ts";

/** A JSON answer, read field by field as the tests need (its shape is what they assert). */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by assertions, not by types
export type Json = any;

/** An answer of the API, with the raw text as well (to search it for what must not be there). */
export interface ApiRes {
  status: number;
  json: Json;
  text: string;
  headers: Record<string, unknown>;
}

/** Options of {@link request}: any token (or none), a raw body, a client address. */
export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as is with `content-type: application/json` (malformed JSON, huge bodies). */
  raw?: string;
  headers?: Record<string, string>;
  /** The client's address as the server sees it (rate limits are per client). */
  remoteAddress?: string;
}

/** `app.inject` for what `t.call` cannot do: users made in the test, raw bodies, other clients. */
export async function request(
  t: TestApp,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  o: RequestOptions = {},
): Promise<ApiRes> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.raw !== undefined) headers["content-type"] ??= "application/json";
  const res = await t.app.inject({
    method,
    url,
    headers,
    ...(o.raw !== undefined ? { payload: o.raw } : o.body !== undefined ? { payload: o.body as object } : {}),
    ...(o.remoteAddress ? { remoteAddress: o.remoteAddress } : {}),
  });
  let json: unknown = null;
  try {
    json = res.body ? JSON.parse(res.body) : null;
  } catch {
    json = res.body;
  }
  return { status: res.statusCode, json, text: res.body, headers: res.headers };
}

/** Logs in and returns the bearer token (the login must succeed). */
export async function login(t: TestApp, username: string, password = PASSWORD): Promise<string> {
  const res = await request(t, "POST", "/api/v1/session", { body: { username, password } });
  assert.equal(res.status, 200, `login ${username}: ${res.text}`);
  return res.json.token as string;
}

/** An admin creates a staff user through the API; the user logs in. */
export async function createStaff(
  t: TestApp,
  u: { username: string; role: Role; departmentId?: string | null; password?: string },
): Promise<{ id: string; token: string }> {
  const password = u.password ?? PASSWORD;
  const res = await t.call("admin", "POST", "/api/v1/users", {
    username: u.username,
    password,
    name: `用户${u.username}`,
    role: u.role,
    ...(u.departmentId !== undefined ? { departmentId: u.departmentId } : {}),
  });
  assert.equal(res.status, 201, `create user ${u.username}: ${JSON.stringify(res.json)}`);
  return { id: res.json.id as string, token: await login(t, u.username, password) };
}

/**
 * Asserts an error answer: its status, the contract's shape `{ error: { code, message, details } }`
 * (nothing else at the top), the code, and that `details` names each given field exactly.
 */
export function assertError(
  res: { status: number; json: Json },
  status: number,
  code?: string,
  ...fields: string[]
): void {
  const dump = JSON.stringify(res.json);
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${dump}`);
  assert.ok(res.json && typeof res.json === "object", `error body is not JSON: ${dump}`);
  assert.deepEqual(Object.keys(res.json), ["error"], `error body has other keys: ${dump}`);
  const e = res.json.error;
  assert.match(e.code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, `code is not UPPER_SNAKE: ${dump}`);
  assert.equal(typeof e.message, "string");
  assert.ok(e.message.length > 10, `message is not a sentence: ${dump}`);
  assert.ok(Array.isArray(e.details), `details is not an array: ${dump}`);
  if (code) assert.equal(e.code, code, dump);
  const named = fieldsOf(res);
  for (const f of fields) assert.ok(named.includes(f), `details do not name ${f}: ${dump}`);
}

/** The fields an error's details name. */
export function fieldsOf(res: { json: Json }): string[] {
  const details = (res.json?.error?.details ?? []) as { field?: unknown }[];
  return details.map((d) => d.field).filter((f): f is string => typeof f === "string");
}

/** The number of appeals with this citizen phone (tests give each case its own number). */
export async function appealsWithPhone(t: TestApp, phone: string): Promise<number> {
  const row = await t.ctx.db
    .selectFrom("appeals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("citizen_phone", "=", phone)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
