import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import type { Tx } from "../../storage/database.ts";
import type { AttrValues } from "../enterprises/index.ts";
import {
  type CompiledPolicy,
  ELIGIBLE,
  type Frame,
  matchFrame,
  missingOf,
  NEEDS_DATA,
  newFrame,
  type PolicySet,
  setRow,
} from "./engine.ts";

/**
 * Matching against the registry: the registry (or some enterprises of it) loaded into the
 * engine's columnar frame, and a policy set evaluated over it. Pure reads; what the outcomes do
 * to the ledger is `reconcile-ledger.ts`.
 */

/** Today in China (UTC+8) as yyyy-mm-dd: the evaluation date of matching. */
export function chinaToday(ctx: AppContext): string {
  return chinaDate(ctx.clock.now());
}

/** The registry (or some enterprises of it) as a frame, with the USCC and city of every row. */
export interface Registry {
  frame: Frame;
  uscc: string[];
  city: string[];
  attrs: AttrValues[];
}

/** Loads the registry (all of it in USCC pages of 5000, or the given USCCs) into a frame. */
export async function loadRegistry(
  db: Tx,
  opts: { usccs?: string[]; onProgress?: (loaded: number) => void } = {},
): Promise<Registry> {
  const rows: { uscc: string; city_code: string; attrs: AttrValues }[] = [];
  if (opts.usccs) {
    for (let i = 0; i < opts.usccs.length; i += 1000) {
      const part = await db
        .selectFrom("enterprises")
        .select(["uscc", "city_code", "attrs"])
        .where("uscc", "in", opts.usccs.slice(i, i + 1000))
        .execute();
      rows.push(...(part as typeof rows));
    }
  } else {
    let after = "";
    for (;;) {
      const part = await db
        .selectFrom("enterprises")
        .select(["uscc", "city_code", "attrs"])
        .where("uscc", ">", after)
        .orderBy("uscc")
        .limit(5000)
        .execute();
      rows.push(...(part as typeof rows));
      opts.onProgress?.(rows.length);
      if (part.length < 5000) break;
      after = part[part.length - 1]!.uscc;
    }
  }
  const frame = newFrame(rows.length);
  for (const [i, r] of rows.entries()) setRow(frame, i, r.attrs);
  return {
    frame,
    uscc: rows.map((r) => r.uscc),
    city: rows.map((r) => r.city_code),
    attrs: rows.map((r) => r.attrs),
  };
}

/** The outcome of one policy for one enterprise (only eligible and needs-data are kept). */
export interface Outcome {
  row: number;
  policyId: string;
  version: number;
  status: "eligible" | "needs_data" | "error";
  amount: number;
  rule: number;
  missing: string[];
}

/** Matches a registry against a policy set, in steps of 2000 rows; progress in rows. */
export function matchRegistry(
  set: PolicySet,
  reg: Registry,
  onProgress?: (done: number, total: number) => void,
): Outcome[] {
  const out: Outcome[] = [];
  const STEP = 2000;
  for (let from = 0; from < reg.frame.size; from += STEP) {
    const to = Math.min(reg.frame.size, from + STEP);
    matchFrame(set, reg.frame, from, to, (row, k, status, amount, rule, mask) => {
      const p = set.policies[k] as CompiledPolicy;
      out.push({
        row,
        policyId: p.policyId,
        version: p.version,
        status: status === ELIGIBLE ? "eligible" : status === NEEDS_DATA ? "needs_data" : "error",
        amount,
        rule,
        missing: status === NEEDS_DATA ? missingOf(p, mask) : [],
      });
    });
    onProgress?.(to, reg.frame.size);
  }
  return out;
}
