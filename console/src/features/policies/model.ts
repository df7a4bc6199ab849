/**
 * 免申即享 in the console: the shapes the API answers (server/modules/policies, enterprises) and
 * the small helpers the screens share.
 */
import { useEffect, useState } from "react";
import { api, cached } from "../../shared/api.ts";

export type AttrType = "number" | "date" | "enum" | "boolean" | "region" | "industry";
export interface AttrDef {
  key: string;
  type: AttrType;
  label: string;
  unit?: string;
  values?: string[];
  valueLabels?: Record<string, string>;
  derived?: boolean;
}

export type HitPolicy = "UNIQUE" | "FIRST" | "ANY" | "COLLECT";
export const HIT_POLICIES: HitPolicy[] = ["UNIQUE", "FIRST", "ANY", "COLLECT"];
export type MatchStatus = "eligible" | "not_eligible" | "needs_data" | "error";
export const MATCH_STATUSES: MatchStatus[] = ["eligible", "not_eligible", "needs_data", "error"];
export type AttrValue = string | number | boolean | null;

export interface GoldenCase {
  name: string;
  attrs: Record<string, AttrValue>;
  expect: { status: MatchStatus; amount?: number };
}
export interface Rule {
  when: string[];
  eligible: boolean;
  amount: string;
  note?: string;
}
export interface DecisionTable {
  title: string;
  summary?: string;
  issuingDepartmentId: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sample?: boolean;
  hitPolicy: HitPolicy;
  inputs: { attribute: string }[];
  rules: Rule[];
  testDate?: string;
  tests?: GoldenCase[];
}

export interface PolicySummary {
  id: string;
  title: string;
  departmentId: string;
  sample: boolean;
  publishedVersion: number | null;
  latestVersion: number | null;
  latestStatus: VersionStatus | null;
  updatedAt: string;
}
export type VersionStatus = "draft" | "approved" | "published" | "superseded";
export interface TestReport {
  passed: boolean;
  evalDate: string;
  officerCases: {
    name: string;
    passed: boolean;
    expected: { status: MatchStatus; amount?: number };
    actual: { status: MatchStatus; amount: number };
  }[];
  generatedCases: number;
  disagreements: { name: string }[];
}
export interface Preview {
  evalDate: string;
  enterprises: number;
  eligible: number;
  needsData: number;
  errors: number;
  totalAmount: number;
  previousVersion: number | null;
  diff: {
    newlyEligible: number;
    noLongerEligible: number;
    amountChanged: number;
    amountDelta: number;
    examples: {
      uscc: string;
      change: "newly_eligible" | "no_longer_eligible" | "amount_changed";
      before: number | null;
      after: number | null;
    }[];
  };
}
export interface PolicyVersion {
  version: number;
  status: VersionStatus;
  table: DecisionTable;
  testReport: TestReport | null;
  preview: Preview | null;
  previewAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
  createdBy: string;
  /** Who drafted it; another officer approves it. Null: sample data, or before four-eyes approval. */
  createdById: string | null;
  createdAt: string;
}
export interface PolicyDetail {
  id: string;
  title: string;
  departmentId: string;
  sample: boolean;
  publishedVersion: number | null;
  versions: PolicyVersion[];
}
export interface Problem {
  field: string;
  message: string;
}

export type LedgerStatus = "pending" | "confirmed" | "disbursed" | "rejected" | "withdrawn";
export const LEDGER_STATUSES: LedgerStatus[] = ["pending", "confirmed", "disbursed", "rejected", "withdrawn"];
export interface Entitlement {
  id: string;
  uscc: string;
  enterpriseName: string | null;
  policyId: string;
  policyTitle: string | null;
  policyVersion: number;
  departmentId: string;
  amount: number;
  status: LedgerStatus;
  reason: string | null;
  version: number;
  inputs: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
export interface ConditionLine {
  attribute: string;
  label: string;
  ok: boolean | null;
  text: string;
}
export interface Explanation {
  status: MatchStatus;
  rule: number | null;
  conditions: ConditionLine[];
  amountText: string | null;
  missing: string[];
  text: string;
}
export interface EntitlementEvent {
  seq: number;
  type: string;
  from: string | null;
  to: string;
  actor: string | null;
  at: string;
  data: Record<string, unknown> | null;
}
export interface EntitlementDetail extends Entitlement {
  events: EntitlementEvent[];
  explanation: Explanation;
}

export interface Enterprise {
  uscc: string;
  name: string;
  cityCode: string;
  attrs: Record<string, AttrValue>;
  synthetic: boolean;
  version: number;
  updatedAt: string;
  history?: {
    version: number;
    name: string;
    attrs: Record<string, AttrValue>;
    validFrom: string;
    validTo: string | null;
    source: string;
    changedBy: string | null;
  }[];
}
export interface EnterpriseEntitlements {
  uscc: string;
  name: string;
  evalDate: string;
  entitlements: (Entitlement & { explanation: Explanation })[];
  current: {
    policyId: string;
    policyTitle: string;
    policyVersion: number;
    status: MatchStatus;
    amount: number;
    missing: string[];
    explanation: Explanation;
  }[];
}

/** The controlled attribute list, loaded once per session. */
export function useAttributes(prefix = "/api/v1"): AttrDef[] | null {
  const [attrs, setAttrs] = useState<AttrDef[] | null>(null);
  useEffect(() => {
    let live = true;
    cached<{ items: AttrDef[] }>(`${prefix}/enterprise-attributes`).then(
      (r) => live && setAttrs(r.items),
      () => live && setAttrs([]),
    );
    return () => {
      live = false;
    };
  }, [prefix]);
  return attrs;
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
