import { buildDebrief, decisionTitle, goalById, strongPoWeighs, type Debrief } from '../../assessment';
import type { Evidence, Report, Scenario } from '../../engine';
import type { ClassInfo, ClassRoom } from './class-room';
import { jsonWithArray, SLICE_MS, Slicer } from './sliced';

export interface DecisionSummary {
  scenarioId: string;
  decisionId: string;
  title: string;
  /** Learners judged on this decision. */
  learners: number;
  meanScore: number;
  /** Learners per band of their score on it: 0-0.2, 0.2-0.4, ..., 0.8-1. */
  scoreBands: { from: number; to: number; count: number }[];
  /** How the class chose: each distinct outcome (the rationales the engine recorded) and how many got it. */
  choices: { happened: string[]; meanScore: number; count: number }[];
  goals: { goalId: string; title: string; domain: number; strongPoWeighs: string }[];
  prompts: string[];
}

export interface OutcomeDistribution {
  scenarioId: string;
  key: string;
  label: string;
  n: number;
  min: number | null;
  median: number | null;
  mean: number | null;
  max: number | null;
  values: number[];
}

export interface ClassDebrief {
  class: ClassInfo;
  learners: number;
  finished: number;
  decisions: DecisionSummary[];
  outcomes: OutcomeDistribution[];
  learnerDebriefs: { learnerId: string; name: string; runs: { run: number; scenarioId: string; finished: boolean; summary: LearnerRunSummary }[] }[];
}

/**
 * What the class debrief shows of one learner's run: outcomes, what to work on and goal counts.
 * The learner's whole debrief (decision by decision) is in their run (the drill-down) and the
 * export; sending it here made a 200-learner debrief 16-25 MB, slow to build and to read.
 */
export interface LearnerRunSummary {
  outcomes: Debrief['outcomes'];
  workOn: { goalId: string; title: string; status: 'missed' | 'partly'; mean: number; weakestRationale: string }[];
  goals: { shown: number; partly: number; missed: number; notYetSeen: number };
}

function runSummary(d: Debrief): LearnerRunSummary {
  const count = (status: string) => d.goals.filter((g) => g.status === status).length;
  return {
    outcomes: d.outcomes,
    workOn: d.workOn.map((w) => ({ goalId: w.goalId, title: w.title, status: w.status, mean: w.mean, weakestRationale: w.weakestRationale })),
    goals: { shown: count('shown'), partly: count('partly'), missed: count('missed'), notYetSeen: d.notYetSeen.length },
  };
}

const OUTCOMES: { key: keyof Report['outcomes']; label: string }[] = [
  { key: 'valuePercent', label: 'Value realised, % of what was available' },
  { key: 'sprintGoalsMet', label: 'Sprint Goals met' },
  { key: 'forecastAccuracy', label: 'Forecasts that came true (0-1)' },
  { key: 'stakeholderTrust', label: 'Stakeholder trust' },
  { key: 'teamHealth', label: 'Team health' },
  { key: 'techDebt', label: 'Technical debt' },
];

function weighted(records: readonly Evidence[]): number {
  const w = records.reduce((a, e) => a + e.weight, 0);
  return w > 0 ? records.reduce((a, e) => a + e.weight * e.score, 0) / w : records.reduce((a, e) => a + e.score, 0) / Math.max(1, records.length);
}

function prompts(title: string, d: Omit<DecisionSummary, 'prompts'>): string[] {
  const out: string[] = [];
  const low = d.scoreBands.filter((b) => b.to <= 0.6).reduce((a, b) => a + b.count, 0);
  if (d.choices.length > 1)
    out.push(`The class split on "${title}" (${d.choices.length} different outcomes). Ask one learner from each group what they saw that made them choose as they did.`);
  if (low > 0) out.push(`${low} of ${d.learners} scored 0.6 or less here. What would have told them, before deciding, that another choice served the product better?`);
  else out.push(`Everyone handled "${title}" soundly. What made the better choice easy to see, and when might it not be?`);
  for (const g of d.goals.slice(0, 2)) out.push(`This decision tests "${g.title}". Where else in a Sprint does the same judgement come up?`);
  return out;
}

function distribution(scenarioId: string, key: string, label: string, raw: (number | null)[]): OutcomeDistribution {
  const values = raw.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const n = values.length;
  const median = n === 0 ? null : n % 2 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
  return { scenarioId, key, label, n, min: n ? values[0]! : null, median, mean: n ? values.reduce((a, b) => a + b, 0) / n : null, max: n ? values[n - 1]! : null, values };
}

/**
 * The facilitator's debrief as JSON text in pieces (see sliced.ts): per decision point how the
 * class chose, outcome spreads, then each learner's debrief, built one learner at a time. A
 * learner acting meanwhile shows in their own debrief as of when it was built.
 */
