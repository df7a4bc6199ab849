import type { ApprovedVersion, Preview } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { conflict, forbidden } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { TestReport } from "./golden.ts";
import { loadVersion } from "./version-row.ts";

/**
 * An officer approves the preview of a draft whose tests passed: another officer than the one who
 * drafted it (双人复核), since publishing pays out public money.
 */
export async function approveVersion(
  ctx: AppContext,
  user: AuthUser | { id: null; name: string },
  policyId: string,
  version: number,
): Promise<ApprovedVersion> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadVersion(tx, policyId, version, true);
    if (row.status !== "draft") {
      throw conflict("INVALID_STATE", `Version ${version} is ${row.status}; only a draft can be approved.`, [
        { status: row.status },
      ]);
    }
    const report = row.test_report as TestReport | null;
    if (!report?.passed) {
      throw conflict(
        "TESTS_NOT_PASSED",
        report
          ? "The version's tests failed; fix the table or its cases and test again."
          : "Run the version's tests first.",
        [{ testsRun: !!report }],
      );
    }
    if (!row.preview) throw conflict("NO_PREVIEW", "Make a preview first: approval is of a preview.");
    if (row.created_by_id !== null && row.created_by_id === user.id) {
      throw forbidden(
        `Version ${version} was drafted by you; another policy officer approves it (four-eyes rule).`,
        [{ rule: "four-eyes", draftedBy: row.created_by }],
      );
    }
    await tx
      .updateTable("policy_versions")
      .set({ status: "approved", approved_by: user.name, approved_at: ctx.clock.now() })
      .where("policy_id", "=", policyId)
      .where("version", "=", version)
      .execute();
    return { policyId, version, status: "approved" as const, preview: row.preview as Preview };
  });
}
