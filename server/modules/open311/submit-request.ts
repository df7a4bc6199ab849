import type { AppealKind, Urgency } from "../../../common/appeal-state.ts";
import type { ReceiveAppealInput } from "../../../common/contracts/appeals.ts";
import { isValidPhone } from "../../../common/phone.ts";
import type { AppContext } from "../../app-context.ts";
import { PROVINCE } from "../../config/province.ts";
import { AppError, badInput, type FieldProblem } from "../../platform/errors.ts";
import { newSecret } from "../../platform/ids.ts";
import { withIdempotency } from "../../storage/idempotency.ts";
import { receiveAppeal } from "../intake/receive-appeal.ts";
import { findApiKey } from "../users/api-keys.ts";
import type { Submission } from "./form-body.ts";
import { chooseRegion, insideLiaoning, LIAONING_BOUNDS, nearestRegion, regionFromAddress } from "./locate.ts";
import { serviceType } from "./open311-settings.ts";
import { type StoredAttribute, serviceNotice } from "./presenters.ts";
import { DEFAULT_KIND } from "./service-attributes.ts";
import { findService, type Open311Service } from "./service-catalog.ts";
import { open311Error } from "./wire.ts";
import type { SubmitAnswer, TokenAnswer } from "./wire-schemas.ts";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** W3C datetime (the standard's subset of ISO 8601), with its time zone. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const HTML = /<\s*\/?\s*[A-Za-z!][^>]*>/;
/** Control characters other than tab, newline and carriage return. */
const hasControl = (s: string) =>
  [...s].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
  });

/**
 * The appeal's field names of the shared intake checks → the standard's parameter names, so a
 * problem found by {@link receiveAppeal} names what the client sent.
 */
const OPEN311_FIELDS: Record<string, string> = {
  "citizen.name": "first_name/last_name",
  "citizen.phone": "phone",
  "location.regionCode": "jurisdiction_id",
  "location.address": "address_string",
  categoryCode: "service_code",
  title: "description",
  body: "description",
};

/** The key of a request: the form's `api_key` (the standard), or `?api_key=`, or `X-Api-Key`. */
export async function requireOpen311Key(ctx: AppContext, key: string | undefined) {
  if (!key) throw open311Error(403, "api_key", "is required to submit a request");
  const found = key.length <= 200 ? await findApiKey(ctx, key) : null;
  if (!found) throw open311Error(403, "api_key", "is unknown or revoked");
  return found;
}

/** 404 for an unknown jurisdiction; the region code when given, null when absent or the province. */
export function checkJurisdiction(ctx: AppContext, raw: string | undefined): string | null {
  const j = raw?.trim();
  if (!j) return null;
  if (!/^[0-9]{2}([0-9]{2}){0,2}$/.test(j) || !ctx.directory.regions.has(j)) {
    throw open311Error(
      404,
      "jurisdiction_id",
      `${j.slice(0, 40)} was not found (use a GB/T 2260 region code of ${PROVINCE.nameEn}: ${PROVINCE.code}, a city such as 2101, or a district)`,
    );
  }
  return j;
}

function textField(
  fields: Record<string, string>,
  name: string,
  max: number,
  problems: FieldProblem[],
  opts: { lines?: boolean } = {},
): string | null {
  const v = fields[name]?.trim();
  if (!v) return null;
  if ([...v].length > max) problems.push({ field: name, message: `must be at most ${max} characters` });
  else if (hasControl(v) || (!opts.lines && /[\r\n]/.test(v))) {
    problems.push({
      field: name,
      message: opts.lines ? "must not contain control characters" : "must be one line",
    });
  } else return v;
  return null;
}

/** Checks the attributes against the service's definition; returns them as stored. */
function checkAttributes(svc: Open311Service, sub: Submission, problems: FieldProblem[]) {
  const stored: StoredAttribute[] = [];
  let urgent = false;
  let kind: string | null = null;
  const known = new Map(svc.attributes.map((a) => [a.code, a]));
  for (const [code, given] of sub.attributes) {
    const field = `attribute[${code}]`;
    const def = known.get(code);
    if (!def) {
      problems.push({
        field,
        message: `is not an attribute of service ${svc.code} (see GET /open311/v2/services/${svc.code}.xml)`,
      });
      continue;
    }
    if (!def.variable) {
      problems.push({ field, message: "is information for the user and takes no value" });
      continue;
    }
    if (given.values.length === 0) continue;
    if (def.datatype !== "multivaluelist" && given.multi) {
      problems.push({ field, message: `takes one value (its datatype is ${def.datatype})` });
      continue;
    }
    const bad = (message: string) => problems.push({ field, message });
    const keys = new Set(def.values.map((v) => v.key));
    const v = given.values[0] ?? "";
    switch (def.datatype) {
      case "string":
        if ([...v].length > 500 || /[\r\n]/.test(v) || hasControl(v))
          bad("must be one line of at most 500 characters");
        break;
      case "text":
        if ([...v].length > 4000 || hasControl(v)) bad("must be text of at most 4,000 characters");
        break;
      case "number":
        if (!NUMBER.test(v) || !Number.isFinite(Number(v))) bad(`must be a number, not "${v.slice(0, 40)}"`);
        break;
      case "datetime":
        if (!W3C_DATETIME.test(v) || Number.isNaN(Date.parse(v))) {
          bad("must be an ISO 8601 date and time with its time zone, e.g. 2025-03-03T09:00:00+08:00");
        }
        break;
      case "singlevaluelist":
      case "multivaluelist":
        for (const x of given.values) {
          if (!keys.has(x)) bad(`"${x.slice(0, 40)}" is not one of ${[...keys].join(", ")}`);
        }
        break;
    }
    if (given.values.some((x) => def.urgentKeys.has(x))) urgent = true;
    if (code === "kind") kind = v;
    stored.push({ code, description: def.description, values: given.values });
  }
  for (const def of svc.attributes) {
    if (def.variable && def.required && !sub.attributes.get(def.code)?.values.length) {
      problems.push({ field: `attribute[${def.code}]`, message: `is required for service ${svc.code}` });
    }
  }
  return { stored, urgent, kind };
}

