import type { Role } from "../../../common/appeal-state.ts";
import type { BUNDLE_ABILITIES } from "../../../common/contracts/bundles.ts";
import type { AuthUser } from "../users/auth-user.ts";

/**
 * Who edits and publishes definitions: administrators and policy officers (政策专员), who already
 * keep the other versioned rule data (decision tables); no new role is needed.
 */
export const BUNDLE_EDITORS: readonly Role[] = ["admin", "policy_officer"];
/** Everyone on staff reads definitions and the form. */
export const BUNDLE_READERS: readonly Role[] = ["agent", "handler", "supervisor", "admin", "policy_officer"];
/** Who starts a case: the comprehensive window or a hotline agent (帮办代办), and admins. */
export const CASE_STARTERS: readonly Role[] = ["agent", "admin"];
/** Who reads reform figures. */
export const FIGURE_READERS: readonly Role[] = ["supervisor", "admin", "policy_officer"];

export function bundleAbilities(user: AuthUser, published: boolean): (typeof BUNDLE_ABILITIES)[number][] {
  const out: (typeof BUNDLE_ABILITIES)[number][] = [];
  if (BUNDLE_EDITORS.includes(user.role)) out.push("edit", "publish");
  if (published && CASE_STARTERS.includes(user.role)) out.push("start-case");
  return out;
}
