import { describe, expect, it } from 'vitest';
import { createSession, type Evidence, type Session } from '../../../src/engine';
import { refinementTimeScore } from '../../../src/engine/rules/refinement';
import { principledPolicy } from '../../../src/bots/principled';
import { shippedScenario } from '../../helpers/scenarios';

function answerQuestions(s: Session): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
}

/** Corner café's briefing, past its Product Goal: nothing refined yet, the Developers' forecast about 13-16 points. */
function briefing(): Session {
  const { scenario } = shippedScenario('corner-cafe.yaml');
  const s = createSession(scenario, 5, 'fair');
  answerQuestions(s);
  s.dispatch({ type: 'chooseProductGoal', goalId: scenario.productGoals[0]!.id });
  answerQuestions(s);
  return s;
}

/** The refinement judgements made when Sprint 1 starts, with the share the PO and the Developers agreed. */
function refinementBeforeSprint1(percent: number): { time: Evidence; ready: Evidence } {
  const s = briefing();
  expect(s.dispatch({ type: 'setRefinementShare', percent }).ok).toBe(true);
  const r = s.dispatch({ type: 'startSprints' });
  if (!r.ok) throw new Error(r.error.message);
  const judged = r.changes.evidence.filter((e) => e.decisionId === 'refinement-s1');
  return { time: judged.find((e) => e.goalId === 'D3.3.1')!, ready: judged.find((e) => e.goalId === 'D3.3.2')! };
}

describe('item 3: refinement is judged by its effects, never by a percentage', () => {
  it('20% that gets the likely work ready, with little time idle, earns full marks', () => {
    // A whole unrefined backlog in the briefing needs more time than usual: agreeing it is sound.
    const { time, ready } = refinementBeforeSprint1(20);
    expect(ready.score).toBe(1);
    expect(time.score).toBe(1);
    expect(time.rationale).toContain('4 points of refinement time');
  });

  it('10% is not full marks when the time ran out before the likely work was ready, and the rationale says which items', () => {
    const { time, ready } = refinementBeforeSprint1(10);
    expect(ready.score).toBeLessThan(1);
    expect(time.score).toBeLessThan(1);
    expect(time.rationale).toContain('"Digital loyalty stamps"');
    expect(time.rationale).toContain('ran out');
    expect(time.rationale).not.toMatch(/5-10%/);
  });

  it('too much time shows as refinement time left idle, named in points, and costs marks', () => {
    const { time, ready } = refinementBeforeSprint1(30);
    expect(ready.score).toBe(1);
    expect(time.score).toBe(0.6);
    expect(time.rationale).toMatch(/3\.12 points were left with nothing within two Sprints of the top to refine/);
  });

  it('the same effects give the same judgement whatever the share', () => {
    const ready = { likely: ['a', 'b'], ready: ['a', 'b'], idle: 0.5, budget: 4, stops: 0 };
    expect(refinementTimeScore(ready)).toBe(1);
    // Clarification stops in the Sprint just ended are an effect of too little ongoing refinement.
    expect(refinementTimeScore({ ...ready, stops: 3 })).toBe(0.6);
    expect(refinementTimeScore({ ...ready, ready: [] })).toBe(0);
  });

  it('the Developers raise what they found while using the rest of the time', () => {
    const s = briefing();
    s.dispatch({ type: 'setRefinementShare', percent: 20 });
    const r = s.dispatch({ type: 'startSprints' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.changes.messages.join(' ')).toContain('about "Digital loyalty stamps" they asked who gains what from it');
  });

  it('the principled bot no longer teaches a fixed share', () => {
    expect(principledPolicy('fair').description).not.toMatch(/\d+% refinement/);
  });
});
