import { notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";

/** One stored version of a policy (404 naming `policy@version`), optionally locked for update. */
export async function loadVersion(db: Tx, policyId: string, version: number, lock = false) {
  let q = db
    .selectFrom("policy_versions")
    .selectAll()
    .where("policy_id", "=", policyId)
    .where("version", "=", version);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("policy version", `${policyId}@${version}`);
  return row;
}
