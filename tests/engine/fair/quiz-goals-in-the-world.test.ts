import { describe, expect, it } from 'vitest';
import { createSession, type Evidence, type Scenario, type Session } from '../../../src/engine';
import type { GameState } from '../../../src/engine/model/state';
import { judgeMetricsReading } from '../../../src/engine/rules/goals-in-the-world';
import { richScenario } from '../../helpers/rich-scenario';

/*
 * Issue 14, "Goals that are only a quiz today": D1.1.2, D1.3.1, D2.1.1, D2.3.1, D3.2.1, D4.1.1,
 * D5.1.1, D6.3.1, D7.1.1 and D7.3.1 were judged only by questions. Each is now judged on a
 * decision in the world, from what the player could see, with a rationale about its own goal.
 */

const scenario: Scenario = richScenario();

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

function briefing(): Session {
  const s = createSession(scenario, 'world');
  act(s, { type: 'chooseProductGoal', goalId: 'morning-orders' });
  return s;
}

/** Sprint Planning of Sprint 1, with refinement time agreed so items can be clarified. */
function inPlanning(): Session {
  const s = briefing();
  act(s, { type: 'setRefinementShare', percent: 10 });
  act(s, { type: 'startSprints' });
  return s;
}

/** Plays the days of the Sprint, taking the first choice of any event, until the Sprint Review. */
function toReview(s: Session): void {
  while (s.state.phase.startsWith('sprint.execution')) {
    answerPending(s);
    const choice = s.legalActions().find((a) => a.action.type === 'resolveEvent');
    act(s, choice ? { id: choice.id } : { type: 'nextDay' });
  }
  answerPending(s);
}

