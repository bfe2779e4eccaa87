import { describe, expect, it } from 'vitest';
import { createSession, type Evidence, type Session } from '../../../src/engine';
import { debtWorkPays, improvementScore, qualityShows, type QualitySignals } from '../../../src/engine/rules/retrospective';
import { principledImprovement } from '../../../src/bots/principled';
import { GOOD_HABITS, scriptedPo } from '../../helpers/scripted-po';
import { shippedScenario } from '../../helpers/scenarios';

/** Platform adoption (debt 25, Definition of Done 2 of 3), played by a sound PO up to Sprint 1's improvement. */
function atFirstImprovement(seed: number): Session {
  const { scenario } = shippedScenario('platform-adoption.yaml');
  const s = createSession(scenario, seed, 'fair');
  const po = scriptedPo(GOOD_HABITS);
  for (let guard = 0; guard < 2000; guard++) {
    const step = s.observe();
    if (step.actions.some((a) => a.type === 'chooseImprovement')) return s;
    // The scripted PO knows nothing of newer Review prompts: it takes whatever is listed first there.
    let choice;
    try {
      choice = po.choose(step);
    } catch {
      choice = { id: step.actions[0]!.id };
    }
    const r = s.dispatch(choice);
    if (!r.ok) throw new Error(r.error.message);
  }
  throw new Error('never reached the Retrospective');
}

function choose(seed: number, improvement: string): Evidence[] {
  const s = atFirstImprovement(seed);
  const r = s.dispatch({ type: 'chooseImprovement', improvement });
  if (!r.ok) throw new Error(r.error.message);
  return r.changes.evidence.filter((e) => e.decisionId === 'retro-s1');
}

/** What the team saw of the Definition of Done in Sprint 1: items finished, and those that fell short at first. */
function dodSeen(seed: number): { checked: number; short: number } {
  const h = atFirstImprovement(seed).observe().observation.sprintHistory[0]!;
  return { checked: new Set([...h.done, ...h.shortOfDoD]).size, short: h.shortOfDoD.length };
}

/** The first seed whose Sprint 1 shows work falling short of the Definition of Done again and again (or never). */
function seedWhere(test: (seen: { checked: number; short: number }) => boolean): number {
  for (let seed = 1; seed <= 40; seed++) if (test(dodSeen(seed))) return seed;
  throw new Error('no such seed');
}

const goal = (evidence: Evidence[], id: string) => evidence.find((e) => e.goalId === id)!;

describe('item 4: the Retrospective improvement is judged on what the team saw', () => {
  const failing = seedWhere(({ checked, short }) => short >= 2 && short * 3 >= checked);

  it('items falling short of the Definition of Done make strengthening it right and keeping things as they are wrong', () => {
    const { checked, short } = dodSeen(failing);
    const strengthen = choose(failing, 'strengthenDoD');
    const keep = choose(failing, 'keepAsIs');
    expect(goal(strengthen, 'D1.2.3').score).toBe(1);
    expect(goal(strengthen, 'D6.2.3').score).toBe(1);
    expect(goal(keep, 'D1.2.3').score).toBeLessThan(0.5);
    expect(goal(keep, 'D6.2.3').score).toBeLessThan(0.5);
    // The rationale names the evidence on screen.
    expect(goal(keep, 'D1.2.3').rationale).toContain(`${short} of the ${checked} items the Developers finished fell short of the Definition of Done`);
    expect(goal(strengthen, 'D6.2.3').rationale).toContain('strength 2 of 3');
  });

  it('paying down visible debt with Sprints to go is sound too, and better than doing nothing', () => {
    const pay = choose(failing, 'payDownDebt');
    expect(goal(pay, 'D1.2.3').score).toBe(1);
    expect(goal(pay, 'D1.2.3').rationale).toContain('technical debt 25');
    expect(goal(pay, 'D1.2.3').rationale).toContain('3 Sprints to go');
  });

  it('no rationale says a stronger Definition of Done only slows delivery', () => {
    for (const seed of [failing, seedWhere(({ short }) => short === 0)])
      for (const improvement of ['strengthenDoD', 'payDownDebt', 'keepAsIs'])
        for (const e of choose(seed, improvement)) expect(e.rationale).not.toMatch(/only slows/i);
  });

  it('the judgement follows the quality model: debt work that cannot repay, or a sound Definition of Done, leaves keeping as is best', () => {
    const calm: QualitySignals = { sprint: 3, checked: 4, short: 0, dodStrength: 2, debt: 25, debtChange: 0, velocity: 12, previousVelocity: 12, sprintsLeft: 1 };
    expect(qualityShows(calm)).toBe(false);
    // 15 points of debt repay 10% of capacity a Sprint: one Sprint left cannot repay 15% of it.
    expect(debtWorkPays(calm)).toBe(false);
    expect(debtWorkPays({ ...calm, sprintsLeft: 2 })).toBe(true);
    expect(improvementScore(calm, 'keepAsIs')).toBe(1);
    expect(improvementScore(calm, 'payDownDebt')).toBeLessThan(1);
    // At the strongest Definition of Done there is nothing to strengthen, whatever falls short.
    expect(improvementScore({ ...calm, short: 3, dodStrength: 3 }, 'strengthenDoD')).toBeLessThan(0.5);
  });

  it('the principled bot reads the same signals from its observation', () => {
    expect(principledImprovement(atFirstImprovement(failing).observe().observation)).toBe('strengthenDoD');
  });
});
