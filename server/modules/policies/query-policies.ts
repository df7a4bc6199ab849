import type {
  PolicyDetail,
  PolicySummary,
  Preview,
  VersionStatus,
} from "../../../common/contracts/policies.ts";
import { notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import type { DecisionTable } from "./decision-table.ts";
import type { TestReport } from "./golden.ts";

/** Policies with their published version and latest version status. */
export async function listPolicies(db: Tx): Promise<PolicySummary[]> {
  const rows = await db.selectFrom("policies").selectAll().orderBy("id").execute();
  const versions = await db
    .selectFrom("policy_versions")
    .select(["policy_id", "version", "status", "created_at"])
    .orderBy("version")
    .execute();
  return rows.map((p) => {
    const vs = versions.filter((v) => v.policy_id === p.id);
    const latest = vs[vs.length - 1];
    return {
      id: p.id,
      title: p.title,
      departmentId: p.department_id,
      sample: p.sample,
      publishedVersion: p.published_version,
      latestVersion: latest?.version ?? null,
      latestStatus: (latest?.status as VersionStatus | undefined) ?? null,
      updatedAt: new Date(p.updated_at).toISOString(),
    };
  });
}

/** One policy with every version (table, status, test report, preview, approvals). */
export async function getPolicy(db: Tx, id: string): Promise<PolicyDetail> {
  const p = await db.selectFrom("policies").selectAll().where("id", "=", id).executeTakeFirst();
  if (!p) throw notFound("policy", id);
  const versions = await db
    .selectFrom("policy_versions")
    .selectAll()
    .where("policy_id", "=", id)
    .orderBy("version")
    .execute();
  return {
    id: p.id,
    title: p.title,
    departmentId: p.department_id,
    sample: p.sample,
    publishedVersion: p.published_version,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status as VersionStatus,
      table: v.decision_table as DecisionTable,
      testReport: (v.test_report as TestReport | null) ?? null,
      preview: (v.preview as Preview | null) ?? null,
      previewAt: v.preview_at ? new Date(v.preview_at).toISOString() : null,
      approvedBy: v.approved_by,
      approvedAt: v.approved_at ? new Date(v.approved_at).toISOString() : null,
      publishedBy: v.published_by,
      publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
      createdBy: v.created_by,
      createdById: v.created_by_id,
      createdAt: new Date(v.created_at).toISOString(),
    })),
  };
}
