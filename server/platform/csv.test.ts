import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CsvError, parseCsv, parseCsvRows } from "./csv.ts";

describe("parseCsv", () => {
  test("quoted fields keep commas, line breaks and doubled quotes", () => {
    assert.deepEqual(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"line1\nline2",""\n'), [
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["line1\nline2", ""],
    ]);
  });

  test("a quoted CRLF stays inside its cell", () => {
    assert.deepEqual(parseCsv('"a\r\nb",c\r\n'), [["a\r\nb", "c"]]);
  });

  test("drops a leading BOM, and only a leading one", () => {
    assert.deepEqual(parseCsv("\uFEFF标题,类别\n路灯,城建\n"), [
      ["标题", "类别"],
      ["路灯", "城建"],
    ]);
    assert.deepEqual(parseCsv("a,\uFEFFb"), [["a", "\uFEFFb"]]);
  });

  test("CRLF, LF and a lone CR all end a row; the last row end is optional", () => {
    assert.deepEqual(parseCsv("a,b\r\nc,d\ne,f\rg,h"), [
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  test("empty lines are no rows, a row of empty cells is kept", () => {
    assert.deepEqual(parseCsv("a\n\r\n\nb\n,,\n"), [["a"], ["b"], ["", "", ""]]);
    assert.deepEqual(parseCsv(""), []);
    // A line holding only an empty quoted field is as empty as an empty line.
    assert.deepEqual(parseCsv('a\n""\nb'), [["a"], ["b"]]);
  });

  test("a quote inside an unquoted field is text, as spreadsheets read it", () => {
    assert.deepEqual(parseCsv('plain,说"了"\n5" pipe,x'), [
      ["plain", '说"了"'],
      ['5" pipe', "x"],
    ]);
  });

  test("spaces around cells are kept (trimming is the caller's choice)", () => {
    assert.deepEqual(parseCsv(" a , b \n"), [[" a ", " b "]]);
  });
});

describe("parseCsvRows", () => {
  test("gives the line each record starts on, counting breaks inside quotes", () => {
    const rows = parseCsvRows('\uFEFFa,b\r\n"x, ""y""","line1\nline2"\r\nplain,说"了"\n');
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2, 4],
    );
    assert.deepEqual(rows[1]?.cells, ['x, "y"', "line1\nline2"]);
  });

  test("a quoted field never closed is an error naming the row and line", () => {
    assert.throws(
      () => parseCsvRows('a,b\n1,2\n3,"open\nmore'),
      (e: unknown) =>
        e instanceof CsvError &&
        e.row === 3 &&
        e.line === 3 &&
        e.message === "row 3 (line 3): a quoted field is never closed",
    );
  });
});
