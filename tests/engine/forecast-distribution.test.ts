import { describe, expect, it } from 'vitest';
import { createSession, type Observation } from '../../src/engine';
import { GOOD_HABITS, scriptedPo, type PoHabits } from '../helpers/scripted-po';
import { starterScenario } from '../helpers/scenarios';

const { scenario, hash } = starterScenario();

function forecastsOf(style: PoHabits['forecast'], seed: number): Observation['forecasts'] {
  const s = createSession(scenario, seed, hash);
  const po = scriptedPo({ ...GOOD_HABITS, forecast: style });
  while (!s.done) {
    const r = s.dispatch(po.choose(s.observe()));
    if (!r.ok) throw new Error(r.error.message);
  }
  return s.observe().observation.forecasts;
}

describe('the Monte Carlo behind a range forecast is shown to the player', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: the histogram counts every trial and its 50/85/95% marks are ordered and inside the range', (seed) => {
    const forecasts = forecastsOf('range', seed);
    expect(forecasts.length).toBeGreaterThan(0);
    for (const f of forecasts) {
      const d = f.distribution!;
      expect(d).not.toBeNull();
      expect(d.sprintsNeeded.reduce((a, b) => a + b, 0)).toBe(d.trials);
      expect(d.sprintsNeeded[d.sprintsNeeded.length - 1]).toBeGreaterThan(0);
      expect(d.p50).toBeLessThanOrEqual(d.p85);
      expect(d.p85).toBeLessThanOrEqual(d.p95);
      // The 80% range the stakeholder hears runs from the 10th to the 90th percentile.
      expect(f.low).toBeLessThanOrEqual(d.p50);
      expect(d.p85).toBeLessThanOrEqual(f.high);
      // A range from fewer than three Sprints is widened to at least two Sprints' span.
      expect(f.high).toBeLessThanOrEqual(f.sprint < 3 ? Math.max(d.p95, f.low + 1) : d.p95);
      // p50 is where half the trials have finished.
      const byP50 = d.sprintsNeeded.slice(0, d.p50).reduce((a, b) => a + b, 0);
      expect(byP50 / d.trials).toBeGreaterThanOrEqual(0.5);
      expect(d.sprintsNeeded.slice(0, d.p50 - 1).reduce((a, b) => a + b, 0) / d.trials).toBeLessThan(0.5);
    }
  });

  it('a single date has no distribution behind it', () => {
    const forecasts = forecastsOf('date', 1);
    expect(forecasts.length).toBeGreaterThan(0);
    for (const f of forecasts) expect(f.distribution).toBeNull();
  });
});