const judged = (s: Session, goalId: string): Evidence[] => s.state.evidence.filter((e) => e.goalId === goalId && !e.decisionId.startsWith('question-'));
const only = (s: Session, goalId: string): Evidence => {
  const list = judged(s, goalId);
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe('D2.3.1: the roadmap format shows whether a roadmap conveys direction or fixed scope and dates', () => {
  it('a dated feature list scores low and names the promises it made before any velocity was seen', () => {
    const s = briefing();
    act(s, { type: 'chooseRoadmap', format: 'datedFeatures' });
    const e = only(s, 'D2.3.1');
    expect(e).toMatchObject({ decisionId: 'roadmap', score: 0.2 });
    const first = s.state.roadmap.promises[0]!;
    expect(e.rationale).toContain(`"${s.state.items[first.itemId]!.title}" by Sprint 1`);
    expect(e.rationale).toMatch(/direction/);
  });

  it('Now, Next, Later scores 1, and choosing again replaces the judgement', () => {
    const s = briefing();
    act(s, { type: 'chooseRoadmap', format: 'datedFeatures' });
    act(s, { type: 'chooseRoadmap', format: 'nowNextLater' });
    expect(only(s, 'D2.3.1')).toMatchObject({ decisionId: 'roadmap', score: 1 });
    expect(s.state.roadmap.promises).toEqual([]);
  });
});

describe('D2.1.1: the vision states a lasting purpose, not features', () => {
  function visionOf(fragments: string[]): Evidence {
    const s = briefing();
    act(s, { type: 'chooseVisionTechnique', technique: 'elevatorPitch' });
    for (const f of fragments) act(s, { type: 'addVisionFragment', fragmentId: f });
    act(s, { type: 'startSprints' });
    return only(s, 'D2.1.1');
  }

  it('whom it serves, their need and the difference: 1', () => {
    expect(visionOf(['who', 'need', 'unlike'])).toMatchObject({ decisionId: 'vision', score: 1 });
  });

  it('a feature in the vision halves the score and is quoted as a feature', () => {
    const e = visionOf(['who', 'need', 'feature']);
    expect(e.score).toBe(0.5);
    expect(e.rationale).toContain('"with dark mode and gift cards" is a feature');
  });

  it('a slogan alone says nothing about purpose', () => {
    const e = visionOf(['slogan']);
    expect(e.score).toBeLessThan(0.2);
    expect(e.rationale).toContain('"the best coffee experience ever"');
  });
});

describe('D4.1.1: the persona segments by behaviour and needs, not by an age band', () => {
  function personaOf(snippets: string[]): Evidence[] {
    const s = briefing();
    for (const p of snippets) act(s, { type: 'addPersonaTrait', snippetId: p });
    act(s, { type: 'startSprints' });
    return judged(s, 'D4.1.1');
  }

  it('a stereotype scores 0.2 and the rationale quotes it beside the research segments', () => {
    const [e] = personaOf(['habit', 'stereo']);
    expect(e).toMatchObject({ decisionId: 'persona-segments', score: 0.2 });
    expect(e!.rationale).toContain('"Young people only care about apps"');
    expect(e!.rationale).toContain('"Regulars"');
  });

  it('what people do and need scores 1; no persona at all is not judged here', () => {
    expect(personaOf(['habit', 'goal'])[0]?.score).toBe(1);
    expect(personaOf([])).toEqual([]);
  });
});

describe('D5.1.1: stakeholders differ in interest and influence', () => {
  function mapped(places: Record<string, string>): Evidence {
    const s = briefing();
    for (const [id, quadrant] of Object.entries(places)) act(s, { type: 'mapStakeholder', stakeholderId: id, quadrant });
    act(s, { type: 'startSprints' });
    return only(s, 'D5.1.1');
  }

  it('nobody placed before the first Sprint: 0, naming who they are', () => {
    const e = mapped({});
    expect(e).toMatchObject({ decisionId: 'stakeholder-kinds', score: 0 });
    expect(e.rationale).toContain('Rosa Marin (Owner and sponsor)');
    expect(e.rationale).toContain('City health office (Regulator)');
  });

  it('everyone put in the same place scores 0.3; everyone placed on their own scores 1', () => {
    expect(mapped({ owner: 'monitor', marketing: 'monitor', barista: 'monitor', health: 'monitor' }).score).toBe(0.3);
    expect(mapped({ owner: 'manageClosely', marketing: 'keepInformed', barista: 'keepInformed', health: 'keepSatisfied' }).score).toBe(1);
  });

  it('half placed scores half and names who was left out', () => {
    const e = mapped({ owner: 'manageClosely', health: 'keepSatisfied' });
    expect(e.score).toBe(0.5);
    expect(e.rationale).toContain('Theo Blake (Marketing lead)');
  });
});

describe('D7.1.1: a Definition of Ready is an optional team agreement, not a gate', () => {
  it('a strict agreement is judged as a gate; a light one as a working agreement; the last one in a Sprint stands', () => {
    const s = briefing();
    act(s, { type: 'setReadiness', level: 'strict' });
    const strict = only(s, 'D7.1.1');
    expect(strict.score).toBe(0.3);
    expect(strict.rationale).toMatch(/a gate/);
    act(s, { type: 'setReadiness', level: 'light' });
    expect(only(s, 'D7.1.1')).toMatchObject({ score: 1, decisionId: 'readiness-agreement-s0' });
  });

  it('the strict gate has a consequence the world shows: the Developers pass over items that are not ready', () => {
    const s = inPlanning();
    act(s, { type: 'setReadiness', level: 'strict' });
    // A small goal, so the Developers go on down the order, where the gate holds items back.
    act(s, { type: 'proposeSprintGoal', itemIds: ['android-crash'] });
    act(s, { type: 'commitSprint', scope: 'agreed' });
    expect(s.state.log.join('\n')).toMatch(/passed over \d+ items? that (was|were) not ready/);
    expect(judged(s, 'D7.1.1').at(-1)!.decisionId).toBe('readiness-agreement-s1');
  });
});

describe('D1.1.2 and D7.3.1: Sprint Planning shows the PO\u2019s duties and what acceptance criteria are', () => {
  function committed(scope: 'agreed' | 'insist', criteria: string[], refine = true): Session {
    const s = inPlanning();
    if (refine && !s.state.items['order-ahead']!.refined) act(s, { type: 'refineItem', itemId: 'order-ahead' });
    for (const c of criteria) act(s, { type: 'addCriterion', itemId: 'order-ahead', criterionId: c });
    act(s, { type: 'proposeSprintGoal', itemIds: ['order-ahead'] });
    act(s, { type: 'commitSprint', scope });
    return s;
  }

  it('D1.1.2: insisting on more work than the Developers forecast is outside the PO\u2019s duties', () => {
    const e = only(committed('insist', ['happy']), 'D1.1.2');
    expect(e).toMatchObject({ decisionId: 'sprintGoal-s1', score: 0.2 });
    expect(e.rationale).toContain('The Developers said:');
    expect(only(committed('agreed', ['happy']), 'D1.1.2').score).toBe(1);
  });

  it('D7.3.1: a criterion that prescribes the build is a task, not a condition of completion', () => {
    // Other items the Developers take are judged on their own criteria.
    const orderAhead = (s: Session) => judged(s, 'D7.3.1').filter((e) => e.decisionId === 'criteria-order-ahead');
    const [e] = orderAhead(committed('agreed', ['happy', 'table']));
    expect(e?.score).toBe(0.5);
    expect(e!.rationale).toContain('"Store each order in a new orders table with a status column"');
    expect(orderAhead(committed('agreed', ['happy', 'closed'])).map((x) => x.score)).toEqual([1]);
    const [none] = orderAhead(committed('agreed', []));
    expect(none?.score).toBe(0);
    expect(none!.rationale).toContain('"Order ahead for pickup" entered the Sprint with no acceptance criteria');
  });
});

describe('D3.2.1: when the cost of delay differs, the order should weigh it', () => {
  /** Items the player can see are pressing now: urgent, or a fixed date due this Sprint or next. */
  const pressing = (s: Session) =>
    s.observe().observation.backlog.filter((i) => i.type !== 'epic' && (i.costOfDelay === 'urgent' || (i.costOfDelay === 'fixedDate' && (i.deadlineSprint ?? 99) <= s.state.sprint + 1))).map((i) => i.id);

  function orderedWith(first: boolean): { s: Session; urgent: string[] } {
    const s = inPlanning();
    const urgent = pressing(s);
    const rest = s.state.backlogOrder.filter((id) => !urgent.includes(id) && !urgent.some((u) => s.state.items[u]!.truth.dependsOn?.includes(id)));
    act(s, { type: 'orderBacklog', itemIds: first ? [...urgent, ...rest.filter((id) => !urgent.includes(id)), ...s.state.backlogOrder.filter((id) => !urgent.includes(id) && !rest.includes(id))] : [...rest, ...s.state.backlogOrder.filter((id) => !rest.includes(id))] });
    act(s, { type: 'proposeSprintGoal', itemIds: [s.state.backlogOrder.find((id) => s.state.items[id]!.type !== 'epic')!] });
    act(s, { type: 'commitSprint', scope: 'agreed' });
    return { s, urgent };
  }

  it('pressing work left below the top scores 0.2 and the rationale says which technique fits', () => {
    const { s, urgent } = orderedWith(false);
    expect(urgent).toContain('allergen-menu');
    const e = only(s, 'D3.2.1');
    expect(e).toMatchObject({ decisionId: 'order-s1', score: 0.2 });
    expect(e.rationale).toContain('"Allergen information on the menu" must be Done by Sprint 2');
    expect(e.rationale).toMatch(/WSJF/);
  });

  it('pressing work ordered to the top scores 1', () => {
    expect(only(orderedWith(true).s, 'D3.2.1').score).toBe(1);
  });
});

describe('D1.3.1: what the Sprint Review is for', () => {
  function reviewed(format: 'workingSession' | 'demo' | 'statusReport'): Evidence {
    const s = inPlanning();
    act(s, { type: 'proposeSprintGoal', itemIds: ['android-crash'] });
    act(s, { type: 'commitSprint', scope: 'agreed' });
    toReview(s);
    act(s, { type: 'setReviewFormat', format });
    return only(s, 'D1.3.1');
  }

  it('a status report skips the event: 0; a demo 0.5; a working session 1', () => {
    const report = reviewed('statusReport');
    expect(report).toMatchObject({ decisionId: 'review-format-s1', score: 0 });
    expect(report.rationale).toMatch(/inspect .* and adapt the Product Backlog/);
    expect(reviewed('demo').score).toBe(0.5);
    expect(reviewed('workingSession').score).toBe(1);
  });
});

describe('D6.3.1: value shows in what users do, not in output', () => {
  it('studying usage analytics before anything was released scores 0.2: there was no usage to read', () => {
    const s = inPlanning();
    act(s, { type: 'gatherFeedback', method: 'analytics' });
    const e = only(s, 'D6.3.1');
    expect(e).toMatchObject({ decisionId: 'feedback-analytics-s1', score: 0.2 });
    expect(e.rationale).toContain('Nothing had been released yet');
  });

  it('reading the biggest item as the most used scores 0 and names both usage figures', () => {
    const s = inPlanning();
    const state = structuredClone(s.state) as GameState;
    state.items['gift-cards']!.estimate = 13;
    state.items['android-crash']!.estimate = 2;
    state.releases = [{ sprint: 1, itemIds: ['android-crash', 'gift-cards'], value: 40, adoption: 10, satisfaction: 80, revenue: 100, featureUse: { 'android-crash': 45, 'gift-cards': 12 } }];
    state.evidence = [];
    judgeMetricsReading(state, state, 'gift-cards', 'android-crash');
    judgeMetricsReading(state, state, 'android-crash', 'android-crash');
    expect(state.evidence.map((e) => e.score)).toEqual([0, 1]);
    expect(state.evidence[0]!.rationale).toContain('"Gift cards" was the biggest piece of work (13 points), but 12% of users used it against 45%');
  });
});
