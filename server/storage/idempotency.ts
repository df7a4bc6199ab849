import type { Clock } from "../platform/clock.ts";
import { conflict } from "../platform/errors.ts";
import { sha256 } from "../platform/ids.ts";
import type { Db, Tx } from "./database.ts";

/** Keys are honoured for 24 hours. */
const TTL_MS = 24 * 3600 * 1000;

/**
 * Runs a creating write once per (scope, key), in one transaction with the key's row: a retry with
 * the same key and body gets the first result; the same key with another body is a 409. The key row
 * is claimed first, so a concurrent retry waits for the first to commit and then replays it.
 * The keys live in `idempotency_keys`, next to the rest of storage; any route or use case may call
 * this (the context satisfies `{ db, clock }`).
 */
export async function withIdempotency<T>(
  ctx: { db: Db; clock: Clock },
  scope: string,
  key: string | undefined,
  body: unknown,
  run: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  if (!key) return { ...(await ctx.db.transaction().execute(run)), replayed: false };
  const hash = sha256(JSON.stringify(body ?? null));
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    // Expired keys may be reused.
    await tx
      .deleteFrom("idempotency_keys")
      .where("scope", "=", scope)
      .where("key", "=", key)
      .where("created_at", "<", new Date(now.getTime() - TTL_MS))
      .execute();
    const claimed = await tx
      .insertInto("idempotency_keys")
      .values({ scope, key, request_hash: hash, status: 0, response: "null", created_at: now })
      .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
      const prior = await tx
        .selectFrom("idempotency_keys")
        .selectAll()
        .where("scope", "=", scope)
        .where("key", "=", key)
        .executeTakeFirstOrThrow();
      if (prior.request_hash !== hash) {
        throw conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different body.", [
          { field: "Idempotency-Key" },
        ]);
      }
      return { status: prior.status, body: prior.response as T, replayed: true };
    }
    const result = await run(tx);
    await tx
      .updateTable("idempotency_keys")
      .set({ status: result.status, response: JSON.stringify(result.body) })
      .where("scope", "=", scope)
      .where("key", "=", key)
      .execute();
    return { ...result, replayed: false };
  });
}
