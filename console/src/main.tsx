/**
 * Entry: the citizens' portal at /public (no login, small bundle) or the staff console elsewhere.
 * Each is its own chunk, so neither loads the other's code.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Root } from "./Root.tsx";

const el = document.getElementById("root");
if (el) {
  createRoot(el).render(
    <StrictMode>
      <Root portal={location.pathname === "/public" || location.pathname.startsWith("/public/")} />
    </StrictMode>,
  );
}
