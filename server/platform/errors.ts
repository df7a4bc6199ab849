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
