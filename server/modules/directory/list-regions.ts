import { badField } from "../../platform/errors.ts";
import type { Directory, Region } from "./directory-cache.ts";

/** The children of a region (`null` = the top level), or 400 naming `parent` for an unknown code. */
export function listRegionChildren(directory: Directory, parent: string | null): Region[] {
  if (parent && !directory.regions.has(parent)) throw badField("parent", `unknown region code ${parent}`);
  return [...directory.regions.values()].filter((r) => r.parentCode === parent);
}
