import type { Role } from "../../../common/appeal-state.ts";
import {
  CASE_ACTIONS,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseActor,
  caseStateProblem,
  SUBCASE_ACTIONS,
  type SubcaseAction,
  type SubcaseCore,
  subcaseStateProblem,
} from "../../../common/case-state.ts";
import type { Directory } from "../directory/directory-cache.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { CaseRecord } from "./case.repo.ts";

/** Roles that work on cases: the window / agents (受理, 帮办代办), departments, supervisors, admins. */
export const CASE_STAFF: readonly Role[] = ["agent", "handler", "supervisor", "admin"];

const within = (user: AuthUser, dep: string, dir: Directory) =>
  !!user.departmentId && dir.isWithin(dep, user.departmentId);

/**
 * Whether the user sees the case at all: staff other than handlers see every case; a handler sees
 * a case whose lead department, or one of whose sub-cases, lies in its department's subtree.
 */
export function canSeeCase(user: AuthUser, rec: CaseRecord, dir: Directory): boolean {
  if (user.role === "handler") {
    return (
      within(user, rec.leadDepartmentId, dir) ||
      rec.state.subcases.some((s) => within(user, s.departmentId, dir))
    );
  }
  return CASE_STAFF.includes(user.role);
}

/** Whether the user sees a sub-case: a handler only its own department's (never another's). */
export function canSeeSubcase(user: AuthUser, sub: SubcaseCore, dir: Directory): boolean {
  if (user.role === "handler") return within(user, sub.departmentId, dir);
  return CASE_STAFF.includes(user.role);
}

function baseActors(user: AuthUser): CaseActor[] {
  switch (user.role) {
    case "agent":
      return ["intake"];
    case "supervisor":
      return ["supervisor"];
    case "admin":
      return ["admin"];
    default:
      return [];
  }
}

/** The transition-table actors the user is for the parent case. */
export function caseActorsOf(user: AuthUser, rec: CaseRecord, dir: Directory): CaseActor[] {
  if (user.role === "handler") return within(user, rec.leadDepartmentId, dir) ? ["lead_handler"] : [];
  return baseActors(user);
}

/** The transition-table actors the user is for one sub-case. */
export function subcaseActorsOf(user: AuthUser, sub: SubcaseCore, dir: Directory): CaseActor[] {
  if (user.role === "handler") return within(user, sub.departmentId, dir) ? ["dept_handler"] : [];
  return baseActors(user);
}

export function caseRoleAllows(user: AuthUser, rec: CaseRecord, dir: Directory, action: CaseAction): boolean {
  const mine = caseActorsOf(user, rec, dir);
  return CASE_TRANSITIONS.case[action].actors.some((a) => mine.includes(a));
}

export function subcaseRoleAllows(
  user: AuthUser,
  sub: SubcaseCore,
  dir: Directory,
  action: SubcaseAction,
): boolean {
  const mine = subcaseActorsOf(user, sub, dir);
  return CASE_TRANSITIONS.subcase[action].actors.some((a) => mine.includes(a));
}

/** Parent actions this user may take now: the console's `abilities`. */
export function caseAbilities(user: AuthUser, rec: CaseRecord, dir: Directory): CaseAction[] {
  return CASE_ACTIONS.filter(
    (a) => caseStateProblem(rec.state, a) === null && caseRoleAllows(user, rec, dir, a),
  );
}

/** Sub-case actions this user may take now. */
export function subcaseAbilities(
  user: AuthUser,
  rec: CaseRecord,
  sub: SubcaseCore,
  dir: Directory,
): SubcaseAction[] {
  return SUBCASE_ACTIONS.filter(
    (a) => subcaseStateProblem(rec.state, sub, a) === null && subcaseRoleAllows(user, sub, dir, a),
  );
}
