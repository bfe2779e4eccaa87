/**
 * What a finished run reports to a platform: the debrief's score (the share of the value
 * available realised), pass or fail against the mastery score, and one result per learning goal
 * the run judged, in the debrief's own terms (shown, partly shown, missed).
 */
import { weightedMean } from '../assessment/debrief';
import { assessEvidence } from '../assessment/mastery';
import type { Evidence, Report } from '../engine';
import type { GoalResult, JudgedDecision, RunOutcome } from './types';

/** The mastery score a package gets when its scenario or campaign names none: 70 of 100. */
export const DEFAULT_MASTERY = 0.7;

const RESULT = { shown: 'correct', partly: 'neutral', missed: 'wrong' } as const;

export function runOutcome(report: Report, mastery: number | null, seconds: Readonly<Record<string, number>>): RunOutcome {
  const scoreRaw = Math.round(Math.max(0, Math.min(100, report.outcomes.valuePercent)) * 100) / 100;
  const scaled = Math.round(scoreRaw * 100) / 10_000;
  const byGoal = new Map<string, Evidence[]>();
  for (const e of report.evidence) byGoal.set(e.goalId, [...(byGoal.get(e.goalId) ?? []), e]);
  const goals: GoalResult[] = [];
  for (const m of assessEvidence(report.evidence).goals) {
    if (m.status === 'notSeen') continue;
    const records = byGoal.get(m.goalId) ?? [];
    goals.push({
      goalId: m.goalId,
      score: Math.round(weightedMean(records) * 100) / 100,
      result: RESULT[m.status],
      decisions: new Set(records.map((e) => e.decisionId)).size,
      seconds: Math.round(seconds[m.goalId] ?? 0),
    });
  }
  return { scoreRaw, scaled, mastery, passed: mastery === null ? null : scaled >= mastery, goals };
}

/** The decisions judged by one accepted choice, from the evidence it produced. */
export function judgedDecisions(scenarioId: string, evidence: readonly Evidence[], seconds: number): JudgedDecision[] {
  const byDecision = new Map<string, JudgedDecision>();
  for (const e of evidence) {
    const d = byDecision.get(e.decisionId) ?? { scenarioId, decisionId: e.decisionId, goals: [], seconds };
    d.goals.push({ goalId: e.goalId, score: e.score, weight: e.weight });
    byDecision.set(e.decisionId, d);
  }
  return [...byDecision.values()];
}
