import ExcelJS from "exceljs";
import { STATUS_LABELS } from "../../common/appeal-state.ts";
import { maskPhone } from "../../common/phone.ts";
import type { AppContext } from "../app-context.ts";
import { rowToRecord } from "../modules/appeals/appeal.repo.ts";

const COLUMNS = [
  ["ticketNo", "工单编号 Ticket"],
  ["status", "状态 Status"],
  ["kind", "类型 Kind"],
  ["channel", "渠道 Channel"],
  ["title", "标题 Title"],
  ["body", "内容 Body"],
  ["phone", "电话(脱敏) Phone (masked)"],
  ["regionCode", "区划 Region"],
  ["address", "地址 Address"],
  ["categoryCode", "分类 Category"],
  ["department", "主办单位 Lead department"],
  ["replyBy", "答复期限 Reply by"],
  ["overdue", "超期 Overdue"],
  ["satisfaction", "满意度 Satisfaction"],
  ["createdAt", "受理时间 Received"],
  ["closedAt", "办结时间 Closed"],
] as const;

/** Writes appeals received in [from, to) to an XLSX or CSV file, phones masked. Returns the row count. */
export async function exportAppeals(ctx: AppContext, file: string, from: Date, to: Date): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("appeals");
  ws.addRow(COLUMNS.map(([, h]) => h));
  let n = 0;
  let cursor: { t: Date; id: string } | null = null;
  // Pages of 1,000 so a quarter of a province does not sit in memory at once as rows.
  for (;;) {
    let q = ctx.db
      .selectFrom("appeals")
      .selectAll()
      .where("created_at", ">=", from)
      .where("created_at", "<", to);
    const c = cursor;
    if (c) {
      q = q.where((eb) =>
        eb.or([eb("created_at", ">", c.t), eb.and([eb("created_at", "=", c.t), eb("id", ">", c.id)])]),
      );
    }
    const rows = await q.orderBy("created_at").orderBy("id").limit(1000).execute();
    for (const row of rows) {
      const r = rowToRecord(row);
      const v: Record<(typeof COLUMNS)[number][0], unknown> = {
        ticketNo: r.ticketNo,
        status: `${STATUS_LABELS[r.status]} ${r.status}`,
        kind: r.kind,
        channel: r.channel,
        title: r.title,
        body: r.body,
        phone: r.citizenPhone ? maskPhone(r.citizenPhone) : "",
        regionCode: r.regionCode ?? "",
        address: r.address ?? "",
        categoryCode: r.categoryCode ?? "",
        department: r.leadDepartmentId
          ? (ctx.directory.departments.get(r.leadDepartmentId)?.name ?? r.leadDepartmentId)
          : "",
        replyBy: r.replyBy,
        overdue: r.overdue ? "是" : "否",
        satisfaction: r.satisfaction ?? "",
        createdAt: r.createdAt,
        closedAt: r.closedAt ?? "",
      };
      ws.addRow(COLUMNS.map(([k]) => v[k]));
      n++;
    }
    const last = rows[rows.length - 1];
    if (rows.length < 1000 || !last) break;
    cursor = { t: new Date(last.created_at), id: last.id };
  }
  if (file.toLowerCase().endsWith(".csv")) await wb.csv.writeFile(file);
  else await wb.xlsx.writeFile(file);
  return n;
}
