import { normalizeUscc, usccProblem } from "../../../common/uscc.ts";
import { badField } from "../../platform/errors.ts";

/** A USCC from a URL: blanks removed, upper case, GB 32100 check character verified (400 naming `params.uscc`). */
export function parseUsccParam(raw: string): string {
  const uscc = normalizeUscc(raw);
  const p = usccProblem(uscc);
  if (p) throw badField("params.uscc", p);
  return uscc;
}
