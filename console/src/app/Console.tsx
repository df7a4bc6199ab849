/** The staff console: the session (asked of the server when this browser logged in before), the log-in form, then the shell. */
import { Spin } from "antd";
import { useCallback, useEffect, useState } from "react";
import { api } from "../shared/api.ts";
import { navigate } from "../shared/router.tsx";
import { SessionContext, type User } from "../shared/session.ts";
import { Login } from "./Login.tsx";
import { Shell } from "./Shell.tsx";
import { HOME } from "./screens.ts";

const FLAG = "hotline.session";
function remembered(): boolean {
  try {
    return localStorage.getItem(FLAG) === "1";
  } catch {
    return true;
  }
}
function remember(on: boolean) {
  try {
    if (on) localStorage.setItem(FLAG, "1");
    else localStorage.removeItem(FLAG);
  } catch {
    // storage blocked: the console asks the server every time
  }
}

export default function Console() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    // Only ask the server when this browser logged in before (the cookie itself is httpOnly).
    if (!remembered()) return setUser(null);
    api<{ user: User }>("GET", "/api/v1/session").then(
      (r) => setUser(r.user),
      () => {
        remember(false);
        setUser(null);
      },
    );
  }, []);
  const logout = useCallback(async () => {
    await api("DELETE", "/api/v1/session").catch(() => undefined);
    remember(false);
    setUser(null);
    navigate("/", true);
  }, []);
  if (user === undefined) return <Spin style={{ display: "block", margin: 80 }} />;
  if (user === null)
    return (
      <Login
        onLogin={(u) => {
          remember(true);
          setUser(u);
          navigate(HOME[u.role], true);
        }}
      />
    );
  return (
    <SessionContext.Provider value={{ user, logout }}>
      <Shell user={user} logout={logout} />
    </SessionContext.Provider>
  );
}
