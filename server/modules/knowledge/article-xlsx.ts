import ExcelJS from "exceljs";
import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import { badInput, conflict, type FieldProblem } from "../../platform/errors.ts";
import { isUuid } from "../../platform/ids.ts";
import { xlsxWorkbook } from "../../platform/spreadsheet.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { type Article, articleColumns, findArticle, rowToArticle } from "./article.repo.ts";
import { canEditArticle } from "./knowledge.policy.ts";
import { knowledgeIndex } from "./knowledge-index.ts";
import {
  type ArticleFields,
  checkArticle,
  insertArticles,
  sameContent,
  storeNextVersion,
} from "./save-article.ts";

/** The sheet's columns, in order: the header a person reads, and the field it fills. */
export const XLSX_COLUMNS = [
  ["id", "编号 ID"],
  ["version", "版本 Version"],
  ["status", "状态 Status"],
  ["title", "标题 Title"],
  ["body", "正文 Body (HTML)"],
  ["categoryCodes", "事项分类 Categories"],
  ["regionCodes", "适用地区 Regions"],
  ["departmentId", "主管部门 Department"],
  ["sourceTitle", "依据文件 Source title"],
  ["sourceUrl", "依据链接 Source URL"],
  ["sourceNumber", "文号 Source number"],
  ["effectiveFrom", "生效日期 Effective from"],
  ["effectiveTo", "失效日期 Effective to"],
  ["reviewBy", "复核日期 Review by"],
  ["sample", "示例 Sample"],
] as const;
type ColumnKey = (typeof XLSX_COLUMNS)[number][0];

const SHEET = "knowledge";
const MAX_ROWS = 5000;

/** Every article but the archived ones (or all of them), as an XLSX workbook. */
export async function exportArticlesXlsx(ctx: AppContext, includeArchived: boolean): Promise<Buffer> {
  let q = ctx.db.selectFrom("knowledge_articles").select((eb) => articleColumns(eb));
  if (!includeArchived) q = q.where("status", "<>", "archived");
  const rows = (await q.orderBy("created_at").orderBy("id").execute()).map((r) => rowToArticle(r as never));
  return xlsxWorkbook(
    SHEET,
    XLSX_COLUMNS.map(([, h]) => h),
    rows.map((a) => XLSX_COLUMNS.map(([k]) => cellOf(a, k))),
    { boldHeader: true },
  );
}

function cellOf(a: Article, k: ColumnKey): string | number {
  switch (k) {
    case "categoryCodes":
    case "regionCodes":
      return a[k].join(",");
    case "sourceTitle":
      return a.source.title ?? "";
    case "sourceUrl":
      return a.source.url ?? "";
    case "sourceNumber":
      return a.source.number ?? "";
    case "sample":
      return a.sample ? "是" : "否";
    case "effectiveTo":
    case "reviewBy":
      return a[k] ?? "";
    default:
      return a[k];
  }
}

/** A cell as text, whatever Excel stored (number, date, rich text, link, formula result). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("error" in v) return "";
  }
  return String(v).trim();
}

/** What an import did. */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

interface PlannedRow {
  row: number;
  id: string | null;
  version: number | null;
  fields: ArticleFields;
}

/**
 * Imports articles from a sheet laid out as {@link exportArticlesXlsx} writes it: a row with an
 * existing id changes that article (its version must match, as for PATCH), a row with a new id or
 * none creates one. All or nothing: every row is checked first; any problem refuses the whole file
 * with every problem named by row and column, and nothing is written.
 */
