import type { Role } from "../../../common/appeal-state.ts";
import { forbidden } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";

/** Who writes, tests, previews, approves and publishes policies. */
export const POLICY_AUTHORS: readonly Role[] = ["policy_officer", "admin"];

/** Only policy officers and admins author and publish policies. */
export function requireAuthor(user: AuthUser): void {
  if (!POLICY_AUTHORS.includes(user.role)) {
    throw forbidden(`Policies are written by policy officers; you are ${user.role}.`, [
      { allowedRoles: POLICY_AUTHORS, role: user.role },
    ]);
  }
}
