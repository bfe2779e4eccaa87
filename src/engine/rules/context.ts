import type { Draft } from 'immer';
import type { SystemEventType } from '../lifecycle/machine';
import type { ActionOf, ActionType } from '../model/actions';
import type { Scenario } from '../model/scenario';
import type { Evidence, GameState } from '../model/state';
import type { Rng } from '../rng';

/** What a rule may do besides changing the draft: draw randomness, raise lifecycle events, judge. */
export interface RuleContext {
  readonly scenario: Scenario;
  readonly rng: Rng;
  emit(event: SystemEventType): void;
}

/** A refusal that changes nothing. `code` lets programs react; `message` is for people. */
export interface RuleError {
  code: 'unknownId' | 'invalidParams' | 'notAllowedNow';
  message: string;
}

export interface Rule<T extends ActionType> {
  /** Reads the state and says why the action cannot apply, or null. Never mutates. */
  check?: (state: GameState, action: ActionOf<T>, scenario: Scenario) => RuleError | null;
  apply: (draft: Draft<GameState>, action: ActionOf<T>, ctx: RuleContext) => void;
}

export type RuleBook = { [T in ActionType]: Rule<T> };

/** Records a judged decision; a later judgement of the same decision replaces the earlier one. */
export function judge(draft: Draft<GameState>, e: Omit<Evidence, 'weight'> & { weight?: number }): void {
  const score = Math.min(1, Math.max(0, e.score));
  const record: Evidence = { goalId: e.goalId, score, weight: e.weight ?? 1, decisionId: e.decisionId, rationale: e.rationale };
  const i = draft.evidence.findIndex((x) => x.decisionId === e.decisionId && x.goalId === e.goalId);
  if (i >= 0) draft.evidence[i] = record;
  else draft.evidence.push(record);
}

export function say(draft: Draft<GameState>, message: string): void {
  draft.log.push(message);
  draft.logTotal += 1;
  // The log is for the player's eyes; old lines add nothing but hashing cost.
  if (draft.log.length > 40) draft.log.splice(0, draft.log.length - 40);
}

export const unknownId = (what: string, id: string): RuleError => ({ code: 'unknownId', message: `no ${what} with id "${id}"` });
