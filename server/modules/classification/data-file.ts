/**
 * Reading labelled training data from a CSV (RFC 4180, UTF-8 with or without BOM) or XLSX file:
 * one or more text columns (joined with a newline) and one label column. Problems are reported by
 * file row (the header is row 1) and column name.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { CsvError, type CsvRow, parseCsvRows } from "../../platform/csv.ts";
import { worksheetRows } from "../../platform/spreadsheet.ts";
import type { TrainingSample } from "./classifier.ts";

/** A malformed data file: which row and column, and what is wrong. */
export class DataFileError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = "DataFileError";
  }
}

/**
 * Parses CSV text with the platform's RFC 4180 reader (`platform/csv.ts`): rows of cells, each
 * with the file line it starts on; an unterminated quoted field is a {@link DataFileError} naming
 * the row.
 */
export function parseCsv(text: string): CsvRow[] {
  try {
    return parseCsvRows(text);
  } catch (e) {
    throw e instanceof CsvError ? new DataFileError(e.message, e.row) : e;
  }
}

/** Rows of a CSV or XLSX file as header + cell arrays (cells as text). */
export async function readRows(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const ext = extname(file).toLowerCase();
  let all: string[][];
  if (ext === ".csv" || ext === ".txt") {
    let buf: Buffer;
    try {
      buf = await readFile(file);
    } catch (e) {
      throw new DataFileError(`${file}: cannot read (${(e as Error).message})`);
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(buf);
    all = parseCsv(text).map((r) => r.cells);
  } else if (ext === ".xlsx") {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw new DataFileError(`${file}: not a readable .xlsx file (${(e as Error).message})`);
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new DataFileError(`${file}: the workbook has no worksheet`);
    all = worksheetRows(ws);
  } else {
    throw new DataFileError(`${file}: only .csv and .xlsx files can be read`);
  }
  const [header, ...rows] = all;
  if (!header) throw new DataFileError(`${file}: the file is empty (no header row)`);
  return { header: header.map((h) => h.trim()), rows };
}

/**
 * Labelled samples from a table: the text columns joined with a newline, the label column trimmed.
 * A missing column is an error listing the available ones; an empty label or an all-empty text is
 * an error naming the row and column. Fully empty rows are skipped.
 */
export function samplesFromRows(
  header: readonly string[],
  rows: readonly string[][],
  textColumns: readonly string[],
  labelColumn: string,
): TrainingSample[] {
  const indexOf = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new DataFileError(
        `no column "${name}"; the columns are: ${header.map((h) => `"${h}"`).join(", ")}`,
        1,
        name,
      );
    return i;
  };
  if (textColumns.length === 0) throw new DataFileError("name at least one text column (--text)");
  const textIdx = textColumns.map(indexOf);
  const labelIdx = indexOf(labelColumn);
  const samples: TrainingSample[] = [];
  for (const [r, cells] of rows.entries()) {
    const rowNo = r + 2;
    if (cells.every((c) => c.trim() === "")) continue;
    const label = (cells[labelIdx] ?? "").trim();
    if (!label)
      throw new DataFileError(
        `row ${rowNo}, column "${labelColumn}": the label is empty`,
        rowNo,
        labelColumn,
      );
    const parts = textIdx.map((i) => (cells[i] ?? "").trim()).filter(Boolean);
    if (parts.length === 0)
      throw new DataFileError(
        `row ${rowNo}, column "${textColumns.join(",")}": the text is empty`,
        rowNo,
        textColumns.join(","),
      );
    samples.push({ text: parts.join("\n"), label });
  }
  if (samples.length === 0) throw new DataFileError("the file has a header but no data rows");
  return samples;
}

/** Reads labelled samples from a CSV or XLSX file (see samplesFromRows for the checks). */
export async function readLabelledFile(
  file: string,
  textColumns: readonly string[],
  labelColumn: string,
): Promise<TrainingSample[]> {
  const { header, rows } = await readRows(file);
  try {
    return samplesFromRows(header, rows, textColumns, labelColumn);
  } catch (e) {
    if (e instanceof DataFileError) throw new DataFileError(`${file}: ${e.message}`, e.row, e.column);
    throw e;
  }
}
