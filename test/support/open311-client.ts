import assert from "node:assert/strict";
import type { Json } from "./http-helpers.ts";
import { parseXml, type XmlDoc, type XmlNode } from "./mini-xml.ts";
import type { TestApp } from "./test-app.ts";

/** An Open311 answer: the raw text, JSON when it is JSON, the parsed document when it is XML. */
export interface O311Res {
  status: number;
  contentType: string;
  headers: Record<string, unknown>;
  text: string;
  json: Json;
  xml: XmlDoc | null;
}

export interface O311Options {
  /** Sent as `application/x-www-form-urlencoded; charset=utf-8` (the standard's POST format). */
  form?: Record<string, string | string[]> | string;
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

/** Encodes a form; array values repeat the key (`attribute[x][]=a&attribute[x][]=b`). */
export function formBody(form: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

/** Calls an Open311 URL and reads the answer as its content type says. */
export async function o311(
  t: TestApp,
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  o: O311Options = {},
): Promise<O311Res> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  let payload: string | undefined;
  if (o.form !== undefined) {
    headers["content-type"] ??= "application/x-www-form-urlencoded; charset=utf-8";
    payload = typeof o.form === "string" ? o.form : formBody(o.form);
  } else if (o.json !== undefined) {
    headers["content-type"] ??= "application/json";
    payload = JSON.stringify(o.json);
  }
  const res = await t.app.inject({
    method,
    url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
    ...(o.remoteAddress ? { remoteAddress: o.remoteAddress } : {}),
  });
  const contentType = String(res.headers["content-type"] ?? "");
  let json: Json = null;
  let xml: XmlDoc | null = null;
  if (contentType.startsWith("application/json")) json = JSON.parse(res.body);
  if (contentType.startsWith("text/xml")) xml = parseXml(res.body);
  return { status: res.statusCode, contentType, headers: res.headers, text: res.body, json, xml };
}

/**
 * Asserts a standard error answer in either format: the status, the content type, the error list
 * (`[{code, description}]` / `<errors><error><code/><description/></error></errors>`), each code the
 * status, and that some description mentions `mentions` (the parameter at fault).
 */
export function assertO311Error(
  res: O311Res,
  status: number,
  format: "json" | "xml",
  mentions?: string,
): string[] {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  let items: { code: string; description: string }[];
  if (format === "json") {
    assert.equal(res.contentType, "application/json; charset=utf-8");
    assert.ok(Array.isArray(res.json), `error body is not an array: ${res.text}`);
    for (const e of res.json) assert.deepEqual(Object.keys(e).sort(), ["code", "description"], res.text);
    items = res.json.map((e: { code: number; description: string }) => ({
      code: String(e.code),
      description: e.description,
    }));
  } else {
    assert.equal(res.contentType, "text/xml; charset=utf-8");
    assert.ok(res.xml, "no XML document");
    assert.equal(res.xml.root.name, "errors");
    items = res.xml.root.children.map((e: XmlNode) => {
      assert.equal(e.name, "error");
      assert.deepEqual(
        e.children.map((c) => c.name),
        ["code", "description"],
      );
      return { code: e.children[0]!.text, description: e.children[1]!.text };
    });
  }
  assert.ok(items.length >= 1, "no error in the list");
  for (const e of items) {
    assert.equal(e.code, String(status), res.text);
    assert.ok(e.description.length > 5, res.text);
  }
  if (mentions) {
    assert.ok(
      items.some((e) => e.description.includes(mentions)),
      `no error names ${mentions}: ${res.text}`,
    );
  }
  return items.map((e) => e.description);
}

/** The `<request>` elements of a `<service_requests>` document as flat records of their text. */
export function xmlRequests(res: O311Res): Record<string, string>[] {
  assert.ok(res.xml, `not XML: ${res.text.slice(0, 200)}`);
  assert.equal(res.xml.root.name, "service_requests");
  return res.xml.root.children.map((r) => {
    assert.equal(r.name, "request");
    return Object.fromEntries(r.children.map((c) => [c.name, c.text]));
  });
}

/** A W3C datetime with its time zone, as the standard requires. */
export const W3C_WITH_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
