import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { DataFileError, parseCsv, readLabelledFile } from "./data-file.ts";

const dir = mkdtempSync(join(tmpdir(), "hotline-classifier-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("parseCsv", () => {
  it("reads quotes, doubled quotes, line breaks in quotes, CRLF and a BOM", () => {
    const rows = parseCsv('\uFEFFa,b\r\n"x, ""y""","line1\nline2"\r\nplain,说"了"\n');
    assert.deepEqual(
      rows.map((r) => r.cells),
      [
        ["a", "b"],
        ['x, "y"', "line1\nline2"],
        ["plain", '说"了"'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2, 4],
    );
  });

  it("names the row of a quoted field that is never closed", () => {
    assert.throws(
      () => parseCsv('a,b\n1,2\n3,"open\n'),
      (e: unknown) => e instanceof DataFileError && /row 3/.test(e.message) && /never closed/.test(e.message),
    );
  });
});

describe("readLabelledFile", () => {
  it("joins several text columns with a newline and trims labels (CSV with BOM)", async () => {
    const p = file("ok.csv", "\uFEFF标题,内容,类别\n路灯,晚上不亮, 城建 \n噪音,半夜施工,环保\n,,\n");
    assert.deepEqual(await readLabelledFile(p, ["标题", "内容"], "类别"), [
      { text: "路灯\n晚上不亮", label: "城建" },
      { text: "噪音\n半夜施工", label: "环保" },
    ]);
  });

  it("lists the available columns when one is missing", async () => {
    const p = file("cols.csv", "标题,内容,类别\n路灯,晚上不亮,城建\n");
    await assert.rejects(
      readLabelledFile(p, ["正文"], "类别"),
      /no column "正文"; the columns are: "标题", "内容", "类别"/,
    );
  });

  it("names the row and column of an empty label or an empty text", async () => {
    const p = file("empty.csv", "text,label\n路灯坏了,a\n噪音,\n");
    await assert.rejects(readLabelledFile(p, ["text"], "label"), (e: unknown) => {
      assert.ok(e instanceof DataFileError);
      assert.equal(e.row, 3);
      assert.equal(e.column, "label");
      assert.match(e.message, /row 3, column "label"/);
      return true;
    });
    const q = file("emptytext.csv", "text,label\n,a\n");
    await assert.rejects(readLabelledFile(q, ["text"], "label"), /row 2, column "text": the text is empty/);
  });

  it("reads XLSX and reports its problems the same way", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("data");
    ws.addRow(["留言主题", "留言详情", "一级标签"]);
    ws.addRow(["路灯坏了", "晚上很黑", "城乡建设"]);
    ws.addRow(["社保卡", 12345, "劳动和社会保障"]);
    ws.addRow(["学校收费", "乱收费", ""]);
    const p = join(dir, "data.xlsx");
    await wb.xlsx.writeFile(p);
    await assert.rejects(
      readLabelledFile(p, ["留言主题", "留言详情"], "一级标签"),
      /row 4, column "一级标签"/,
    );
    ws.getRow(4).getCell(3).value = "教育文体";
    await wb.xlsx.writeFile(p);
    const samples = await readLabelledFile(p, ["留言主题", "留言详情"], "一级标签");
    assert.deepEqual(samples[1], { text: "社保卡\n12345", label: "劳动和社会保障" });
    assert.equal(samples.length, 3);
  });

  it("refuses other file types and unreadable workbooks with the file name", async () => {
    await assert.rejects(readLabelledFile(file("x.json", "{}"), ["a"], "b"), /only \.csv and \.xlsx/);
    await assert.rejects(
      readLabelledFile(file("bad.xlsx", "not a zip"), ["a"], "b"),
      /bad\.xlsx: not a readable/,
    );
    await assert.rejects(readLabelledFile(file("empty.csv", ""), ["a"], "b"), /empty/);
  });
});
