import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/model/state';
import { GOALS, assessEvidence, statusFromMean, type GoalMastery } from '../../src/assessment';

const GOAL = 'D3.2.1';
const rec = (score: number, weight: number, goalId = GOAL): Evidence => ({
  goalId,
  score,
  weight,
  decisionId: 'd1',
  rationale: 'test',
});
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function masteryOf(records: readonly Evidence[], goalId = GOAL): GoalMastery {
  const m = assessEvidence(records).goals.find((g) => g.goalId === goalId);
  if (m === undefined) throw new Error(`no mastery for ${goalId}`);
  return m;
}

// [name, records as [score, weight], alpha, beta, status, mean, lower 5%, upper 95%]
// Interval bounds cross-checked against scipy.stats.beta.ppf (SciPy 1.17.1).
type Row = [string, [number, number][], number, number, GoalMastery['status'], number, number, number];
const GOLDEN: readonly Row[] = [
  ['one strong decision', [[1, 1]], 2, 1, 'partly', 0.6667, 0.2236, 0.9747],
  ['one weak decision', [[0, 1]], 1, 2, 'missed', 0.3333, 0.0253, 0.7764],
  ['one middling decision', [[0.5, 1]], 1.5, 1.5, 'partly', 0.5, 0.0973, 0.9027],
  ['three strong decisions', [[1, 1], [1, 1], [1, 1]], 4, 1, 'shown', 0.8, 0.4729, 0.9873],
  ['one heavy good decision', [[0.8, 2]], 2.6, 1.4, 'partly', 0.65, 0.2592, 0.949],
  ['three strong, one weak', [[1, 1], [0, 1], [1, 1], [1, 1]], 4, 2, 'partly', 0.6667, 0.3426, 0.9236],
  ['one heavy poor decision', [[0.25, 3]], 1.75, 3.25, 'missed', 0.35, 0.0697, 0.7034],
  ['one very heavy strong decision', [[0.9, 10]], 10, 2, 'shown', 0.8333, 0.6356, 0.9667],
  ['one light strong decision', [[1, 0.5]], 1.5, 1, 'partly', 0.6, 0.1357, 0.9664],
  ['twenty decisions at 0.7', Array.from({ length: 20 }, (): [number, number] => [0.7, 1]), 15, 7, 'partly', 0.6818, 0.5126, 0.8318],
  ['mean exactly at the shown threshold', [[1, 6], [0, 2]], 7, 3, 'shown', 0.7, 0.4504, 0.9023],
  ['mean exactly at the partly threshold', [[1, 1], [0, 2]], 2, 3, 'partly', 0.4, 0.0976, 0.7514],
];

describe('mastery numbers are pinned by a golden table', () => {
  it.each(GOLDEN)('%s', (_name, records, alpha, beta, status, mean, lower, upper) => {
    const m = masteryOf(records.map(([s, w]) => rec(s, w)));
    expect([round4(m.alpha), round4(m.beta)]).toEqual([alpha, beta]);
    expect(m.status).toBe(status);
    const e = m.estimate;
    expect(e === null ? null : [round4(e.mean), round4(e.lower), round4(e.upper)]).toEqual([mean, lower, upper]);
    expect(m.evidenceCount).toBe(records.length);
    expect(m.totalWeight).toBeCloseTo(records.reduce((s, [, w]) => s + w, 0), 12);
  });

  it('puts the thresholds at 0.4 and 0.7, inclusive from below', () => {
    expect([0, 0.3999, 0.4, 0.6999, 0.7, 1].map(statusFromMean)).toEqual(['missed', 'missed', 'partly', 'partly', 'shown', 'shown']);
  });

  it('keeps the interval inside [0,1] and around the mean', () => {
    for (const [, records] of GOLDEN) {
      const e = masteryOf(records.map(([s, w]) => rec(s, w))).estimate;
      expect(e).not.toBeNull();
      if (e === null) continue;
      expect(0 <= e.lower && e.lower < e.mean && e.mean < e.upper && e.upper <= 1).toBe(true);
    }
  });

  it('narrows the interval as evidence grows at the same rate', () => {
    const widths = [1, 5, 25, 125].map((n) => {
      const e = masteryOf(Array.from({ length: n }, () => rec(0.8, 1))).estimate;
      return e === null ? NaN : e.upper - e.lower;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1] ?? 0);
  });

  it('reports every goal in catalogue order whatever the evidence order', () => {
    const evidence = [rec(1, 1, 'D7.3.3'), rec(0, 1, 'D1.1.1'), rec(0.5, 1, 'D4.2.2')];
    const forward = assessEvidence(evidence).goals;
    expect(forward.map((g) => g.goalId)).toEqual(GOALS.map((g) => g.id));
    expect(assessEvidence([...evidence].reverse()).goals).toEqual(forward);
  });

  it('rejects unusable records with a reason instead of scoring them', () => {
    const report = assessEvidence([rec(1.2, 1), rec(-0.1, 1), rec(Number.NaN, 1), rec(1, -1), rec(1, Infinity), rec(1, 1, 'D9.9.9')]);
    expect(report.rejected.map((r) => r.reason)).toEqual([
      'scoreOutOfRange',
      'scoreOutOfRange',
      'scoreOutOfRange',
      'invalidWeight',
      'invalidWeight',
      'unknownGoal',
    ]);
    expect(report.goals.every((g) => g.status === 'notSeen')).toBe(true);
  });
});
