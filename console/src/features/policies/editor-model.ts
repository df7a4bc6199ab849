/**
 * The policy editor's working copy of a decision table (rows keyed for React, test values as
 * typed), its conversion from and to the API's table, and where the API's problems belong.
 */
import { ApiError } from "../../shared/api.ts";
import {
  type AttrDef,
  attrInputText,
  type DecisionTable,
  type HitPolicy,
  type MatchStatus,
  type Place,
  type Problem,
  parseAttrInput,
} from "./model.ts";

export interface EdRule {
  key: number;
  when: string[];
  eligible: boolean;
  amount: string;
  note: string;
}
export interface EdCase {
  key: number;
  name: string;
  attrs: Record<string, string>;
  status: MatchStatus;
  amount: number | null;
}
export interface Ed {
  title: string;
  summary: string;
  issuingDepartmentId: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string;
  hitPolicy: HitPolicy;
  sample: boolean;
  inputs: string[];
  rules: EdRule[];
  testDate: string;
  tests: EdCase[];
}

let seq = 1;
export const nextKey = () => seq++;

export function toEd(t: DecisionTable): Ed {
  return {
    title: t.title,
    summary: t.summary ?? "",
    issuingDepartmentId: t.issuingDepartmentId,
    legalBasis: t.legalBasis,
    effectiveFrom: t.effectiveFrom,
    effectiveTo: t.effectiveTo ?? "",
    hitPolicy: t.hitPolicy,
    sample: t.sample === true,
    inputs: t.inputs.map((i) => i.attribute),
    rules: t.rules.map((r) => ({
      key: nextKey(),
      when: [...r.when],
      eligible: r.eligible,
      amount: r.amount,
      note: r.note ?? "",
    })),
    testDate: t.testDate ?? "",
    tests: (t.tests ?? []).map((c) => ({
      key: nextKey(),
      name: c.name,
      attrs: Object.fromEntries(Object.entries(c.attrs).map(([k, v]) => [k, attrInputText(v)])),
      status: c.expect.status,
      amount: c.expect.amount ?? null,
    })),
  };
}

export function toTable(ed: Ed, defs: AttrDef[]): DecisionTable {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const t: DecisionTable = {
    title: ed.title.trim(),
    issuingDepartmentId: ed.issuingDepartmentId,
    legalBasis: ed.legalBasis.trim(),
    effectiveFrom: ed.effectiveFrom,
    effectiveTo: ed.effectiveTo || null,
    hitPolicy: ed.hitPolicy,
    inputs: ed.inputs.map((attribute) => ({ attribute })),
    rules: ed.rules.map((r) => ({
      when: r.when.map((c) => c.trim() || "-"),
      eligible: r.eligible,
      amount: r.amount.trim() || "0",
      ...(r.note.trim() ? { note: r.note.trim() } : {}),
    })),
    tests: ed.tests.map((c) => {
      const attrs: Record<string, string | number | boolean | null> = {};
      for (const [k, raw] of Object.entries(c.attrs)) {
        const v = parseAttrInput(byKey.get(k), raw);
        if (v !== undefined) attrs[k] = v;
      }
      return {
        name: c.name.trim() || "—",
        attrs,
        expect:
          c.amount !== null && c.status === "eligible"
            ? { status: c.status, amount: c.amount }
            : { status: c.status },
      };
    }),
  };
  if (ed.summary.trim()) t.summary = ed.summary.trim();
  if (ed.sample) t.sample = true;
  if (ed.testDate) t.testDate = ed.testDate;
  return t;
}

/** API details (`{ field, message }`) of a 400, or null. */
export function problemsOf(e: unknown): Problem[] | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  const d = (e.details ?? []) as Problem[];
  return d.filter((p) => p && typeof p.field === "string");
}

/** What each part of the editor receives: the working copy, a patch, and the problems at a place. */
export interface EditorPart {
  ed: Ed;
  set: (patch: Partial<Ed>) => void;
  /** The problems (shortened, joined) at the places `pred` accepts; "" when none. */
  at: (pred: (p: Place) => boolean) => string;
}
