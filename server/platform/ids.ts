import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A new random UUID (v4). */
export const newId = (): string => randomUUID();

/** A random URL-safe secret of `bytes` bytes (tokens, API keys, tracking secrets). */
export const newSecret = (bytes = 24): string => randomBytes(bytes).toString("base64url");

/** SHA-256 hex of a secret: tokens and keys are looked up by hash, never stored in clear. */
export const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True for a syntactically valid UUID (so a malformed id is a 404, not a database error). */
export const isUuid = (s: string): boolean => UUID_RE.test(s);
