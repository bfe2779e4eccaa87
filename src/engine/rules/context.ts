import { isDraft, original, type Draft } from 'immer';
import type { SystemEventType } from '../lifecycle/machine';
import type { ActionOf, ActionType } from '../model/actions';
import type { Scenario } from '../model/scenario';
import type { Evidence, GameState } from '../model/state';
import type { Rng } from '../rng';

/** What a rule may do besides changing the draft: draw randomness, raise lifecycle events, judge. */
export interface RuleContext {
  readonly scenario: Scenario;
  /**
   * The state before this action, plain and read-only. Reading through the draft costs a
   * proxy per object touched, so rules read from `base` whatever they have not changed yet.
   */
  readonly base: GameState;
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

/** One rule per action type; a `batch` has none of its own: the session applies its parts' rules. */
export type RuleBook = { [T in Exclude<ActionType, 'batch'>]: Rule<T> };

/**
 * Records a judged decision. A decision judged again (a re-chosen Product Goal) is
 * replaced by the rule that allows it, with `forgetJudgement`, so this stays a cheap append.
 */
export function judge(draft: Draft<GameState>, e: Omit<Evidence, 'weight'> & { weight?: number }): void {
  const score = Math.min(1, Math.max(0, e.score));
  draft.evidence.push({ goalId: e.goalId, score, weight: e.weight ?? 1, decisionId: e.decisionId, rationale: e.rationale });
}

export function forgetJudgement(draft: Draft<GameState>, decisionId: string): void {
  // Search the plain array, not the draft: a proxy per record would make this the slowest rule.
  const plain = (isDraft(draft.evidence) ? original(draft.evidence) : draft.evidence) as readonly Evidence[] | undefined;
  if (!plain || !plain.some((x) => x.decisionId === decisionId)) return;
  // Spliced out of the draft rather than replaced by a filtered copy: Immer walks every record
  // of an assigned array looking for drafts, which made re-judging cost O(evidence).
  for (let i = plain.length - 1; i >= 0; i--) if (plain[i]!.decisionId === decisionId) draft.evidence.splice(i, 1);
}

export const LOG_KEEP = 20;

export function say(draft: Draft<GameState>, message: string): void {
  draft.log.push(message);
  draft.logTotal += 1;
  // The log is for the player's eyes; old lines add nothing but hashing cost. Trimming in
  // batches keeps the draft from rewriting the whole array on every line.
  if (draft.log.length > LOG_KEEP * 2) draft.log.splice(0, draft.log.length - LOG_KEEP);
}

export const unknownId = (what: string, id: string): RuleError => ({ code: 'unknownId', message: `no ${what} with id "${id}"` });

/** An item's title, also for a piece a split has not made yet (a roadmap can promise one). */
export function titleOf(state: Pick<GameState, 'items'>, scenario: Scenario, id: string): string {
  const known = state.items[id]?.title;
  if (known) return known;
  for (const item of scenario.backlog) for (const o of item.splits ?? []) for (const c of o.children) if (c.id === id) return c.title;
  return id;
}

/** "A", "B" and "C": item titles for a sentence. */
export function quotedTitles(state: Pick<GameState, 'items'>, ids: readonly string[]): string {
  const t = ids.map((id) => `"${state.items[id]!.title}"`);
  return t.length <= 1 ? (t[0] ?? '') : `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
}
