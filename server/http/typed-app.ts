import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";

/**
 * The Fastify instance every `.routes.ts` registers on: typed by TypeBox, so `req.body`,
 * `req.params` and `req.query` have the types of their schemas (no casts) and a handler's return
 * value is checked against the `response` schema it declares.
 */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The TypeBox-typed view of an instance (a plugin's scope, or the root). */
export const typed = (app: FastifyInstance): TypedApp => app.withTypeProvider<TypeBoxTypeProvider>();
