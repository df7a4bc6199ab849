/** One problem with one input field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error that the API answers as `{ error: { code, message, details } }` with its 4xx status.
 * Use the helpers below so codes stay consistent.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** 400: input is malformed; `details` names each field. */
export const badInput = (message: string, details: FieldProblem[] = []) =>
  new AppError(400, "VALIDATION_FAILED", message, details);
/** 400 for exactly one field. */
export const badField = (field: string, message: string) =>
  badInput(`${field}: ${message}`, [{ field, message }]);
export const unauthorized = (message = "Please log in first.") => new AppError(401, "UNAUTHORIZED", message);
export const forbidden = (message: string, details: unknown[] = []) =>
  new AppError(403, "FORBIDDEN", message, details);
export const notFound = (what: string, id: string) =>
  new AppError(404, "NOT_FOUND", `${what} ${id} does not exist or is not visible to you.`, [{ what, id }]);
export const conflict = (code: string, message: string, details: unknown[] = []) =>
  new AppError(409, code, message, details);

/**
 * 429: a client or account is over a rate limit (logins, portal submissions, public lookups,
 * Open311 reads). `details[0].retryAfterSeconds` becomes the `Retry-After` header.
 * @example throw rateLimited(`Too many lookups from your address. Try again in ${wait} seconds.`, wait)
 */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError(429, "RATE_LIMITED", message, [{ retryAfterSeconds }]);

/** The seconds a 429 asks the client to wait (its `Retry-After`), or undefined for any other error. */
export function retryAfterOf(err: AppError): number | undefined {
  if (err.status !== 429) return undefined;
  const wait = (err.details[0] as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof wait === "number" && wait > 0 ? wait : undefined;
}
