import { describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession } from '../../src/engine';
import { DEFAULT_MASTERY, judgedDecisions, runOutcome } from '../../src/lms/outcome';
import { findScenario } from '../../src/scenario/fs';

describe('what a finished run reports', () => {
  it('gives the debrief score, pass or fail against the mastery score, and one result per judged goal', async () => {
    const found = await findScenario('corner-cafe');
    if (!found.ok) throw new Error('no café');
    const session = createSession(found.scenario, 'outcome-1', found.hash);
    playToEnd(session, POLICIES.principled!('outcome-1'));
    const report = session.report();
    const outcome = runOutcome(report, DEFAULT_MASTERY, { 'D2.2.2': 41.6 });
    expect(outcome.scoreRaw).toBeCloseTo(report.outcomes.valuePercent, 2);
    expect(outcome.scaled).toBeCloseTo(outcome.scoreRaw / 100, 4);
    expect(outcome.passed).toBe(outcome.scaled >= 0.7);
    expect(runOutcome(report, null, {}).passed).toBeNull();
    expect(runOutcome(report, 0, {}).passed).toBe(true);
    expect(runOutcome(report, 1.01, {}).passed).toBe(false);

    const judged = new Set(report.evidence.map((e) => e.goalId));
    expect(outcome.goals.map((g) => g.goalId).sort()).toEqual([...judged].sort());
    for (const g of outcome.goals) {
      expect(['correct', 'neutral', 'wrong']).toContain(g.result);
      expect(g.score).toBeGreaterThanOrEqual(0);
      expect(g.score).toBeLessThanOrEqual(1);
      expect(g.decisions).toBeGreaterThan(0);
    }
    expect(outcome.goals.find((g) => g.goalId === 'D2.2.2')?.seconds ?? 42).toBe(42);
  });

  it('groups the evidence of one choice by decision', () => {
    const decisions = judgedDecisions(
      'corner-cafe',
      [
        { goalId: 'D1.1.1', score: 1, weight: 1, decisionId: 'a', rationale: '' },
        { goalId: 'D1.1.2', score: 0, weight: 2, decisionId: 'a', rationale: '' },
        { goalId: 'D1.1.1', score: 0.5, weight: 1, decisionId: 'b', rationale: '' },
      ],
      7,
    );
    expect(decisions).toEqual([
      { scenarioId: 'corner-cafe', decisionId: 'a', seconds: 7, goals: [{ goalId: 'D1.1.1', score: 1, weight: 1 }, { goalId: 'D1.1.2', score: 0, weight: 2 }] },
      { scenarioId: 'corner-cafe', decisionId: 'b', seconds: 7, goals: [{ goalId: 'D1.1.1', score: 0.5, weight: 1 }] },
    ]);
  });
});
