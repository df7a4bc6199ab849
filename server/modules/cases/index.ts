/** The case engine (parent case + sub-cases, two clocks, suspensions): what other modules use. */

export {
  CASE_STAFF,
  canSeeCase,
  canSeeSubcase,
  caseAbilities,
  subcaseAbilities,
} from "./case.policy.ts";
export {
  type CaseEventActor,
  type CaseFilter,
  type CaseRecord,
  caseEvents,
  findCase,
  findCaseByNo,
  listCases,
  type StoredCaseEvent,
} from "./case.repo.ts";
export { type ClockView, clocksOf, expectedFinish } from "./case-clocks.ts";
export {
  type CaseActionHandler,
  type CaseActionRequest,
  commitCaseEvents,
  DEFAULT_CASE_HANDLERS,
  type NewCase,
  openCase,
  performCaseAction,
  runCaseAction,
} from "./perform-case-action.ts";
