import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../src/bots';
import { createSession, type Scenario, type Session } from '../../../src/engine';
import type { GameState } from '../../../src/engine/model/state';
import { judgeUsageGuidedOrder } from '../../../src/engine/rules/usage';
import { richScenario } from '../../helpers/rich-scenario';
import { shippedScenario, starterScenario } from '../../helpers/scenarios';

/*
 * Issue 14: goals that were a quiz in practice get decisions in the world whose consequences
 * the world shows later (Product Goal, persona, metrics guiding order, DoD, accountability, SWOT).
 */

/** Answers whatever question is waiting with the first answer listed: these tests judge other things. */
function answerPending(s: Session): void {
  while (s.state.pendingQuestion) {
    const a = s.legalActions().find((x) => x.action.type === 'answerQuestion')!;
    s.dispatch({ id: a.id });
  }
}

function act(s: Session, action: unknown): void {
  answerPending(s);
  const r = s.dispatch(action);
  if (!r.ok) throw new Error(r.error.message);
  answerPending(s);
}

function inPlanning(scenario: Scenario, goalId: string, seed = 'q'): Session {
  const s = createSession(scenario, seed);
  act(s, { type: 'chooseProductGoal', goalId });
  act(s, { type: 'startSprints' });
  return s;
}

const evidence = (s: Session, decisionId: string) => s.state.evidence.filter((e) => e.decisionId === decisionId);

describe('D2.2.2: the Sprint Goal is judged against the Product Goal', () => {
  const { scenario } = starterScenario();
  const goalText = scenario.productGoals.find((g) => g.id === 'morning-orders')!.text;

  it('a Sprint Goal resting on work that serves neither the Product Goal nor the vision scores 0 and names the Product Goal', () => {
    const s = inPlanning(scenario, 'morning-orders');
    act(s, { type: 'proposeSprintGoal', itemIds: ['splash-screen'] });
    act(s, { type: 'commitSprint', scope: 'agreed' });
    const [e] = evidence(s, 'productGoal-s1');
    expect(e?.goalId).toBe('D2.2.2');
    expect(e!.score).toBe(0);
    expect(e!.rationale).toContain(goalText);
    expect(e!.rationale).toContain('Animated splash screen');
  });

  it('a Sprint Goal that steps toward the Product Goal scores 1', () => {
    const s = inPlanning(scenario, 'morning-orders');
    act(s, { type: 'proposeSprintGoal', itemIds: ['android-crash'] });
    act(s, { type: 'commitSprint', scope: 'agreed' });
    const [e] = evidence(s, 'productGoal-s1');
    expect(e?.score).toBe(1);
    expect(e!.rationale).toContain(goalText);
  });
});

/** Plays the first listed action from the Sprint Planning of Sprint 1 to the end. */
function playOut(s: Session): Session {
  const first = POLICIES.first!('q');
  for (let i = 0; i < 3000 && !s.done; i++) {
    const r = s.dispatch(first.choose(s.observe()));
    if (!r.ok) throw new Error(r.error.message);
  }
  return s;
}

describe('D2.2.1: the world measures the Product Goal at every Review and at the end', () => {
  const { scenario } = starterScenario();

  it('a measurable Product Goal shows its progress once the Sprints run, never in the briefing', () => {
    const s = createSession(scenario, 'q');
    act(s, { type: 'chooseProductGoal', goalId: 'morning-orders' });
    expect(s.observe().observation.productGoalProgress).toBeNull();
    act(s, { type: 'startSprints' });
    expect(s.observe().observation.productGoalProgress).toMatchObject({ measurable: true, released: 0 });
    playOut(s);
    expect(s.state.log.some((l) => l.startsWith('Product Goal "Half of weekday morning orders') && /reached users and moved it \(\d+%\)/.test(l))).toBe(true);
    const [final] = evidence(s, 'productGoal-final');
    expect(final?.goalId).toBe('D2.2.1');
  });

  it('a Product Goal without a measure leaves every Review unable to tell, and is judged so at the end', () => {
    const s = playOut(inPlanning(scenario, 'best-app'));
    expect(s.state.log.some((l) => l.includes('it has no measure, so nobody at the Sprint Review can say'))).toBe(true);
    const [final] = evidence(s, 'productGoal-final');
    expect(final).toMatchObject({ goalId: 'D2.2.1', score: 0.2 });
    expect(final!.rationale).toContain('Build the best café app in town');
  });
});

describe('D4.1.2: the persona built at the briefing decides whom interviews reach', () => {
  const scenario = richScenario();

  function interviewed(persona: string[]): string[] {
    const s = createSession(scenario, 'p');
    act(s, { type: 'chooseProductGoal', goalId: 'morning-orders' });
    for (const snippetId of persona) act(s, { type: 'addPersonaTrait', snippetId });
    act(s, { type: 'startSprints' });
    act(s, { type: 'gatherFeedback', method: 'interviews' });
    return [...s.state.insights];
  }

  it('a persona from research settles more of the backlog than a stereotype, and the insight says why', () => {
    const good = interviewed(['goal', 'pain', 'habit', 'ctx']);
    const poor = interviewed(['stereo']);
    const found = (insights: string[]) => insights.filter((i) => i.startsWith('Interviews showed')).length;
    expect(found(good)).toBeGreaterThan(found(poor));
    expect(good.some((i) => i.includes('match your persona'))).toBe(true);
    expect(poor.some((i) => i.includes('interviewed whoever was around'))).toBe(true);
  });
});

