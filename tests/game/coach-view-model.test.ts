import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { createSession, type Evidence } from '../../src/engine';
import { bestAnswer } from '../../src/game/coach/knowledge-check';
import { LATER } from '../../src/assessment/later';
import { coachCard, coachSpeech, verdictOf, type CoachInput } from '../../src/game/coach/view-model';
import { starterScenario } from '../helpers/scenarios';

const { scenario, hash } = starterScenario();
const questions = scenario.questions ?? [];
const poJob = questions.find((q) => q.id === 'po-job')!;

function input(patch: Partial<CoachInput>): CoachInput {
  return { messages: [], evidence: [], choice: null, questions, coach: true, ...patch };
}

const ev = (decisionId: string, score: number, rationale: string, goalId = 'D2.2.2', weight = 1): Evidence => ({ goalId, score, weight, decisionId, rationale });

describe('the coach card', () => {
  it('grades a judgement Strong, Mixed or Weak with the debrief thresholds', () => {
    expect([verdictOf(1), verdictOf(0.7), verdictOf(0.69), verdictOf(0.4), verdictOf(0.39), verdictOf(0)]).toEqual(['strong', 'strong', 'mixed', 'mixed', 'weak', 'weak']);
  });

  it('gives the verdict, the reason and the idea behind the goal; one decision judged on two goals for one reason shows once', () => {
    const card = coachCard(input({ messages: ['Product Goal: x'], choice: 'chooseProductGoal', evidence: [ev('productGoal', 0, 'It names no measure.'), ev('productGoal', 0, 'It names no measure.', 'D2.2.1', 0.5)] }));
    expect(card.happened).toEqual(['Product Goal: x']);
    expect(card.judgements).toHaveLength(1);
    const [j] = card.judgements;
    expect(j).toMatchObject({ kind: 'decision', verdict: 'weak', verdictText: 'Weak choice', why: 'It names no measure.', about: null, best: null });
    expect(j!.idea).toMatch(/measured/);
    expect(j!.goal).toBe('Write a measurable Product Goal that links the vision to Sprint work');
  });

  it('shows the best answer and why for a knowledge check answered wrong, and only the verdict for a right one', () => {
    const wrong = poJob.answers.find((a) => a.score === 0)!;
    const card = coachCard(input({ choice: 'answerQuestion', evidence: [ev('question-po-job', wrong.score, wrong.rationale, 'D1.1.2')] }));
    const best = bestAnswer(poJob)!;
    expect(best.score).toBe(1);
    expect(card.judgements[0]).toMatchObject({ kind: 'question', verdict: 'weak', verdictText: 'Not right', why: wrong.rationale, best: { answer: best.label, why: best.rationale } });
    const right = coachCard(input({ choice: 'answerQuestion', evidence: [ev('question-po-job', 1, best.rationale, 'D1.1.2')] }));
    expect(right.judgements[0]).toMatchObject({ verdictText: 'Right', best: null });
  });

  it('picks the highest-scoring answer as the best, whatever its place in the list', () => {
    const card = { ...poJob, answers: [{ id: 'a', label: 'A', score: 0.3, rationale: 'a' }, { id: 'b', label: 'B', score: 0.9, rationale: 'b' }, { id: 'c', label: 'C', score: 0.9, rationale: 'c' }] };
    expect(bestAnswer(card)?.id).toBe('b');
  });

  it('in assessment mode says only what happened: no verdict, no right answer, no "we will see"', () => {
    const wrong = poJob.answers.find((a) => a.score === 0)!;
    const card = coachCard(input({ coach: false, messages: ['You answered.'], choice: 'answerQuestion', evidence: [ev('question-po-job', 0, wrong.rationale, 'D1.1.2')] }));
    expect(card).toEqual({ happened: ['You answered.'], more: 0, judgements: [], later: null });
    expect(coachSpeech(card)).toBe('You answered.');
    expect(coachCard(input({ coach: false, choice: 'moveItem' })).later).toBeNull();
  });

  it('says "we will see" for a choice the world judges later, and links the later judgement back to it', () => {
    const moved = coachCard(input({ messages: ['Moved.'], choice: 'moveItem' }));
    expect(moved.judgements).toEqual([]);
    expect(moved.later).toBe('We will see: the order of your Product Backlog will be judged when the Sprint Goal is settled at Sprint Planning.');
    expect(coachCard(input({ choice: 'addVisionFragment' })).later).toBe('We will see: your product vision will be judged when Sprint 1 starts: does it say whom the product serves and why?');
    const goal = coachCard(input({ choice: 'chooseProductGoal', evidence: [ev('productGoal', 1, 'Good.')] }));
    expect(goal.later).toMatch(/^We will see: your Product Goal is judged again at each Sprint Planning/);
    const later = coachCard(input({ choice: 'commitSprint', evidence: [ev('productGoal-s2', 0.5, 'Half of it serves the goal.'), ev('order-s2', 1, 'Well ordered.', 'D3.2.3')] }));
    expect(later.judgements.map((j) => j.about)).toEqual(['About your choice before Sprint 1: your Product Goal.', 'About your choice at Sprint 2 Planning: the order of your Product Backlog.']);
    expect(later.later).toBeNull();
    expect(coachCard(input({ choice: 'startSprints', evidence: [ev('refinement-s1', 1, 'Ready.', 'D3.3.1')] })).judgements[0]!.about).toBe('About your choice before Sprint 1: your refinement.');
    // Written in the learner's own words: judged by the world when the item enters a Sprint.
    expect(coachCard(input({ choice: 'writeCriteria' })).later).toBe('We will see: these acceptance criteria will be judged when the item enters a Sprint.');
    // A plural with a judgement already given: "are judged", not "is judged".
    expect(coachCard(input({ choice: 'addCriterion', evidence: [ev('invest-pay-in-app-testable', 1, 'Testable now.', 'D3.1.3')] })).later).toBe('We will see: these acceptance criteria are judged when the item enters a Sprint.');
    expect(coachCard(input({ choice: 'writeProductGoal', evidence: [ev('productGoal', 1, 'Good.')] })).later).toMatch(/^We will see: your Product Goal is judged again/);
  });

  it('keeps the three newest lines and counts the rest', () => {
    const card = coachCard(input({ messages: ['a', 'b', ' ', 'c', 'd'] }));
    expect(card).toMatchObject({ happened: ['b', 'c', 'd'], more: 1 });
  });

  it('speaks each verdict, the best answer and the promise for screen readers', () => {
    const wrong = poJob.answers.find((a) => a.score === 0)!;
    const speech = coachSpeech(coachCard(input({ messages: ['You answered.'], evidence: [ev('question-po-job', 0, wrong.rationale, 'D1.1.2')] })));
    expect(speech).toContain('You answered. Not right: ');
    expect(speech).toContain(`The best answer: ${bestAnswer(poJob)!.label}.`);
  });
});

describe('the "we will see" table matches the engine', () => {
  it('every choice it lists is judged later under one of its decision ids, in a real run', () => {
    // The principled bot's café run: the later judgements the table waits for do arrive.
    const session = createSession(scenario, 'coach-later', hash);
    const bot = POLICIES.principled!('coach-later');
    const ids = new Set<string>();
    for (let i = 0; i < 2000 && !session.done; i++) {
      const r = session.dispatch(bot.choose(session.observe()));
      if (!r.ok) throw new Error(r.error.message);
      for (const e of r.changes.evidence) ids.add(e.decisionId);
    }
    for (const pattern of [/^productGoal-s\d+$/, /^productGoal-final$/, /^order-s\d+$/, /^refinement-s\d+$/, /^sprintGoal-s\d+$/]) {
      expect([...ids].some((id) => pattern.test(id)), String(pattern)).toBe(true);
      expect(LATER.some((l) => l.resolvedBy.test([...ids].find((id) => pattern.test(id))!))).toBe(true);
    }
  });
});
