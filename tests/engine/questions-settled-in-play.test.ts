import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine';
import type { Evidence, GameState } from '../../src/engine/model/state';
import { openNextQuestion } from '../../src/engine/rules/questions';
import { shippedScenario } from '../helpers/scenarios';

/*
 * A knowledge check asks what play has not shown: a question on goals the player has already shown
 * in sound decisions, twice each, is not asked. Weak decisions, a single one, or earlier answers to
 * questions do not count as shown.
 */

const { scenario, hash } = shippedScenario('corner-cafe.yaml');
const card = scenario.questions!.find((q) => q.id === 'frameworks')!;

/** Which questions open as Sprint Planning of the card's Sprint begins, with this evidence so far. */
function askedWith(evidence: readonly Pick<Evidence, 'goalId' | 'score' | 'decisionId'>[]): string[] {
  const state = structuredClone(createSession(scenario, 1, hash).state) as GameState;
  state.sprint = card.sprint!;
  state.pendingQuestion = null;
  state.askedQuestions = [];
  state.evidence = evidence.map((e) => ({ ...e, rationale: 'test' }) as Evidence);
  openNextQuestion(state, 'sprint.planning.proposing', scenario.questions!);
  return state.askedQuestions;
}

const goal = card.goalIds[0]!;

describe('knowledge checks settled in play', () => {
  it('checks one goal, asked at a Sprint Planning', () => {
    expect(card.goalIds).toHaveLength(1);
    expect(askedWith([])).toContain(card.id);
  });

  it('is not asked once two sound decisions in play showed its goal', () => {
    expect(askedWith([{ goalId: goal, score: 1, decisionId: 'order-s1' }, { goalId: goal, score: 0.8, decisionId: 'order-s2' }])).not.toContain(card.id);
  });

  it('is asked after one sound decision, after weak ones, or after answers to other questions', () => {
    expect(askedWith([{ goalId: goal, score: 1, decisionId: 'order-s1' }])).toContain(card.id);
    expect(askedWith([{ goalId: goal, score: 1, decisionId: 'order-s1' }, { goalId: goal, score: 0.4, decisionId: 'order-s2' }])).toContain(card.id);
    expect(askedWith([{ goalId: goal, score: 1, decisionId: 'question-a' }, { goalId: goal, score: 1, decisionId: 'question-b' }])).toContain(card.id);
    expect(askedWith([{ goalId: 'D1.1.1', score: 1, decisionId: 'order-s1' }, { goalId: 'D1.1.1', score: 1, decisionId: 'order-s2' }])).toContain(card.id);
  });
});
