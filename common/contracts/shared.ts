import { type TSchema, Type } from "@sinclair/typebox";

/** A string enum from a readonly tuple of literals (one definition, no enums written twice). */
export const StringEnum = <T extends readonly string[]>(values: T, opts: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...opts });

/** An ISO 8601 timestamp with offset. */
export const IsoDateTime = Type.String({ format: "date-time" });

/** `{ error: { code, message, details } }`: the only shape of an error response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(Type.Unknown()),
    }),
  },
  { $id: "Error" },
);

/** A page of a list: `{ items, nextCursor }`. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** `?limit=&cursor=` */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A reference to the shared error schema, for a route's `response` map. */
export const ErrorRef = Type.Unsafe<{ error: { code: string; message: string; details: unknown[] } }>({
  $ref: "Error#",
});

/**
 * The contract's error responses by status, for a route's `response` map:
 * `response: { 200: X, ...errorResponses(400, 401, 403, 404) }`.
 */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ErrorRef> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorRef])) as Record<S, typeof ErrorRef>;
}
