import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/engine';
import { shippedScenario } from '../../helpers/scenarios';

function answerQuestions(s: Session): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
}

/** A session of a shipped scenario in Sprint 1, questions answered. */
function inSprint(file: string): Session {
  const { scenario } = shippedScenario(file);
  const s = createSession(scenario, 5, 'fair');
  answerQuestions(s);
  s.dispatch({ type: 'chooseProductGoal', goalId: scenario.productGoals[0]!.id });
  answerQuestions(s);
  s.dispatch({ type: 'startSprints' });
  answerQuestions(s);
  return s;
}

function feedback(s: Session, method: string) {
  const r = s.dispatch({ type: 'gatherFeedback', method });
  if (!r.ok) throw new Error(r.error.message);
  return r.changes.evidence.find((e) => e.goalId === 'D4.2.1')!;
}

describe('item 11: a survey is judged by what the player already knew', () => {
  it('a survey after interviews quantifies what they found, and scores full marks', () => {
    const s = inSprint('cafe-regulars.yaml');
    expect(feedback(s, 'interviews').score).toBe(1);
    const survey = feedback(s, 'survey');
    expect(survey.score).toBe(1);
    expect(survey.rationale).toContain('interviewed users in Sprint 1');
  });

  it('a survey before anyone was interviewed gathers opinions without the needs behind them', () => {
    const survey = feedback(inSprint('cafe-regulars.yaml'), 'survey');
    expect(survey.score).toBeLessThan(1);
    expect(survey.rationale).toContain('nobody had been interviewed yet');
  });
});
