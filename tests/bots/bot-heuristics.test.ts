import { beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { hippoOrder, roleStanding } from '../../src/bots/hippo';
import { believe, contentWords, goodCriterion, principledOrder, productGoalScore, readHistory } from '../../src/bots/principled';
import { createSession, type Observation, type Scenario, type VisibleItem } from '../../src/engine';
import { starterScenario } from './starter';

let scenario: Scenario;
let hash: string;
let obs: Observation;
beforeAll(async () => {
  ({ scenario, hash } = await starterScenario());
  const session = createSession(scenario, '1', hash);
  obs = structuredClone(session.observe().observation);
});

const item = (id: string, over: Partial<VisibleItem> = {}): VisibleItem => ({
  ...obs.backlog[0]!,
  id,
  type: 'story',
  estimate: 3,
  statedValue: 30,
  costOfDelay: null,
  deadlineSprint: null,
  dependsOn: null,
  ...over,
});

describe('principled reading of what a player sees', () => {
  it('picks the measurable Product Goal that serves the vision', () => {
    const ranked = [...obs.productGoalOptions].sort((a, b) => productGoalScore(b.text, obs.scenario.vision) - productGoalScore(a.text, obs.scenario.vision));
    expect(ranked[0]!.id).toBe('morning-orders');
    expect(contentWords('Orders come through the app')).toEqual(new Set(['order', 'come', 'through']));
  });

  it('orders by cost-of-delay-weighted value per point, dependencies first, epics last', () => {
    const o: Observation = {
      ...obs,
      sprint: 1,
      backlog: [
        item('big', { type: 'epic', statedValue: 900, estimate: 13 }),
        item('cheap', { statedValue: 10, estimate: 1 }),
        item('needs-base', { statedValue: 90, estimate: 3, dependsOn: ['base'] }),
        item('base', { statedValue: 3, estimate: 3 }),
        item('due', { statedValue: 3, estimate: 3, costOfDelay: 'fixedDate', deadlineSprint: 1 }),
        item('urgent', { statedValue: 20, estimate: 3, costOfDelay: 'urgent' }),
      ],
    };
    expect(principledOrder(o)).toEqual(['due', 'base', 'needs-base', 'urgent', 'cheap', 'big']);
  });

  it('keeps only clear Given-When-Then criteria that leave the how to the Developers', () => {
    expect(goodCriterion('Given the café is open, when I place an order, then I see the time it will be ready')).toBe(true);
    expect(goodCriterion('Given 50 orders at once, when they arrive, then each is confirmed within 2 seconds')).toBe(true);
    expect(goodCriterion('Ordering should feel quick and easy')).toBe(false);
    expect(goodCriterion('Given an order, when it is saved, then it goes in the orders table')).toBe(false);
    expect(goodCriterion('Given an order, when I pay, then it works well')).toBe(false);
  });

  it('reads the Sprint history the way the Retrospective asks', () => {
    const sprint = (goalMet: boolean, forecast: number, velocity: number, clarifications: number) => ({ number: 1, goal: '', goalMet, forecast, velocity, clarifications, stretch: false });
    const at = (history: Observation['sprintHistory'], share = 10): Observation => ({ ...obs, sprintHistory: history, refinement: { ...obs.refinement, share } });
    expect(readHistory(at([sprint(false, 10, 6, 0), sprint(true, 10, 10, 0)]), 'sprintGoals')).toBe('tooAmbitious');
    expect(readHistory(at([sprint(true, 10, 12, 0), sprint(true, 10, 12, 0)]), 'sprintGoals')).toBe('tooConservative');
    expect(readHistory(at([sprint(true, 10, 10, 0), sprint(false, 10, 9, 0), sprint(true, 10, 10, 0)]), 'sprintGoals')).toBe('aboutRight');
    expect(readHistory(at([sprint(true, 10, 10, 3)]), 'refinement')).toBe('tooLittle');
    expect(readHistory(at([sprint(true, 10, 10, 3)], 20), 'refinement')).toBe('tooMuch');
    expect(readHistory(at([sprint(true, 10, 10, 1)]), 'refinement')).toBe('aboutRight');
    const released: Observation = { ...obs, releases: [{ sprint: 1, itemIds: ['a', 'b'], value: 1, adoption: 1, satisfaction: 1, revenue: 1, featureUse: { a: 10, b: 30 } }] };
    expect(readHistory(released, 'metrics')).toBe('b');
    expect(readHistory(obs, 'metrics')).toBeNull();
  });

  it('answers every knowledge check in the starter scenario correctly', () => {
    for (const seed of ['1', '2', '3']) {
      const session = createSession(scenario, seed, hash);
      playToEnd(session, POLICIES.principled!(seed));
      const answers = session.report().evidence.filter((e) => e.decisionId.startsWith('question-'));
      expect(answers.length).toBe((scenario.questions ?? []).length);
      for (const e of answers) expect(e.score, e.decisionId).toBe(1);
    }
  });
});

describe('persona reading', () => {
  it('reads seniority from role titles', () => {
    expect(roleStanding('Owner and sponsor')).toBe(1);
    expect(roleStanding('Marketing lead')).toBe(0.6);
    expect(roleStanding('Head barista (user)')).toBe(0.2);
    expect(roleStanding('Regulator')).toBe(0.4);
    expect(roleStanding('Friend of the family')).toBe(0.3);
  });

  it('hippo orders the most senior requester\u2019s items first, by stated value', () => {
    const order = hippoOrder(obs);
    const owner = obs.backlog.filter((i) => i.requestedBy === 'owner').sort((a, b) => b.statedValue - a.statedValue).map((i) => i.id);
    expect(order.slice(0, owner.length)).toEqual(owner);
    expect(obs.backlog.find((i) => i.id === order[order.length - 1])!.requestedBy).toBeNull();
  });

  it('believes what its rules favour, and guesses only when no rule speaks', () => {
    const rules = [{ phrases: ['yes'], weight: 1, why: '' }];
    const options = [
      { id: 'a', label: 'no' },
      { id: 'b', label: 'yes please' },
    ];
    expect(believe(options, rules, () => 0)).toEqual({ id: 'b' });
    expect(believe([{ id: 'a', label: 'x' }, { id: 'c', label: 'y' }], rules, () => 0.99)).toEqual({ id: 'c' });
    expect(believe([], rules, () => 0)).toBeNull();
  });
});
