/** The engine's public door. Shells import from here only. */
export { createSession, describeIssues, Session, type DispatchResult, type DispatchError, type Step } from './session';
export type { Action, ActionType, BatchPart } from './model/actions';
export { ActionSchema, ACTION_TYPES, BATCHABLE, FORMS, formOf, MAX_BATCH, SYSTEM_ACTIONS } from './model/actions';
export type { Scenario } from './model/scenario';
export type { Evidence, GameState } from './model/state';
export type { Observation, ListedAction, TextInput, VisibleItem } from './observe';
export { takeListed } from './observe';
export type { Report } from './report';
export type { Effect, EffectKind } from './rules/effects';
export { verifyReplay, parseReplay, engineCompatible, engineVersionProblem, type VerifyResult } from './replay';
export { ReplaySchema, REPLAY_FORMAT, REPLAY_FORMAT_VERSION, type ReplayLog, type Checkpoint } from './replay-format';
export { canonicalJson, hashValue } from './hash';
export { ENGINE_VERSION } from './version';
export { monteCarloForecast } from './rules/forecast';
export { refinementCost } from './rules/backlog';
export { PO_TIME_COST } from './rules/discovery';
export { flawsAnswered } from './rules/writing';
export { hintContext } from './text';
