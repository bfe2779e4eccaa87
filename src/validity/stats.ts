/**
 * Summary statistics for the validity check: the mean of per-run scores and a 95% interval of
 * that mean (Student t, so a small number of seeds gives an honestly wide interval).
 */

/** Mean of per-run values with its 95% confidence interval. `n` is the number of runs that had a value. */
export interface Interval {
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation (n - 1). */
  readonly sd: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074,
  2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t quantile for a 95% two-sided interval; beyond 30 df, the Cornish-Fisher series around 1.96 (within 0.001 of the tables). */
export function tCritical(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T_975[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

export function meanInterval(values: readonly number[]): Interval {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, lo: null, hi: null };
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  if (n === 1) return { n, mean, sd: 0, lo: mean, hi: mean };
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const half = (tCritical(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, lo: mean - half, hi: mean + half };
}

/** `a` is above `b` with intervals that do not overlap (both must have been measured). */
export function separatedAbove(a: Interval, b: Interval): boolean {
  return a.lo !== null && b.hi !== null && a.lo > b.hi;
}
