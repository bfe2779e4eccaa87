import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { playToEnd, POLICIES } from '../../../src/bots';
import { createSession, type Evidence, type GameState } from '../../../src/engine';
import type { Forecast } from '../../../src/engine/model/state';
import type { RuleContext } from '../../../src/engine/rules/context';
import { answerForecast, judgeForecasts } from '../../../src/engine/rules/review';
import { initialStreams, Rng } from '../../../src/engine/rng';
import { starterScenario } from '../../helpers/scenarios';

/*
 * Issue 14, item 7: a range needs enough history, or says it is a guess and widens; forecasts
 * are judged on honesty against the history the player had, and on calibration over the run.
 */

const { scenario, hash } = starterScenario();
type Style = Forecast['style'];

/** A Sprint Review after Sprints with these velocities; the Developers planned `planned` for Sprint 1. */
function review(velocities: number[], planned: number, estimates = [5, 5, 8, 3]): GameState {
  const ids = estimates.map((_, i) => `item-${i}`);
  return {
    sprint: velocities.length,
    sprints: velocities.map((velocity, i) => ({ number: i + 1, velocity, forecast: i === 0 ? planned : velocities[i - 1]!, goalMet: true, forecastAnswered: false })),
    items: Object.fromEntries(ids.map((id, i) => [id, { id, title: `Item ${i}`, estimate: estimates[i]! }])),
    backlogOrder: ids,
    team: { capacity: 20 },
    trust: { owner: 50, marketing: 50, barista: 50 },
    forecasts: [],
    evidence: [],
    log: [],
    logTotal: 0,
  } as unknown as GameState;
}

function answer(base: GameState, style: Style, seed = 'f'): GameState {
  const ctx = { scenario, base, rng: new Rng(initialStreams(seed)), emit: () => {} } as unknown as RuleContext;
  return produce(base, (draft) => answerForecast.apply(draft, { type: 'answerForecast', style }, ctx));
}

const on = (s: GameState, goalId: string): Evidence => s.evidence.find((e) => e.goalId === goalId)!;

describe('a range needs enough history, or says it is a guess and widens', () => {
  it('a range from one or two Sprints never narrows to a single number when the work needs more than one Sprint', () => {
    for (let v = 2; v <= 20; v += 3)
      for (const history of [[v], [v, v]])
        for (const estimates of [[v + 1], [v, v, 1], [2 * v, v]]) {
          const f = answer(review(history, v, estimates), 'range').forecasts[0]!;
          expect(f.high, `history [${history}], scope ${estimates.join('+')}: ${f.low} to ${f.high}`).toBeGreaterThan(f.low);
        }
  });

  it('with one Sprint behind the team, the honest answer says it is a rough guess; a bare range scores less than with three Sprints', () => {
    const thin = review([6], 14);
    const settled = review([6, 16, 19], 14);
    const withAssumptions = answer(thin, 'rangeWithAssumptions');
    expect(on(withAssumptions, 'D6.1.3').score).toBe(1);
    expect(withAssumptions.log.at(-1)).toContain('It rests on only 1 Sprint of velocity (6 points)');
    expect(withAssumptions.log.at(-1)).toContain('rough guess');
    expect(answer(settled, 'rangeWithAssumptions').log.at(-1)).not.toContain('guess');

    const bareThin = answer(thin, 'range');
    const bareSettled = answer(settled, 'range');
    expect(on(bareThin, 'D6.1.3').score).toBeLessThan(on(bareSettled, 'D6.1.3').score);
    expect(on(bareThin, 'D5.2.1').score).toBeLessThan(on(bareSettled, 'D5.2.1').score);
    // Every rationale names the velocity the player had seen.
    for (const e of bareThin.evidence) expect(e.rationale).toContain('1 Sprint of velocity (6 points)');
    expect(on(bareSettled, 'D6.1.2').rationale).toContain('3 Sprints of velocity (6, 16 and 19 points)');
    expect(on(answer(settled, 'date'), 'D6.1.2').score).toBeLessThan(on(bareSettled, 'D6.1.2').score);
  });
});

/** A state whose forecasts all come due now, with `velocities` Done in the Sprints after them. */
function due(forecasts: Pick<Forecast, 'sprint' | 'style' | 'low' | 'high' | 'scope'>[], velocities: number[]): GameState {
  const base = review(velocities, 10);
  return { ...base, forecasts: forecasts.map((f) => ({ ...f, itemIds: [], judged: false, hit: null, distribution: null })) } as GameState;
}

function settle(state: GameState): GameState {
  return produce(state, (draft) => judgeForecasts(draft, state.sprint, scenario));
}

const calibration = (s: GameState) => s.evidence.filter((e) => e.decisionId === 'forecast-calibration');

describe('forecasts are judged on calibration over the run, not one hit', () => {
  it('one range that missed is within chance of its 80%; four of five held is calibrated', () => {
    // 10 points a Sprint: 30 points are Done in Sprint 4, three Sprints after the forecast.
    const oneMiss = settle(due([{ sprint: 1, style: 'range', low: 1, high: 2, scope: 30 }], [5, 10, 10, 10]));
    expect(calibration(oneMiss)).toHaveLength(1);
    expect(calibration(oneMiss)[0]!.score).toBeGreaterThanOrEqual(0.5);
    expect(calibration(oneMiss)[0]!.rationale).toContain('Of your 1 range forecast that came due, 0 held');

    const five = [1, 1, 1, 1, 1].map((_, i) => ({ sprint: 1, style: 'range' as const, low: 1, high: 2, scope: i < 4 ? 15 : 40 }));
    expect(calibration(settle(due(five, [5, 10, 10, 10]))).map((e) => e.score)).toEqual([1]);
  });

  it('single dates claim certainty: one of three kept is poorly calibrated, whatever the luck of one', () => {
    const dates = [10, 30, 30].map((scope) => ({ sprint: 1, style: 'date' as const, low: 1, high: 1, scope }));
    const e = calibration(settle(due(dates, [5, 10, 10])));
    expect(e).toHaveLength(1);
    expect(e[0]!.score).toBeLessThan(0.5);
    expect(e[0]!.rationale).toContain('Of your 3 single dates that came due, 1 held');
  });

  it('a date beaten is a promise kept, and the judgement over the run is replaced, not repeated', () => {
    const early = settle(due([{ sprint: 1, style: 'date', low: 3, high: 3, scope: 10 }, { sprint: 1, style: 'range', low: 1, high: 3, scope: 100 }], [5, 10]));
    expect(early.forecasts[0]!.hit).toBe(true);
    expect(calibration(early)).toHaveLength(1);
    const later = settle({ ...early, sprint: 4, sprints: [...early.sprints, { number: 3, velocity: 10 }, { number: 4, velocity: 10 }] } as GameState);
    expect(later.forecasts[1]!.judged).toBe(true);
    expect(calibration(later)).toHaveLength(1);
  });
});

describe('ranges given after one Sprint hold about as often as they claim', () => {
  it('over 30 runs of the starter scenario, at least 70% of the Sprint 1 ranges that came due contained the outcome', () => {
    let dueCount = 0;
    let held = 0;
    for (let seed = 0; seed < 30; seed++) {
      const s = createSession(scenario, seed, hash);
      playToEnd(s, POLICIES.principled!(String(seed)));
      for (const f of s.observe().observation.forecasts)
        if (f.sprint === 1 && f.style !== 'date' && f.judged) {
          dueCount++;
          if (f.hit) held++;
        }
    }
    expect(dueCount).toBeGreaterThan(10);
    expect(held / dueCount).toBeGreaterThanOrEqual(0.7);
  });
});
