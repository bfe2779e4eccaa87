import { describe, expect, it } from 'vitest';
import { createSession, type Report, type Scenario } from '../../src/engine';
import { playToEnd } from '../../src/bots';
import { trueQuadrant } from '../../src/engine/rules/product';
import { starterScenario } from '../helpers/scenarios';
import { GOOD_HABITS, scriptedPo, type PoHabits } from '../helpers/scripted-po';

/*
 * Consequences are real: over 200 seeds, a better practice produces a better outcome, by a
 * margin well beyond the noise (the difference of means exceeds three standard errors).
 */
const SEEDS = 200;
const starter = starterScenario();

/** Runs already played, by scenario and habits: several comparisons share their baseline. */
const played = new Map<string, Report[]>();

function play(habits: Partial<PoHabits>, scenario: Scenario = starter.scenario): Report[] {
  const all = { ...GOOD_HABITS, ...habits };
  // Spread over GOOD_HABITS, every key keeps its place: one habit set, one key.
  const key = `${scenario.id} ${JSON.stringify(all)}`;
  const known = played.get(key);
  if (known) return known;
  const out: Report[] = [];
  for (let seed = 0; seed < SEEDS; seed++) {
    const s = createSession(scenario, seed, 'h');
    playToEnd(s, scriptedPo(all));
    out.push(s.report());
  }
  played.set(key, out);
  return out;
}

function stats(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length), sd: Math.sqrt(variance) };
}

/**
 * a is better than b beyond noise. Runs are paired by seed (the same world, the same draws
 * where the choices allow), so the test is on the per-seed differences.
 */
function clearlyAbove(a: number[], b: number[]): void {
  const d = stats(a.map((x, i) => x - b[i]!));
  const margin = 3 * d.se;
  expect(d.mean, `means ${stats(a).mean.toFixed(2)} vs ${stats(b).mean.toFixed(2)}, paired margin ${margin.toFixed(2)}`).toBeGreaterThan(margin);
}

/** Six Sprints and twice the backlog: long enough for capacity and late Sprints to show. */
function longScenario(): Scenario {
  const copies = starter.scenario.backlog.map((i) => ({ ...i, id: `${i.id}-2`, truth: { ...i.truth, dependsOn: i.truth.dependsOn?.map((d) => `${d}-2`) }, splits: undefined, criteria: undefined }));
  return { ...starter.scenario, id: 'corner-cafe-long', sprints: 6, backlog: [...starter.scenario.backlog, ...copies] };
}

const value = (rs: Report[]) => rs.map((r) => r.outcomes.valueRealised);
const trust = (rs: Report[]) => rs.map((r) => r.outcomes.stakeholderTrust);

describe('part 1: value, backlog, team, forecasts', () => {
  it('ordering by value per effort and cost of delay realises more value than ordering by the loudest request', () => {
    clearlyAbove(value(play({ ordering: 'valuePerEffort' })), value(play({ ordering: 'loudest' })));
  });

  it('refinement near 5-10% of capacity beats none and 30% on delivered value', () => {
    const long = longScenario();
    const sound = value(play({ refinementShare: 10 }, long));
    clearlyAbove(sound, value(play({ refinementShare: 0 }, long)));
    clearlyAbove(sound, value(play({ refinementShare: 30 }, long)));
    clearlyAbove(value(play({ refinementShare: 5 }, long)), value(play({ refinementShare: 0 }, long)));
  });

  it('range forecasts from velocity history are more accurate than single optimistic dates', () => {
    const accuracy = (rs: Report[]) => {
      const judged = rs.reduce((a, r) => a + r.outcomes.forecastsJudged, 0);
      const hits = rs.reduce((a, r) => a + r.outcomes.forecastsHit, 0);
      return { judged, rate: hits / Math.max(1, judged) };
    };
    // Six Sprints: a forecast after one Sprint of Done work says little; later ones have history behind them.
    const long = longScenario();
    const range = accuracy(play({ forecast: 'range' }, long));
    const date = accuracy(play({ forecast: 'date' }, long));
    expect(range.judged).toBeGreaterThan(100);
    expect(date.judged).toBeGreaterThan(100);
    expect(range.rate - date.rate).toBeGreaterThan(0.2);
  });

  it('a stronger Definition of Done lowers velocity at first and makes late Sprints more predictable', () => {
    const long = longScenario();
    const strong = play({ improvement: 'strengthenDoD' }, long);
    const basic = play({ improvement: 'keepAsIs' }, long);
    const sprint = (rs: Report[], i: number) => rs.map((r) => r.outcomes.velocityHistory[i] ?? 0);
    // The Sprint after strengthening it is slower...
    clearlyAbove(sprint(basic, 1), sprint(strong, 1));
    // ...and later Sprints vary less from seed to seed (relative spread of Sprints 4 to 6).
    const late = (rs: Report[]) => [3, 4, 5].map((i) => stats(sprint(rs, i)).sd / stats(sprint(rs, i)).mean).reduce((a, b) => a + b, 0) / 3;
    expect(late(strong)).toBeLessThan(late(basic) * 0.9);
  });
});

