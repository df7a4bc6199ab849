import type { PublishedVersion } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { conflict } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { DecisionTable } from "./decision-table.ts";
import { PolicySet } from "./engine.ts";
import { testPolicy } from "./golden.ts";
import { chinaToday, loadRegistry, matchRegistry } from "./matching.ts";
import { compileStored, publishedSet } from "./published-set.ts";
import { reconcileLedger } from "./reconcile-ledger.ts";
import { loadVersion } from "./version-row.ts";

/**
 * Publishes an approved version: tests must still pass; the previous published version is
 * superseded; the whole registry is matched and the ledger reconciled, all in one transaction.
 */
export async function publishVersion(
  ctx: AppContext,
  user: AuthUser | { id: null; name: string },
  policyId: string,
  version: number,
): Promise<PublishedVersion> {
  const row = await loadVersion(ctx.db, policyId, version);
  const table = row.decision_table as DecisionTable;
  const report = testPolicy(
    compileStored(policyId, version, table, false),
    table.testDate ?? chinaToday(ctx),
  );
  if (!report.passed)
    throw conflict("TESTS_NOT_PASSED", "The version's tests fail; it cannot be published.", [{ report }]);
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (tx) => {
    const locked = await loadVersion(tx, policyId, version, true);
    if (locked.status !== "approved") {
      throw conflict(
        "INVALID_STATE",
        `Version ${version} is ${locked.status}; a version is published after an officer approves its preview.`,
        [{ status: locked.status }],
      );
    }
    await tx
      .updateTable("policy_versions")
      .set({ status: "superseded" })
      .where("policy_id", "=", policyId)
      .where("status", "=", "published")
      .execute();
    await tx
      .updateTable("policy_versions")
      .set({
        status: "published",
        published_by: user.name,
        published_at: now,
        test_report: JSON.stringify(report),
      })
      .where("policy_id", "=", policyId)
      .where("version", "=", version)
      .execute();
    await tx
      .updateTable("policies")
      .set({
        published_version: version,
        title: table.title,
        department_id: table.issuingDepartmentId,
        updated_at: now,
      })
      .where("id", "=", policyId)
      .execute();
    const set = await publishedSet(tx, chinaToday(ctx));
    const mine = set.policies.filter((p) => p.policyId === policyId);
    const reg = await loadRegistry(tx);
    const outcomes = matchRegistry(new PolicySet(mine, set.evalIso), reg);
    const ledger = await reconcileLedger(
      ctx,
      tx,
      reg,
      outcomes,
      { rows: "all", policyIds: [policyId] },
      {
        id: user.id,
        name: user.name,
      },
    );
    return { policyId, version, status: "published" as const, ...ledger };
  });
  return result;
}
