import type { Role } from "../../../common/appeal-state.ts";
import type { HotspotAbility, HotspotStatus } from "../../../common/contracts/hotspots.ts";
import type { AuthUser } from "../users/auth-user.ts";

/** Who sees hot spots: the agents' desk and supervisors (handlers work on their own appeals). */
export const HOTSPOT_VIEWERS: readonly Role[] = ["agent", "supervisor", "admin"];

/** Who turns a hot spot into supervised work (督办). */
export const HOTSPOT_SUPERVISORS: readonly Role[] = ["supervisor", "admin"];

/** Who checks a text for duplicates before receiving it (the desk); the roles that receive or merge. */
export const DUPLICATE_CHECKERS: readonly Role[] = ["agent", "supervisor", "admin"];

/**
 * What this user may do with a hot spot now, sent as `abilities` so the console never re-implements
 * the rule. `supervise` is offered while the hot spot is `open`: an expired one is refused (409
 * HOTSPOT_EXPIRED), and a supervised one is already work in hand (the API still accepts it again,
 * which supervises members that joined since).
 */
export function hotspotAbilities(user: AuthUser, spot: { status: HotspotStatus }): HotspotAbility[] {
  const out: HotspotAbility[] = [];
  if (HOTSPOT_SUPERVISORS.includes(user.role) && spot.status === "open") out.push("supervise");
  return out;
}
