import type { Scenario } from './model/scenario';
import type { Evidence, GameState } from './model/state';
import { costOfDelayFactor, expectedVelocity, round2 } from './rules/formulas';

/** Outcome figures and raw evidence; the assessment layer turns evidence into mastery. */
export interface Report {
  scenarioId: string;
  seed: string;
  done: boolean;
  phase: string;
  outcomes: {
    valueRealised: number;
    /** What a well-informed ordering would have realised with the same delivered effort. */
    valueAvailable: number;
    valuePercent: number;
    sprintGoalsMet: number;
    sprintsPlayed: number;
    forecastsJudged: number;
    forecastsHit: number;
    /** Share of judged forecasts that came true, 0..1; null when none was judged. */
    forecastAccuracy: number | null;
    techDebt: number;
    teamHealth: number;
    stakeholderTrust: number;
    velocityHistory: number[];
    released: boolean | null;
    metrics: GameState['metrics'];
  };
  evidence: Evidence[];
}

/**
 * The value an informed PO could have realised: the effort a soundly run team delivers, spent on
 * the items with the best true value per point, each delivered in the first Sprint.
 */
export function valueAvailable(scenario: Scenario): number {
  // A fixed yardstick: what the starting team delivers on average with sound refinement, every Sprint.
  const t = scenario.team;
  const perSprint = expectedVelocity({ capacity: t.capacity, refinementShare: 10, techDebt: t.techDebt, dodStrength: t.dodStrength, morale: t.morale, sprintsSinceDoDChange: null, debtWorkShare: 0 });
  const effort = perSprint * scenario.sprints;
  const items = scenario.backlog
    .map((i) => ({ id: i.id, effort: i.truth.effort, value: i.truth.value * costOfDelayFactor(i.truth, 1) }))
    .sort((a, b) => b.value / b.effort - a.value / a.effort || (a.id < b.id ? -1 : 1));
  let left = effort;
  let value = 0;
  for (const i of items) {
    if (left <= 0) break;
    const share = Math.min(1, left / i.effort);
    value += i.value * share;
    left -= i.effort;
  }
  return round2(value);
}

export function buildReport(state: GameState, scenario: Scenario, done: boolean): Report {
  const judged = state.forecasts.filter((f) => f.judged);
  const hits = judged.filter((f) => f.hit).length;
  const available = valueAvailable(scenario);
  const trusts = Object.values(state.trust);
  return {
    scenarioId: state.scenarioId,
    seed: state.seed,
    done,
    phase: state.phase,
    outcomes: {
      valueRealised: state.valueRealised,
      valueAvailable: available,
      valuePercent: available > 0 ? round2(Math.min(100, (100 * state.valueRealised) / available)) : 0,
      sprintGoalsMet: state.sprints.filter((s) => s.goalMet).length,
      sprintsPlayed: state.sprints.filter((s) => s.goalMet !== null).length,
      forecastsJudged: judged.length,
      forecastsHit: hits,
      forecastAccuracy: judged.length ? round2(hits / judged.length) : null,
      techDebt: state.team.techDebt,
      teamHealth: state.team.morale,
      stakeholderTrust: trusts.length ? round2(trusts.reduce((a, b) => a + b, 0) / trusts.length) : 0,
      velocityHistory: state.sprints.map((s) => s.velocity),
      released: state.released,
      metrics: state.metrics ? { ...state.metrics } : null,
    },
    // The judgements themselves are the state's own: frozen, so a shell cannot rewrite them.
    evidence: state.evidence.map((e) => Object.freeze(e)),
  };
}
