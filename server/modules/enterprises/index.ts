/**
 * The enterprise registry (企业库), as other modules use it. See README.md in this folder.
 * (The registry's own use cases that re-match policies, `save-enterprise.ts` and
 * `import-enterprise-file.ts`, are not exported: they sit above the policies module.)
 */

export * from "./attributes.ts";
export { lookupCodeMatches } from "./lookup-code.ts";
export { type EnterpriseData, findEnterprise, saveEnterprises } from "./registry.ts";
export { syntheticEnterprise } from "./synthetic.ts";
export { parseUsccParam } from "./uscc-param.ts";
export { type EnterpriseRecord, validateEnterprise } from "./validate-enterprise.ts";
