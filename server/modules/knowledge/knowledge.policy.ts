import type { Role } from "../../../common/appeal-state.ts";
import type { Directory } from "../directory/directory-cache.ts";
import type { AuthUser } from "../users/auth-user.ts";

/** Who reads the knowledge base: every staff role (policy officers answer policy questions too). */
export const KNOWLEDGE_READERS: readonly Role[] = [
  "agent",
  "handler",
  "supervisor",
  "admin",
  "policy_officer",
];

/** Who writes articles at all; which articles a handler may write is {@link canEditArticle}. */
export const KNOWLEDGE_WRITERS: readonly Role[] = ["admin", "supervisor", "handler"];

/** Who sees usage and misses: the writers (handlers only for their own departments). */
export const KNOWLEDGE_STATS_READERS: readonly Role[] = ["admin", "supervisor", "handler"];

/**
 * Whether the user may create or change an article owned by `departmentId`.
 * - admin: any article (catalog owner).
 * - supervisor: any article — the hotline centre's quality staff keep the knowledge base in step
 *   with what callers ask, which is how 12345 centres run it in practice.
 * - handler: articles of their own department or a department below it (a city bureau keeps its
 *   district offices' articles), never another department's.
 * - agent, policy officer: no; agents flag misses instead.
 */
export function canEditArticle(user: AuthUser, departmentId: string, dir: Directory): boolean {
  if (user.role === "admin" || user.role === "supervisor") return true;
  if (user.role === "handler" && user.departmentId) return dir.isWithin(departmentId, user.departmentId);
  return false;
}

/** The abilities sent with an article, so the console never re-implements the rule. */
export function articleAbilities(
  user: AuthUser,
  departmentId: string,
  dir: Directory,
): ("edit" | "answer")[] {
  const out: ("edit" | "answer")[] = [];
  if (canEditArticle(user, departmentId, dir)) out.push("edit");
  if (["agent", "supervisor", "admin"].includes(user.role)) out.push("answer");
  return out;
}
