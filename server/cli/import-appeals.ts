import { APPEAL_KINDS, type AppealKind } from "../../common/appeal-state.ts";
import type { AppContext } from "../app-context.ts";
import { receiveAppeal } from "../modules/intake/receive-appeal.ts";
import { AppError } from "../platform/errors.ts";
import { isEmptyRecord, readSheetRows, sheetRecords } from "../platform/spreadsheet.ts";

/** Appeal fields an import can fill, and the column each reads by default (the field's own name). */
export const IMPORT_FIELDS = [
  "title",
  "body",
  "kind",
  "name",
  "phone",
  "regionCode",
  "address",
  "categoryCode",
  "receivedAt",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Parses `title=标题,body=内容` into a field → column map; unknown fields are an error. */
export function parseMapping(spec: string | undefined): Partial<Record<ImportField, string>> {
  const map: Partial<Record<ImportField, string>> = {};
  for (const part of (spec ?? "").split(",").filter(Boolean)) {
    const [field, col] = part.split("=").map((s) => s.trim());
    if (!field || !col || !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new Error(`--map: "${part}" is not field=column (fields: ${IMPORT_FIELDS.join(", ")})`);
    }
    map[field as ImportField] = col;
  }
  return map;
}

/** Reads the rows of a CSV or XLSX file as header → text records. */
export async function readTable(file: string): Promise<Record<string, string>[]> {
  return sheetRecords(await readSheetRows({ file })).filter((rec) => !isEmptyRecord(rec));
}

/** One rejected row: the file row number (header = 1), the column, and why. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/**
 * Imports appeals from a table through the same intake use case as the API (validation, ticket
 * numbers, SLA clocks, events). Each row is its own transaction: a bad row is reported by row and
 * column and skipped; good rows are kept.
 */
export async function importAppeals(
  ctx: AppContext,
  rows: Record<string, string>[],
  mapping: Partial<Record<ImportField, string>>,
  opts: { defaultKind?: AppealKind; onProgress?: (done: number) => void } = {},
): Promise<{ imported: number; problems: ImportProblem[] }> {
  const col = (f: ImportField) => mapping[f] ?? f;
  const problems: ImportProblem[] = [];
  let imported = 0;
  for (const [i, row] of rows.entries()) {
    const rowNo = i + 2;
    const get = (f: ImportField) => row[col(f)] ?? "";
    const kind = (get("kind") || opts.defaultKind || "") as AppealKind;
    const local: ImportProblem[] = [];
    if (!APPEAL_KINDS.includes(kind))
      local.push({
        row: rowNo,
        column: col("kind"),
        message: `kind must be one of ${APPEAL_KINDS.join(", ")}`,
      });
    if (!get("title")) local.push({ row: rowNo, column: col("title"), message: "is empty" });
    if (!get("body")) local.push({ row: rowNo, column: col("body"), message: "is empty" });
    const receivedAt = get("receivedAt") ? new Date(get("receivedAt")) : undefined;
    if (receivedAt && Number.isNaN(receivedAt.getTime()))
      local.push({ row: rowNo, column: col("receivedAt"), message: "is not a date" });
    if (local.length === 0) {
      try {
        await receiveAppeal(
          ctx,
          {
            kind,
            channel: "transfer",
            title: get("title").slice(0, 200),
            body: get("body").slice(0, 10000),
            citizen: { name: get("name") || undefined, phone: get("phone") || undefined },
            location: { regionCode: get("regionCode") || undefined, address: get("address") || undefined },
            categoryCode: get("categoryCode") || undefined,
          },
          { actor: { id: null, name: "批量导入 import", role: "system" }, receivedAt, autoDispatch: false },
        );
        imported++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const details = e.details as { field?: string; message?: string }[];
        for (const d of details.length ? details : [{ message: e.message }]) {
          const field = (d.field ?? "").replace(/^citizen\.|^location\./, "");
          local.push({
            row: rowNo,
            column: (IMPORT_FIELDS as readonly string[]).includes(field)
              ? col(field as ImportField)
              : (d.field ?? "?"),
            message: d.message ?? e.message,
          });
        }
      }
    }
    problems.push(...local);
    opts.onProgress?.(i + 1);
  }
  return { imported, problems };
}
