import type { AppContext } from "../../app-context.ts";
import { PROVINCE } from "../../config/province.ts";
import { Directory } from "../directory/directory-cache.ts";

/** One category suggested for an appeal's text: the code, its name, the score and the words behind it. */
export interface CategorySuggestion {
  code: string;
  name: string;
  score: number;
  words: string[];
}

/** The department an appeal would go to, and why: the admin's routing table or the learned model. */
export interface DepartmentSuggestion {
  departmentId: string;
  name: string;
  source: "table" | "model";
  /** The model's probability when `source` is `model`. */
  score: number | null;
}

/** The text the models read: title and body, as the agent typed them. */
export const appealText = (title: string, body: string) => `${title}\n${body}`;

/**
 * Top-`k` categories for a text by the active category model, limited to categories that exist in
 * the catalog now (a model may know codes an admin has since removed). Empty when there is no model
 * or the text gives it nothing to go on: an honest "no suggestion".
 */
export function suggestCategories(
  ctx: AppContext,
  text: string,
  k = 3,
): { items: CategorySuggestion[]; modelVersion: number | null } {
  const active = ctx.routing.get("category");
  if (!active) return { items: [], modelVersion: null };
  const items: CategorySuggestion[] = [];
  const corrected = (p: Float64Array, labels: readonly string[]) =>
    ctx.routing.corrections.adjust("category", text, labels, p);
  for (const s of active.model.predict(text, k + 2, corrected)) {
    const c = ctx.directory.categories.get(s.label);
    if (!c) continue;
    items.push({ code: s.label, name: c.name, score: round4(s.score), words: s.words });
    if (items.length === k) break;
  }
  return { items, modelVersion: active.version };
}

/** How sure the department model must be to overrule the province-level fallback route. */
const MODEL_OVER_FALLBACK = 0.6;

/**
 * The department for a category in a region. The routing table wins where it is explicit for the
 * appeal's city or district; where only the province-level fallback route (省级兜底) matches, or the
 * region is unknown, a confident department model trained on history may name a department of the
 * appeal's own city instead. Null when neither knows.
 */
export function suggestDepartment(
  ctx: AppContext,
  args: { categoryCode: string | null; regionCode: string | null; text: string },
): DepartmentSuggestion | null {
  const { categoryCode, regionCode } = args;
  const cityCode = regionCode ? Directory.cityCode(regionCode) : null;
  let fallback: DepartmentSuggestion | null = null;
  if (categoryCode && regionCode) {
    const route = ctx.directory.routes.lookup(categoryCode, regionCode);
    const dept = route ? ctx.directory.departments.get(route.departmentId) : undefined;
    if (route && dept && !dept.disabled) {
      const suggestion: DepartmentSuggestion = {
        departmentId: dept.id,
        name: dept.name,
        source: "table",
        score: null,
      };
      const explicit =
        cityCode === null || dept.regionCode !== PROVINCE.code || cityCode === PROVINCE.provinceLevelCity;
      if (explicit) return suggestion;
      fallback = suggestion;
    }
  }
  const model = ctx.routing.get("department");
  if (model) {
    const corrected = (p: Float64Array, labels: readonly string[]) =>
      ctx.routing.corrections.adjust("department", args.text, labels, p);
    for (const s of model.model.predict(args.text, 5, corrected)) {
      if (s.score < MODEL_OVER_FALLBACK) break;
      const dept = ctx.directory.departments.get(s.label);
      if (!dept || dept.disabled) continue;
      if (cityCode && cityCode !== PROVINCE.provinceLevelCity && !dept.regionCode.startsWith(cityCode))
        continue;
      return { departmentId: dept.id, name: dept.name, source: "model", score: round4(s.score) };
    }
  }
  return fallback;
}

/** Scores and rates as the API shows them: four decimals. */
export const round4 = (x: number) => Math.round(x * 10000) / 10000;
