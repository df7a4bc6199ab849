import type { Static } from "@sinclair/typebox";
import type { FastifyError, FastifyReply } from "fastify";
import { AppError } from "../../platform/errors.ts";
import type { Open311ErrorDto } from "./wire-schemas.ts";
import { type XmlValue, xmlDocument } from "./xml.ts";

/** The two formats of the standard: XML (required) and JSON (declared in discovery). */
export const FORMATS = ["xml", "json"] as const;
export type Format = (typeof FORMATS)[number];

/** The content types the standard prescribes for each format. */
export const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  xml: "text/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** One error of the standard's error list: `code` is the HTTP status (or a more specific number). */
export type Open311ErrorItem = Static<typeof Open311ErrorDto>;

/** An error answered in the standard's shape; `status` 400 unless said otherwise. */
export const open311Error = (status: number, field: string | null, message: string) =>
  new AppError(
    status,
    status === 404 ? "NOT_FOUND" : status === 403 ? "FORBIDDEN" : "VALIDATION_FAILED",
    field ? `${field}: ${message}` : message,
    field ? [{ field, message }] : [],
  );

/** The format named by a `.{format}` suffix, or null for anything else. */
export function parseFormat(raw: string | undefined): Format | null {
  const f = (raw ?? "").toLowerCase();
  return (FORMATS as readonly string[]).includes(f) ? (f as Format) : null;
}

/** The format of a raw URL (for errors on routes that did not match): JSON only when asked for. */
export function formatOfUrl(url: string): Format {
  const path = url.split("?")[0] ?? "";
  return /\.json$/i.test(path) ? "json" : "xml";
}

/** The 404 for a format suffix the standard does not define. */
export const unknownFormat = (raw: string) =>
  open311Error(404, "format", `".${raw}" is not a format of this endpoint; use .xml or .json`);

/** Sends a value: JSON as is (root arrays stay arrays), XML under `root` with the declaration. */
export function sendAs(reply: FastifyReply, format: Format, status: number, root: string, value: XmlValue) {
  reply.status(status).header("content-type", CONTENT_TYPES[format]);
  return reply.send(format === "json" ? JSON.stringify(value ?? null) : xmlDocument(root, value));
}

/**
 * Any error → the standard's list of `{ code, description }`: one item per field problem of our
 * errors, Ajv's validation errors named by parameter, Fastify's body errors (bad JSON, unknown
 * content type, too large) as 400/413; anything unexpected is a 500 that says nothing internal.
 */
export function errorItems(err: unknown): { status: number; items: Open311ErrorItem[] } {
  if (err instanceof AppError) {
    const fields = err.details.filter(
      (d): d is { field: string; message: string } =>
        !!d && typeof (d as { field?: unknown }).field === "string",
    );
    const items = fields.length
      ? fields.map((d) => ({ code: err.status, description: `${d.field}: ${d.message}` }))
      : [{ code: err.status, description: err.message }];
    return { status: err.status, items };
  }
  // Anything else thrown in a request is Fastify's (validation, body parsing) or a bug.
  const fe: Partial<FastifyError> = err instanceof Error ? err : {};
  if (fe.validation) {
    return {
      status: 400,
      items: fe.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        const missing = (v.params as { missingProperty?: string }).missingProperty;
        const field = [path, missing].filter(Boolean).join(".") || (fe.validationContext ?? "request");
        return { code: 400, description: `${field}: ${v.message ?? "is invalid"}` };
      }),
    };
  }
  if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return { status: 413, items: [{ code: 413, description: "The body is larger than 1 MiB." }] };
  }
  if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return {
      status: 400,
      items: [
        {
          code: 400,
          description:
            "Send the request as application/x-www-form-urlencoded (the standard's format) or application/json.",
        },
      ],
    };
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return { status, items: [{ code: status, description: fe.message ?? "" }] };
  return {
    status: 500,
    items: [{ code: 500, description: "Something went wrong on our side; it has been logged." }],
  };
}
