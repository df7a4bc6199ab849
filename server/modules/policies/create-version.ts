import type { CreatedVersion } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { badInput } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { DecisionTable, TableProblem } from "./decision-table.ts";
import { checkTable } from "./validate-table.ts";

/**
 * The first step of a policy version's way to publication (发布): a validated draft. Then
 * test → preview → approve (another officer) → publish, one file each.
 */

/** Validation with problems named as request fields (`body.table.rules[1].when[0]`). */
export function validateForApi(table: DecisionTable, ctx: AppContext): TableProblem[] {
  const { problems } = checkTable(table);
  const out = problems.map((p) => ({ field: `table.${p.field}`, message: p.message }));
  if (!ctx.directory.departments.has(table.issuingDepartmentId)) {
    out.push({
      field: "table.issuingDepartmentId",
      message: `department ${table.issuingDepartmentId} does not exist`,
    });
  }
  return out;
}

/** Creates a new draft version (and the policy on its first version). 400 naming every problem. */
export async function createVersion(
  ctx: AppContext,
  user: AuthUser | { id: null; name: string },
  policyId: string,
  table: DecisionTable,
): Promise<CreatedVersion> {
  const problems = validateForApi(table, ctx);
  if (problems.length) {
    throw badInput(
      `The decision table has ${problems.length} problem(s): ${problems.map((p) => p.message).join("; ")}`,
      problems.map((p) => ({ field: `body.${p.field}`, message: p.message })),
    );
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const pol = await tx
      .selectFrom("policies")
      .select(["id"])
      .where("id", "=", policyId)
      .forUpdate()
      .executeTakeFirst();
    if (!pol) {
      await tx
        .insertInto("policies")
        .values({
          id: policyId,
          title: table.title,
          department_id: table.issuingDepartmentId,
          sample: table.sample === true,
          published_version: null,
          created_by: user.name,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const last = await tx
      .selectFrom("policy_versions")
      .select((eb) => eb.fn.max<number>("version").as("v"))
      .where("policy_id", "=", policyId)
      .executeTakeFirst();
    const version = (last?.v ?? 0) + 1;
    await tx
      .insertInto("policy_versions")
      .values({
        policy_id: policyId,
        version,
        status: "draft",
        decision_table: JSON.stringify(table),
        test_report: null,
        preview: null,
        preview_at: null,
        approved_by: null,
        approved_at: null,
        published_by: null,
        published_at: null,
        created_by: user.name,
        created_by_id: user.id,
        created_at: now,
      })
      .execute();
    return { policyId, version, status: "draft" as const };
  });
}
