import type { StartCaseBody } from "../../../common/contracts/bundles.ts";
import type { AppContext } from "../../app-context.ts";
import { AppError, badInput, conflict, type FieldProblem, notFound } from "../../platform/errors.ts";
import type { Tx } from "../../storage/database.ts";
import { type CaseRecord, openCase } from "../cases/index.ts";
import { Directory } from "../directory/directory-cache.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { findVersion } from "./bundles.repo.ts";
import { mergeForm, resolveAnswers, sharedValue } from "./merge-form.ts";
import { findAppealForCase, loadSharedData } from "./shared-data.ts";

/** What a bundle case keeps of its application (the `application` column). */
export interface BundleApplication {
  applicant: { name: string; phone: string | null; uscc: string | null };
  regionCode: string;
  answers: Record<string, string>;
  values: Record<string, string>;
  /** Material codes handed in. */
  materials: string[];
  /** Every material the merged form asks the applicant for, in form order. */
  required: string[];
  appealId: string | null;
}

/**
 * Starts a bundle case (一次申请) on the published version: answers → the merged form; the values
 * of every field the applicant must fill (400 naming `body.values.<code>` when one is missing);
 * shared-data fields filled from the registries; one sub-case per included procedure; the case
 * pinned to the version; the appeal it came from linked (帮办代办).
 */
export async function startBundleCase(
  ctx: AppContext,
  tx: Tx,
  user: AuthUser,
  body: StartCaseBody,
): Promise<{ rec: CaseRecord; secret: string }> {
  const v = await findVersion(tx, body.bundleId);
  if (!v) {
    throw conflict("NOT_PUBLISHED", `Bundle ${body.bundleId} does not exist or has no published version.`, [
      { field: "body.bundleId" },
    ]);
  }
  const def = v.definition;
  const problems: FieldProblem[] = [];
  if (!ctx.directory.regions.has(body.regionCode)) {
    problems.push({ field: "body.regionCode", message: "is not a known region" });
  }
  const { answers, problems: answerProblems } = resolveAnswers(def, body.answers);
  problems.push(...answerProblems);
  if (problems.length)
    throw badInput(`Invalid input: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`, problems);

  const appeal = body.appealId ? await findAppealForCase(tx, body.appealId) : null;
  if (body.appealId && !appeal) throw notFound("appeal", body.appealId);
  const shared = await loadSharedData(tx, { uscc: body.applicant.uscc, appealId: body.appealId });
  const form = mergeForm(def, answers);
  const given = body.values ?? {};
  const values: Record<string, string> = {};
  for (const code of Object.keys(given)) {
    if (!form.fields.some((f) => f.code === code)) {
      problems.push({ field: `body.values.${code}`, message: "is not a field of this form" });
    }
  }
  for (const f of form.fields) {
    const v = given[f.code]?.trim() || sharedValue(f, shared);
    if (v) values[f.code] = v;
    else if (f.required && f.source !== "issued") {
      problems.push({ field: `body.values.${f.code}`, message: `is required (${f.label})` });
    }
  }
  const handedIn = body.materials ?? [];
  for (const [i, m] of handedIn.entries()) {
    if (!form.materials.some((x) => x.code === m)) {
      problems.push({ field: `body.materials.${i}`, message: `${m} is not a material of this form` });
    }
  }
  if (problems.length)
    throw badInput(`Invalid input: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`, problems);
  if (form.procedures.length === 0) {
    throw new AppError(409, "NOTHING_TO_DO", "These answers include no procedure of the bundle.", [
      { field: "body.answers" },
    ]);
  }

  const application: BundleApplication = {
    applicant: {
      name: body.applicant.name,
      phone: body.applicant.phone ?? null,
      uscc: body.applicant.uscc ?? null,
    },
    regionCode: body.regionCode,
    answers,
    values,
    materials: [...new Set(handedIn)],
    required: form.materials.filter((m) => m.source === "applicant").map((m) => m.code),
    appealId: appeal?.id ?? null,
  };
  const opened = await openCase(ctx, tx, user, {
    kind: "bundle",
    cityCode: Directory.cityCode(body.regionCode),
    definitionId: body.bundleId,
    definitionVersion: v.version,
    leadDepartmentId: def.leadDepartmentId,
    applicantName: body.applicant.name,
    application,
    subcases: form.procedures.map((p) => ({
      id: p.code,
      name: p.name,
      departmentId: p.departmentId,
      dependsOn: p.dependsOn,
      legalDays: p.legalDays,
      promisedDays: p.promisedDays,
    })),
  });
  if (appeal) {
    await tx
      .insertInto("appeal_case_links")
      .values({
        city_code: appeal.cityCode,
        appeal_id: appeal.id,
        case_city_code: opened.rec.cityCode,
        case_id: opened.rec.id,
        created_by_id: user.id,
        created_at: ctx.clock.now(),
      })
      .execute();
  }
  return opened;
}
