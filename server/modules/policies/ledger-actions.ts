import type { LedgerActionName, LedgerStatus } from "../../../common/contracts/policies.ts";

/**
 * The ledger's transition table (兑现台账): what the issuing department may do to an entitlement,
 * from which states, to which state, and the notice the enterprise gets. Granting, recomputing
 * and withdrawing are the re-match's (`reconcile-ledger.ts`), never a person's.
 */
export const LEDGER_ACTIONS: Record<
  LedgerActionName,
  { from: readonly LedgerStatus[]; to: LedgerStatus; topic: string; verb: string }
> = {
  confirm: { from: ["pending"], to: "confirmed", topic: "entitlement.confirmed", verb: "已确认" },
  reject: {
    from: ["pending", "confirmed"],
    to: "rejected",
    topic: "entitlement.rejected",
    verb: "未通过确认",
  },
  disburse: { from: ["confirmed"], to: "disbursed", topic: "entitlement.disbursed", verb: "已兑付" },
};
export type LedgerAction = LedgerActionName;
