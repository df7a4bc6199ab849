import type { AppContext } from "../../app-context.ts";
import { chinaMidnight } from "../../platform/china-time.ts";
import { badInput, type FieldProblem } from "../../platform/errors.ts";
import { type EventRow, presentRequest, publicNotes, type RequestRow } from "./presenters.ts";
import { findService } from "./service-catalog.ts";
import { checkJurisdiction } from "./submit-request.ts";
import { open311Error } from "./wire.ts";
import type { ServiceRequest } from "./wire-schemas.ts";

/** The standard's window: at most 90 days, the last 90 days by default. */
export const WINDOW_MS = 90 * 24 * 3600 * 1000;
/** The standard's default volume (and our maximum page size). */
export const MAX_PAGE_SIZE = 1000;
/** At most this many ids in one `service_request_id` list. */
export const MAX_IDS = 200;
/** Pages beyond this are refused (narrow the dates instead): bounds the offset scan. */
const MAX_PAGE = 1000;

const TICKET = /^[0-9]{4}-[0-9]{8}-[0-9]{6,}$/;
const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `GET /requests` parameters, checked. */
export interface RequestQuery {
  jurisdiction: string | null;
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: ("open" | "closed")[] | null;
  start: Date;
  end: Date;
  page: number;
  pageSize: number;
  extensions: boolean;
}

const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function parseDate(raw: string, field: string, problems: FieldProblem[]): Date | null {
  const v = raw.trim();
  if (!W3C.test(v)) {
    problems.push({
      field,
      message: "must be a W3C date or datetime with time zone, e.g. 2025-03-01T00:00:00+08:00",
    });
    return null;
  }
  const d = v.length === 10 ? chinaMidnight(v) : new Date(v);
  if (Number.isNaN(d.getTime())) {
    problems.push({ field, message: `is not a real date: ${v}` });
    return null;
  }
  return d;
}

function positiveInt(raw: string | undefined, field: string, max: number, problems: FieldProblem[]) {
  if (raw === undefined || raw.trim() === "") return null;
  const n = /^\d{1,7}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    problems.push({ field, message: `must be a whole number from 1 to ${max}` });
    return null;
  }
  return n;
}

/**
 * Reads `GET /requests` parameters: `service_request_id` (comma list, overrides the rest),
 * `service_code` and `status` (comma lists), `start_date`/`end_date` (≤ 90 days; the last 90 days
 * by default; one alone spans 90 days from it), `page`/`page_size` (≤ 1,000, the standard's
 * default volume), `extensions=true`. Every problem at once, each naming its parameter.
 */
export function parseRequestQuery(ctx: AppContext, q: Record<string, string | undefined>): RequestQuery {
  const jurisdiction = checkJurisdiction(ctx, q.jurisdiction_id);
  const problems: FieldProblem[] = [];
  const ids = list(q.service_request_id);
  if (ids.length > MAX_IDS)
    problems.push({ field: "service_request_id", message: `lists at most ${MAX_IDS} ids` });
  for (const id of ids) {
    if (!TICKET.test(id)) {
      problems.push({
        field: "service_request_id",
        message: `${id.slice(0, 40)} is not a request id (e.g. 2101-20250303-000001)`,
      });
      break;
    }
  }
  const serviceCodes = list(q.service_code);
  for (const c of serviceCodes) {
    if (!findService(ctx.directory, c)) {
      problems.push({
        field: "service_code",
        message: `${c.slice(0, 40)} is not a service code (see GET /open311/v2/services.xml)`,
      });
    }
  }
  const statuses = list(q.status);
  for (const s of statuses) {
    if (s !== "open" && s !== "closed")
      problems.push({ field: "status", message: `must be open or closed, not ${s.slice(0, 20)}` });
  }
  const now = ctx.clock.now();
  const start = q.start_date?.trim() ? parseDate(q.start_date, "start_date", problems) : null;
  const end = q.end_date?.trim() ? parseDate(q.end_date, "end_date", problems) : null;
  if (start && end) {
    if (end < start) problems.push({ field: "end_date", message: "must not be before start_date" });
    else if (end.getTime() - start.getTime() > WINDOW_MS) {
      problems.push({ field: "end_date", message: "the range may not span more than 90 days" });
    }
  }
  const page = positiveInt(q.page, "page", MAX_PAGE, problems) ?? 1;
  const pageSize = positiveInt(q.page_size, "page_size", MAX_PAGE_SIZE, problems) ?? MAX_PAGE_SIZE;
  const ext = q.extensions?.trim().toLowerCase();
  if (ext && ext !== "true" && ext !== "false")
    problems.push({ field: "extensions", message: "must be true or false" });
  if (problems.length) throw badInput(`The query has ${problems.length} problem(s).`, problems);
  const s = start ?? (end ? new Date(end.getTime() - WINDOW_MS) : new Date(now.getTime() - WINDOW_MS));
  const e = end ?? (start ? new Date(start.getTime() + WINDOW_MS) : now);
  return {
    jurisdiction,
    ids: ids.length ? ids : null,
    serviceCodes: serviceCodes.length ? serviceCodes : null,
    statuses: statuses.length ? (statuses as ("open" | "closed")[]) : null,
    start: s,
    end: e,
    page,
    pageSize,
    extensions: ext === "true",
  };
}

