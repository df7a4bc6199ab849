import type { Role } from "../../../common/appeal-state.ts";
import {
  type EntitlementAbilities,
  LEDGER_ACTION_NAMES,
  type LedgerStatus,
} from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { LEDGER_ACTIONS } from "./ledger-actions.ts";

/**
 * Who may do what with the entitlements ledger: checked on the server and sent to the console as
 * `abilities` on every entitlement, so the console never re-implements these rules.
 */

/** Who reads policies and the ledger (handlers only their department's subtree). */
export const LEDGER_READERS: readonly Role[] = ["admin", "policy_officer", "handler", "supervisor"];

/** Who may confirm, reject or disburse at all (then only for their department's entitlements). */
export const LEDGER_ACTORS: readonly Role[] = ["handler", "admin"];

/** Whether a user may act for a department: a handler of it or of a department above it, or an admin. */
export function mayActFor(ctx: AppContext, user: AuthUser, departmentId: string): boolean {
  if (user.role === "admin") return true;
  return (
    user.role === "handler" && !!user.departmentId && ctx.directory.isWithin(departmentId, user.departmentId)
  );
}

/** Whether a user may see an entitlement issued by a department (handlers: their subtree only). */
export function maySeeEntitlement(ctx: AppContext, user: AuthUser, departmentId: string): boolean {
  if (user.role !== "handler") return true;
  return !!user.departmentId && ctx.directory.isWithin(departmentId, user.departmentId);
}

/**
 * What the user may do with an entitlement now: an action is allowed when the entitlement is in
 * a state the action starts from and the user acts for its issuing department. No user (the
 * public lookup): nothing.
 */
export function entitlementAbilities(
  ctx: AppContext,
  user: AuthUser | null,
  e: { status: LedgerStatus; departmentId: string },
): EntitlementAbilities {
  const acts = !!user && LEDGER_ACTORS.includes(user.role) && mayActFor(ctx, user, e.departmentId);
  const out = { confirm: false, reject: false, disburse: false };
  for (const a of LEDGER_ACTION_NAMES) out[a] = acts && LEDGER_ACTIONS[a].from.includes(e.status);
  return out;
}
