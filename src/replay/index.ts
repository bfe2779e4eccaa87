/**
 * Replays as the shells share them: files (export/import), links (challenge and replay), the
 * stepper for the viewer and debrief, branching a run to take it over, and comparing two runs.
 * Pure: no DOM or Node API beyond the standard CompressionStream, TextEncoder/TextDecoder,
 * btoa/atob, URL and structuredClone that Node 20 and browsers share. Verification is always the engine's
 * `verifyReplay`. Format and links are documented in docs/replays.md.
 */
export { MAX_REPLAY_FILE_BYTES, parseReplayFile, replayFileName, serializeReplay, verifyReplayFile, type ParsedReplayFile } from './file';
export { LINK_KEYS, MAX_LINK_LENGTH, MAX_LINK_PAYLOAD, challengeLink, readLink, replayLink, type LinkProblem, type LinkRead, type MadeLink, type ReplayLinkResult } from './links';
export { LINK_ID_PATTERN } from './ids';
export { REPLAY_MIGRATIONS, migrateReplay, migrateWith, type MigrateResult, type ReplayMigration } from './migrate';
export { replayStepper, sprintStarts, type Judgement, type ReplayStepper, type SprintStart, type StepFrame, type StepOutcome, type StepperResult } from './stepper';
export { branchAt, prefixReplay, type BranchProblem, type BranchResult } from './branch';
export { compareRuns, type GoalChange, type GoalRow, type GoalSide, type OutcomeKey, type OutcomeRow, type RunComparison } from './compare';
export {
  readReplayValue,
  verifyAgainst,
  verifyReplayValue,
  type ReplayProblem,
  type ReplayProblemKind,
  type ReplayVerdict,
  type ScenarioResolver,
  type VerifiedReplay,
} from './verdict';
