import type { Preview } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { conflict } from "../../platform/errors.ts";
import type { DecisionTable } from "./decision-table.ts";
import { PolicySet } from "./engine.ts";
import { chinaToday, loadRegistry, matchRegistry, type Outcome } from "./matching.ts";
import { compileStored } from "./published-set.ts";
import { loadVersion } from "./version-row.ts";

/** Matches the whole registry against one version and compares with the published version. */
export async function previewVersion(ctx: AppContext, policyId: string, version: number): Promise<Preview> {
  const row = await loadVersion(ctx.db, policyId, version);
  if (row.status === "published" || row.status === "superseded") {
    throw conflict("INVALID_STATE", `Version ${version} is ${row.status}; preview a draft.`, [
      { status: row.status },
    ]);
  }
  const evalIso = chinaToday(ctx);
  const draft = compileStored(policyId, version, row.decision_table as DecisionTable, false);
  const reg = await loadRegistry(ctx.db);
  const now = matchRegistry(new PolicySet([draft], evalIso), reg);
  const pol = await ctx.db
    .selectFrom("policies")
    .select(["published_version"])
    .where("id", "=", policyId)
    .executeTakeFirst();
  const prevVersion = pol?.published_version ?? null;
  let before: Outcome[] = [];
  if (prevVersion !== null) {
    const prevRow = await loadVersion(ctx.db, policyId, prevVersion);
    const prev = compileStored(policyId, prevVersion, prevRow.decision_table as DecisionTable);
    before = matchRegistry(new PolicySet([prev], evalIso), reg);
  }
  const amountsOf = (os: Outcome[]) =>
    new Map(os.filter((o) => o.status === "eligible").map((o) => [o.row, o.amount]));
  const a = amountsOf(before);
  const b = amountsOf(now);
  const examples: Preview["diff"]["examples"] = [];
  let newly = 0;
  let gone = 0;
  let changed = 0;
  let delta = 0;
  for (const [row, amt] of b) {
    const old = a.get(row);
    if (old === undefined) {
      newly++;
      delta += amt;
      if (examples.length < 30)
        examples.push({ uscc: reg.uscc[row]!, change: "newly_eligible", before: null, after: amt });
    } else if (Math.abs(old - amt) >= 0.005) {
      changed++;
      delta += amt - old;
      if (examples.length < 30)
        examples.push({ uscc: reg.uscc[row]!, change: "amount_changed", before: old, after: amt });
    }
  }
  for (const [row, old] of a) {
    if (b.has(row)) continue;
    gone++;
    delta -= old;
    if (examples.length < 30)
      examples.push({ uscc: reg.uscc[row]!, change: "no_longer_eligible", before: old, after: null });
  }
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const preview: Preview = {
    evalDate: evalIso,
    enterprises: reg.frame.size,
    eligible: b.size,
    needsData: now.filter((o) => o.status === "needs_data").length,
    errors: now.filter((o) => o.status === "error").length,
    totalAmount: round2([...b.values()].reduce((s, x) => s + x, 0)),
    previousVersion: prevVersion,
    diff: {
      newlyEligible: newly,
      noLongerEligible: gone,
      amountChanged: changed,
      amountDelta: round2(delta),
      examples,
    },
  };
  await ctx.db
    .updateTable("policy_versions")
    .set({ preview: JSON.stringify(preview), preview_at: ctx.clock.now() })
    .where("policy_id", "=", policyId)
    .where("version", "=", version)
    .execute();
  return preview;
}
