/** The logged-in user, for the screens that show who they are (never to decide what they may do). */

import { createContext, useContext } from "react";
import type { Role } from "../../../common/appeal-state.ts";

export interface User {
  id: string;
  username?: string;
  name: string;
  role: Role;
  departmentId: string | null;
  disabled?: boolean;
  createdAt?: string;
}

export const SessionContext = createContext<{ user: User; logout: () => void } | null>(null);

export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside the console");
  return s;
}
