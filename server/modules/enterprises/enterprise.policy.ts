import type { Role } from "../../../common/appeal-state.ts";
import type { EnterpriseAbilities } from "../../../common/contracts/enterprises.ts";
import type { AuthUser } from "../users/auth-user.ts";

/**
 * Who reads the registry and who edits it: checked by the routes and sent to the console as
 * `abilities` on every enterprise.
 */

/** Who reads the registry. */
export const REGISTRY_READERS: readonly Role[] = ["admin", "policy_officer", "handler", "supervisor"];

/** Who edits it (a new version, a file import) and issues lookup codes. */
export const REGISTRY_EDITORS: readonly Role[] = ["admin", "policy_officer"];

/** What the user may do with an enterprise (the same for every enterprise today: by role). */
export function enterpriseAbilities(user: AuthUser): EnterpriseAbilities {
  const editor = REGISTRY_EDITORS.includes(user.role);
  return { edit: editor, issueLookupCode: editor };
}
