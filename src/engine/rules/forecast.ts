import { round2 } from './formulas';

export interface MonteCarloResult {
  trials: number;
  /** Sprints needed at 10%, 50%, 85%, 90% and 95% confidence. */
  p10: number;
  p50: number;
  p90: number;
  p85: number;
  p95: number;
  /** histogram[k] = trials that needed k+1 Sprints. */
  histogram: number[];
}

const MAX_SPRINTS = 40;

/**
 * Forecast how many Sprints `scope` points take by resampling past velocities (a smoothed
 * bootstrap Monte Carlo: each resampled Sprint varies ±20%, so a short history still yields
 * an honest spread). `draw` returns floats in [0,1) from the session's forecast stream.
 */
export function monteCarloForecast(scope: number, history: readonly number[], trials: number, draw: () => number): MonteCarloResult {
  const histogram = new Array<number>(MAX_SPRINTS).fill(0);
  const usable = history.filter((v) => v > 0);
  if (scope <= 0 || usable.length === 0) {
    histogram[0] = trials;
    const v = scope <= 0 ? 0 : MAX_SPRINTS;
    return { trials, p10: v, p50: v, p85: v, p90: v, p95: v, histogram };
  }
  const n = usable.length;
  // Few Sprints of history say little about the next ones: the fewer, the wider each draw.
  const spread = Math.max(0.2, 0.6 / Math.sqrt(n));
  for (let t = 0; t < trials; t++) {
    let left = scope;
    let sprints = 0;
    while (left > 0 && sprints < MAX_SPRINTS) {
      left -= usable[Math.floor(draw() * n)]! * (1 - spread + 2 * spread * draw());
      sprints++;
    }
    histogram[sprints - 1]!++;
  }
  const at = (p: number) => percentile(histogram, trials, p);
  return { trials, p10: at(0.1), p50: at(0.5), p85: at(0.85), p90: at(0.9), p95: at(0.95), histogram };
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
