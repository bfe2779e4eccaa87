import type { Report } from '../engine';

/** The numeric outcomes `batch` summarises, in the order it prints them. */
export const OUTCOME_KEYS = ['valuePercent', 'valueRealised', 'sprintGoalsMet', 'forecastAccuracy', 'stakeholderTrust', 'teamHealth', 'techDebt'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

export interface Summary {
  /** Runs with a value: forecastAccuracy is null in a run where no forecast was judged. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (n - 1); 0 for a single value. */
  sd: number | null;
  min: number | null;
  max: number | null;
}

/** Collects outcome values run by run and summarises them. */
export class OutcomeStats {
  private readonly values = new Map<OutcomeKey, number[]>(OUTCOME_KEYS.map((k) => [k, []]));

  add(outcomes: Report['outcomes']): void {
    for (const key of OUTCOME_KEYS) {
      const v = outcomes[key];
      if (typeof v === 'number' && Number.isFinite(v)) this.values.get(key)!.push(v);
    }
  }

  summary(): Record<OutcomeKey, Summary> {
    return Object.fromEntries(OUTCOME_KEYS.map((k) => [k, summarise(this.values.get(k)!)])) as Record<OutcomeKey, Summary>;
  }
}

export function summarise(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null };
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  // Welford: one pass, no loss of precision on long batches.
  values.forEach((v, i) => {
    const delta = v - mean;
    mean += delta / (i + 1);
    m2 += delta * (v - mean);
    if (v < min) min = v;
    if (v > max) max = v;
  });
  return { n, mean, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, min, max };
}
