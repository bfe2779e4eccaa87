import { GOALS, assessEvidence, type GoalMastery, type MasteryStatus } from '../assessment';
import type { Report } from '../engine';

/** Which way a figure is better; `none` for context figures (the yardstick, the release choice). */
type Direction = 'higher' | 'lower' | 'none';

export type OutcomeKey =
  | 'valueRealised'
  | 'valueAvailable'
  | 'valuePercent'
  | 'sprintGoalsMet'
  | 'sprintsPlayed'
  | 'forecastsJudged'
  | 'forecastsHit'
  | 'forecastAccuracy'
  | 'techDebt'
  | 'teamHealth'
  | 'stakeholderTrust'
  | 'released'
  | 'adoption'
  | 'satisfaction'
  | 'revenue';

const OUTCOMES: readonly { key: OutcomeKey; label: string; better: Direction; read: (o: Report['outcomes']) => number | boolean | null }[] = [
  { key: 'valuePercent', label: 'Value realised (% of available)', better: 'higher', read: (o) => o.valuePercent },
  { key: 'valueRealised', label: 'Value realised', better: 'higher', read: (o) => o.valueRealised },
  { key: 'valueAvailable', label: 'Value available', better: 'none', read: (o) => o.valueAvailable },
  { key: 'sprintGoalsMet', label: 'Sprint Goals met', better: 'higher', read: (o) => o.sprintGoalsMet },
  { key: 'sprintsPlayed', label: 'Sprints played', better: 'none', read: (o) => o.sprintsPlayed },
  { key: 'forecastsJudged', label: 'Forecasts judged', better: 'none', read: (o) => o.forecastsJudged },
  { key: 'forecastsHit', label: 'Forecasts that came true', better: 'higher', read: (o) => o.forecastsHit },
  { key: 'forecastAccuracy', label: 'Forecast accuracy', better: 'higher', read: (o) => o.forecastAccuracy },
  { key: 'techDebt', label: 'Technical debt', better: 'lower', read: (o) => o.techDebt },
  { key: 'teamHealth', label: 'Team health', better: 'higher', read: (o) => o.teamHealth },
  { key: 'stakeholderTrust', label: 'Stakeholder trust', better: 'higher', read: (o) => o.stakeholderTrust },
  { key: 'released', label: 'Released', better: 'none', read: (o) => o.released },
  { key: 'adoption', label: 'Adoption', better: 'higher', read: (o) => o.metrics?.adoption ?? null },
  { key: 'satisfaction', label: 'Satisfaction', better: 'higher', read: (o) => o.metrics?.satisfaction ?? null },
  { key: 'revenue', label: 'Revenue', better: 'higher', read: (o) => o.metrics?.revenue ?? null },
];

export interface OutcomeRow {
  key: OutcomeKey;
  label: string;
  a: number | boolean | null;
  b: number | boolean | null;
  /** b − a, rounded to 2 decimals; null unless both are numbers. */
  difference: number | null;
  /** The run with the better figure, `same`, or null when the figure has no better side or is missing in a run. */
  better: 'a' | 'b' | 'same' | null;
}

/** How a goal moved from run A to run B, by status (missed < partly < shown). */
export type GoalChange = 'improved' | 'worsened' | 'unchanged' | 'newlySeen' | 'noLongerSeen';

export interface GoalSide {
  status: MasteryStatus;
  /** Posterior mean, null when the goal was not seen. */
  mean: number | null;
  evidenceCount: number;
}

export interface GoalRow {
  goalId: string;
  title: string;
  a: GoalSide;
  b: GoalSide;
  change: GoalChange;
  /** b − a of the posterior means, rounded to 2 decimals; null unless both runs saw the goal. */
  difference: number | null;
}

export interface RunComparison {
  a: { scenarioId: string; seed: string; done: boolean };
  b: { scenarioId: string; seed: string; done: boolean };
  /** Figures of runs of different scenarios are set side by side all the same; the value percentage is the comparable one. */
  sameScenario: boolean;
  outcomes: OutcomeRow[];
  /** Goals seen in at least one run, in catalogue order. */
  goals: GoalRow[];
  counts: Record<GoalChange, number>;
}

const RANK: Record<Exclude<MasteryStatus, 'notSeen'>, number> = { missed: 0, partly: 1, shown: 2 };

function side(g: GoalMastery): GoalSide {
  return { status: g.status, mean: g.estimate ? g.estimate.mean : null, evidenceCount: g.evidenceCount };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function changeOf(a: GoalMastery, b: GoalMastery): GoalChange {
  if (a.status === 'notSeen') return 'newlySeen';
  if (b.status === 'notSeen') return 'noLongerSeen';
  const d = RANK[b.status] - RANK[a.status];
  return d > 0 ? 'improved' : d < 0 ? 'worsened' : 'unchanged';
}

/**
 * Two runs side by side (a first try and a retry, a branch and its original, a learner and a
 * bot): outcome figures with which is better, and per goal how the mastery estimate moved,
 * assessed with `assessEvidence` exactly as the debrief does.
 */
export function compareRuns(a: Report, b: Report): RunComparison {
  const outcomes = OUTCOMES.map(({ key, label, better, read }): OutcomeRow => {
    const va = read(a.outcomes);
    const vb = read(b.outcomes);
    const numbers = typeof va === 'number' && typeof vb === 'number';
    let winner: OutcomeRow['better'] = null;
    if (numbers && better !== 'none') winner = va === vb ? 'same' : (better === 'higher') === vb > va ? 'b' : 'a';
    return { key, label, a: va, b: vb, difference: numbers ? round2(vb - va) : null, better: winner };
  });
  const ma = assessEvidence(a.evidence).goals;
  const mb = assessEvidence(b.evidence).goals;
  const counts: Record<GoalChange, number> = { improved: 0, worsened: 0, unchanged: 0, newlySeen: 0, noLongerSeen: 0 };
  const goals: GoalRow[] = [];
  for (let i = 0; i < GOALS.length; i++) {
    const ga = ma[i]!;
    const gb = mb[i]!;
    if (ga.status === 'notSeen' && gb.status === 'notSeen') continue;
    const change = changeOf(ga, gb);
    counts[change]++;
    goals.push({
      goalId: GOALS[i]!.id,
      title: GOALS[i]!.title,
      a: side(ga),
      b: side(gb),
      change,
      difference: ga.estimate && gb.estimate ? round2(gb.estimate.mean - ga.estimate.mean) : null,
    });
  }
  return {
    a: { scenarioId: a.scenarioId, seed: a.seed, done: a.done },
    b: { scenarioId: b.scenarioId, seed: b.seed, done: b.done },
    sameScenario: a.scenarioId === b.scenarioId,
    outcomes,
    goals,
    counts,
  };
}