export async function* classDebriefJson(room: ClassRoom, sliceMs = SLICE_MS): AsyncGenerator<string> {
  const learners = room.activeLearners();
  const head = await debriefHead(room, learners, sliceMs);
  yield* jsonWithArray(
    head,
    'learnerDebriefs',
    learners.map((l) => () => ({
      learnerId: l.row.id,
      name: l.row.name,
      runs: l.game.reports().map((report, run) => {
        const debrief = buildDebrief(report, l.game.runs[run]!.scenario.targets, l.game.runs[run]!.scenario);
        return { run, scenarioId: report.scenarioId, finished: report.done, summary: runSummary(debrief) };
      }),
    })),
  );
}

/** Everything but the learners' own debriefs; gives the event loop a turn between learners. */
async function debriefHead(room: ClassRoom, learners: ReturnType<ClassRoom['activeLearners']>, sliceMs: number): Promise<Omit<ClassDebrief, 'learnerDebriefs'>> {
  const slicer = new Slicer(sliceMs);
  type Acc = { scenarioId: string; decisionId: string; perLearner: { score: number; happened: string[] }[]; goalIds: Set<string> };
  const byDecision = new Map<string, Acc>();
  const reportsByScenario = new Map<string, Report[]>();
  // Decision titles name the items and people of their scenario.
  const scenarioById = new Map<string, Scenario>();
  for (const l of learners) {
    await slicer.turn();
    l.game.reports().forEach((report, run) => {
      scenarioById.set(report.scenarioId, l.game.runs[run]!.scenario);
      const list = reportsByScenario.get(report.scenarioId) ?? [];
      list.push(report);
      reportsByScenario.set(report.scenarioId, list);
      const groups = new Map<string, Evidence[]>();
      for (const e of report.evidence) {
        if (!goalById(e.goalId)) continue;
        groups.set(e.decisionId, [...(groups.get(e.decisionId) ?? []), e]);
      }
      for (const [decisionId, records] of groups) {
        const key = `${report.scenarioId}|${decisionId}`;
        const acc = byDecision.get(key) ?? { scenarioId: report.scenarioId, decisionId, perLearner: [], goalIds: new Set<string>() };
        acc.perLearner.push({ score: weighted(records), happened: [...new Set(records.map((e) => e.rationale))] });
        for (const e of records) acc.goalIds.add(e.goalId);
        byDecision.set(key, acc);
      }
    });
  }

  const decisions: DecisionSummary[] = [];
  for (const acc of byDecision.values()) {
    await slicer.turn();
    decisions.push(summariseDecision(acc));
  }
  // Most divided and weakest decisions first: where the discussion pays most.
  decisions.sort((a, b) => b.choices.length - a.choices.length || a.meanScore - b.meanScore || a.decisionId.localeCompare(b.decisionId));

  const outcomes: OutcomeDistribution[] = [];
  for (const [scenarioId, reports] of reportsByScenario)
    for (const o of OUTCOMES) outcomes.push(distribution(scenarioId, o.key, o.label, reports.map((r) => r.outcomes[o.key] as number | null)));
  const releasedReports = [...reportsByScenario].map(([scenarioId, reports]) => distribution(scenarioId, 'released', 'Released to users (1 = yes)', reports.map((r) => (r.outcomes.released === null ? null : r.outcomes.released ? 1 : 0))));
  outcomes.push(...releasedReports);

  return {
    class: room.info(),
    learners: learners.length,
    finished: learners.filter((l) => l.game.done).length,
    decisions,
    outcomes,
  };

  function summariseDecision(acc: Acc): DecisionSummary {
    const title = decisionTitle(acc.decisionId, scenarioById.get(acc.scenarioId));
    const bands = [0, 0.2, 0.4, 0.6, 0.8].map((from) => ({ from, to: Math.round((from + 0.2) * 10) / 10, count: 0 }));
    for (const p of acc.perLearner) bands[Math.min(4, Math.floor(p.score * 5 + 1e-9))]!.count += 1;
    const choiceMap = new Map<string, { happened: string[]; scores: number[] }>();
    for (const p of acc.perLearner) {
      const key = JSON.stringify(p.happened);
      const c = choiceMap.get(key) ?? { happened: p.happened, scores: [] };
      c.scores.push(p.score);
      choiceMap.set(key, c);
    }
    const base = {
      scenarioId: acc.scenarioId,
      decisionId: acc.decisionId,
      title,
      learners: acc.perLearner.length,
      meanScore: acc.perLearner.reduce((a, p) => a + p.score, 0) / acc.perLearner.length,
      scoreBands: bands,
      choices: [...choiceMap.values()]
        .map((c) => ({ happened: c.happened, count: c.scores.length, meanScore: c.scores.reduce((a, b) => a + b, 0) / c.scores.length }))
        .sort((a, b) => b.count - a.count || a.meanScore - b.meanScore),
      goals: [...acc.goalIds].map((id) => {
        const g = goalById(id)!;
        return { goalId: id, title: g.title, domain: g.domain, strongPoWeighs: strongPoWeighs(id) };
      }),
    };
    return { ...base, prompts: prompts(title, base) };
  }
}
