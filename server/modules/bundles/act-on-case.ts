import type { AppContext } from "../../app-context.ts";
import { withIdempotency } from "../../storage/idempotency.ts";
import { type CaseActionRequest, runCaseAction } from "../cases/index.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { BUNDLE_CASE_HANDLERS } from "./bundle-case-actions.ts";
import { presentCaseFor } from "./query-bundle-cases.ts";

/**
 * One action on a bundle case or one of its sub-cases, as a user sends it: run by the case engine
 * in one transaction (the bundle's own handlers for case-level actions) and presented for that
 * user; a repeated Idempotency-Key within its scope replays the stored answer.
 */
export function actOnCase(
  ctx: AppContext,
  user: AuthUser,
  a: { scope: string; key: string | undefined; body: unknown; caseId: string; request: CaseActionRequest },
) {
  return withIdempotency(ctx, a.scope, a.key, a.body, async (tx) => {
    const handlers = a.request.target === "case" ? BUNDLE_CASE_HANDLERS : {};
    const rec = await runCaseAction(ctx, tx, user, a.caseId, a.request, handlers);
    return { status: 200, body: await presentCaseFor(ctx, tx, user, rec) };
  });
}
