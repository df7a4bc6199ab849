import type { LedgerChanges } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import type { Tx } from "../../storage/database.ts";
import type { Actor } from "./entitlement-events.ts";
import { chinaToday, loadRegistry, matchRegistry } from "./matching.ts";
import { publishedSet } from "./published-set.ts";
import { reconcileLedger } from "./reconcile-ledger.ts";

/**
 * The rule "when an enterprise's data change, re-match it" (免申即享 needs no application: a
 * change in the registry alone may grant, recompute or withdraw an entitlement). The registry's
 * use cases (save one enterprise, import a file) call this inside their own transaction, so the
 * new version and its ledger changes commit together; the notices it queues are delivered after
 * commit (`deliverAfterCommit`).
 */
export async function rematchEnterprises(
  ctx: AppContext,
  tx: Tx,
  usccs: string[],
  actor: Actor,
): Promise<LedgerChanges> {
  if (usccs.length === 0) return { created: 0, recomputed: 0, withdrawn: 0 };
  const evalIso = chinaToday(ctx);
  const set = await publishedSet(tx, evalIso);
  const reg = await loadRegistry(tx, { usccs });
  const outcomes = matchRegistry(set, reg);
  return reconcileLedger(
    ctx,
    tx,
    reg,
    outcomes,
    { rows: reg.uscc.map((_, i) => i), policyIds: set.policies.map((p) => p.policyId) },
    actor,
  );
}
