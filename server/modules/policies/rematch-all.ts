import type { AppContext } from "../../app-context.ts";
import type { Actor } from "./entitlement-events.ts";
import { chinaToday, loadRegistry, matchRegistry } from "./matching.ts";
import { publishedSet } from "./published-set.ts";
import { reconcileLedger } from "./reconcile-ledger.ts";

/** Re-matches the whole registry against every published policy (CLI `policies match --all`), in one transaction. */
export async function rematchAll(
  ctx: AppContext,
  actor: Actor,
  onProgress?: (done: number, total: number) => void,
) {
  return ctx.db.transaction().execute(async (tx) => {
    const set = await publishedSet(tx, chinaToday(ctx));
    const reg = await loadRegistry(tx);
    const outcomes = matchRegistry(set, reg, onProgress);
    const r = await reconcileLedger(
      ctx,
      tx,
      reg,
      outcomes,
      { rows: "all", policyIds: set.policies.map((p) => p.policyId) },
      actor,
    );
    return {
      enterprises: reg.frame.size,
      policies: set.policies.length,
      eligible: outcomes.filter((o) => o.status === "eligible").length,
      needsData: outcomes.filter((o) => o.status === "needs_data").length,
      ...r,
    };
  });
}
