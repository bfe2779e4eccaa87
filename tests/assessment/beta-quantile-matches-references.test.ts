import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile } from '../../src/assessment';

// Reference values from scipy.stats.beta (SciPy 1.17.1), printed with repr().
const SCIPY_QUANTILES: readonly [p: number, a: number, b: number, x: number][] = [
  [0.05, 2.6, 1.4, 0.25916388078498726],
  [0.95, 15, 7, 0.8318241766085034],
  [0.05, 0.5, 0.5, 0.0061558297024311365],
  [0.5, 250, 40, 0.8629016913553178],
  [0.95, 1.75, 3.25, 0.7034380607845118],
  [0.01, 3.7, 2.2, 0.18726300014666533],
];
const SCIPY_CDF: readonly [x: number, a: number, b: number, p: number][] = [
  [0.3, 2.6, 1.4, 0.0720563810992258],
  [0.7, 15, 7, 0.5505181173748911],
  [0.5, 250, 240, 0.3255789871245046],
];

describe('the Beta quantile is exact', () => {
  it('matches SciPy quantiles to 1e-12', () => {
    for (const [p, a, b, x] of SCIPY_QUANTILES) expect(Math.abs(betaQuantile(p, a, b) - x), `${p} ${a} ${b}`).toBeLessThan(1e-12);
  });

  it('matches SciPy CDF values to 1e-12', () => {
    for (const [x, a, b, p] of SCIPY_CDF) expect(Math.abs(betaCdf(x, a, b) - p), `${x} ${a} ${b}`).toBeLessThan(1e-12);
  });

  it('matches the closed forms of Beta(a,1) and Beta(1,b)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.2, max: 50, noNaN: true }), (p, k) => {
        // Beta(k,1) has CDF x^k; Beta(1,k) has CDF 1-(1-x)^k.
        expect(betaQuantile(p, k, 1)).toBeCloseTo(p ** (1 / k), 10);
        expect(betaQuantile(p, 1, k)).toBeCloseTo(1 - (1 - p) ** (1 / k), 10);
      }),
    );
  });

  it('inverts the CDF and mirrors under a<->b', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (p, a, b) => {
          const x = betaQuantile(p, a, b);
          expect(betaCdf(x, a, b)).toBeCloseTo(p, 9);
          expect(betaQuantile(1 - p, b, a)).toBeCloseTo(1 - x, 9);
        },
      ),
    );
  });

  it('gives the uniform prior its exact 5% and 95% points', () => {
    expect(betaQuantile(0.05, 1, 1)).toBeCloseTo(0.05, 14);
    expect(betaQuantile(0.95, 1, 1)).toBeCloseTo(0.95, 14);
  });

  it('rejects impossible parameters instead of returning NaN', () => {
    expect(() => betaQuantile(0.5, 0, 1)).toThrow(RangeError);
    expect(() => betaQuantile(1.5, 1, 1)).toThrow(RangeError);
  });
});
