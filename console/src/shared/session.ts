import { createContext, useContext } from "react";
import type { User } from "./api.ts";

export const SessionContext = createContext<{ user: User; logout: () => void } | null>(null);

export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside the console");
  return s;
}
