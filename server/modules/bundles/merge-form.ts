import type {
  BundleDefinition,
  FieldDef,
  FormDto,
  MaterialDef,
  ProcedureDef,
} from "../../../common/contracts/bundles.ts";
import type { FieldProblem } from "../../platform/errors.ts";
import { situationValues } from "./validate-definition.ts";

/** Answers to the situation questions (情形), defaults filled in. */
export type Answers = Record<string, string>;

/** The answers with defaults, or the problems naming `answers.<code>`. */
export function resolveAnswers(
  def: BundleDefinition,
  given: Answers = {},
): { answers: Answers; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const answers: Answers = {};
  const known = new Map(def.situations.map((s) => [s.code, s]));
  for (const code of Object.keys(given)) {
    if (!known.has(code))
      problems.push({ field: `body.answers.${code}`, message: "is not a question of this bundle" });
  }
  for (const s of def.situations) {
    const v = given[s.code] ?? s.default;
    if (!situationValues(s).includes(v)) {
      problems.push({
        field: `body.answers.${s.code}`,
        message: `must be one of ${situationValues(s).join(", ")}`,
      });
    }
    answers[s.code] = v;
  }
  return { answers, problems };
}

const holds = (c: { situation: string; equals: string } | undefined, a: Answers) =>
  !c || a[c.situation] === c.equals;

/** The merged form's structure before values: included procedures, materials and fields, each once. */
export interface MergedForm {
  procedures: ProcedureDef[];
  materials: (MaterialDef & { usedBy: string[] })[];
  fields: (FieldDef & { usedBy: string[] })[];
}

/**
 * Answers → one form: the procedures the answers include, every material they need once (with the
 * procedures that use it), every field once — whether three procedures ask it or one. Dependencies
 * on procedures the answers leave out are dropped. Pure.
 */
export function mergeForm(def: BundleDefinition, answers: Answers): MergedForm {
  const procedures = def.procedures
    .filter((p) => holds(p.when, answers))
    .map((p, _i, all) => ({ ...p, dependsOn: p.dependsOn.filter((d) => all.some((q) => q.code === d)) }));
  const matDefs = new Map(def.materials.map((m) => [m.code, m]));
  const fieldDefs = new Map(def.fields.map((f) => [f.code, f]));
  const materials = new Map<string, MaterialDef & { usedBy: string[] }>();
  const fields = new Map<string, FieldDef & { usedBy: string[] }>();
  const addField = (code: string, by: string) => {
    const f = fieldDefs.get(code);
    if (!f) return;
    const cur = fields.get(code) ?? { ...f, usedBy: [] };
    if (!cur.usedBy.includes(by)) cur.usedBy.push(by);
    fields.set(code, cur);
  };
  for (const p of procedures) {
    for (const u of p.materials) {
      if (!holds(u.when, answers)) continue;
      const m = matDefs.get(u.code);
      if (!m) continue;
      const cur = materials.get(m.code) ?? { ...m, usedBy: [] };
      if (!cur.usedBy.includes(p.code)) cur.usedBy.push(p.code);
      materials.set(m.code, cur);
      for (const f of m.fields) addField(f, p.code);
    }
    for (const f of p.fields) addField(f, p.code);
  }
  return { procedures, materials: [...materials.values()], fields: [...fields.values()] };
}

/** Values the shared sources hold for the applicant (enterprise registry, an earlier appeal). */
export interface SharedData {
  enterprise?: Record<string, string | null> | null;
  appeal?: Record<string, string | null> | null;
}

/** The value of a shared-data field, when the source has one. */
export function sharedValue(f: FieldDef, shared: SharedData): string | null {
  if (!f.sourceKey) return null;
  if (f.source === "enterprise_registry") return shared.enterprise?.[f.sourceKey] ?? null;
  if (f.source === "citizen_appeal") return shared.appeal?.[f.sourceKey] ?? null;
  return null;
}

/**
 * A field is 免提交 when its value comes from shared data (and the source has it) or from a
 * certificate an earlier procedure issues; a material when the applicant does not hand it in.
 */
export function presentForm(
  bundleId: string,
  version: number,
  def: BundleDefinition,
  answers: Answers,
  shared: SharedData,
  departmentName: (id: string) => string,
): FormDto {
  const merged = mergeForm(def, answers);
  const fields = merged.fields.map((f) => {
    const value = sharedValue(f, shared);
    const exempt = f.source === "issued" || value !== null;
    return {
      code: f.code,
      label: f.label,
      type: f.type,
      required: f.required,
      source: f.source,
      usedBy: f.usedBy,
      value,
      exempt,
    };
  });
  const materials = merged.materials.map((m) => ({
    code: m.code,
    name: m.name,
    original: m.original,
    form: m.form,
    source: m.source,
    evidenceLevel: m.evidenceLevel,
    usedBy: m.usedBy,
    exempt: m.source !== "applicant",
  }));
  const exemptMaterials = materials.filter((m) => m.exempt).length;
  return {
    bundleId,
    version,
    questions: def.situations.map((s) => ({
      code: s.code,
      question: s.question,
      kind: s.kind,
      options:
        s.kind === "yesno"
          ? [
              { value: "yes", label: "是" },
              { value: "no", label: "否" },
            ]
          : s.options,
      answer: answers[s.code]!,
    })),
    procedures: merged.procedures.map((p) => ({
      code: p.code,
      name: p.name,
      departmentId: p.departmentId,
      departmentName: departmentName(p.departmentId),
      legalDays: p.legalDays,
      promisedDays: p.promisedDays,
      dependsOn: p.dependsOn,
    })),
    fields,
    materials,
    summary: {
      fields: fields.length,
      fieldsToFill: fields.filter((f) => !f.exempt).length,
      materials: materials.length,
      materialsToSubmit: materials.length - exemptMaterials,
      exemptRate: materials.length ? exemptMaterials / materials.length : 0,
    },
  };
}
