import {
  type BundleDefinition,
  type DefinitionProblem,
  SHARED_FIELD_KEYS,
} from "../../../common/contracts/bundles.ts";

/** The values a situation takes: a yes/no question has `yes` and `no`. */
export function situationValues(s: BundleDefinition["situations"][number]): string[] {
  return s.kind === "yesno" ? ["yes", "no"] : s.options.map((o) => o.value);
}

/** Procedure codes in dependency order (predecessors first), or the cycle when there is one. */
export function dependencyOrder(def: Pick<BundleDefinition, "procedures">): {
  order: string[];
  cycle: string[] | null;
} {
  const byCode = new Map(def.procedures.map((p) => [p.code, p]));
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  let cycle: string[] | null = null;
  const visit = (code: string, path: string[]) => {
    if (cycle) return;
    const st = state.get(code);
    if (st === 2) return;
    if (st === 1) {
      cycle = [...path.slice(path.indexOf(code)), code];
      return;
    }
    state.set(code, 1);
    for (const d of byCode.get(code)?.dependsOn ?? []) if (byCode.has(d)) visit(d, [...path, code]);
    state.set(code, 2);
    order.push(code);
  };
  for (const p of def.procedures) visit(p.code, []);
  return { order, cycle };
}

/** Every procedure that must finish before `code` (its predecessors, transitively). */
export function predecessorsOf(def: Pick<BundleDefinition, "procedures">, code: string): Set<string> {
  const byCode = new Map(def.procedures.map((p) => [p.code, p]));
  const out = new Set<string>();
  const stack = [...(byCode.get(code)?.dependsOn ?? [])];
  while (stack.length) {
    const d = stack.pop()!;
    if (out.has(d)) continue;
    out.add(d);
    stack.push(...(byCode.get(d)?.dependsOn ?? []));
  }
  return out;
}

/**
 * Everything that would make a published version wrong, each naming the item and where it is
 * (a path into the definition): duplicate codes, unknown departments, procedures or answers,
 * dependency cycles, promised limits over legal ones, materials no procedure asks for
 * (unreachable), fields nothing asks for or with no source (unsourced), and certificates used
 * before the procedure that issues them. Pure; `departmentExists` is the catalog.
 */