/**
 * The public request list. Which appeals are public: those received through Open311 (channel
 * `open311`), whose submitters used a public-reporting app; appeals from the phone line, the
 * portal and other channels stay private. Newest first.
 */
export async function findRequests(ctx: AppContext, q: RequestQuery): Promise<ServiceRequest[]> {
  let sel = ctx.db
    .selectFrom("appeals as a")
    .leftJoin("open311_requests as o", (j) =>
      j.onRef("o.city_code", "=", "a.city_code").onRef("o.appeal_id", "=", "a.id"),
    )
    .select([
      "a.city_code as cityCode",
      "a.id as id",
      "a.ticket_no as ticketNo",
      "a.status as status",
      "a.category_code as categoryCode",
      "a.region_code as regionCode",
      "a.title as title",
      "a.body as body",
      "a.citizen_name as citizenName",
      "a.address as address",
      "a.lat as lat",
      "a.lng as lng",
      "a.lead_department_id as leadDepartmentId",
      "a.reply_text as replyText",
      "a.reply_by as replyBy",
      "a.created_at as createdAt",
      "a.updated_at as updatedAt",
      "a.closed_at as closedAt",
      "o.description as submittedDescription",
      "o.media_url as mediaUrl",
      "o.attributes as attributes",
    ])
    .where("a.channel", "=", "open311");
  if (q.jurisdiction && q.jurisdiction.length > 2)
    sel = sel.where("a.region_code", "like", `${q.jurisdiction}%`);
  if (q.ids) {
    sel = sel.where("a.ticket_no", "in", q.ids).orderBy("a.created_at", "desc").orderBy("a.id", "desc");
  } else {
    sel = sel.where("a.created_at", ">=", q.start).where("a.created_at", "<=", q.end);
    if (q.serviceCodes) sel = sel.where("a.category_code", "in", q.serviceCodes);
    if (q.statuses && q.statuses.length === 1) {
      sel =
        q.statuses[0] === "closed"
          ? sel.where("a.status", "=", "closed")
          : sel.where("a.status", "<>", "closed");
    }
    sel = sel
      .orderBy("a.created_at", "desc")
      .orderBy("a.id", "desc")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
  }
  const rows = await sel.execute();
  const events = q.extensions ? await loadPublicEvents(ctx, rows) : new Map<string, EventRow[]>();
  return rows.map((r) =>
    presentRequest(r as RequestRow, ctx.directory, {
      extensions: q.extensions,
      notes: publicNotes(events.get(r.id) ?? [], ctx.directory, [r.citizenName]),
    }),
  );
}

/** The events the public notes are made of, for many appeals in one query. */
async function loadPublicEvents(ctx: AppContext, rows: { cityCode: string; id: string }[]) {
  const out = new Map<string, EventRow[]>();
  if (!rows.length) return out;
  const found = await ctx.db
    .selectFrom("appeal_events")
    .select(["appeal_id", "type", "at", "to_status", "data"])
    .where("city_code", "in", [...new Set(rows.map((r) => r.cityCode))])
    .where(
      "appeal_id",
      "in",
      rows.map((r) => r.id),
    )
    .where("type", "in", [
      "received",
      "answered_directly",
      "dispatched",
      "transferred",
      "replied",
      "called_back",
      "reopened",
      "closed",
    ])
    .orderBy("appeal_id")
    .orderBy("seq")
    .execute();
  for (const e of found) {
    const list = out.get(e.appeal_id) ?? [];
    list.push({ type: e.type, at: e.at, toStatus: e.to_status, data: e.data });
    out.set(e.appeal_id, list);
  }
  return out;
}

/** `GET /requests/{id}`: one request (404 when it is unknown, private or outside the jurisdiction). */
export async function findRequest(
  ctx: AppContext,
  id: string,
  jurisdictionRaw: string | undefined,
  extensions: boolean,
) {
  const jurisdiction = checkJurisdiction(ctx, jurisdictionRaw);
  const notFound = () => open311Error(404, "service_request_id", `${id.slice(0, 40)} was not found`);
  if (!TICKET.test(id)) throw notFound();
  const rows = await findRequests(ctx, {
    jurisdiction,
    ids: [id],
    serviceCodes: null,
    statuses: null,
    start: new Date(0),
    end: new Date(0),
    page: 1,
    pageSize: 1,
    extensions,
  });
  if (!rows.length) throw notFound();
  return rows;
}
