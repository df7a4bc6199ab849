import type { BundleDefinition, DefinitionProblem } from "../../../common/contracts/bundles.ts";
import type { AppContext } from "../../app-context.ts";
import { AppError, conflict, notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { findBundleRow, findVersion } from "./bundles.repo.ts";
import { validateDefinition } from "./validate-definition.ts";

/** The problems publishing would refuse, checked against the catalog. */
export function checkDefinition(ctx: AppContext, def: BundleDefinition): DefinitionProblem[] {
  return validateDefinition(def, (id) => {
    const d = ctx.directory.departments.get(id);
    return !!d && !d.disabled;
  });
}

/** 400 naming every problem, each as `definition.<path>`. */
export function definitionRefused(problems: DefinitionProblem[]): AppError {
  return new AppError(
    400,
    "VALIDATION_FAILED",
    `The definition cannot be published: ${problems.map((p) => p.message).join("; ")}`,
    problems.map((p) => ({ field: `definition.${p.path}`, message: p.message, item: p.item, code: p.code })),
  );
}

/** A new bundle with its first draft (version 1). */
export async function createBundle(
  ctx: AppContext,
  tx: Tx,
  user: AuthUser | null,
  id: string,
  def: BundleDefinition,
  sample = false,
): Promise<void> {
  if (await findBundleRow(tx, id))
    throw conflict("BUNDLE_EXISTS", `Bundle ${id} already exists.`, [{ field: "id" }]);
  if (!ctx.directory.departments.has(def.leadDepartmentId)) {
    throw new AppError(400, "VALIDATION_FAILED", `department ${def.leadDepartmentId} does not exist`, [
      { field: "definition.leadDepartmentId", message: "is not a department" },
    ]);
  }
  const now = ctx.clock.now();
  await tx
    .insertInto("bundles")
    .values({
      id,
      name: def.name,
      lead_department_id: def.leadDepartmentId,
      sample,
      published_version: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await tx
    .insertInto("bundle_versions")
    .values({
      bundle_id: id,
      version: 1,
      status: "draft",
      definition: JSON.stringify(def),
      created_by_id: user?.id ?? null,
      created_at: now,
    })
    .execute();
}

/** Replaces the draft, or opens a new draft after the latest version. Returns its version. */
export async function saveDraft(
  ctx: AppContext,
  tx: Tx,
  user: AuthUser | null,
  id: string,
  def: BundleDefinition,
) {
  const b = await findBundleRow(tx, id, true);
  if (!b) throw notFound("bundle", id);
  const now = ctx.clock.now();
  const draft = await tx
    .selectFrom("bundle_versions")
    .select("version")
    .where("bundle_id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  if (draft) {
    await tx
      .updateTable("bundle_versions")
      .set({ definition: JSON.stringify(def), created_by_id: user?.id ?? null, created_at: now })
      .where("bundle_id", "=", id)
      .where("version", "=", draft.version)
      .execute();
    return draft.version;
  }
  const last = await tx
    .selectFrom("bundle_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("bundle_id", "=", id)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await tx
    .insertInto("bundle_versions")
    .values({
      bundle_id: id,
      version,
      status: "draft",
      definition: JSON.stringify(def),
      created_by_id: user?.id ?? null,
      created_at: now,
    })
    .execute();
  return version;
}

/**
 * Publishes a draft after validating it (400 naming every problem); the version published before
 * is retired, and cases started on it stay pinned to it.
 */
export async function publishVersion(
  ctx: AppContext,
  tx: Tx,
  user: AuthUser | null,
  id: string,
  version: number,
) {
  const b = await findBundleRow(tx, id, true);
  if (!b) throw notFound("bundle", id);
  const v = await findVersion(tx, id, version);
  if (!v) throw notFound("bundle version", `${id}@${version}`);
  if (v.status !== "draft") {
    throw conflict(
      "NOT_A_DRAFT",
      `Version ${version} of ${id} is ${v.status}; only a draft can be published.`,
      [{ field: "version", status: v.status }],
    );
  }
  const problems = checkDefinition(ctx, v.definition);
  if (problems.length) throw definitionRefused(problems);
  const now = ctx.clock.now();
  await tx
    .updateTable("bundle_versions")
    .set({ status: "retired" })
    .where("bundle_id", "=", id)
    .where("status", "=", "published")
    .execute();
  await tx
    .updateTable("bundle_versions")
    .set({ status: "published", published_at: now, published_by_id: user?.id ?? null })
    .where("bundle_id", "=", id)
    .where("version", "=", version)
    .execute();
  await tx
    .updateTable("bundles")
    .set({
      published_version: version,
      name: v.definition.name,
      lead_department_id: v.definition.leadDepartmentId,
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
}
