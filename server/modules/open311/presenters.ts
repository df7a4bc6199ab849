import { maskPhone } from "../../../common/phone.ts";
import { CHINA_OFFSET_MS } from "../../platform/china-time.ts";
import { maskName } from "../appeals/appeal.presenter.ts";
import type { Directory } from "../directory/directory-cache.ts";
import type { ServiceType } from "./open311-settings.ts";
import type { Open311Service } from "./service-catalog.ts";
import type { Discovery, PublicNote, Service, ServiceDefinition, ServiceRequest } from "./wire-schemas.ts";

/** W3C datetime in China time with its offset, e.g. `2025-03-03T09:00:00+08:00`. */
export function chinaIso(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) return null;
  return `${new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** `2025-03-17 18:00` (China time), for notices people read. */
const chinaMinute = (at: Date | string) => (chinaIso(at) ?? "").slice(0, 16).replace("T", " ");

/**
 * Masks personal data that people write into free text before it is published: mobile and
 * landline numbers, 18-digit resident ID numbers, e-mail addresses, and the submitter's own name
 * wherever it occurs. (Other people's names cannot be found reliably; staff replies are written
 * for publication.)
 */
export function scrubPersonalData(text: string, knownNames: readonly (string | null)[] = []): string {
  let out = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "***@***")
    .replace(
      /(?<!\d)\d{6}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx](?!\d)/g,
      (m) => `${m.slice(0, 6)}${"*".repeat(12)}`,
    )
    .replace(/(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, (m) =>
      maskPhone(m.replace(/\D/g, "").slice(-11)),
    )
    .replace(/(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g, (m) => `${m.slice(0, 4)}****${m.slice(-2)}`);
  for (const name of knownNames) {
    const n = name?.trim();
    if (n && [...n].length >= 2) out = out.replaceAll(n, maskName(n) ?? "*");
  }
  return out;
}

/** An element of `GET /services`. */
export function presentService(s: Open311Service, type: ServiceType): Service {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: s.metadata,
    type,
    keywords: s.keywords,
    group: s.group,
  };
}

/** `GET /services/{code}`: the definition (a JSON object at the root, as the standard shows it). */
export function presentDefinition(s: Open311Service): ServiceDefinition {
  return {
    service_code: s.code,
    attributes: s.attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      ...(a.values.length ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
    })),
  };
}

/** What the request list reads of an appeal (and of its Open311 submission, when there is one). */
export interface RequestRow {
  ticketNo: string;
  status: string;
  categoryCode: string | null;
  regionCode: string | null;
  title: string;
  body: string;
  citizenName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  leadDepartmentId: string | null;
  replyText: string | null;
  replyBy: Date | string;
  createdAt: Date | string;
  updatedAt: Date | string;
  closedAt: Date | string | null;
  /** From `open311_requests`: the submitter's own description, media URL, attributes. */
  submittedDescription: string | null;
  mediaUrl: string | null;
  attributes: unknown;
}

/** The human-readable place of a region: 辽宁省 沈阳市 和平区. */
function regionPath(dir: Directory, code: string | null): string | null {
  const names: string[] = [];
  for (let c = code, guard = 0; c && guard < 4; guard++) {
    const r = dir.regions.get(c);
    if (!r) break;
    names.unshift(r.name);
    c = r.parentCode;
  }
  return names.length ? names.join(" ") : null;
}

/** `service_notice` of an open request: what happens next and by when. */
export const serviceNotice = (ticketNo: string, replyBy: Date | string) =>
  `已受理，工单号 ${ticketNo}；承办单位将于 ${chinaMinute(replyBy)} 前答复。 ` +
  `(Received as ${ticketNo}; the responsible department will answer by ${chinaMinute(replyBy)} China time.)`;

/**
 * One `request` of `GET /requests`: public fields only. No name, phone or e-mail of the citizen
 * is read from the row's contact columns, and free text is passed through {@link scrubPersonalData}.
 */
export function presentRequest(
  row: RequestRow,
  dir: Directory,
  extra: { notes?: PublicNote[]; extensions?: boolean } = {},
): ServiceRequest {
  const closed = row.status === "closed";
  const names = [row.citizenName];
  const service = row.categoryCode ? dir.categories.get(row.categoryCode) : undefined;
  const description = (row.submittedDescription ?? row.body).slice(0, 4000);
  const reply = row.replyText && (row.status === "replied" || closed) ? row.replyText : null;
  const out: ServiceRequest = {
    service_request_id: row.ticketNo,
    status: closed ? "closed" : "open",
    status_notes: reply ? scrubPersonalData(reply, names) : null,
    service_name: service?.name ?? null,
    service_code: row.categoryCode,
    description: scrubPersonalData(description, names),
    agency_responsible: row.leadDepartmentId
      ? (dir.departments.get(row.leadDepartmentId)?.name ?? null)
      : null,
    service_notice: closed ? null : serviceNotice(row.ticketNo, row.replyBy),
    requested_datetime: chinaIso(row.createdAt),
    updated_datetime: chinaIso(closed && row.closedAt ? row.closedAt : row.updatedAt),
    expected_datetime: chinaIso(row.replyBy),
    address: row.address ? scrubPersonalData(row.address, names) : regionPath(dir, row.regionCode),
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: row.mediaUrl,
  };
  if (extra.extensions) {
    const attrs = Array.isArray(row.attributes) ? (row.attributes as StoredAttribute[]) : [];
    out.attributes = attrs.map((a) => ({
      label: a.description,
      name: a.code,
      value: a.values.join(","),
      code: a.code,
    }));
    out.notes = extra.notes ?? [];
  }
  return out;
}

/** An attribute as stored with a submission. */
export interface StoredAttribute {
  code: string;
  description: string;
  values: string[];
}

/** Event types that are public, and how they read. Everything else (notes, reasons, people) is not. */
const PUBLIC_EVENTS: Readonly<Record<string, { type: string; text: string }>> = {
  received: { type: "received", text: "已受理 (received)" },
  answered_directly: { type: "closed", text: "已直接答复并办结 (answered and closed)" },
  dispatched: { type: "dispatched", text: "已转交承办单位 (sent to the responsible department)" },
  transferred: { type: "dispatched", text: "已转交其他承办单位 (sent to another department)" },
  replied: { type: "replied", text: "承办单位已答复 (the department answered)" },
  reopened: { type: "reopened", text: "重新办理 (reopened)" },
  closed: { type: "closed", text: "已办结 (closed)" },
};

/** A stored event as the notes need it. */
export interface EventRow {
  type: string;
  at: Date | string;
  toStatus: string | null;
  data: unknown;
}

/**
 * The public history of one appeal: receipt, dispatch (naming the department, which is public),
 * the department's reply, reopening and closure; a callback shows only as the closure or reopening
 * it caused. Never the actors, internal reasons, supervision or callback notes.
 */
export function publicNotes(events: readonly EventRow[], dir: Directory, names: readonly (string | null)[]) {
  const notes: PublicNote[] = [];
  for (const e of events) {
    const datetime = chinaIso(e.at) ?? "";
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === "called_back") {
      const closed = e.toStatus === "closed";
      notes.push({
        datetime,
        type: closed ? "closed" : "reopened",
        description: closed
          ? "已回访，办结 (called back and closed)"
          : "已回访，重新办理 (called back and reopened)",
      });
      continue;
    }
    const p = PUBLIC_EVENTS[e.type];
    if (!p) continue;
    let description = p.text;
    const dep = (e.type === "dispatched" ? data.leadDepartmentId : data.departmentId) as string | undefined;
    if ((e.type === "dispatched" || e.type === "transferred") && dep) {
      description = `${p.text}：${dir.departments.get(dep)?.name ?? dep}`;
    }
    if ((e.type === "replied" || e.type === "answered_directly") && typeof data.text === "string") {
      description = `${p.text}：${scrubPersonalData(data.text, names)}`;
    }
    notes.push({ datetime, type: p.type, description });
  }
  return notes;
}

/** The discovery document (`/discovery.{fmt}`). */
export function presentDiscovery(baseUrl: string, changeset: string): Discovery {
  return {
    changeset,
    contact: "12345 政务服务便民热线 (12345 government service hotline); see /docs for the API",
    key_service: "API keys are issued by the hotline's administrators (POST /api/v1/api-keys).",
    endpoints: [
      {
        specification: "http://wiki.open311.org/GeoReport_v2",
        url: baseUrl,
        changeset,
        type: "production",
        formats: ["text/xml", "application/json"],
      },
    ],
  };
}