/** The citizen's name from first_name/last_name: family name first for Chinese names. */
function fullName(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  const cjk = /[\u3400-\u9FFF]/.test(`${first ?? ""}${last ?? ""}`);
  return cjk ? `${last ?? ""}${first ?? ""}` : [first, last].filter(Boolean).join(" ");
}

/** A first line of the description, short enough for the appeal's title. */
function titleOf(svc: Open311Service, description: string | null): string {
  const line = description
    ?.split(/\r?\n/)
    .find((l) => l.trim())
    ?.trim();
  if (!line) return svc.name;
  const chars = [...line];
  return chars.length > 60 ? `${chars.slice(0, 59).join("")}…` : line;
}

/**
 * `POST /requests`: checks the key (403), the jurisdiction and service (404), every field (400,
 * all problems at once), then receives the appeal through the same use case as the API
 * ({@link receiveAppeal}, channel `open311`) and records the submission with its token, in one
 * transaction. An `Idempotency-Key` makes a retry return the first answer.
 */
export async function submitOpen311Request(
  ctx: AppContext,
  sub: Submission,
  opts: { apiKey: string | undefined; idempotencyKey?: string },
): Promise<SubmitAnswer> {
  const key = await requireOpen311Key(ctx, opts.apiKey);
  const f = sub.fields;
  const problems: FieldProblem[] = [...sub.problems];
  const jurisdiction = checkJurisdiction(ctx, f.jurisdiction_id);
  const code = f.service_code?.trim();
  if (!code) {
    const given = problems.filter((p) => p.field === "service_code");
    const why = given.length ? given : [{ field: "service_code", message: "is required" }];
    throw badInput(`service_code: ${why[0]!.message}`, why);
  }
  const svc = findService(ctx.directory, code);
  if (!svc)
    throw open311Error(
      404,
      "service_code",
      `${code.slice(0, 40)} was not found (see GET /open311/v2/services.xml)`,
    );

  // Location: lat & long, or address_string (address_id needs an address repository we do not have).
  let lat: number | null = null;
  let lng: number | null = null;
  if (f.lat !== undefined || f.long !== undefined) {
    for (const [name, min, max] of [
      ["lat", -90, 90],
      ["long", -180, 180],
    ] as const) {
      const raw = f[name]?.trim();
      if (raw === undefined) {
        problems.push({ field: name, message: `is required with ${name === "lat" ? "long" : "lat"}` });
        continue;
      }
      const n = NUMBER.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n) || n < min || n > max) {
        problems.push({ field: name, message: `must be a WGS84 number between ${min} and ${max}` });
      } else if (name === "lat") lat = n;
      else lng = n;
    }
    if (lat !== null && lng !== null && !insideLiaoning(lat, lng)) {
      const b = LIAONING_BOUNDS;
      problems.push({
        field: "lat/long",
        message: `(${lat}, ${lng}) lies outside ${PROVINCE.nameEn} (lat ${b.minLat}–${b.maxLat}, long ${b.minLng}–${b.maxLng})`,
      });
    }
  }
  const address = textField(f, "address_string", 300, problems);
  if (f.lat === undefined && f.long === undefined && f.address_string === undefined) {
    problems.push(
      f.address_id
        ? {
            field: "address_id",
            message: "cannot be resolved here (no address repository); send lat and long, or address_string",
          }
        : { field: "location", message: "is required: send lat and long, or address_string" },
    );
  }
  const description = textField(f, "description", 4000, problems, { lines: true });
  if (description && HTML.test(description)) {
    problems.push({ field: "description", message: "must be plain text (no HTML or code)" });
  }
  const first = textField(f, "first_name", 25, problems);
  const last = textField(f, "last_name", 25, problems);
  const phone = textField(f, "phone", 30, problems);
  if (phone && !isValidPhone(phone)) {
    problems.push({ field: "phone", message: "is not a valid mainland China phone number" });
  }
  const email = textField(f, "email", 254, problems);
  if (email && !EMAIL.test(email)) problems.push({ field: "email", message: "is not an e-mail address" });
  const mediaUrl = textField(f, "media_url", 2000, problems);
  if (mediaUrl) {
    let ok = false;
    try {
      ok = ["http:", "https:"].includes(new URL(mediaUrl).protocol);
    } catch {}
    if (!ok) problems.push({ field: "media_url", message: "must be an http(s) URL" });
  }
  const accountId = textField(f, "account_id", 100, problems);
  const deviceId = textField(f, "device_id", 100, problems);
  const attrs = checkAttributes(svc, sub, problems);
  if (problems.length) {
    throw badInput(
      `The request has ${problems.length} problem(s): ${problems.map((p) => p.field).join(", ")}.`,
      problems,
    );
  }

  const regionCode = chooseRegion(
    jurisdiction,
    address ? regionFromAddress(ctx.directory, address) : null,
    lat !== null && lng !== null ? nearestRegion(ctx.directory, lat, lng) : null,
  );
  const attrLines = attrs.stored
    .filter((a) => a.code !== "kind")
    .map((a) => {
      const def = svc.attributes.find((d) => d.code === a.code);
      const shown = a.values.map((v) => def?.values.find((x) => x.key === v)?.name ?? v);
      return `${a.description}：${shown.join("、")}`;
    });
  const body = [
    description ?? `（Open311 报告，无描述）${svc.description}`,
    ...(attrLines.length ? ["", ...attrLines] : []),
    ...(mediaUrl ? ["", `图片/媒体 (media)：${mediaUrl}`] : []),
  ].join("\n");
  const input: ReceiveAppealInput = {
    kind: (attrs.kind ?? DEFAULT_KIND) as AppealKind,
    urgency: (attrs.urgent ? "urgent" : "normal") as Urgency,
    title: titleOf(svc, description),
    body,
    citizen: { name: fullName(first, last) ?? undefined, phone: phone ?? undefined },
    location: {
      regionCode: regionCode ?? undefined,
      address: address ?? undefined,
      lat,
      lng,
    },
    categoryCode: svc.code,
  };
  const type = await serviceType(ctx.db);
  const res = await withIdempotency(
    ctx,
    `open311:${key.id}`,
    opts.idempotencyKey,
    { f, a: [...sub.attributes] },
    async (tx) => {
      const rec = await receiveAppeal(
        ctx,
        input,
        {
          actor: { id: key.id, name: `Open311: ${key.name}`, role: "integration" },
          channel: "open311",
          categoryChosenBy: "citizen",
        },
        tx,
      ).catch((e: unknown) => {
        throw e instanceof AppError && e.status === 400 ? inOpen311Terms(e) : e;
      });
      const token = `${rec.cityCode}-${newSecret(15)}`;
      await tx
        .insertInto("open311_requests")
        .values({
          city_code: rec.cityCode,
          appeal_id: rec.id,
          ticket_no: rec.ticketNo,
          token,
          api_key_id: key.id,
          service_code: svc.code,
          description,
          media_url: mediaUrl,
          attributes: JSON.stringify(attrs.stored),
          account_id: accountId,
          device_id: deviceId,
          email,
          created_at: ctx.clock.now(),
        })
        .execute();
      return { status: 200, body: { ticketNo: rec.ticketNo, token, replyBy: rec.replyBy } };
    },
  );
  const { ticketNo, token, replyBy } = res.body;
  const notice = serviceNotice(ticketNo, replyBy);
  return type === "batch"
    ? { token, service_notice: notice, account_id: accountId }
    : { service_request_id: ticketNo, service_notice: notice, account_id: accountId };
}

