import type { LedgerChanges } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import type { Tx } from "../../storage/database.ts";

/** Who changed the registry, as the followers record it. */
export interface RegistryActor {
  id: string | null;
  name: string;
}

/**
 * What follows a change of the enterprise registry, wired at the composition root so the registry
 * never imports the programmes built on it: the policies module re-matches the changed enterprises
 * in the same transaction (免申即享 needs no application) and delivers its notices after commit.
 */
export interface RegistryFollowers {
  /** In the change's transaction: the ledger changes the new versions cause. */
  afterChange(ctx: AppContext, tx: Tx, usccs: string[], actor: RegistryActor): Promise<LedgerChanges>;
  /** After the commit: deliver what the change queued. */
  afterCommit(ctx: AppContext): Promise<void>;
}
