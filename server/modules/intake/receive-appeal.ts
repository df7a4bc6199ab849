import type { AppealEvent, Channel } from "../../../common/appeal-state.ts";
import type { ReceiveAppealInput } from "../../../common/contracts/appeals.ts";
import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import { indexWords } from "../../platform/chinese-text.ts";
import { newId } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import { type AppealRecord, appendEvent, type EventActor, rowToRecord } from "../appeals/appeal.repo.ts";
import { autoDispatch } from "../classification/auto-dispatch.ts";
import { appealText, suggestCategories } from "../classification/suggest.ts";
import { Directory } from "../directory/directory-cache.ts";
import { checkIntake, storedPhone } from "./validate-intake.ts";

/** Extra facts about a receipt that do not come from the caller's body. */
export interface ReceiveOptions {
  actor: EventActor;
  /** Defaults to phone for agents; the public portal passes web, Open311 passes open311. */
  channel?: Channel;
  /** Hash of the public tracking secret (portal submissions). */
  publicSecretHash?: string | null;
  /** For imports and demo data: when the appeal was received (defaults to now). */
  receivedAt?: Date;
  /**
   * Whether the platform may dispatch a confidently classified appeal by itself (智能分拨).
   * Default true; imports and the demo seeder pass false, and a body's `autoDispatch: false` or
   * `categoryCode` (the agent chose) turns it off too.
   */
  autoDispatch?: boolean;
  /**
   * Who chose `categoryCode`: an agent (default: their choice is final and they dispatch), or the
   * citizen (an Open311 service, a portal menu), whose pick is a hint: the appeal is dispatched by
   * itself only when the category model confidently agrees with it.
   */
  categoryChosenBy?: "agent" | "citizen";
}

/**
 * Receives (受理) an appeal: validates it against the catalog, numbers it, starts its SLA clock
 * and writes the appeal with its `received` event in one transaction.
 */
export async function receiveAppeal(
  ctx: AppContext,
  input: ReceiveAppealInput,
  opts: ReceiveOptions,
  tx?: Tx,
): Promise<AppealRecord> {
  checkIntake(ctx, input);
  if (!tx) return ctx.db.transaction().execute((t) => receiveAppeal(ctx, input, opts, t));
  const at = opts.receivedAt ?? ctx.clock.now();
  const kind = input.kind;
  const urgency = input.urgency ?? "normal";
  const categoryCode = input.categoryCode ?? null;
  const regionCode = input.location?.regionCode ?? null;
  const cityCode = Directory.cityCode(regionCode);
  const { replyBy, warnAt } = ctx.sla.onReceive({ kind, urgency, categoryCode, receivedAt: at });
  const id = newId();
  const ticketNo = await nextTicketNo(tx, cityCode, at);
  const anonymous = input.citizen?.anonymous ?? false;
  const suggested = suggestCategories(ctx, appealText(input.title, input.body));
  const event: AppealEvent = {
    type: "received",
    at: at.toISOString(),
    data: { replyBy: replyBy.toISOString(), warnAt: warnAt.toISOString(), categoryCode },
  };
  const row = await tx
    .insertInto("appeals")
    .values({
      city_code: cityCode,
      id,
      ticket_no: ticketNo,
      version: 1,
      status: "received",
      kind,
      channel: opts.channel ?? input.channel ?? "phone",
      urgency,
      title: input.title.trim(),
      body: input.body.trim(),
      citizen_name: input.citizen?.name?.trim() || null,
      citizen_phone: storedPhone(input.citizen?.phone),
      citizen_anonymous: anonymous,
      enterprise_uscc: input.enterprise?.uscc ?? null,
      enterprise_name: input.enterprise?.name ?? null,
      business_environment: input.businessEnvironment ?? !!input.enterprise,
      region_code: regionCode,
      address: input.location?.address?.trim() || null,
      lat: input.location?.lat ?? null,
      lng: input.location?.lng ?? null,
      category_code: categoryCode,
      category_suggestions: JSON.stringify(suggested.items),
      co_department_ids: [],
      reply_by: replyBy,
      warn_at: warnAt,
      public_secret_hash: opts.publicSecretHash ?? null,
      search_tokens: indexWords(`${input.title} ${input.body} ${input.location?.address ?? ""}`).join(" "),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(tx, { cityCode, id }, 1, event, opts.actor, null, "received");
  const received = rowToRecord(row);
  // In the receipt's transaction (the city's ticket-counter lock serialises a burst), e.g. joining a
  // live hot spot; each hook guards its own work, so none fails the receipt.
  for (const hook of ctx.onReceived) await hook(ctx, tx, received);
  const citizenPick = opts.categoryChosenBy === "citizen" ? categoryCode : null;
  const mayAutoDispatch =
    (opts.autoDispatch ?? true) && input.autoDispatch !== false && (!categoryCode || citizenPick !== null);
  if (!mayAutoDispatch) return received;
  const done = await autoDispatch(ctx, tx, received, suggested.items, suggested.modelVersion, citizenPick);
  return done.outcome.dispatched ? done.appeal : received;
}

/**
 * The next ticket number of a city and day, e.g. `2101-20240423-000123`. The counter row is
 * locked by the upsert, so concurrent receipts in one city and day get distinct numbers.
 */
async function nextTicketNo(tx: Tx, cityCode: string, at: Date): Promise<string> {
  const day = chinaDate(at).replaceAll("-", "");
  const row = await tx
    .insertInto("ticket_counters")
    .values({ city_code: cityCode, day, last: 1 })
    .onConflict((oc) =>
      oc.columns(["city_code", "day"]).doUpdateSet((eb) => ({ last: eb("ticket_counters.last", "+", 1) })),
    )
    .returning("last")
    .executeTakeFirstOrThrow();
  return `${cityCode}-${day}-${String(row.last).padStart(6, "0")}`;
}
