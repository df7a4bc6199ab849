import argon2 from "argon2";
import type { Role } from "../../../common/appeal-state.ts";
import type { AppContext } from "../../app-context.ts";
import { AppError, rateLimited, unauthorized } from "../../platform/errors.ts";
import { newSecret, sha256 } from "../../platform/ids.ts";
import { RateLimiter } from "../../platform/rate-limiter.ts";
import type { AuthUser } from "./auth-user.ts";

/** Sessions last one working shift plus margin; the console logs in again after. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;

// Five failed logins per username, or twenty per client address, per 15 minutes.
const byUser = new RateLimiter(5, 15 * 60 * 1000);
const byClient = new RateLimiter(20, 15 * 60 * 1000);

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password and opens a session. Failures are counted per username and per
 * client; over the limit the answer is 429 with the seconds to wait.
 */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
  clientIp: string,
): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
  const now = Date.now();
  const wait = Math.max(byUser.retryAfter(username, now), byClient.retryAfter(clientIp, now));
  if (wait > 0) {
    throw rateLimited(`Too many failed logins. Try again in ${wait} seconds.`, wait);
  }
  const row = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirst();
  dummyHash ??= argon2.hash("not-a-password-of-anyone");
  const ok = row
    ? await argon2.verify(row.password_hash, password)
    : await argon2.verify(await dummyHash, password);
  if (!row || !ok || row.disabled) {
    byUser.hit(username, now);
    byClient.hit(clientIp, now);
    throw new AppError(401, "INVALID_CREDENTIALS", "Wrong username or password, or the account is disabled.");
  }
  byUser.reset(username);
  const token = newSecret(32);
  const created = ctx.clock.now();
  const expiresAt = new Date(created.getTime() + SESSION_TTL_MS);
  await ctx.db
    .insertInto("sessions")
    .values({ token_hash: sha256(token), user_id: row.id, created_at: created, expires_at: expiresAt })
    .execute();
  return {
    token,
    expiresAt,
    user: {
      id: row.id,
      username: row.username,
      name: row.name,
      role: row.role as Role,
      departmentId: row.department_id,
    },
  };
}

/** The user behind a bearer token or cookie, or a 401 when it is unknown, expired or disabled. */
export async function authenticate(ctx: AppContext, token: string | undefined): Promise<AuthUser> {
  if (!token) throw unauthorized();
  const row = await ctx.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "users.id",
      "users.username",
      "users.name",
      "users.role",
      "users.department_id",
      "users.disabled",
      "sessions.expires_at",
    ])
    .where("sessions.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled || new Date(row.expires_at) <= ctx.clock.now()) {
    throw unauthorized("Your session is unknown or has expired. Please log in again.");
  }
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as Role,
    departmentId: row.department_id,
  };
}

/** Ends a session. */
export async function logout(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom("sessions").where("token_hash", "=", sha256(token)).execute();
}
