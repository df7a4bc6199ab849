/**
 * Who is calling, for the routes of every module: the session (bearer token or cookie) or an
 * integration's API key. The users module owns authentication, so routes import it downwards.
 */
import type { FastifyRequest } from "fastify";
import type { Role } from "../../../common/appeal-state.ts";
import type { AppContext } from "../../app-context.ts";
import { forbidden, unauthorized } from "../../platform/errors.ts";
import { findApiKey } from "./api-keys.ts";
import type { AuthUser } from "./auth-user.ts";
import { authenticate } from "./sessions.ts";

/** The console's session cookie. */
export const SESSION_COOKIE = "hotline_session";

/** The session token of a request: `Authorization: Bearer …` or the cookie. */
export function sessionToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith("Bearer ")) return h.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE];
}

/** The logged-in user, optionally restricted to roles (403 naming the roles allowed). */
export async function requireUser(
  ctx: AppContext,
  req: FastifyRequest,
  roles?: readonly Role[],
): Promise<AuthUser> {
  const user = await authenticate(ctx, sessionToken(req));
  if (roles && !roles.includes(user.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(", ")}; you are ${user.role}.`, [
      { allowedRoles: roles, role: user.role },
    ]);
  }
  return user;
}

/**
 * A staff user or an integration calling with `X-Api-Key`. Integrations act as an intake channel
 * (role agent for permission purposes) under the key's name.
 */
export async function requireUserOrApiKey(
  ctx: AppContext,
  req: FastifyRequest,
  roles: readonly Role[],
): Promise<AuthUser> {
  const key = req.headers["x-api-key"];
  if (typeof key === "string" && key) {
    const found = await findApiKey(ctx, key);
    if (!found) throw unauthorized("The API key is unknown or revoked.");
    return {
      id: found.id,
      username: `api-key:${found.name}`,
      name: found.name,
      role: "agent",
      departmentId: null,
    };
  }
  return requireUser(ctx, req, roles);
}
