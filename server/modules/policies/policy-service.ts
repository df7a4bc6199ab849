import {
  type ApprovedVersion,
  type CreatedVersion,
  POLICY_ID_PATTERN,
  type PolicyDetail,
  type PolicySummary,
  type Preview,
  type PublishedVersion,
  type VersionStatus,
} from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { badInput, conflict, forbidden, notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../users/auth-user.ts";
import type { DecisionTable, TableProblem } from "./decision-table.ts";
import { PolicySet } from "./engine.ts";
import { type TestReport, testPolicy } from "./golden.ts";
import { chinaToday, loadRegistry, matchRegistry, type Outcome } from "./matching.ts";
import { compileStored, publishedSet } from "./published-set.ts";
import { reconcileLedger } from "./reconcile-ledger.ts";
import { checkTable } from "./validate-table.ts";

/**
 * The way of a policy version to publication (发布): create (validated) → test (officer cases +
 * FEEL cross-check) → preview against the registry (eligible count, total, diff from the
 * published version) → an officer approves the preview → publish (tests re-run; the previous
 * version is superseded; the registry is re-matched and the ledger updated, in one transaction).
 */

/** A policy id: lower-case letters, digits and hyphens (the contract's pattern). */
export const POLICY_ID_RE = new RegExp(POLICY_ID_PATTERN);

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

async function loadVersion(db: Tx, policyId: string, version: number, lock = false) {
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

/** Only policy officers and admins author and publish policies. */
export function requireAuthor(user: AuthUser): void {
  if (user.role !== "policy_officer" && user.role !== "admin") {
    throw forbidden(`Policies are written by policy officers; you are ${user.role}.`, [
      { allowedRoles: ["policy_officer", "admin"], role: user.role },
    ]);
  }
}
