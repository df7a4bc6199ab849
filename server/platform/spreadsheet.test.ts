import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { isEmptyRecord, readSheetRows, sheetRecords, xlsxWorkbook } from "./spreadsheet.ts";

const dir = mkdtempSync(join(tmpdir(), "hotline-sheet-"));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("first");
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet("second").addRow(["ignored"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readSheetRows", () => {
  test("CSV cells are the text as written: leading zeros, dates and words stay", async () => {
    const csv = '\uFEFF电话,日期,标志,说明\r\n04112345678,2019-05-01,true,"a, ""b"""\r\n';
    const expected = [
      ["电话", "日期", "标志", "说明"],
      ["04112345678", "2019-05-01", "true", 'a, "b"'],
    ];
    assert.deepEqual(await readSheetRows({ file: file("t.csv", csv) }), expected);
    assert.deepEqual(await readSheetRows({ bytes: Buffer.from(csv), format: "csv" }), expected);
  });

  test("XLSX: the first worksheet, every cell as text, rows as wide as the sheet", async () => {
    const bytes = await xlsx([
      ["名称", "金额", "备注"],
      ["甲", 5, "x"],
      ["乙", 12.5],
    ]);
    const expected = [
      ["名称", "金额", "备注"],
      ["甲", "5", "x"],
      ["乙", "12.5", ""],
    ];
    assert.deepEqual(await readSheetRows({ bytes, format: "xlsx" }), expected);
    assert.deepEqual(await readSheetRows({ file: file("t.xlsx", bytes) }), expected);
  });

  test("refuses other extensions and bytes that are no workbook", async () => {
    await assert.rejects(readSheetRows({ file: file("t.txt", "a,b") }), /only \.csv and \.xlsx/);
    await assert.rejects(readSheetRows({ bytes: Buffer.from("not a zip"), format: "xlsx" }));
  });
});

describe("xlsxWorkbook", () => {
  test("writes one named sheet, header first, that reads back as written", async () => {
    const bytes = await xlsxWorkbook(
      "metrics",
      ["部门", "件数"],
      [
        ["市城管局", 12],
        ["市住建局", 0.5],
      ],
      {
        boldHeader: true,
      },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["metrics"],
    );
    assert.equal(wb.worksheets[0]?.getRow(1).font?.bold, true);
    assert.equal(wb.worksheets[0]?.getCell("B2").value, 12);
    assert.deepEqual(await readSheetRows({ bytes, format: "xlsx" }), [
      ["部门", "件数"],
      ["市城管局", "12"],
      ["市住建局", "0.5"],
    ]);
  });
});

describe("sheetRecords", () => {
  test("keys by the trimmed header, trims cells, keeps empty rows, ignores empty headers", () => {
    const recs = sheetRecords([
      ["\uFEFF名称 ", "", " 金额"],
      [" 甲 ", "skipped", "5 "],
      ["", "", ""],
      ["乙"],
    ]);
    assert.deepEqual(recs, [
      { 名称: "甲", 金额: "5" },
      { 名称: "", 金额: "" },
      { 名称: "乙", 金额: "" },
    ]);
    assert.deepEqual(recs.map(isEmptyRecord), [false, true, false]);
    assert.deepEqual(sheetRecords([]), []);
  });
});
