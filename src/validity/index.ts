/** The validity check: do the scoring rules separate good practice from bad? */
export { DEFAULT_POLICIES, OUTCOMES, VALUE_OUTCOMES, domainScores, goalScores, runValidity, scoresBy } from './run';
export type { Comparison, DomainVerdict, GoalSeparation, OutcomeKey, RunFailure, ScenarioValidity, ValidityOptions, ValidityResult, ValidityScenario } from './run';
export { meanInterval, separatedAbove, tCritical, type Interval } from './stats';
export { formatInterval, formatValidity } from './format';
export { VALIDITY_EXIT, validityExitCode } from './exit';
