import type { AppealEvent } from "../../../common/appeal-state.ts";
import type { AppContext } from "../../app-context.ts";
import { type EventActor, rowToRecord } from "../appeals/appeal.repo.ts";
import { commitEvent } from "../appeals/commit-event.ts";

const SYSTEM: EventActor = { id: null, name: "时限监控 SLA sweep", role: "system" };
const BATCH = 500;

/** What one sweep did. */
export interface SweepResult {
  warned: number;
  overdue: number;
  supervised: number;
}

/**
 * The SLA sweep: warns at 80 % of the reply window, marks appeals whose sign or reply deadline has
 * passed as overdue and supervises them automatically (督办). Idempotent (the `warned` and `overdue`
 * flags are the done-markers), bounded (batches through partial indexes), one appeal per
 * transaction with the usual version check, so a sweep never overwrites a concurrent action.
 */
export async function runSlaSweep(ctx: AppContext, now: Date, maxBatches = 200): Promise<SweepResult> {
  const result: SweepResult = { warned: 0, overdue: 0, supervised: 0 };
  const at = now.toISOString();

  for (let b = 0; b < maxBatches; b++) {
    const rows = await ctx.db
      .selectFrom("appeals")
      .selectAll()
      .where("status", "<>", "closed")
      .where("warned", "=", false)
      .where("overdue", "=", false)
      .where("warn_at", "<=", now)
      .where("reply_by", ">", now)
      .orderBy("warn_at")
      .limit(BATCH)
      .execute();
    let moved = 0;
    for (const row of rows) {
      const rec = rowToRecord(row);
      const ok = await ctx.db
        .transaction()
        .execute((tx) =>
          commitEvent(tx, rec, { type: "sla_warned", at, data: { replyBy: rec.replyBy } }, SYSTEM),
        )
        // A concurrent action moved the appeal: the next sweep looks at it again.
        .catch(() => null);
      if (ok) moved++;
    }
    result.warned += moved;
    if (rows.length < BATCH || moved === 0) break;
  }

  for (let b = 0; b < maxBatches; b++) {
    const rows = await ctx.db
      .selectFrom("appeals")
      .selectAll()
      .where("overdue", "=", false)
      .where((eb) =>
        eb.or([
          eb.and([
            eb("status", "in", ["received", "dispatched", "signed", "reopened"]),
            eb("reply_by", "<=", now),
          ]),
          eb.and([eb("status", "=", "dispatched"), eb("sign_by", "<=", now)]),
        ]),
      )
      .orderBy("reply_by")
      .limit(BATCH)
      .execute();
    let moved = 0;
    for (const row of rows) {
      const done = await ctx.db
        .transaction()
        .execute(async (tx) => {
          let rec = rowToRecord(row);
          const replyLate = rec.replyBy <= at;
          const ev: AppealEvent = {
            type: "overdue_marked",
            at,
            data: replyLate
              ? { clock: "reply", deadline: rec.replyBy }
              : { clock: "sign", deadline: rec.signBy! },
          };
          rec = await commitEvent(tx, rec, ev, SYSTEM);
          let supervised = false;
          if (!rec.supervised) {
            const note = replyLate
              ? "超期未答复，系统自动督办 / overdue reply, supervised automatically"
              : "超期未签收，系统自动督办 / overdue sign, supervised automatically";
            await commitEvent(tx, rec, { type: "supervised", at, data: { note, automatic: true } }, SYSTEM);
            supervised = true;
          }
          return { supervised };
        })
        // A concurrent action moved the appeal: the next sweep looks at it again.
        .catch(() => null);
      if (done) {
        moved++;
        result.overdue++;
        if (done.supervised) result.supervised++;
      }
    }
    if (rows.length < BATCH || moved === 0) break;
  }
  return result;
}
