import {
  type Actor,
  APPEAL_ACTIONS,
  type AppealAction,
  type Role,
  stateProblem,
  TRANSITIONS,
} from "../../../common/appeal-state.ts";
import type { Directory } from "../directory/directory-cache.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { AppealRecord } from "./appeal.repo.ts";

/** Roles that work on appeals at all (policy officers work on 免申即享 only). */
export const APPEAL_STAFF: readonly Role[] = ["agent", "handler", "supervisor", "admin"];

/** Whether the user may see the appeal: staff see all; a handler only its department's subtree. */
export function canSeeAppeal(user: AuthUser, rec: AppealRecord, dir: Directory): boolean {
  if (user.role === "handler") {
    if (!user.departmentId) return false;
    const deps = [rec.leadDepartmentId, ...rec.coDepartmentIds].filter((d): d is string => !!d);
    return deps.some((d) => dir.isWithin(d, user.departmentId!));
  }
  return APPEAL_STAFF.includes(user.role);
}

/** The transition-table actors this user is, for this appeal. */
export function actorsOf(user: AuthUser, rec: AppealRecord, dir: Directory): Actor[] {
  switch (user.role) {
    case "agent":
      return ["agent"];
    case "supervisor":
      return ["supervisor"];
    case "admin":
      return ["admin"];
    case "handler":
      return user.departmentId &&
        rec.leadDepartmentId &&
        dir.isWithin(rec.leadDepartmentId, user.departmentId)
        ? ["lead_handler"]
        : [];
    default:
      return [];
  }
}

/** Whether the user's role allows the action on this appeal (the state is checked apart). */
export function roleAllows(user: AuthUser, rec: AppealRecord, dir: Directory, action: AppealAction): boolean {
  const mine = actorsOf(user, rec, dir);
  return TRANSITIONS[action].actors.some((a) => mine.includes(a));
}

/** The actions this user may take on this appeal now: sent to the console as `abilities`. */
export function abilitiesOf(user: AuthUser, rec: AppealRecord, dir: Directory): AppealAction[] {
  return APPEAL_ACTIONS.filter((a) => stateProblem(rec, a) === null && roleAllows(user, rec, dir, a));
}

/** Who may reveal the citizen's contact: agents, admins, and handlers of the appeal's departments. */
export function canRevealContact(user: AuthUser, rec: AppealRecord, dir: Directory): boolean {
  if (user.role === "agent" || user.role === "admin") return true;
  return user.role === "handler" && canSeeAppeal(user, rec, dir);
}
