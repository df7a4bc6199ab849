import { timingSafeEqual } from "node:crypto";
import { STATUS_LABELS } from "../../../common/appeal-state.ts";
import type { PublicAppealInput } from "../../../common/contracts/appeals.ts";
import type { AppContext } from "../../app-context.ts";
import { AppError, notFound, rateLimited } from "../../platform/errors.ts";
import { newSecret, sha256 } from "../../platform/ids.ts";
import { RateLimiter } from "../../platform/rate-limiter.ts";
import type { Tx } from "../../storage/database.ts";
import { findAppealByTicket, loadEvents } from "../appeals/appeal.repo.ts";
import { receiveAppeal } from "./receive-appeal.ts";

// Ten submissions per client address per hour: enough for a family, not for a flood.
const submissions = new RateLimiter(10, 3600 * 1000);

/** A citizen submits on the web portal; the answer carries the ticket number and a tracking secret. */
export async function submitPublicAppeal(
  ctx: AppContext,
  input: PublicAppealInput,
  clientIp: string,
  tx?: Tx,
) {
  const now = ctx.clock.now().getTime();
  const wait = submissions.retryAfter(clientIp, now);
  if (wait > 0) {
    throw rateLimited(`Too many submissions from your address. Try again in ${wait} seconds.`, wait);
  }
  const secret = newSecret(12);
  const rec = await receiveAppeal(
    ctx,
    {
      kind: input.kind,
      title: input.title,
      body: input.body,
      citizen: { name: input.name, phone: input.phone },
      location: { regionCode: input.regionCode, address: input.address },
    },
    {
      actor: { id: null, name: "市民（网站）", role: "citizen" },
      channel: "web",
      publicSecretHash: sha256(secret),
    },
    tx,
  ).catch((e: unknown) => {
    throw e instanceof AppError && e.status === 400 ? inPortalTerms(e) : e;
  });
  submissions.hit(clientIp, now);
  return { ticketNo: rec.ticketNo, secret, status: rec.status, createdAt: rec.createdAt };
}

/** The staff intake's field names → the portal body's (`citizen.phone` is `phone` there). */
const PORTAL_FIELDS: Record<string, string> = {
  "citizen.name": "name",
  "citizen.phone": "phone",
  "location.regionCode": "regionCode",
  "location.address": "address",
};

/** A 400 of the shared intake checks, naming the fields as the citizen's form has them. */
function inPortalTerms(e: AppError): AppError {
  const details = e.details.map((d) => {
    const p = d as { field?: unknown };
    return typeof p.field === "string" ? { ...p, field: PORTAL_FIELDS[p.field] ?? p.field } : d;
  });
  return new AppError(e.status, e.code, e.message, details);
}

/** Public events: what happened and when, never who or anything personal. */
const PUBLIC_EVENTS: Record<string, string> = {
  received: "已受理",
  answered_directly: "已直接答复",
  dispatched: "已转交承办单位",
  signed: "承办单位已签收",
  transferred: "已转交其他承办单位",
  extension_approved: "办理期限已延长",
  replied: "承办单位已答复",
  called_back: "已回访",
  reopened: "重新办理",
  closed: "已办结",
};

/** Tracking by ticket number and secret; a wrong secret looks exactly like an unknown ticket. */
export async function trackPublicAppeal(ctx: AppContext, ticketNo: string, secret: string) {
  const rec = await findAppealByTicket(ctx.db, ticketNo);
  const given = Buffer.from(sha256(secret));
  if (!rec?.publicSecretHash || !timingSafeEqual(Buffer.from(rec.publicSecretHash), given)) {
    throw notFound("appeal", ticketNo);
  }
  const events = await loadEvents(ctx.db, rec);
  return {
    ticketNo: rec.ticketNo,
    status: rec.status,
    statusLabel: STATUS_LABELS[rec.status],
    kind: rec.kind,
    title: rec.title,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    replyBy: rec.replyBy,
    reply: rec.status === "replied" || rec.status === "closed" ? rec.replyText : null,
    history: events
      .filter((e) => e.event.type in PUBLIC_EVENTS)
      .map((e) => ({ type: e.event.type, label: PUBLIC_EVENTS[e.event.type]!, at: e.event.at })),
  };
}
