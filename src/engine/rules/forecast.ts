import { round2 } from './formulas';

export interface MonteCarloResult {
  trials: number;
  /** Sprints needed at 50%, 85% and 95% confidence. */
  p50: number;
  p85: number;
  p95: number;
  /** histogram[k] = trials that needed k+1 Sprints. */
  histogram: number[];
}

const MAX_SPRINTS = 40;

/**
 * Forecast how many Sprints `scope` points take by resampling past velocities (a bootstrap
 * Monte Carlo). `draw` returns floats in [0,1) from the session's forecast stream.
 */
export function monteCarloForecast(scope: number, history: readonly number[], trials: number, draw: () => number): MonteCarloResult {
  const histogram = new Array<number>(MAX_SPRINTS).fill(0);
  const usable = history.filter((v) => v > 0);
  if (scope <= 0 || usable.length === 0) {
    histogram[0] = trials;
    return { trials, p50: scope <= 0 ? 0 : MAX_SPRINTS, p85: scope <= 0 ? 0 : MAX_SPRINTS, p95: scope <= 0 ? 0 : MAX_SPRINTS, histogram };
  }
  const n = usable.length;
  for (let t = 0; t < trials; t++) {
    let left = scope;
    let sprints = 0;
    while (left > 0 && sprints < MAX_SPRINTS) {
      left -= usable[Math.floor(draw() * n)]!;
      sprints++;
    }
    histogram[sprints - 1]!++;
  }
  return { trials, p50: percentile(histogram, trials, 0.5), p85: percentile(histogram, trials, 0.85), p95: percentile(histogram, trials, 0.95), histogram };
}

function percentile(histogram: readonly number[], trials: number, p: number): number {
  const target = Math.ceil(trials * p);
  let seen = 0;
  for (let k = 0; k < histogram.length; k++) {
    seen += histogram[k]!;
    if (seen >= target) return k + 1;
  }
  return histogram.length;
}

/** The optimistic single date people give when asked "when?": best Sprint so far, no spread. */
export function optimisticSprints(scope: number, history: readonly number[], nominal: number): number {
  const best = Math.max(nominal, ...history);
  return Math.max(1, Math.ceil(round2(scope / best)));
}
