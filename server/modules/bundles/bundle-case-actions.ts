import type { CaseAction } from "../../../common/case-state.ts";
import { conflict } from "../../platform/errors.ts";
import type { CaseActionHandler } from "../cases/index.ts";
import type { BundleApplication } from "./start-bundle-case.ts";

/** Default working days to hand in materials accepted as missing (容缺受理). */
export const DEFAULT_SUPPLY_DAYS = 5;

/**
 * 受理 of a bundle case: every material the applicant must hand in is there, or the window accepts
 * without some (容缺受理, `tolerateMissing`) with a deadline to supply them; otherwise 409 naming them.
 */
const acceptBundle: CaseActionHandler = ({ ctx, rec, input, now }) => {
  const app = rec.application as BundleApplication;
  const missing = app.required.filter((m) => !app.materials.includes(m));
  if (missing.length && input.tolerateMissing !== true) {
    throw conflict(
      "MATERIALS_MISSING",
      `Materials not handed in: ${missing.join(", ")}. Accept with tolerateMissing (容缺受理) to go on and set a date to supply them.`,
      missing.map((m) => ({ material: m })),
    );
  }
  const days = typeof input.supplyWithinDays === "number" ? input.supplyWithinDays : DEFAULT_SUPPLY_DAYS;
  return {
    type: "accepted",
    at: now.toISOString(),
    data: {
      pendingMaterials: missing,
      supplyBy: missing.length ? ctx.sla.calendar.addWorkingDays(now, days).toISOString() : null,
    },
  };
};

/** The parent handlers a bundle case specialises (the rest are the engine's defaults). */
export const BUNDLE_CASE_HANDLERS: Partial<Record<CaseAction, CaseActionHandler>> = { accept: acceptBundle };
