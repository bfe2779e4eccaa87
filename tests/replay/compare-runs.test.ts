import { describe, expect, it } from 'vitest';
import { GOALS, assessEvidence } from '../../src/assessment';
import { compareRuns, type GoalChange } from '../../src/replay';
import { played, starter } from './helpers';

const cafe = starter();
const principled = played('principled', '40', cafe).session.report();
const hippo = played('hippo', '40', cafe).session.report();

describe('compareRuns', () => {
  it('sets outcome figures side by side with the difference and the better run', () => {
    const c = compareRuns(hippo, principled);
    expect(c.sameScenario).toBe(true);
    expect(c.a).toEqual({ scenarioId: 'corner-cafe', seed: '40', done: true });
    const row = (key: string) => c.outcomes.find((o) => o.key === key)!;
    const value = row('valuePercent');
    expect(value.a).toBe(hippo.outcomes.valuePercent);
    expect(value.b).toBe(principled.outcomes.valuePercent);
    expect(value.difference).toBe(Math.round((principled.outcomes.valuePercent - hippo.outcomes.valuePercent) * 100) / 100);
    expect(value.better).toBe(value.b! > value.a! ? 'b' : value.b! < value.a! ? 'a' : 'same');
    // Lower technical debt is better.
    const debt = row('techDebt');
    if (debt.a !== debt.b) expect(debt.better).toBe((debt.a as number) < (debt.b as number) ? 'a' : 'b');
    // Context figures have no better side.
    expect(row('valueAvailable').better).toBeNull();
    expect(row('valueAvailable').difference).toBe(0);
  });

  it('per goal: the same mastery assessEvidence gives, and how it moved', () => {
    const c = compareRuns(hippo, principled);
    const ma = assessEvidence(hippo.evidence).goals;
    const mb = assessEvidence(principled.evidence).goals;
    const seen = GOALS.filter((_, i) => ma[i]!.status !== 'notSeen' || mb[i]!.status !== 'notSeen').map((g) => g.id);
    expect(c.goals.map((g) => g.goalId)).toEqual(seen);
    const rank = { missed: 0, partly: 1, shown: 2 } as const;
    for (const g of c.goals) {
      const i = GOALS.findIndex((x) => x.id === g.goalId);
      expect(g.a.status).toBe(ma[i]!.status);
      expect(g.b.status).toBe(mb[i]!.status);
      expect(g.a.mean).toBe(ma[i]!.estimate?.mean ?? null);
      const expected: GoalChange =
        g.a.status === 'notSeen' ? 'newlySeen' : g.b.status === 'notSeen' ? 'noLongerSeen' : rank[g.b.status] > rank[g.a.status] ? 'improved' : rank[g.b.status] < rank[g.a.status] ? 'worsened' : 'unchanged';
      expect(g.change, g.goalId).toBe(expected);
    }
    const total = Object.values(c.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(c.goals.length);
    // A principled PO shows more goals than a HiPPO-follower on the same seed.
    expect(c.counts.improved).toBeGreaterThan(c.counts.worsened);
  });

  it('is antisymmetric: swapping the runs swaps sides and signs', () => {
    const ab = compareRuns(hippo, principled);
    const ba = compareRuns(principled, hippo);
    const flip = { improved: 'worsened', worsened: 'improved', unchanged: 'unchanged', newlySeen: 'noLongerSeen', noLongerSeen: 'newlySeen' } as const;
    for (let i = 0; i < ab.goals.length; i++) {
      expect(ba.goals[i]!.change).toBe(flip[ab.goals[i]!.change]);
      expect(ba.goals[i]!.difference).toBe(ab.goals[i]!.difference === null ? null : -ab.goals[i]!.difference! || 0);
    }
    for (let i = 0; i < ab.outcomes.length; i++) {
      const x = ab.outcomes[i]!.better;
      expect(ba.outcomes[i]!.better).toBe(x === 'a' ? 'b' : x === 'b' ? 'a' : x);
    }
  });

  it('a run against itself: nothing better, nothing moved', () => {
    const c = compareRuns(principled, principled);
    expect(c.outcomes.every((o) => o.better === null || o.better === 'same')).toBe(true);
    expect(c.goals.every((g) => g.change === 'unchanged' && g.difference === 0)).toBe(true);
  });

  it('runs of different scenarios are compared all the same, flagged', () => {
    const unfinished = { ...principled, scenarioId: 'other', done: false, evidence: [] };
    const c = compareRuns(principled, unfinished);
    expect(c.sameScenario).toBe(false);
    expect(c.goals.every((g) => g.change === 'noLongerSeen' && g.difference === null)).toBe(true);
  });
});
