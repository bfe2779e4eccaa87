import { describe, expect, it } from 'vitest';
import { buildDebrief, goalMastery, type DebriefDecision } from '../../src/assessment';
import { partlyReason, partlyReasonFromMastery } from '../../src/assessment/partly-reason';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession } from '../../src/engine';
import { starterScenario } from '../bots/starter';

const judged = (decisionId: string, score: number, weight = 1): DebriefDecision => ({
  decisionId,
  title: decisionId,
  sprint: null,
  score,
  happened: ['x'],
  goals: [{ goalId: 'D3.2.3', title: 't', domain: 3, topic: 2, level: 'apply', score, weight, rationale: 'x', strongPoWeighs: 'y' }],
});

describe('why a goal is only partly shown', () => {
  it('one sound decision: judged once, and one more will confirm it', () => {
    const why = partlyReason({ decisions: [judged('order-s1', 1)] }, 'D3.2.3');
    expect(why).toMatchObject({ kind: 'once', label: 'Judged once' });
    expect(why.text).toMatch(/one more sound decision/);
  });

  it('several sound decisions: too few to be sure; strong and weak ones: mixed, with the counts', () => {
    expect(partlyReason({ decisions: [judged('order-s1', 1, 0.3), judged('order-s2', 0.8, 0.3)] }, 'D3.2.3').kind).toBe('few');
    const mixed = partlyReason({ decisions: [judged('order-s1', 1), judged('order-s2', 0.2), judged('order-s3', 0.9)] }, 'D3.2.3');
    expect(mixed.kind).toBe('mixed');
    expect(mixed.text).toBe('Mixed: 2 of 3 decisions on it were sound, 1 fell short.');
    expect(partlyReason({ decisions: [judged('order-s1', 0.5), judged('order-s2', 0.6)] }, 'D3.2.3').kind).toBe('weak');
  });

  it('agrees with the debrief’s goals to confirm on played runs', async () => {
    const { scenario, hash } = await starterScenario();
    let seen = 0;
    for (const bot of ['principled', 'yes', 'hippo'])
      for (const seed of ['1', '2', '3']) {
        const s = createSession(scenario, seed, hash);
        playToEnd(s, POLICIES[bot]!(seed));
        const d = buildDebrief(s.report(), scenario.targets);
        const confirm = new Set(d.toConfirm.map((c) => c.goalId));
        for (const g of d.goals.filter((x) => x.status === 'partly')) {
          seen += 1;
          const kind = partlyReason(d, g.goalId).kind;
          if (confirm.has(g.goalId)) expect(['once', 'few'], g.goalId).toContain(kind);
          else expect(['once', 'mixed', 'weak'], g.goalId).toContain(kind);
        }
      }
    expect(seen).toBeGreaterThan(0);
  });

  it('across runs, from the stored sums: judged once, too few, or mixed', () => {
    const tally = (alpha: number, beta: number, count: number, weight: number) => goalMastery('D3.2.3', { goalId: 'D3.2.3', alpha, beta, count, weight });
    expect(partlyReasonFromMastery(tally(1, 0, 1, 1)).kind).toBe('once');
    expect(partlyReasonFromMastery(tally(0.9, 0.1, 3, 1)).kind).toBe('few');
    const mixed = partlyReasonFromMastery(tally(1.2, 0.8, 2, 2));
    expect(mixed.kind).toBe('mixed');
    expect(mixed.text).toBe('Mixed: judged 2 times, and not every decision on it was sound.');
  });
});
