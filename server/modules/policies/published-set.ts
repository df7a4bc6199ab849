import type { Tx } from "../../storage/database.ts";
import type { DecisionTable } from "./decision-table.ts";
import { type CompiledPolicy, compilePolicy, PolicySet } from "./engine.ts";
import { checkTable } from "./validate-table.ts";

/**
 * Stored policy versions, compiled: one cache by policy@version (a stored version never changes
 * once published), and the set of published versions that matching evaluates.
 */

const compiledCache = new Map<string, CompiledPolicy>();

/** Compiles a stored version (cached by policy@version unless `cache` is false, e.g. for a draft). */
export function compileStored(
  policyId: string,
  version: number,
  table: DecisionTable,
  cache = true,
): CompiledPolicy {
  const key = `${policyId}@${version}`;
  const hit = cache ? compiledCache.get(key) : undefined;
  if (hit) return hit;
  const { checked, problems } = checkTable(table);
  if (!checked) throw new Error(`stored policy ${key} no longer validates: ${problems[0]?.message}`);
  const p = compilePolicy(policyId, version, checked);
  if (cache) compiledCache.set(key, p);
  return p;
}

/** A compiled version if it is in the cache (every published version is, after {@link publishedSet}). */
export function cachedCompiled(policyId: string, version: number): CompiledPolicy | undefined {
  return compiledCache.get(`${policyId}@${version}`);
}

/** The published versions of every policy, compiled and indexed, for an evaluation date. */
export async function publishedSet(db: Tx, evalIso: string): Promise<PolicySet> {
  const rows = await db
    .selectFrom("policy_versions")
    .select(["policy_id", "version", "decision_table"])
    .where("status", "=", "published")
    .execute();
  return new PolicySet(
    rows.map((r) => compileStored(r.policy_id, r.version, r.decision_table as DecisionTable)),
    evalIso,
  );
}
