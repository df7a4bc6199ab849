import type { Role } from "../../../common/appeal-state.ts";
import type { ApiKeyDto, LoginResult, UserDto } from "../../../common/contracts/users.ts";
import type { AuthUser } from "./auth-user.ts";

/** The wire shape of a staff account: never the password hash. */
export function presentUser(r: {
  id: string;
  username: string;
  name: string;
  role: string;
  department_id: string | null;
  disabled: boolean;
  created_at: Date;
}): UserDto {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role as Role,
    departmentId: r.department_id,
    disabled: r.disabled,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The wire shape of an API key: never the key or its hash. */
export function presentApiKey(r: {
  id: string;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
}): ApiKeyDto {
  return {
    id: r.id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  };
}

/** The answer to a login: the token, when it expires, and who logged in. */
export function presentSession(s: { token: string; expiresAt: Date; user: AuthUser }): LoginResult {
  const { id, username, name, role, departmentId } = s.user;
  return {
    token: s.token,
    expiresAt: s.expiresAt.toISOString(),
    user: { id, username, name, role, departmentId },
  };
}
