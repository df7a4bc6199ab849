import type { ImportEnterprisesInput, ImportResult } from "../../../common/contracts/enterprises.ts";
import type { AppContext } from "../../app-context.ts";
import { parseCsv } from "../../platform/csv.ts";
import { AppError, badField, badInput } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { ATTRIBUTES } from "./attributes.ts";
import { importEnterprises, readSheet } from "./import-enterprises.ts";

/** The rows of an uploaded CSV (text) or XLSX (base64) as header → cell text; 400 on `body.content` if unreadable. */
async function readUpload(input: ImportEnterprisesInput): Promise<Record<string, string>[]> {
  try {
    if (input.format === "csv") {
      const lines = parseCsv(input.content);
      const header = (lines[0] ?? []).map((h) => h.trim());
      return lines
        .slice(1)
        .filter((l) => l.some((c) => c.trim()))
        .map((l) => Object.fromEntries(header.map((h, i) => [h, (l[i] ?? "").trim()])));
    }
    return await readSheet({ bytes: Buffer.from(input.content, "base64"), format: "xlsx" });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badField("body.content", `the file cannot be read: ${(e as Error).message}`);
  }
}

/**
 * Imports an uploaded registry file through the API, all or nothing: 400 naming every refused
 * cell by row and column (at most 500), else every row stored as a new version and the changed
 * enterprises re-matched in the same transaction; the notices are delivered after commit.
 */
export async function importEnterpriseFile(
  ctx: AppContext,
  user: AuthUser,
  input: ImportEnterprisesInput,
): Promise<ImportResult> {
  const rows = await readUpload(input);
  const mapping = input.mapping ?? {};
  for (const field of Object.keys(mapping)) {
    if (field !== "uscc" && field !== "name" && !ATTRIBUTES.some((a) => a.key === field && !a.derived)) {
      throw badField(`body.mapping.${field}`, "is not an importable field");
    }
  }
  const res = await importEnterprises(ctx, rows, mapping, {
    changedBy: user.name,
    afterSave: (tx, changed) =>
      ctx.registryFollowers.afterChange(ctx, tx, changed, { id: user.id, name: user.name }),
  });
  if (res.problems.length) {
    const first = res.problems[0];
    throw badInput(
      `Nothing was imported: ${res.problems.length} problem(s), e.g. row ${first?.row}, column ${first?.column}: ${first?.message}`,
      res.problems.slice(0, 500).map((p) => ({
        field: `row ${p.row}, column ${p.column}`,
        message: p.message,
        row: p.row,
        column: p.column,
      })),
    );
  }
  await ctx.registryFollowers.afterCommit(ctx);
  return { imported: res.imported, changed: res.changed };
}
