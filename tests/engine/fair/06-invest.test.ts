import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/engine';
import { shippedScenario } from '../../helpers/scenarios';

function answerQuestions(s: Session): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
}

function ok(s: Session, input: unknown) {
  const r = s.dispatch(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.changes;
}

/** Corner café's briefing, with time agreed for refinement. "Digital loyalty stamps" is neither valuable nor testable as written. */
function briefing(): Session {
  const { scenario } = shippedScenario('corner-cafe.yaml');
  const s = createSession(scenario, 5, 'fair');
  answerQuestions(s);
  ok(s, { type: 'chooseProductGoal', goalId: scenario.productGoals[0]!.id });
  answerQuestions(s);
  ok(s, { type: 'setRefinementShare', percent: 20 });
  return s;
}

const stamps = (s: Session) => s.observe().observation.backlog.find((i) => i.id === 'loyalty-stamps')!;
const reworks = (s: Session) => s.observe().actions.filter((a) => a.action.type === 'fixFlaw' && a.action.itemId === 'loyalty-stamps');

describe('item 6: the Developers’ questions in refinement reveal INVEST weaknesses, and the PO is judged on the answer', () => {
  it('offers no blind guess: before refinement there is nothing to rework', () => {
    const s = briefing();
    expect(stamps(s).raisedFlaws).toEqual([]);
    expect(reworks(s)).toEqual([]);
  });

  it('refining the story surfaces its weaknesses as the Developers’ questions, on screen and in the listing', () => {
    const s = briefing();
    const changes = ok(s, { type: 'refineItem', itemId: 'loyalty-stamps' });
    expect(changes.messages.join(' ')).toContain('They asked who gains what from it and how anyone would know it works.');
    expect(stamps(s).raisedFlaws).toEqual(['valuable', 'testable']);
    const labels = reworks(s).map((a) => a.label);
    expect(labels).toHaveLength(2);
    expect(labels.join(' | ')).toContain('so it is testable: the Developers asked how anyone would know it works');
  });

  it('answering a raised weakness is good practice, named with the question', () => {
    const s = briefing();
    ok(s, { type: 'refineItem', itemId: 'loyalty-stamps' });
    const judged = ok(s, { type: 'fixFlaw', itemId: 'loyalty-stamps', flaw: 'valuable' }).evidence;
    expect(judged).toHaveLength(1);
    expect(judged[0]!.goalId).toBe('D3.1.3');
    expect(judged[0]!.score).toBe(1);
    expect(judged[0]!.rationale).toContain('who gains what from it');
  });

  it('a rework nobody raised is neither rewarded nor marked as a knowledge failure', () => {
    const s = briefing();
    // A wrong guess on an unrefined story, and a right one: the PO had no clue either way.
    expect(ok(s, { type: 'fixFlaw', itemId: 'loyalty-stamps', flaw: 'small' }).evidence).toEqual([]);
    expect(ok(s, { type: 'fixFlaw', itemId: 'loyalty-stamps', flaw: 'testable' }).evidence).toEqual([]);
  });

  it('a raised weakness left unanswered when the story enters a Sprint is judged, naming the question', () => {
    const s = briefing();
    ok(s, { type: 'refineItem', itemId: 'loyalty-stamps' });
    ok(s, { type: 'fixFlaw', itemId: 'loyalty-stamps', flaw: 'valuable' });
    ok(s, { type: 'moveItem', itemId: 'loyalty-stamps', toIndex: 0 });
    ok(s, { type: 'startSprints' });
    answerQuestions(s);
    ok(s, { type: 'proposeSprintGoal', itemIds: ['loyalty-stamps'] });
    answerQuestions(s);
    const agreed = s.observe().actions.find((a) => a.type === 'commitSprint');
    const judged = ok(s, { id: agreed!.id }).evidence.filter((e) => e.goalId === 'D3.1.3' && e.decisionId.startsWith('invest-loyalty-stamps'));
    // The weakness already answered is not judged again.
    expect(judged).toHaveLength(1);
    expect(judged[0]!.decisionId).toBe('invest-loyalty-stamps-testable');
    expect(judged[0]!.score).toBe(0);
    expect(judged[0]!.rationale).toContain('how anyone would know it works');
  });
});
