import type { AppContext } from "../../app-context.ts";
import { localOutboxSender, type OutboxSender } from "./outbox.ts";

/**
 * Delivery of the outbox (`outbox-delivery`, every minute from the scheduler, and right after a
 * request that queued notices): a bounded sweep of due rows, each in its own transaction with the
 * row locked, retried with back-off.
 */

/** Attempts a notification gets before it stays undelivered for an administrator to look at. */
export const OUTBOX_MAX_ATTEMPTS = 10;

/**
 * How long a notification waits after its n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours
 * (ten attempts span about 17 hours: a gateway down overnight does not lose a notice).
 */
export function outboxRetryDelayMs(failedAttempts: number): number {
  return Math.min(6 * 3600_000, 60_000 * 2 ** Math.max(0, failedAttempts - 1));
}

/** The sender's failure, carried out of the rolled-back transaction to be recorded after it. */
class SendFailed extends Error {
  constructor(
    readonly attempts: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** What one delivery round did. */
export interface OutboxRound {
  delivered: number;
  failed: number;
  /** Rows another delivery (another request or server instance) held: left to it. */
  skipped: number;
}

/**
 * Delivers pending outbox rows that are due (oldest first), each in its own transaction with the
 * row locked (`for update skip locked`), so concurrent rounds — after a request, from the
 * scheduled job, on several servers — deliver each notification once. A failure is recorded
 * with its error and retried after a back-off ({@link outboxRetryDelayMs}).
 */
export async function deliverOutboxRound(
  ctx: AppContext,
  sender: OutboxSender = localOutboxSender,
  limit = 1000,
): Promise<OutboxRound> {
  const now = ctx.clock.now();
  const pending = await ctx.db
    .selectFrom("outbox")
    .select(["city_code", "id"])
    .where("delivered_at", "is", null)
    .where("attempts", "<", OUTBOX_MAX_ATTEMPTS)
    .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now)]))
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  const round: OutboxRound = { delivered: 0, failed: 0, skipped: 0 };
  for (const { city_code: cityCode, id } of pending) {
    const outcome = await ctx.db
      .transaction()
      .execute(async (tx) => {
        const m = await tx
          .selectFrom("outbox")
          .selectAll()
          .where("city_code", "=", cityCode)
          .where("id", "=", id)
          .where("delivered_at", "is", null)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!m) return "skipped" as const;
        try {
          await sender.send(tx, {
            id: m.id,
            cityCode: m.city_code,
            uscc: m.uscc,
            subject: m.subject,
            body: m.body,
            at: ctx.clock.now(),
          });
        } catch (e) {
          // Thrown on, so the transaction rolls back whatever the sender wrote.
          throw new SendFailed(m.attempts + 1, String((e as Error).message).slice(0, 500));
        }
        await tx
          .updateTable("outbox")
          .set({ delivered_at: ctx.clock.now(), attempts: m.attempts + 1, next_attempt_at: null })
          .where("city_code", "=", cityCode)
          .where("id", "=", m.id)
          .execute();
        return "delivered" as const;
      })
      .catch((e: unknown) => {
        if (e instanceof SendFailed) return e;
        throw e;
      });
    if (outcome instanceof SendFailed) {
      await ctx.db
        .updateTable("outbox")
        .set({
          attempts: outcome.attempts,
          last_error: outcome.reason,
          next_attempt_at: new Date(ctx.clock.now().getTime() + outboxRetryDelayMs(outcome.attempts)),
        })
        .where("city_code", "=", cityCode)
        .where("id", "=", id)
        .where("delivered_at", "is", null)
        .execute();
      round.failed++;
    } else round[outcome]++;
  }
  return round;
}

/** {@link deliverOutboxRound}, counting the notifications delivered. */
export async function deliverOutbox(
  ctx: AppContext,
  sender: OutboxSender = localOutboxSender,
  limit = 1000,
): Promise<number> {
  return (await deliverOutboxRound(ctx, sender, limit)).delivered;
}

/**
 * Delivers what a request just queued, after its commit. A failure here is not the request's:
 * the rows stay queued and the scheduled round retries them.
 */
export async function deliverAfterCommit(ctx: AppContext): Promise<void> {
  await deliverOutbox(ctx).catch(() => 0);
}
