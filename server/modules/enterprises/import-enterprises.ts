import type { AppContext } from "../../app-context.ts";
import { isEmptyRecord, readSheetRows, type SheetSource, sheetRecords } from "../../platform/spreadsheet.ts";
import type { Tx } from "../../storage/database.ts";
import { ATTR_BY_KEY, ATTRIBUTES } from "./attributes.ts";
import { saveEnterprises } from "./registry.ts";
import { type EnterpriseRecord, validateEnterprise } from "./validate-enterprise.ts";

/** Fields an import fills: the USCC, the name, and every non-derived attribute. */
export const IMPORT_FIELDS: readonly string[] = [
  "uscc",
  "name",
  ...ATTRIBUTES.filter((a) => !a.derived).map((a) => a.key),
];

/** Default column headers a sheet may use for each field besides the field's own key. */
const DEFAULT_HEADERS: Record<string, string> = {
  uscc: "统一社会信用代码",
  name: "企业名称",
  ...Object.fromEntries(ATTRIBUTES.map((a) => [a.key, a.label])),
};

/** Parses `uscc=信用代码,revenue=营收` into field → column; an unknown field is an error. */
export function parseEnterpriseMapping(spec: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of (spec ?? "").split(",").filter((s) => s.trim())) {
    const [field, col] = part.split("=").map((s) => s.trim());
    if (!field || !col || !IMPORT_FIELDS.includes(field)) {
      throw new Error(`--map: "${part}" is not field=column (fields: ${IMPORT_FIELDS.join(", ")})`);
    }
    map[field] = col;
  }
  return map;
}

/** Reads a CSV or XLSX sheet (first worksheet) into header → text records, from a file or bytes. */
export async function readSheet(source: SheetSource): Promise<Record<string, string>[]> {
  const rows = sheetRecords(await readSheetRows(source));
  while (rows.length && isEmptyRecord(rows[rows.length - 1] ?? {})) rows.pop();
  return rows;
}

/** One refused cell: the sheet row (header = row 1), the column header, and why. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/**
 * Imports enterprises all-or-nothing: every row is validated first (USCC check character, numbers,
 * dates, known regions and industries, enums, duplicates in the file); any problem → nothing is
 * stored and every problem is returned by row and column. Otherwise all rows are stored in one
 * transaction as new versions. `onProgress(done, total)` ticks during validation and storing.
 */
export async function importEnterprises(
  ctx: AppContext,
  rows: Record<string, string>[],
  mapping: Record<string, string>,
  opts: {
    changedBy: string;
    synthetic?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Runs in the import's transaction with the USCCs that changed (e.g. re-matching). */
    afterSave?: (tx: Tx, changed: string[]) => Promise<unknown>;
  },
): Promise<{ imported: number; changed: number; problems: ImportProblem[] }> {
  const headers = new Set(rows.flatMap((r) => Object.keys(r)));
  const colOf = (field: string): string => {
    const mapped = mapping[field];
    if (mapped) return mapped;
    if (headers.has(field)) return field;
    const label = DEFAULT_HEADERS[field];
    return label && headers.has(label) ? label : field;
  };
  const problems: ImportProblem[] = [];
  for (const [field, col] of Object.entries(mapping)) {
    if (!headers.has(col) && rows.length)
      problems.push({ row: 1, column: col, message: `no such column (mapped from ${field})` });
  }
  if (!headers.has(colOf("uscc")))
    problems.push({ row: 1, column: colOf("uscc"), message: "the USCC column is missing" });
  const total = rows.length * 2;
  const records: EnterpriseRecord[] = [];
  const seen = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const rowNo = i + 2;
    const attrs: Record<string, unknown> = {};
    for (const f of IMPORT_FIELDS) {
      if (f === "uscc" || f === "name" || !ATTR_BY_KEY.has(f)) continue;
      const v = row[colOf(f)];
      if (v !== undefined) attrs[f] = v;
    }
    const { record, problems: ps } = validateEnterprise(
      { uscc: row[colOf("uscc")] ?? "", name: row[colOf("name")] ?? "", attrs, synthetic: opts.synthetic },
      ctx.directory,
    );
    for (const p of ps) problems.push({ row: rowNo, column: colOf(p.field), message: p.message });
    const first = seen.get(record.uscc);
    if (ps.length === 0 && first !== undefined) {
      problems.push({
        row: rowNo,
        column: colOf("uscc"),
        message: `the same code is already on row ${first}`,
      });
    }
    seen.set(record.uscc, rowNo);
    records.push(record);
    if (i % 200 === 0) opts.onProgress?.(i + 1, total);
  }
  opts.onProgress?.(rows.length, total);
  if (problems.length) return { imported: 0, changed: 0, problems };
  let changed = 0;
  await ctx.db.transaction().execute(async (tx) => {
    const CHUNK = 1000;
    const all: string[] = [];
    for (let i = 0; i < records.length; i += CHUNK) {
      const done = await saveEnterprises(ctx, tx, records.slice(i, i + CHUNK), {
        source: "import",
        changedBy: opts.changedBy,
      });
      changed += done.length;
      all.push(...done);
      opts.onProgress?.(rows.length + Math.min(records.length, i + CHUNK), total);
    }
    await opts.afterSave?.(tx, all);
  });
  return { imported: records.length, changed, problems: [] };
}
