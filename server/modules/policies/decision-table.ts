/**
 * A policy version as a DMN-shaped decision table (决策表), stored as JSON and authored in the
 * console's grid editor. The schema is the wire contract (`common/contracts/policies.ts`); this
 * file names it for the engine and adds the validation problem type.
 */
export {
  DecisionTable,
  GoldenCase,
  HIT_POLICIES,
  type HitPolicy,
} from "../../../common/contracts/policies.ts";

/** A validation problem naming the place: `rules[2].when[1]` (rule 3, column 2), `inputs[0]`… */
export interface TableProblem {
  field: string;
  message: string;
}