export function validateDefinition(
  def: BundleDefinition,
  departmentExists: (id: string) => boolean,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, item: string, code: string, message: string) =>
    problems.push({ path, item, code, message });

  const dupes = (list: { code: string }[], kind: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.code))
        add(`${kind}[${i}].code`, x.code, "DUPLICATE_CODE", `${kind} code ${x.code} is used twice`);
      seen.add(x.code);
    });
  };
  dupes(def.procedures, "procedures");
  dupes(def.situations, "situations");
  dupes(def.materials, "materials");
  dupes(def.fields, "fields");

  const dep = (path: string, id: string) => {
    if (!departmentExists(id)) add(path, id, "UNKNOWN_DEPARTMENT", `department ${id} does not exist`);
  };
  dep("leadDepartmentId", def.leadDepartmentId);
  for (const [i, d] of def.coDepartmentIds.entries()) dep(`coDepartmentIds[${i}]`, d);

  const procs = new Set(def.procedures.map((p) => p.code));
  const materials = new Map(def.materials.map((m) => [m.code, m]));
  const fields = new Map(def.fields.map((f) => [f.code, f]));
  const situations = new Map(def.situations.map((s) => [s.code, s]));

  const condition = (path: string, item: string, c: { situation: string; equals: string } | undefined) => {
    if (!c) return;
    const s = situations.get(c.situation);
    if (!s)
      add(
        `${path}.situation`,
        item,
        "UNKNOWN_SITUATION",
        `${item} depends on situation ${c.situation}, which is not defined`,
      );
    else if (!situationValues(s).includes(c.equals))
      add(
        `${path}.equals`,
        item,
        "UNKNOWN_ANSWER",
        `situation ${c.situation} has no answer ${c.equals} (answers: ${situationValues(s).join(", ")})`,
      );
  };

  def.situations.forEach((s, i) => {
    if (s.kind === "choice" && s.options.length < 2)
      add(
        `situations[${i}].options`,
        s.code,
        "NO_OPTIONS",
        `choice question ${s.code} needs at least two options`,
      );
    if (!situationValues(s).includes(s.default))
      add(
        `situations[${i}].default`,
        s.code,
        "UNKNOWN_ANSWER",
        `the default answer ${s.default} of ${s.code} is not one of its answers`,
      );
  });

  const usedMaterials = new Set<string>();
  const usedFields = new Set<string>();
  def.procedures.forEach((p, i) => {
    const at = `procedures[${i}]`;
    dep(`${at}.departmentId`, p.departmentId);
    if (p.promisedDays > p.legalDays)
      add(
        `${at}.promisedDays`,
        p.code,
        "PROMISED_OVER_LEGAL",
        `${p.code}: the promised limit (${p.promisedDays}) exceeds the legal limit (${p.legalDays})`,
      );
    condition(`${at}.when`, p.code, p.when);
    p.dependsOn.forEach((d, j) => {
      if (d === p.code) add(`${at}.dependsOn[${j}]`, p.code, "CYCLE", `${p.code} depends on itself`);
      else if (!procs.has(d))
        add(
          `${at}.dependsOn[${j}]`,
          p.code,
          "UNKNOWN_PROCEDURE",
          `${p.code} depends on ${d}, which is not a procedure of this bundle`,
        );
    });
    p.materials.forEach((m, j) => {
      usedMaterials.add(m.code);
      if (!materials.has(m.code))
        add(
          `${at}.materials[${j}].code`,
          p.code,
          "UNKNOWN_MATERIAL",
          `${p.code} asks for material ${m.code}, which is not defined`,
        );
      condition(`${at}.materials[${j}].when`, m.code, m.when);
    });
    p.fields.forEach((f, j) => {
      usedFields.add(f);
      if (!fields.has(f))
        add(
          `${at}.fields[${j}]`,
          p.code,
          "UNKNOWN_FIELD",
          `${p.code} asks for field ${f}, which is not defined`,
        );
    });
  });

  const { cycle } = dependencyOrder(def);
  if (cycle) add("procedures", cycle[0]!, "CYCLE", `the dependencies form a cycle: ${cycle.join(" → ")}`);

  def.materials.forEach((m, i) => {
    const at = `materials[${i}]`;
    if (!usedMaterials.has(m.code))
      add(at, m.code, "UNREACHABLE_MATERIAL", `material ${m.code} (${m.name}) is asked for by no procedure`);
    for (const [j, f] of m.fields.entries()) {
      if (!fields.has(f))
        add(
          `${at}.fields[${j}]`,
          m.code,
          "UNKNOWN_FIELD",
          `material ${m.code} carries field ${f}, which is not defined`,
        );
      else if (usedMaterials.has(m.code)) usedFields.add(f);
    }
    if (m.source === "issued") {
      if (!m.issuedBy || !procs.has(m.issuedBy)) {
        add(
          `${at}.issuedBy`,
          m.code,
          "UNSOURCED_MATERIAL",
          `material ${m.code} is issued by the government but names no procedure of this bundle that issues it`,
        );
      } else if (!cycle) {
        def.procedures.forEach((p, k) => {
          if (p.materials.some((u) => u.code === m.code) && !predecessorsOf(def, p.code).has(m.issuedBy!)) {
            add(
              `procedures[${k}].dependsOn`,
              p.code,
              "ISSUED_TOO_LATE",
              `${p.code} needs ${m.code}, issued by ${m.issuedBy}, but does not depend on ${m.issuedBy}`,
            );
          }
        });
      }
    }
  });

  const issuedFields = new Set(def.materials.filter((m) => m.source === "issued").flatMap((m) => m.fields));
  def.fields.forEach((f, i) => {
    const at = `fields[${i}]`;
    if (!usedFields.has(f.code))
      add(
        at,
        f.code,
        "UNREACHABLE_FIELD",
        `field ${f.code} (${f.label}) is asked by no procedure or material`,
      );
    if (f.source === "enterprise_registry" || f.source === "citizen_appeal") {
      const keys = SHARED_FIELD_KEYS[f.source];
      if (!f.sourceKey || !keys.includes(f.sourceKey))
        add(
          `${at}.sourceKey`,
          f.code,
          "UNSOURCED_FIELD",
          `field ${f.code} comes from ${f.source} but names no known value (${keys.join(", ")})`,
        );
    } else if (f.source === "issued" && !issuedFields.has(f.code)) {
      add(
        `${at}.source`,
        f.code,
        "UNSOURCED_FIELD",
        `field ${f.code} is said to be issued, but no government-issued material carries it`,
      );
    }
  });
  return problems;
}
