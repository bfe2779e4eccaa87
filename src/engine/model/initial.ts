import type { Scenario, ScenarioItem, SplitChild } from './scenario';
import type { GameState, Item } from './state';
import { initialStreams } from '../rng';

/** Research, interviews and analysis the PO can fit into one Sprint, in half-day units. */
export const PO_TIME_PER_SPRINT = 3;

/** The state before the first action: the scenario's world, hidden truth included. */
export function initialState(scenario: Scenario, seed: string, phase: string): GameState {
  const items: Record<string, Item> = {};
  for (const it of scenario.backlog) items[it.id] = makeItem(it, null);
  const trust: Record<string, number> = {};
  for (const s of scenario.stakeholders) trust[s.id] = 50;
  return {
    scenarioId: scenario.id,
    seed,
    phase,
    sprint: 0,
    day: 0,
    productGoalId: null,
    writtenProductGoal: null,
    refinementShare: 0,
    readiness: 'none',
    backlogOrder: scenario.backlog.map((i) => i.id),
    items,
    team: {
      capacity: scenario.team.capacity,
      velocitySpread: scenario.team.velocitySpread,
      techDebt: scenario.team.techDebt,
      dodStrength: scenario.team.dodStrength,
      morale: scenario.team.morale,
      lostThisSprint: 0,
      dodChangedInSprint: null,
      debtWorkNextSprint: 0,
    },
    refinementUsed: 0,
    sprintCapacity: 0,
    sprints: [],
    vision: { technique: null, fragments: [] },
    roadmap: { format: null, promises: [], misses: 0 },
    persona: [],
    empathy: {},
    stakeholderMap: {},
    poTime: PO_TIME_PER_SPRINT,
    feedback: [],
    insights: [],
    marketAnalysis: [],
    pivot: null,
    valueFactor: 1,
    pendingEvent: null,
    pendingQuestion: null,
    askedQuestions: [],
    releases: [],
    firedEvents: [],
    trust,
    forecasts: [],
    released: null,
    releasePlan: null,
    valueRealised: 0,
    metrics: null,
    evidence: [],
    log: [`${scenario.title}: ${scenario.summary}`],
    logTotal: 1,
    rng: initialStreams(seed),
  };
}

/** A backlog item as the game tracks it; split pieces inherit their parent's type and requester. */
export function makeItem(it: ScenarioItem | (SplitChild & { type: Item['type']; requestedBy?: string }), parentId: string | null): Item {
  return {
    id: it.id,
    type: it.type,
    title: it.title,
    description: it.description,
    requestedBy: it.requestedBy ?? null,
    estimate: it.estimate,
    statedValue: it.statedValue,
    refined: false,
    status: 'backlog',
    remaining: it.truth.effort,
    meetsDoD: null,
    doneInSprint: null,
    blockedBy: null,
    returnedInSprint: null,
    deadlineMissed: false,
    hiddenRework: 0,
    truth: { ...it.truth, ...(it.truth.dependsOn ? { dependsOn: [...it.truth.dependsOn] } : {}) },
    visibleCostOfDelay: it.truth.costOfDelay === 'fixedDate' ? 'fixedDate' : null,
    parentId,
    criteria: [],
    story: null,
    writtenCriteria: null,
    fixedFlaws: [],
    raisedFlaws: [],
    moscow: null,
    dependenciesKnown: false,
    releasedInSprint: null,
    offVision: false,
    assumptionHolds: null,
    requestClass: null,
    marketKnown: null,
  };
}
