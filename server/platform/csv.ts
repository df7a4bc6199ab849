/**
 * The one CSV reader (RFC 4180, as spreadsheet programs write it): the enterprise import, the
 * classifier's training files, the 泰迪杯 hot-spot report and the category generator all read
 * CSV through here, so a file reads the same wherever it is uploaded.
 *
 * - a field in double quotes may hold commas, line breaks and doubled quotes (`""` → `"`);
 * - rows end with CRLF, LF or a lone CR; a final row end is optional;
 * - a leading byte-order mark (UTF-8 BOM, U+FEFF) is dropped;
 * - an empty line is no row (a row of empty cells, `,,`, is kept);
 * - a quote inside an unquoted field is text (`说"了"` stays as written), as spreadsheets read it;
 * - a quoted field that is never closed is an error ({@link CsvError}) naming its row and line,
 *   instead of swallowing the rest of the file into one cell.
 */

/** One record of a CSV text: its cells, and the (1-based) line of the text it starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
}

/** A CSV text that cannot be read: a quoted field never closed. `row` counts records (header = 1). */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * Parses CSV text into records with the line each starts on (lines count the line breaks inside
 * quoted fields too, so `line` points at the text an editor shows).
 * @example parseCsvRows('a,b\n"x\ny",z\n') // [{ cells: ["a","b"], line: 1 }, { cells: ["x\ny","z"], line: 2 }]
 * @throws CsvError when a quoted field is never closed.
 */
export function parseCsvRows(text: string): CsvRow[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false; // the current cell was a quoted field
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    quoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ cells, line: rowLine });
    cells = [];
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' && cell === "" && !quoted) {
      // A quoted field: read up to its closing quote.
      quoted = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= s.length) {
          const row = rows.length + 1;
          throw new CsvError(
            `row ${row} (line ${startLine}): a quoted field is never closed`,
            row,
            startLine,
          );
        }
        const c = s[i];
        if (c === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        cell += c;
        i++;
      }
    } else if (ch === ",") {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      i += ch === "\r" && s[i + 1] === "\n" ? 2 : 1;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || cells.length > 0 || quoted) endRow();
  return rows;
}

/**
 * Parses CSV text into rows of cells (see the module comment for the rules).
 * @example parseCsv('a,b\r\n"x, y","say ""hi"""\r\n') // [["a","b"], ["x, y", 'say "hi"']]
 * @throws CsvError when a quoted field is never closed.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}
