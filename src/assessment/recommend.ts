/**
 * Picks the next scenario: the one whose target goals hold the biggest mastery gaps.
 */
import { goalById, goalIndex } from './catalogue';
import { completedScenarios, masteryFromMap, type KnowledgeMap } from './knowledge-map';
import type { GoalMastery, MasteryStatus } from './mastery';

/**
 * Gap of a never-seen goal. 0.5 is the gap under the Beta(1,1) prior (mean 0.5): we know nothing
 * either way. It ranks an unseen goal above a shown one (gap ≤ 0.3) and below a missed one
 * (gap > 0.6): a known weakness is a surer gain than an unknown.
 */
export const NOT_SEEN_GAP = 0.5;

/** What the recommender needs to know of a scenario. */
export interface ScenarioInfo {
  readonly id: string;
  readonly title: string;
  /** Goal ids the scenario is built to exercise. */
  readonly targets: readonly string[];
}

/** One target goal of a scenario with its current gap. */
export interface TargetGap {
  readonly goalId: string;
  readonly title: string;
  readonly status: MasteryStatus;
  readonly gap: number;
}

/** A scenario's score: the sum of its targets' gaps. */
export interface ScenarioScore {
  readonly scenarioId: string;
  readonly title: string;
  readonly score: number;
  readonly completed: boolean;
  /** Known targets, biggest gap first (ties in catalogue order). */
  readonly targets: readonly TargetGap[];
  /** Target ids not in the catalogue; they add nothing to the score. */
  readonly unknownTargets: readonly string[];
}

/** The recommended scenario and why. */
export interface Recommendation {
  readonly scenarioId: string;
  readonly title: string;
  readonly score: number;
  /** True when every scenario was already played, so this is a replay. */
  readonly replay: boolean;
  /** Targets not yet shown (missed, partly shown or not seen), biggest gap first. */
  readonly weakGoals: readonly TargetGap[];
  /** One plain-language sentence for the learner. */
  readonly reason: string;
}

/** Gap of one goal: 1 - mean when seen, NOT_SEEN_GAP when not. */
export function goalGap(mastery: GoalMastery): number {
  return mastery.estimate === null ? NOT_SEEN_GAP : 1 - mastery.estimate.mean;
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function scoreScenario(
  scenario: ScenarioInfo,
  byGoal: ReadonlyMap<string, GoalMastery>,
  completed: ReadonlySet<string>,
): ScenarioScore {
  // Deduplicated and summed in catalogue order, so equal target sets give bit-equal scores.
  const unique = [...new Set(scenario.targets)];
  const known = unique.filter((id) => goalById(id) !== undefined).sort((x, y) => goalIndex(x) - goalIndex(y));
  const targets = known.map((goalId): TargetGap => {
    const m = byGoal.get(goalId);
    const gap = m === undefined ? NOT_SEEN_GAP : goalGap(m);
    return { goalId, title: goalById(goalId)?.title ?? goalId, status: m?.status ?? 'notSeen', gap };
  });
  const score = targets.reduce((sum, t) => sum + t.gap, 0);
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    score,
    completed: completed.has(scenario.id),
    targets: [...targets].sort((x, y) => y.gap - x.gap || goalIndex(x.goalId) - goalIndex(y.goalId)),
    unknownTargets: unique.filter((id) => goalById(id) === undefined),
  };
}

/**
 * Every scenario scored against the map, best first: highest score, ties by id (plain `<`).
 * `completed` defaults to the scenarios already in the map.
 */
export function rankScenarios(
  map: KnowledgeMap,
  scenarios: readonly ScenarioInfo[],
  completed: readonly string[] = completedScenarios(map),
): ScenarioScore[] {
  const byGoal = new Map(masteryFromMap(map).map((m) => [m.goalId, m]));
  const done = new Set(completed);
  return scenarios
    .map((s) => scoreScenario(s, byGoal, done))
    .sort((x, y) => (x.score !== y.score ? y.score - x.score : compareIds(x.scenarioId, y.scenarioId)));
}

const STATUS_WORDS: Readonly<Record<MasteryStatus, string>> = {
  missed: 'missed',
  partly: 'partly shown',
  notSeen: 'not yet seen',
  shown: 'shown',
};

function reasonFor(best: ScenarioScore, weakGoals: readonly TargetGap[]): string {
  if (weakGoals.length === 0) {
    return `${best.title} revisits goals you have shown, to make them more secure.`;
  }
  const list = weakGoals.map((g) => `${g.goalId} ${g.title} (${STATUS_WORDS[g.status]})`).join('; ');
  return `${best.title} targets your biggest gaps: ${list}.`;
}

/**
 * The scenario that best closes the learner's biggest gaps, or `null` if there are no scenarios.
 * Scenarios in `completed` (default: those already in the map) are passed over while any other
 * remains; once all are done, the best one is offered as a replay.
 */
export function recommendNext(
  map: KnowledgeMap,
  scenarios: readonly ScenarioInfo[],
  completed?: readonly string[],
): Recommendation | null {
  const ranked = rankScenarios(map, scenarios, completed);
  const best = ranked.find((s) => !s.completed) ?? ranked[0];
  if (best === undefined) return null;
  const weakGoals = best.targets.filter((t) => t.status !== 'shown');
  return {
    scenarioId: best.scenarioId,
    title: best.title,
    score: best.score,
    replay: best.completed,
    weakGoals,
    reason: reasonFor(best, weakGoals),
  };
}
