/**
 * The logged-in user, for the screens that show who they are and pick what to offer; what a user
 * may do with an entity comes from the server as the entity's `abilities`.
 */
import { createContext, useContext } from "react";
import type { SessionUser } from "../../../common/contracts/users.ts";

/** The logged-in user as `GET/POST /api/v1/session` answer it (common/contracts/users.ts). */
export type User = SessionUser;

export const SessionContext = createContext<{ user: User; logout: () => void } | null>(null);

export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside the console");
  return s;
}
