/**
 * 免申即享 in the console: the shapes the API answers, from the shared contracts
 * (common/contracts/policies.ts, enterprises.ts, type-only), and the small helpers the screens share.
 */
import type { AttrDef, AttrValue } from "../../../../common/contracts/enterprises.ts";
import type {
  DecisionTable,
  HitPolicy,
  LedgerStatus,
  MatchStatus,
  PolicyDetail,
} from "../../../../common/contracts/policies.ts";
import { api, cached } from "../../shared/api.ts";
import { enumValues } from "../../shared/enum-values.ts";
import { useApi } from "../../shared/use-api.ts";

export type {
  AttrDef,
  AttrType,
  AttrValue,
  Enterprise,
  EnterpriseDetail,
} from "../../../../common/contracts/enterprises.ts";
export type {
  ConditionLine,
  DecisionTable,
  EnterpriseEntitlements,
  Entitlement,
  EntitlementDetail,
  EntitlementEvent,
  Explanation,
  GoldenCase,
  HitPolicy,
  LedgerStatus,
  MatchStatus,
  PolicyDetail,
  PolicySummary,
  PolicyVersion,
  Preview,
  Problem,
  Rule,
  TestReport,
  VersionStatus,
} from "../../../../common/contracts/policies.ts";

export const HIT_POLICIES = enumValues<HitPolicy>({ UNIQUE: true, FIRST: true, ANY: true, COLLECT: true });
export const MATCH_STATUSES = enumValues<MatchStatus>({
  eligible: true,
  not_eligible: true,
  needs_data: true,
  error: true,
});
export const LEDGER_STATUSES = enumValues<LedgerStatus>({
  pending: true,
  confirmed: true,
  disbursed: true,
  rejected: true,
  withdrawn: true,
});

/** The controlled attribute list, loaded once per session. */
export function useAttributes(prefix = "/api/v1"): AttrDef[] | null {
  const attrs = useApi(() => cached<{ items: AttrDef[] }>(`${prefix}/enterprise-attributes`), [prefix]);
  return attrs.error ? [] : (attrs.data?.items ?? null);
}

export const getPolicy = (id: string) =>
  api<PolicyDetail>("GET", `/api/v1/policies/${encodeURIComponent(id)}`);

/** A USCC as typed: upper case, no blanks. */
export const normUscc = (s: string) => s.replace(/\s+/g, "").toUpperCase();

/** Attribute keys an amount formula mentions (identifiers that are attributes). */
export function formulaKeys(formula: string, attrs: AttrDef[]): string[] {
  const keys = new Set(attrs.map((a) => a.key));
  return [...new Set(formula.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])].filter((k) => keys.has(k));
}

/** Parses what an officer typed for a test attribute; "" = unknown (left out). */
export function parseAttrInput(def: AttrDef | undefined, raw: string): AttrValue | undefined {
  const s = raw.trim();
  if (s === "") return undefined;
  if (!def) return s;
  if (def.type === "number") {
    const n = Number(s.replace(/[,_，]/g, ""));
    return Number.isFinite(n) ? n : s;
  }
  if (def.type === "boolean") {
    const l = s.toLowerCase();
    if (l === "true" || l === "yes" || s === "是") return true;
    if (l === "false" || l === "no" || s === "否") return false;
  }
  return s;
}

/** How a stored attribute value is typed back into a test cell. */
export function attrInputText(v: AttrValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** Where in the editor a problem belongs (`body.table.rules[1].when[0]` → rule 1, column 0). */
export type Place =
  | { k: "cell"; rule: number; col: number }
  | { k: "amount"; rule: number }
  | { k: "rule"; rule: number }
  | { k: "input"; col: number }
  | { k: "field"; name: string };
export function placeOf(field: string): Place {
  const f = field.replace(/^body\./, "").replace(/^table\./, "");
  let m = /^rules\[(\d+)\]\.when\[(\d+)\]/.exec(f);
  if (m) return { k: "cell", rule: Number(m[1]), col: Number(m[2]) };
  m = /^rules\[(\d+)\]\.amount/.exec(f);
  if (m) return { k: "amount", rule: Number(m[1]) };
  m = /^rules\[(\d+)\]/.exec(f);
  if (m) return { k: "rule", rule: Number(m[1]) };
  m = /^inputs\[(\d+)\]/.exec(f);
  if (m) return { k: "input", col: Number(m[1]) };
  return { k: "field", name: f.split(/[.[/]/)[0] ?? f };
}

/** A blank table for a new policy. */
export function blankTable(): DecisionTable {
  const today = new Date().toISOString().slice(0, 10);
  return {
    title: "",
    issuingDepartmentId: "",
    legalBasis: "",
    effectiveFrom: today,
    effectiveTo: null,
    hitPolicy: "UNIQUE",
    inputs: [{ attribute: "regionCode" }],
    rules: [{ when: ["-"], eligible: true, amount: "0" }],
    tests: [],
  };
}