/** A 400 of the shared intake checks, naming the standard's parameters. */
function inOpen311Terms(e: AppError): AppError {
  const details = e.details.map((d) => {
    const p = d as { field?: unknown };
    return typeof p.field === "string" ? { ...p, field: OPEN311_FIELDS[p.field] ?? p.field } : d;
  });
  return new AppError(e.status, e.code, e.message, details);
}

/** `GET /tokens/{token}`: the request a token stands for. */
export async function resolveToken(
  ctx: AppContext,
  token: string,
  jurisdiction: string | null,
): Promise<TokenAnswer[]> {
  const ok = /^[0-9]{4}-[A-Za-z0-9_-]{16,64}$/.test(token);
  const row = ok
    ? await ctx.db
        .selectFrom("open311_requests")
        .select(["ticket_no", "token", "city_code"])
        .where("city_code", "=", token.slice(0, 4))
        .where("token", "=", token)
        .executeTakeFirst()
    : undefined;
  const inJurisdiction = (r: { ticket_no: string }) =>
    !jurisdiction || jurisdiction.length <= 2 || r.ticket_no.startsWith(jurisdiction.slice(0, 4));
  if (!row || !inJurisdiction(row)) throw open311Error(404, "token", `${token.slice(0, 80)} was not found`);
  return [{ service_request_id: row.ticket_no, token: row.token }];
}
