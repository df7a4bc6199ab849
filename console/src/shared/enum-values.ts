/**
 * The values of a string union, in the order written, from a record the compiler checks complete
 * (every value, nothing else). The console uses it for the contract's enums so that the contract
 * files are imported as types only and the TypeBox runtime stays out of the bundle.
 */
export function enumValues<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}
