import { describe, expect, it } from 'vitest';
import { createSession, verifyReplay } from '../../src/engine';
import { starterScenario } from '../helpers/scenarios';

const { scenario, hash } = starterScenario();

/** A session past the briefing's opening question, ready for the learner's first real choice. */
function fresh() {
  const s = createSession(scenario, 11, hash);
  s.dispatch({ id: 'answerQuestion:goal-and-order' });
  return s;
}

function refused(input: unknown, session = fresh()) {
  const before = session.stateHash();
  const steps = session.step;
  const r = session.dispatch(input);
  expect(r.ok).toBe(false);
  expect(session.stateHash()).toBe(before);
  expect(session.step).toBe(steps);
  return r.ok ? null : r.error;
}

describe('dispatch refuses bad input with a typed error and changes nothing', () => {
  it.each([
    ['a number', 42, 'malformed', 'found a number'],
    ['null', null, 'malformed', 'found null'],
    ['an array', [1, 2], 'malformed', 'found an array'],
    ['an unknown type', { type: 'winTheGame' }, 'malformed', 'type'],
    ['a wrong parameter type', { type: 'moveItem', itemId: 'x', toIndex: 'top' }, 'malformed', 'toIndex'],
    ['an extra key', { type: 'startSprints', please: true }, 'malformed', 'please'],
    ['an id that is not listed', { id: 'startSprints' }, 'unknownActionId', 'startSprints'],
    ['an id and more', { id: 'x', extra: 1 }, 'malformed', 'extra'],
    ['an action of another phase', { type: 'nextDay' }, 'illegalNow', 'briefing'],
    ['an unknown Product Goal', { type: 'chooseProductGoal', goalId: 'world-peace' }, 'unknownId', 'world-peace'],
  ])('%s', (_name, input, code, mentions) => {
    const error = refused(input)!;
    expect(error.code).toBe(code);
    expect(error.message).toContain(mentions);
  });

  it('refuses a backlog order that is not a permutation, naming what is missing', () => {
    const s = fresh();
    s.dispatch({ id: 'chooseProductGoal:morning-orders' });
    s.dispatch({ id: 'startSprints' });
    s.dispatch({ id: 'answerQuestion:ongoing' });
    const error = refused({ type: 'orderBacklog', itemIds: ['order-ahead', 'nope'] }, s)!;
    expect(error.code).toBe('invalidParams');
    expect(error.message).toContain('missing: pay-in-app');
    expect(error.message).toContain('not in the backlog: nope');
  });

  it('refuses refinement without refinement capacity', () => {
    const s = fresh();
    s.dispatch({ id: 'chooseProductGoal:morning-orders' });
    s.dispatch({ id: 'startSprints' });
    s.dispatch({ id: 'answerQuestion:ongoing' });
    const error = refused({ type: 'refineItem', itemId: 'order-ahead' }, s)!;
    expect(error.code).toBe('notAllowedNow');
    expect(error.message).toContain('refinement share');
  });

  it('refuses everything once the scenario is over', () => {
    const s = fresh();
    while (!s.done) s.dispatch({ id: s.legalActions()[0]!.id });
    const error = refused({ type: 'finishScenario' }, s);
    expect(error?.code).toBe('finished');
  });
});

describe('an open question is a dialog', () => {
  it('blocks every other action until it is answered, and lists only its answers', () => {
    const s = createSession(scenario, 11, hash);
    expect(s.observe().observation.pendingQuestion?.id).toBe('po-job');
    expect(s.legalActions().map((a) => a.type)).toEqual(['answerQuestion', 'answerQuestion', 'answerQuestion']);
    const error = refused({ type: 'chooseProductGoal', goalId: 'morning-orders' }, s)!;
    expect(error.code).toBe('notAllowedNow');
    expect(error.message).toContain('answer the open question first');
    const r = s.dispatch({ id: 'answerQuestion:assign-tasks' });
    expect(r.ok && r.changes.evidence).toEqual([expect.objectContaining({ goalId: 'D1.1.2', score: 0 })]);
    expect(s.observe().observation.pendingQuestion).toBeNull();
    expect(refused({ type: 'answerQuestion', answerId: 'goal-and-order' }, s)!.code).toBe('notAllowedNow');
  });
});

describe('an accepted action reports what changed', () => {
  it('names the phase change, the messages and the evidence', () => {
    const s = fresh();
    const r = s.dispatch({ id: 'chooseProductGoal:best-app' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changes.phaseBefore).toBe('briefing.choosingGoal');
    expect(r.changes.phase).toBe('briefing.ready');
    expect(r.changes.messages).toEqual(['Product Goal: Build the best café app in town']);
    expect(r.changes.evidence.map((e) => e.goalId)).toEqual(['D2.2.2', 'D2.2.1']);
    expect(r.changes.evidence[0]!.score).toBe(0.4);
  });

  it('choosing another Product Goal replaces the judgement instead of adding to it', () => {
    const s = fresh();
    s.dispatch({ id: 'chooseProductGoal:best-app' });
    s.dispatch({ id: 'chooseProductGoal:morning-orders' });
    expect(s.report().evidence.filter((e) => e.decisionId === 'productGoal').map((e) => e.score)).toEqual([1, 1]);
  });

  it('observations are copies: changing one does not change the game', () => {
    const s = fresh();
    const before = s.stateHash();
    const step = s.observe();
    (step.observation.backlog[0] as { title: string }).title = 'hacked';
    step.observation.log.push('hacked');
    expect(() => {
      (step.actions[0]!.params as Record<string, unknown>).goalId = 'hacked';
    }).toThrow(TypeError);
    expect(s.stateHash()).toBe(before);
  });
});

describe('facilitator-injected events', () => {
  function inExecution() {
    const s = fresh();
    while (s.state.phase !== 'sprint.execution.working') {
      const a = s.legalActions().find((x) => ['chooseProductGoal', 'startSprints', 'answerQuestion', 'proposeSprintGoal', 'commitSprint'].includes(x.type))!;
      s.dispatch({ id: a.id });
    }
    return s;
  }

  it('players cannot dispatch an injection themselves', () => {
    const error = refused({ type: 'injectEvent', cardId: 'committee' }, inExecution())!;
    expect(error.code).toBe('illegalNow');
    expect(error.message).toContain('facilitator');
  });

  it('an injected card opens at once, is recorded, and the replay verifies', () => {
    const s = inExecution();
    const r = s.injectEvent('committee');
    expect(r.ok).toBe(true);
    expect(s.state.phase).toBe('sprint.execution.deciding');
    expect(s.observe().observation.pendingEvent?.id).toBe('committee');
    expect(s.injectEvent('bypass').ok).toBe(false);
    s.dispatch({ id: s.legalActions()[0]!.id });
    expect(s.injectEvent('committee').ok).toBe(false);
    const log = s.replayLog();
    expect(log.actions).toContainEqual({ type: 'injectEvent', cardId: 'committee' });
    const verified = verifyReplay(JSON.parse(JSON.stringify(log)), scenario, hash);
    expect(verified.ok).toBe(true);
  });

  it('an injection outside the Sprint days is refused', () => {
    expect(fresh().injectEvent('committee').ok).toBe(false);
  });
});
