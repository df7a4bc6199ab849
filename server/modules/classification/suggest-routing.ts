import type { SuggestInput, SuggestResultDto } from "../../../common/contracts/classification.ts";
import type { AppContext } from "../../app-context.ts";
import { badField } from "../../platform/errors.ts";
import { planAutoDispatch } from "./auto-dispatch.ts";
import { appealText, suggestCategories, suggestDepartment } from "./suggest.ts";

/**
 * What routing intelligence says about a text as the agent types (`POST /classification/suggest`):
 * the top 3 categories with the words behind each, the department for the top category (or the
 * agent's own `categoryCode`), and whether intake would dispatch the appeal by itself.
 */
export function suggestRouting(ctx: AppContext, input: SuggestInput): SuggestResultDto {
  if (input.regionCode && !ctx.directory.regions.has(input.regionCode)) {
    throw badField("body.regionCode", `unknown region ${input.regionCode}`);
  }
  if (input.categoryCode && !ctx.directory.categories.has(input.categoryCode)) {
    throw badField("body.categoryCode", `unknown category ${input.categoryCode}`);
  }
  const regionCode = input.regionCode ?? null;
  const text = appealText(input.title ?? "", input.body ?? "");
  const { items, modelVersion } = suggestCategories(ctx, text);
  const categoryCode = input.categoryCode ?? items[0]?.code ?? null;
  const department = categoryCode ? suggestDepartment(ctx, { categoryCode, regionCode, text }) : null;
  // An agent's own category is theirs to dispatch; otherwise ask what intake would decide.
  const wouldAutoDispatch =
    !input.categoryCode &&
    planAutoDispatch(ctx, { suggestions: items, modelVersion, regionCode, text }).dispatched;
  return {
    items,
    modelVersion,
    departmentId: department?.departmentId ?? null,
    department,
    wouldAutoDispatch,
    threshold: ctx.routing.settings.autoDispatchThreshold,
  };
}
