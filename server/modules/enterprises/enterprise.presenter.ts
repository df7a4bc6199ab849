import type { Enterprise } from "../../../common/contracts/enterprises.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { enterpriseAbilities } from "./enterprise.policy.ts";
import type { EnterpriseData } from "./registry.ts";

/** An enterprise as the API presents it to this user: its data and what the user may do with it. */
export function presentEnterprise<T extends EnterpriseData>(
  e: T,
  user: AuthUser,
): T & Pick<Enterprise, "abilities"> {
  return { ...e, abilities: enterpriseAbilities(user) };
}
