import type { AppContext } from "../../app-context.ts";
import type { DecisionTable } from "./decision-table.ts";
import { type TestReport, testPolicy } from "./golden.ts";
import { chinaToday } from "./matching.ts";
import { compileStored } from "./published-set.ts";
import { loadVersion } from "./version-row.ts";

/** Runs the version's tests and stores the report. */
export async function runTests(ctx: AppContext, policyId: string, version: number): Promise<TestReport> {
  const row = await loadVersion(ctx.db, policyId, version);
  const table = row.decision_table as DecisionTable;
  const p = compileStored(policyId, version, table, false);
  const report = testPolicy(p, table.testDate ?? chinaToday(ctx));
  await ctx.db
    .updateTable("policy_versions")
    .set({ test_report: JSON.stringify(report) })
    .where("policy_id", "=", policyId)
    .where("version", "=", version)
    .execute();
  return report;
}
