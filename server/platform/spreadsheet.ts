/**
 * Reading tables that people upload or hand to the CLI: CSV (through `csv.ts`, every cell as the
 * text written in the file) or XLSX (the first worksheet, every cell as the text Excel shows).
 * One reader for the enterprise registry import, the appeal import and the classifier's data
 * files, so a file reads the same through the API and the CLI.
 *
 * CSV is deliberately NOT read through ExcelJS's CSV reader: that one turns `0411…` into a number
 * (the leading zero lost), `2019-05-01` into a JavaScript date string and `true` into a boolean.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { parseCsv } from "./csv.ts";

/** A table to read: a file (its extension says the format) or uploaded bytes with their format. */
export type SheetSource = { file: string } | { bytes: Buffer; format: "csv" | "xlsx" };

/** The rows of a worksheet as cell text, each row as wide as the sheet (missing cells are ""). */
export function worksheetRows(ws: ExcelJS.Worksheet): string[][] {
  const width = ws.columnCount;
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(String(row.getCell(c).text ?? ""));
    rows.push(cells);
  }
  return rows;
}

/**
 * The rows of a CSV or XLSX table as cell text. A file is read by its extension (`.csv`, `.xlsx`;
 * anything else is refused); CSV bytes are UTF-8 (a BOM is dropped).
 * @throws Error for another extension, a workbook without a worksheet, unreadable XLSX bytes, or
 * CSV with an unclosed quote (`CsvError`).
 */
export async function readSheetRows(source: SheetSource): Promise<string[][]> {
  let format: "csv" | "xlsx";
  if ("file" in source) {
    const ext = extname(source.file).toLowerCase();
    if (ext !== ".csv" && ext !== ".xlsx")
      throw new Error(`${source.file}: only .csv and .xlsx files can be imported`);
    format = ext === ".csv" ? "csv" : "xlsx";
  } else format = source.format;
  if (format === "csv") {
    const bytes = "file" in source ? await readFile(source.file) : source.bytes;
    return parseCsv(bytes.toString("utf8"));
  }
  const wb = new ExcelJS.Workbook();
  if ("file" in source) await wb.xlsx.readFile(source.file);
  else await wb.xlsx.load(source.bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("the file has no worksheet");
  return worksheetRows(ws);
}

/**
 * A table's data rows as header → cell records: the first row is the header (trimmed, a BOM
 * dropped, empty headers ignored; a repeated header keeps its last column), cells are trimmed,
 * and every data row gives one record, empty ones included (the caller decides about those,
 * since row numbers in its problem reports count them).
 * @example sheetRecords([["名称 ", "金额"], [" 甲", "5"]]) // [{ 名称: "甲", 金额: "5" }]
 */
export function sheetRecords(rows: readonly (readonly string[])[]): Record<string, string>[] {
  const [head, ...data] = rows;
  if (!head) return [];
  const header = head.map((h) => h.trim().replace(/^\uFEFF/, ""));
  return data.map((cells) => {
    const rec: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) rec[h] = (cells[i] ?? "").trim();
    });
    return rec;
  });
}

/** True when every cell of a record is empty. */
export const isEmptyRecord = (rec: Record<string, string>): boolean => Object.values(rec).every((v) => !v);

/**
 * A one-sheet XLSX workbook: the header row (bold when asked), then one row per item.
 * @example await xlsxWorkbook("metrics", ["部门", "件数"], [["市城管局", 12]])
 */
export async function xlsxWorkbook(
  sheet: string,
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
  opts: { boldHeader?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...header]);
  if (opts.boldHeader) ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
