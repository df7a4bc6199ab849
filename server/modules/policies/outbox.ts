import type { AppContext } from "../../app-context.ts";
import { newId } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";

/**
 * The notification outbox (通知发件箱): a notice to an enterprise is written in the transaction of
 * the change that causes it (so a rolled-back change sends nothing) and delivered after commit by
 * `outbox-delivery.job.ts` through an {@link OutboxSender}.
 */

/** Queues a notification to an enterprise (delivered by the outbox sender after commit). */
export async function queueNotice(
  ctx: AppContext,
  tx: Tx,
  n: { city: string; uscc: string; topic: string; subject: string; body: string },
): Promise<void> {
  await tx
    .insertInto("outbox")
    .values({
      id: newId(),
      city_code: n.city,
      uscc: n.uscc,
      topic: n.topic,
      subject: n.subject,
      body: n.body,
      created_at: ctx.clock.now(),
      delivered_at: null,
      last_error: null,
    })
    .execute();
}

/** Where notifications go: pluggable (SMS gateway, 政务服务网 message centre…). */
export interface OutboxSender {
  send(
    tx: Tx,
    msg: { id: string; cityCode: string; uscc: string; subject: string; body: string; at: Date },
  ): Promise<void>;
}

/** The default sender: delivers into the enterprise's local inbox table (read by the public lookup). */
export const localOutboxSender: OutboxSender = {
  async send(tx, msg) {
    await tx
      .insertInto("enterprise_inbox")
      .values({
        city_code: msg.cityCode,
        id: newId(),
        uscc: msg.uscc,
        subject: msg.subject,
        body: msg.body,
        delivered_at: msg.at,
      })
      .execute();
  },
};
