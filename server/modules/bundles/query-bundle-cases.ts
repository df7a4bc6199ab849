import type { BundleCaseDto, ListCasesQuery, PublicCaseDto } from "../../../common/contracts/bundles.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, notFound } from "../../platform/errors.ts";
import { sha256 } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import {
  type CaseRecord,
  canSeeCase,
  caseEvents,
  findCase,
  findCaseByNo,
  listCases,
} from "../cases/index.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { presentBundleCase, presentPublicCase } from "./bundle-case.presenter.ts";
import { definitionOf } from "./bundles.repo.ts";

async function appealIdsOf(tx: Tx, rec: CaseRecord): Promise<string[]> {
  const rows = await tx
    .selectFrom("appeal_case_links")
    .select("appeal_id")
    .where("case_city_code", "=", rec.cityCode)
    .where("case_id", "=", rec.id)
    .execute();
  return rows.map((r) => r.appeal_id);
}

/** A case as the user may see it (404 when not), optionally with its history. */
export async function presentCaseFor(
  ctx: AppContext,
  tx: Tx,
  user: AuthUser,
  rec: CaseRecord,
  withEvents = false,
): Promise<BundleCaseDto> {
  const def = await definitionOf(ctx.db, tx, rec.definitionId, rec.definitionVersion);
  return presentBundleCase(ctx, rec, def, user, {
    appealIds: await appealIdsOf(tx, rec),
    ...(withEvents ? { events: await caseEvents(tx, rec) } : {}),
  });
}

export async function getBundleCase(ctx: AppContext, user: AuthUser, id: string): Promise<BundleCaseDto> {
  const rec = await findCase(ctx.db, id);
  if (!rec || !canSeeCase(user, rec, ctx.directory)) throw notFound("case", id);
  return presentCaseFor(ctx, ctx.db, user, rec, true);
}

/**
 * Cases newest first with filters. A handler sees only cases with a sub-case of its department's
 * subtree (or led by it), whatever filter it sends.
 */
export async function listBundleCases(
  ctx: AppContext,
  user: AuthUser,
  q: ListCasesQuery,
): Promise<{ items: BundleCaseDto[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  let after: { submittedAt: string; id: string } | undefined;
  if (q.cursor) {
    const [submittedAt, id] = q.cursor.split("|");
    if (!submittedAt || !id || Number.isNaN(Date.parse(submittedAt)))
      throw badField("querystring.cursor", "is not a cursor of this list");
    after = { submittedAt, id };
  }
  let departmentIds = q.departmentId ? ctx.directory.subtree(q.departmentId) : undefined;
  if (user.role === "handler") {
    const mine = user.departmentId ? ctx.directory.subtree(user.departmentId) : [];
    departmentIds = departmentIds ? departmentIds.filter((d) => mine.includes(d)) : mine;
  }
  let recs: CaseRecord[];
  if (q.appealId) {
    const links = await ctx.db
      .selectFrom("appeal_case_links")
      .select("case_id")
      .where("appeal_id", "=", q.appealId)
      .execute();
    recs = (await Promise.all(links.map((l) => findCase(ctx.db, l.case_id)))).filter(
      (r): r is CaseRecord => !!r,
    );
  } else {
    recs = await listCases(ctx.db, {
      status: q.status,
      definitionId: q.bundleId,
      subcaseStatus: q.subcaseStatus,
      departmentIds,
      limit,
      after,
    });
  }
  const visible = recs.filter((r) => canSeeCase(user, r, ctx.directory));
  const page = visible.slice(0, limit);
  const last = page.at(-1);
  const items = await Promise.all(page.map((r) => presentCaseFor(ctx, ctx.db, user, r)));
  return {
    items,
    nextCursor:
      !q.appealId && recs.length > limit && last ? `${last.state.case.submittedAt}|${last.id}` : null,
  };
}

/** The applicant's tracking: case number + secret (404 alike for a wrong number or secret). */
export async function trackBundleCase(
  ctx: AppContext,
  caseNo: string,
  secret: string,
): Promise<PublicCaseDto> {
  const found = /^[0-9]{4}-[0-9]{8}-B[0-9]{6}$/.test(caseNo) ? await findCaseByNo(ctx.db, caseNo) : null;
  if (!found || found.secretHash !== sha256(secret)) throw notFound("case", caseNo);
  const def = await definitionOf(ctx.db, ctx.db, found.rec.definitionId, found.rec.definitionVersion);
  return presentPublicCase(ctx, found.rec, def);
}