describe('D6.3.2: usage figures after a release guide the next ordering', () => {
  const { scenario } = starterScenario();

  /** Sprint 2 planning after a release, with analytics having shown the pickup alerts are worth far more than claimed. */
  function afterAnalytics(order: (ids: string[]) => string[]): GameState {
    const s = inPlanning(scenario, 'morning-orders');
    const state = structuredClone(s.state) as GameState;
    state.sprint = 2;
    state.releases.push({ sprint: 1, itemIds: ['android-crash'], value: 10, adoption: 5, satisfaction: 60, revenue: 100, featureUse: { 'android-crash': 15 } });
    state.feedback.push({ sprint: 1, method: 'analytics' });
    const alerts = state.items['pickup-alerts']!;
    alerts.truth.value = 90;
    alerts.statedValue = 90;
    state.backlogOrder = order(state.backlogOrder.filter((id) => id !== 'android-crash'));
    state.evidence = [];
    return state;
  }

  const judged = (state: GameState) => {
    const draft = structuredClone(state);
    judgeUsageGuidedOrder(draft, state, scenario);
    return draft.evidence.filter((e) => e.decisionId === 'usage-order-s2');
  };

  it('leaving an item the figures showed to be valuable below the top scores 0 and names the figures', () => {
    const [e] = judged(afterAnalytics((ids) => [...ids.filter((id) => id !== 'pickup-alerts'), 'pickup-alerts']));
    expect(e).toMatchObject({ goalId: 'D6.3.2', score: 0 });
    expect(e!.rationale).toContain('"Tell me when my order is ready" is worth about 90');
  });

  it('moving it up after the figures came in scores 1', () => {
    const [e] = judged(afterAnalytics((ids) => ['pickup-alerts', ...ids.filter((id) => id !== 'pickup-alerts')]));
    expect(e).toMatchObject({ goalId: 'D6.3.2', score: 1 });
  });

  it('without a release there are no usage figures, and nothing is judged', () => {
    const state = afterAnalytics((ids) => ids);
    state.releases = [];
    expect(judged(state)).toEqual([]);
  });
});

describe('D1.1.1, D6.2.1 and D4.3.1: events in shipped scenarios with consequences', () => {
  function resolve(file: string, cardId: string, choiceId: string): Session {
    const { scenario, hash } = shippedScenario(file);
    const s = createSession(scenario, 'e', hash);
    act(s, { type: 'chooseProductGoal', goalId: scenario.productGoals[0]!.id });
    act(s, { type: 'startSprints' });
    // Events come during the Sprint's days.
    act(s, { type: 'proposeSprintGoal', itemIds: [] });
    act(s, { type: 'commitSprint', scope: 'agreed' });
    const r = s.injectEvent(cardId);
    if (!r.ok) throw new Error(r.error.message);
    act(s, { type: 'resolveEvent', choiceId });
    return s;
  }

  it('counting untested work as done costs debt later; keeping the Definition of Done scores 1', () => {
    const skip = resolve('cafe-regulars.yaml', 'skip-tests', 'skip');
    const keep = resolve('cafe-regulars.yaml', 'skip-tests', 'keep');
    expect(evidence(skip, 'event-skip-tests')[0]).toMatchObject({ goalId: 'D6.2.1', score: 0 });
    expect(evidence(keep, 'event-skip-tests')[0]).toMatchObject({ goalId: 'D6.2.1', score: 1 });
    expect(skip.state.team.techDebt).toBeGreaterThan(keep.state.team.techDebt);
  });

  it('letting a stakeholder order the Developers\u2019 work scores 0 for accountability; keeping the order scores 1', () => {
    expect(evidence(resolve('cafe-regulars.yaml', 'theo-list', 'follow'), 'event-theo-list')[0]).toMatchObject({ goalId: 'D1.1.1', score: 0 });
    expect(evidence(resolve('cafe-regulars.yaml', 'theo-list', 'talk'), 'event-theo-list')[0]).toMatchObject({ goalId: 'D1.1.1', score: 1 });
  });

  it('a strategic question is answered by a SWOT, not by a feature comparison', () => {
    expect(evidence(resolve('corner-cafe.yaml', 'second-cafe', 'swot'), 'event-second-cafe')[0]).toMatchObject({ goalId: 'D4.3.1', score: 1 });
    expect(evidence(resolve('corner-cafe.yaml', 'second-cafe', 'compare'), 'event-second-cafe')[0]!.score).toBeLessThan(0.5);
  });
});