export async function importArticlesXlsx(
  ctx: AppContext,
  user: AuthUser,
  file: Buffer,
): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badInput("body.file: is not an .xlsx workbook", [
      { field: "body.file", message: "is not an .xlsx workbook" },
    ]);
  }
  const ws = wb.worksheets[0];
  if (!ws)
    throw badInput("body.file: the workbook has no sheet", [{ field: "body.file", message: "has no sheet" }]);
  const colOf = new Map<ColumnKey, number>();
  const problems: FieldProblem[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    const h = cellText(cell.value);
    const known = XLSX_COLUMNS.find(([, header]) => header === h || header.split(" ")[0] === h);
    if (known) colOf.set(known[0], col);
    else if (h) problems.push({ field: `row 1, column ${letter(col)}`, message: `unknown column "${h}"` });
  });
  for (const [k, h] of XLSX_COLUMNS) {
    if (!colOf.has(k) && !["id", "version"].includes(k)) {
      problems.push({ field: `row 1, column ${h}`, message: "is missing" });
    }
  }
  if (problems.length)
    throw badInput(`The sheet's header is not the knowledge layout: ${summary(problems)}`, problems);
  if (ws.rowCount - 1 > MAX_ROWS) {
    throw badInput(`The sheet has more than ${MAX_ROWS} articles; split it.`, [
      { field: "body.file", message: `more than ${MAX_ROWS} rows` },
    ]);
  }

  const today = chinaDate(ctx.clock.now());
  const plan: PlannedRow[] = [];
  const seenIds = new Set<string>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (k: ColumnKey) => {
      const c = colOf.get(k);
      return c === undefined ? "" : cellText(row.getCell(c).value);
    };
    if (XLSX_COLUMNS.every(([k]) => !get(k))) continue;
    const where = (k: string) => {
      const key = (k.startsWith("source.") ? `source${k[7]!.toUpperCase()}${k.slice(8)}` : k) as ColumnKey;
      const c = colOf.get(key);
      const header = XLSX_COLUMNS.find(([x]) => x === key)?.[1] ?? k;
      return `row ${r}, column ${c ? letter(c) : "?"} (${header})`;
    };
    const id = get("id") || null;
    if (id && !isUuid(id))
      problems.push({
        field: where("id"),
        message: "is not an article id (leave it empty for a new article)",
      });
    if (id && seenIds.has(id)) problems.push({ field: where("id"), message: "appears twice in the sheet" });
    if (id) seenIds.add(id);
    const versionText = get("version");
    const version = versionText ? Number(versionText) : null;
    if (version !== null && (!Number.isInteger(version) || version < 1)) {
      problems.push({ field: where("version"), message: "must be a whole number from 1" });
    }
    const sampleText = get("sample").toLowerCase();
    if (sampleText && !["是", "否", "true", "false", "1", "0", "yes", "no"].includes(sampleText)) {
      problems.push({ field: where("sample"), message: "must be 是 or 否" });
    }
    const { fields, problems: rowProblems } = checkArticle(
      ctx,
      {
        title: get("title"),
        body: get("body"),
        categoryCodes: list(get("categoryCodes")),
        regionCodes: list(get("regionCodes")),
        departmentId: get("departmentId"),
        source: { title: get("sourceTitle"), url: get("sourceUrl"), number: get("sourceNumber") },
        effectiveFrom: get("effectiveFrom") || today,
        effectiveTo: get("effectiveTo") || null,
        reviewBy: get("reviewBy") || null,
        status: get("status") || "published",
        sample: ["是", "true", "1", "yes"].includes(sampleText),
      },
      where,
    );
    problems.push(...rowProblems);
    if (fields && !canEditArticle(user, fields.departmentId, ctx.directory)) {
      problems.push({
        field: where("departmentId"),
        message: `you may not write articles for ${fields.departmentId}`,
      });
    }
    if (fields) plan.push({ row: r, id: id && isUuid(id) ? id : null, version, fields });
  }
  if (problems.length) throw badInput(`Nothing was imported: ${summary(problems)}`, problems);
  if (!plan.length)
    throw badInput("The sheet has no articles.", [
      { field: "body.file", message: "has no rows below the header" },
    ]);

  const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
  const editor = { id: user.id, name: user.name };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const refused: FieldProblem[] = [];
    let stale = 0;
    for (const p of plan) {
      const cur = p.id ? await findArticle(tx, p.id, true) : null;
      const at = `row ${p.row}, column ${letter(colOf.get("version") ?? colOf.get("id") ?? 1)}`;
      if (!cur) {
        await insertArticles(tx, [p.fields], editor, now, [p.id]);
        result.created++;
      } else if (!canEditArticle(user, cur.departmentId, ctx.directory)) {
        refused.push({
          field: at,
          message: `article ${cur.id} belongs to ${cur.departmentId}; you may not change it`,
        });
      } else if (p.version !== null && p.version !== cur.version) {
        stale++;
        refused.push({
          field: at,
          message: `article ${cur.id} is at version ${cur.version} now, the sheet has ${p.version}; export again`,
        });
      } else if (sameContent(cur, p.fields)) {
        result.unchanged++;
      } else {
        await storeNextVersion(tx, cur, p.fields, editor, now);
        result.updated++;
      }
    }
    // Throwing rolls the whole import back.
    if (refused.length && stale === refused.length) {
      throw conflict("STALE_VERSION", `Nothing was imported: ${summary(refused)}`, refused);
    }
    if (refused.length) throw badInput(`Nothing was imported: ${summary(refused)}`, refused);
  });
  await knowledgeIndex(ctx, true);
  return result;
}

function list(s: string): string[] {
  return s
    .split(/[,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function letter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function summary(problems: FieldProblem[]): string {
  const head = problems
    .slice(0, 5)
    .map((p) => `${p.field}: ${p.message}`)
    .join("; ");
  return problems.length > 5 ? `${head}; and ${problems.length - 5} more` : head;
}
