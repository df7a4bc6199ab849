import type { PublicLookup } from "../../../common/contracts/policies.ts";
import { normalizeUscc } from "../../../common/uscc.ts";
import type { AppContext } from "../../app-context.ts";
import { notFound, rateLimited } from "../../platform/errors.ts";
import { RateLimiter } from "../../platform/rate-limiter.ts";
import { lookupCodeMatches } from "../enterprises/index.ts";
import { enterpriseEntitlements } from "./enterprise-entitlements.ts";

/**
 * The enterprise's own lookup on the citizens' portal (企业政策查询, no login): with its USCC and
 * the verification code the policy office gave it, it reads its entitlements, why, what needs its
 * data, and its notices. Nothing is revealed unless the code matches; a wrong code and an unknown
 * USCC answer the same 404.
 */

/** Public lookups per client address (the verification code is short; bound guessing). */
const lookups = new RateLimiter(30, 60 * 60 * 1000);

/** The public lookup: 429 after 30 tries an hour from one address, 404 unless the code matches. */
export async function lookupEntitlements(
  ctx: AppContext,
  clientAddress: string,
  rawUscc: string,
  code: string,
): Promise<PublicLookup> {
  const now = ctx.clock.now().getTime();
  const wait = lookups.retryAfter(clientAddress, now);
  if (wait > 0) throw rateLimited(`Too many lookups from your address. Try again in ${wait} seconds.`, wait);
  lookups.hit(clientAddress, now);
  const uscc = normalizeUscc(rawUscc);
  if (!(await lookupCodeMatches(ctx.db, uscc, code))) throw notFound("enterprise with this code", uscc);
  const full = await enterpriseEntitlements(ctx, null, uscc);
  const inbox = await ctx.db
    .selectFrom("enterprise_inbox")
    .select(["subject", "body", "delivered_at"])
    .where("uscc", "=", uscc)
    .orderBy("delivered_at", "desc")
    .limit(50)
    .execute();
  return {
    uscc: full.uscc,
    name: full.name,
    entitlements: full.entitlements.map((r) => ({
      policyTitle: r.policyTitle,
      amount: r.amount,
      status: r.status,
      reason: r.reason,
      explanation: r.explanation.text,
      updatedAt: r.updatedAt,
    })),
    needsData: full.current
      .filter((c) => c.status === "needs_data")
      .map((c) => ({ policyTitle: c.policyTitle, explanation: c.explanation.text })),
    messages: inbox.map((m) => ({
      subject: m.subject,
      body: m.body,
      at: new Date(m.delivered_at).toISOString(),
    })),
  };
}
