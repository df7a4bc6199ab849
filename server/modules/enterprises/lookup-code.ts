import type { AppContext } from "../../app-context.ts";
import { notFound } from "../../platform/errors.ts";
import { newSecret, sha256 } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";

/**
 * The enterprise's verification code (查询码) for the public lookup of its entitlements: issued
 * by a policy officer, shown once, stored only as its hash; a new code replaces the old one.
 */

/** Issues a new verification code; 404 for an unknown enterprise. */
export async function issueLookupCode(ctx: AppContext, uscc: string): Promise<string> {
  const code = newSecret(9);
  const res = await ctx.db
    .updateTable("enterprises")
    .set({ lookup_code_hash: sha256(code) })
    .where("uscc", "=", uscc)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound("enterprise", uscc);
  return code;
}

/** Whether a code is the enterprise's current one (false for an unknown enterprise or none issued). */
export async function lookupCodeMatches(db: Tx, uscc: string, code: string): Promise<boolean> {
  const e = await db
    .selectFrom("enterprises")
    .select("lookup_code_hash")
    .where("uscc", "=", uscc)
    .executeTakeFirst();
  return !!e?.lookup_code_hash && e.lookup_code_hash === sha256(code);
}
