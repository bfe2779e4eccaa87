import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { costOfDelayFactor, doneQuality, expectedVelocity, realisedValue, reworkChance, velocitySpread } from '../../src/engine/rules/formulas';
import { monteCarloForecast, optimisticSprints } from '../../src/engine/rules/forecast';
import { improvementScore } from '../../src/engine/rules/retrospective';
import { refinementTimeScore } from '../../src/engine/rules/refinement';
import type { CostOfDelay } from '../../src/engine/model/scenario';

/*
 * Golden tables: the exact output of the world's formulas over a grid of inputs. A balance
 * change fails here and shows up as a reviewable diff of numbers in the snapshot file.
 */
describe('golden tables', () => {
  it('cost of delay and realised value', () => {
    const rows: string[] = [];
    for (const costOfDelay of ['standard', 'urgent', 'fixedDate', 'intangible'] as CostOfDelay[])
      for (const sprint of [1, 1.6, 2, 3, 3.4, 4, 6, 10]) {
        const truth = { value: 40, effort: 5, costOfDelay, deadlineSprint: 3, risk: 0.2 };
        rows.push(`${costOfDelay} s${sprint}: factor ${costOfDelayFactor(truth, sprint)} value ${realisedValue(truth, sprint)}`);
      }
    expect(rows).toMatchSnapshot();
  });

  it('velocity, spread, quality and rework', () => {
    const rows: string[] = [];
    for (const refinementShare of [0, 10, 30])
      for (const techDebt of [0, 30, 80])
        for (const dodStrength of [1, 3])
          for (const sinceChange of [null, 0, 1]) {
            const v = expectedVelocity({ capacity: 20, refinementShare, techDebt, dodStrength, morale: 70, sprintsSinceDoDChange: sinceChange, debtWorkShare: 0 });
            rows.push(`ref ${refinementShare} debt ${techDebt} dod ${dodStrength} since ${sinceChange}: v ${v} spread ${velocitySpread(0.15, dodStrength, techDebt)} done ${doneQuality(dodStrength, techDebt)}`);
          }
    for (const risk of [0, 0.3, 0.6]) for (const refined of [true, false]) for (const share of [0, 5, 10]) rows.push(`rework risk ${risk} refined ${refined} share ${share}: ${reworkChance(risk, refined, share)}`);
    expect(rows).toMatchSnapshot();
  });

  it('forecasts', () => {
    const rows: string[] = [];
    for (const scope of [0, 10, 40, 100])
      for (const history of [[], [10], [8, 14, 11], [20, 5, 12, 9]]) {
        const rng = seedrandom('golden');
        const mc = monteCarloForecast(scope, history, 2000, rng);
        rows.push(`scope ${scope} history [${history}]: p50 ${mc.p50} p85 ${mc.p85} p95 ${mc.p95} optimistic ${optimisticSprints(scope, history, 12)}`);
      }
    expect(rows).toMatchSnapshot();
  });

  it('judgement of refinement time and retrospective improvements, by their effects', () => {
    const effects = { likely: ['a', 'b'], ready: ['a', 'b'], idle: 0, budget: 2, stops: 0 };
    expect([effects, { ...effects, ready: ['a'] }, { ...effects, stops: 2 }, { ...effects, idle: 2 }, { ...effects, budget: 6, idle: 6 }].map(refinementTimeScore)).toEqual([1, 0.3, 0.6, 0.6, 0.3]);
    const signals = (short: number, checked: number, debt: number, dodStrength: number, sprintsLeft: number) =>
      ({ sprint: 2, checked, short, dodStrength, debt, debtChange: 0, velocity: 10, previousVelocity: 10, sprintsLeft });
    const rows = [[3, 4, 20, 2, 1], [0, 4, 0, 2, 3], [0, 4, 30, 2, 3], [3, 4, 30, 3, 3], [1, 4, 10, 1, 1]].map(([sh, c, d, s, l]) =>
      (['strengthenDoD', 'payDownDebt', 'keepAsIs'] as const).map((i) => `${i}=${improvementScore(signals(sh!, c!, d!, s!, l!), i)}`).join(' '),
    );
    expect(rows).toEqual([
      'strengthenDoD=1 payDownDebt=0.5 keepAsIs=0.2',
      'strengthenDoD=0.5 payDownDebt=0.2 keepAsIs=1',
      'strengthenDoD=0.5 payDownDebt=1 keepAsIs=0.2',
      'strengthenDoD=0.2 payDownDebt=1 keepAsIs=0.2',
      'strengthenDoD=0.7 payDownDebt=0.5 keepAsIs=1',
    ]);
  });
});

describe('formula properties', () => {
  it('a stronger Definition of Done trades velocity now for predictability', () => {
    const base = { capacity: 20, refinementShare: 10, techDebt: 20, morale: 70, sprintsSinceDoDChange: null, debtWorkShare: 0 };
    expect(expectedVelocity({ ...base, dodStrength: 3 })).toBeLessThan(expectedVelocity({ ...base, dodStrength: 1 }));
    expect(velocitySpread(0.15, 3, 20)).toBeLessThan(velocitySpread(0.15, 1, 20));
    expect(doneQuality(3, 20)).toBeGreaterThan(doneQuality(1, 20));
  });

  it('a range forecast is never narrower than its median', () => {
    const mc = monteCarloForecast(50, [8, 12, 10, 15], 5000, seedrandom('p'));
    expect(mc.p50).toBeLessThanOrEqual(mc.p85);
    expect(mc.p85).toBeLessThanOrEqual(mc.p95);
    expect(mc.histogram.reduce((a, b) => a + b, 0)).toBe(5000);
  });
});
