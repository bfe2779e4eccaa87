import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/engine';
import { POLICIES } from '../../src/bots';
import { starterScenario } from '../helpers/scenarios';

/*
 * Issue 15, screen bugs g and h: what the engine offers must fit what has happened. Usage
 * analytics are not offered before anything was released, and the Definition of Ready question
 * is not asked once the player has agreed one with the Developers.
 */

const { scenario, hash } = starterScenario();

function released(s: Session): boolean {
  return s.state.releases.some((r) => r.itemIds.length > 0);
}

describe('usage analytics are offered only once there is a release to study', () => {
  it.each(['principled', 'random'])('never before the first release, and again after it (%s bot)', (bot) => {
    const s = createSession(scenario, `analytics-${bot}`, hash);
    const policy = POLICIES[bot]!(`analytics-${bot}`);
    let offeredBefore = 0;
    let offeredAfter = 0;
    let feedbackBefore = 0;
    for (let i = 0; i < 5000 && !s.done; i++) {
      const step = s.observe();
      const ids = step.actions.map((a) => a.id);
      if (released(s)) offeredAfter += ids.includes('gatherFeedback:analytics') ? 1 : 0;
      else {
        offeredBefore += ids.includes('gatherFeedback:analytics') ? 1 : 0;
        feedbackBefore += ids.some((id) => id.startsWith('gatherFeedback:')) ? 1 : 0;
      }
      const r = s.dispatch(policy.choose(step));
      if (!r.ok) throw new Error(r.error.message);
    }
    // Other research was open before the release, so the test looks where analytics used to be.
    expect(feedbackBefore).toBeGreaterThan(0);
    expect(offeredBefore).toBe(0);
    if (released(s)) expect(offeredAfter).toBeGreaterThan(0);
  });

  it('a replayed log that studied analytics before a release is still accepted (old saves load)', () => {
    const s = createSession(scenario, 'old-log', hash);
    while (!s.observe().actions.some((a) => a.id.startsWith('gatherFeedback:'))) {
      const next = s.observe().actions.find((a) => a.type === 'answerQuestion' || a.type === 'chooseProductGoal') ?? s.observe().actions[0]!;
      s.dispatch({ id: next.id });
    }
    expect(s.dispatch({ type: 'gatherFeedback', method: 'analytics' }).ok).toBe(true);
  });
});

describe('the Definition of Ready question', () => {
  const card = scenario.questions!.find((q) => q.text.includes('Definition of Ready'))!;

  /** Plays to the Sprint Planning where the card is due, optionally agreeing a Definition of Ready first. */
  function toPlanningOf(sprint: number, agree: boolean): { session: Session; asked: string[] } {
    const s = createSession(scenario, 'dor', hash);
    const policy = POLICIES.principled!('dor');
    const asked: string[] = [];
    let agreed = false;
    for (let i = 0; i < 5000 && !s.done; i++) {
      if (s.state.pendingQuestion && !asked.includes(s.state.pendingQuestion)) asked.push(s.state.pendingQuestion);
      if (s.state.sprint === sprint && s.state.phase.startsWith('sprint.planning') && !s.state.pendingQuestion) break;
      const step = s.observe();
      const set = agree && !agreed && step.actions.find((a) => a.id === 'setReadiness:light');
      if (set) {
        agreed = true;
        expect(s.dispatch({ id: set.id }).ok).toBe(true);
        continue;
      }
      const choice = policy.choose(step);
      // The bot may agree one itself; without `agree` the test keeps the Definition of Ready unset.
      const type = 'id' in choice ? step.actions.find((a) => a.id === choice.id)?.type : choice.type;
      if (!agree && type === 'setReadiness') {
        const other = step.actions.find((a) => a.type === 'nextDay' || a.type === 'startSprints') ?? step.actions.find((a) => a.type !== 'setReadiness')!;
        expect(s.dispatch({ id: other.id }).ok).toBe(true);
        continue;
      }
      expect(s.dispatch(choice).ok).toBe(true);
    }
    if (agree) expect(agreed).toBe(true);
    return { session: s, asked };
  }

  it('is in the starter scenario, asked in a Sprint Planning', () => {
    expect(card).toBeDefined();
    expect(card.phase).toBe('planning');
  });

  it('is asked when the player has not agreed a Definition of Ready', () => {
    const { asked } = toPlanningOf(card.sprint, false);
    expect(asked).toContain(card.id);
  });

  it('is not asked once the player has agreed one with the Developers', () => {
    const { session, asked } = toPlanningOf(card.sprint, true);
    expect(session.state.evidence.some((e) => e.decisionId.startsWith('readiness-agreement-'))).toBe(true);
    expect(asked).not.toContain(card.id);
    expect(session.state.askedQuestions).not.toContain(card.id);
  });
});
