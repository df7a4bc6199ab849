import type { ReceiveAppealInput } from "../../../common/contracts/appeals.ts";
import { isValidPhone, normalizePhone } from "../../../common/phone.ts";
import { usccProblem } from "../../../common/uscc.ts";
import type { AppContext } from "../../app-context.ts";
import { badInput, type FieldProblem } from "../../platform/errors.ts";

/**
 * Checks what the schema cannot: codes that must exist in the catalog, phone numbers, the USCC
 * check character (GB 32100). Throws one 400 listing every problem, each naming its field.
 */
export function checkIntake(ctx: AppContext, input: ReceiveAppealInput): void {
  const problems: FieldProblem[] = [];
  const region = input.location?.regionCode;
  if (region && !ctx.directory.regions.has(region)) {
    problems.push({ field: "location.regionCode", message: `unknown region code ${region}` });
  }
  if (input.categoryCode && !ctx.directory.isLeafCategory(input.categoryCode)) {
    problems.push({
      field: "categoryCode",
      message: `unknown or non-leaf category code ${input.categoryCode} (use a level-3 code)`,
    });
  }
  const phone = input.citizen?.phone;
  if (phone && !isValidPhone(phone)) {
    problems.push({ field: "citizen.phone", message: `not a valid mainland phone number: ${phone}` });
  }
  if (input.enterprise) {
    const p = usccProblem(input.enterprise.uscc);
    if (p) problems.push({ field: "enterprise.uscc", message: p });
  }
  // JSON number coercion turns "1e400" into Infinity, which passes a range check but cannot be
  // stored or answered: only finite coordinates are coordinates.
  for (const [key, limit] of [
    ["lat", 90],
    ["lng", 180],
  ] as const) {
    const v = input.location?.[key];
    if (v !== undefined && v !== null && !(Number.isFinite(v) && Math.abs(v) <= limit)) {
      problems.push({ field: `location.${key}`, message: `must be a number between -${limit} and ${limit}` });
    }
  }
  if (!input.title.trim()) problems.push({ field: "title", message: "must not be blank" });
  if (!input.body.trim()) problems.push({ field: "body", message: "must not be blank" });
  if (problems.length) throw badInput(`The appeal has ${problems.length} invalid field(s).`, problems);
}

/** The phone as stored: digits only (masked on every way out). */
export const storedPhone = (phone: string | undefined): string | null =>
  phone ? normalizePhone(phone) : null;