describe('part 2: customers, stakeholders, product goal', () => {
  const withAssumption = (holds: boolean): Scenario => ({
    ...starter.scenario,
    id: `cafe-assumption-${holds}`,
    backlog: starter.scenario.backlog.map((i) =>
      i.id === 'loyalty-stamps' ? { ...i, statedValue: 80, truth: { ...i.truth, value: 45 }, assumption: { text: 'Regulars will come back more often for stamps', holds } } : i,
    ),
  });

  it('testing a risky assumption with a cheap experiment pays when it is false and costs little when it is true', () => {
    const falseCase = withAssumption(false);
    clearlyAbove(value(play({ testAssumptions: true }, falseCase)), value(play({ testAssumptions: false }, falseCase)));
    const trueCase = withAssumption(true);
    const tested = stats(value(play({ testAssumptions: true }, trueCase))).mean;
    const built = stats(value(play({ testAssumptions: false }, trueCase))).mean;
    expect(tested).toBeGreaterThan(built * 0.85);
  });

  it('a stakeholder map that matches the truth leads to higher trust than a wrong one', () => {
    const right: Record<string, string> = {};
    const wrong: Record<string, string> = {};
    const flip: Record<string, string> = { manageClosely: 'monitor', monitor: 'manageClosely', keepSatisfied: 'keepInformed', keepInformed: 'keepSatisfied' };
    for (const s of starter.scenario.stakeholders) {
      right[s.id] = trueQuadrant(s.influence, s.interest);
      wrong[s.id] = flip[right[s.id]!]!;
    }
    clearlyAbove(trust(play({ stakeholderMap: right })), trust(play({ stakeholderMap: wrong })));
  });

  it('transparent forecasts and risks keep trust higher than optimistic promises', () => {
    clearlyAbove(trust(play({ progress: 'transparent', forecast: 'range' })), trust(play({ progress: 'optimistic', forecast: 'date' })));
  });

  it('pivoting on strong contrary evidence beats persisting, and persisting beats pivoting on noise', () => {
    const withPivot = (right: 'pivot' | 'persist'): Scenario => ({
      ...starter.scenario,
      id: `cafe-pivot-${right}`,
      pivot: { sprint: 1, signal: 'Regulars ask for delivery, not pickup', evidence: right === 'pivot' ? 'Analytics from 2,000 users and 40 interviews agree' : 'Two customers mentioned it at the counter', right },
    });
    clearlyAbove(value(play({ pivot: 'pivot' }, withPivot('pivot'))), value(play({ pivot: 'persist' }, withPivot('pivot'))));
    clearlyAbove(value(play({ pivot: 'persist' }, withPivot('persist'))), value(play({ pivot: 'pivot' }, withPivot('persist'))));
  });
});
