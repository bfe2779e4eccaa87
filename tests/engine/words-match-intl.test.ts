import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/model/words';
import * as words from '../../src/words';

/*
 * One formatter writes counts for the engine and the shells, by hand (engine text is hashed into
 * state, so it must not depend on the machine's ICU build). It must write what Intl writes for
 * the fixed locale 'en', the reference below.
 */
const PLURAL = new Intl.PluralRules('en');
const intl = {
  number: (n: number, digits = 1) => new Intl.NumberFormat('en', { maximumFractionDigits: digits, useGrouping: true }).format(n),
  pluralCategory: (n: number) => (PLURAL.select(n) === 'one' ? 'one' : 'other'),
  count(n: number, singular: string) {
    const shown = intl.number(n);
    return `${shown} ${intl.pluralCategory(Number(shown.replace(/,/g, ''))) === 'one' ? singular : `${singular}s`}`;
  },
  percent: (share: number) => `${intl.number(share * 100, 0)}%`,
};

const SAMPLES: number[] = [0, -0, 1, -1, 2, 0.5, 1.005, 2.675, 0.125, 9.95, 99.5, 999.95, 1234.56, -0.05, 1e-7, 123456.789, 1e14];
for (let i = 0; i < 3000; i++) SAMPLES.push(((i * 7919) % 100000) / 1000 - 20, i / 3, i * 0.01, i * 1.5);

describe('counts and figures in words', () => {
  it('counts with the right plural', () => {
    expect(words.count(1, 'point')).toBe('1 point');
    expect(words.count(2, 'point')).toBe('2 points');
    expect(words.count(0, 'item')).toBe('0 items');
    expect(words.count(1.5, 'point')).toBe('1.5 points');
    expect(words.count(2, 'half-day')).toBe('2 half-days');
    expect(words.count(3, 'story')).toBe('3 stories');
    expect(words.count(1, 'Done item')).toBe('1 Done item');
    expect(words.count(1250, 'learner')).toBe('1,250 learners');
    // The noun agrees with the number shown, not the number given.
    expect(words.count(1.04, 'point')).toBe('1 point');
  });

  it('writes percentages as whole numbers', () => {
    expect(words.percent(0.2344)).toBe('23%');
    expect(words.percent(1)).toBe('100%');
    expect(words.percentOf100(20.88)).toBe('21%');
    expect(words.number(23.44, 0)).toBe('23');
    expect(words.number(2.25)).toBe('2.3');
  });

  it('joins lists', () => {
    expect(words.listOf(['A'])).toBe('A');
    expect(words.listOf(['A', 'B'])).toBe('A and B');
    expect(words.listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('the formatter and Intl agree on every sample', () => {
    const differ: string[] = [];
    for (const n of SAMPLES)
      for (const digits of [0, 1, 2]) {
        if (engine.number(n, digits) !== intl.number(n, digits)) differ.push(`number(${n}, ${digits}): ${engine.number(n, digits)} vs ${intl.number(n, digits)}`);
      }
    for (const n of SAMPLES) {
      if (engine.count(n, 'point') !== intl.count(n, 'point')) differ.push(`count(${n}): ${engine.count(n, 'point')} vs ${intl.count(n, 'point')}`);
      if (engine.percent(n / 100) !== intl.percent(n / 100)) differ.push(`percent(${n / 100})`);
      if (engine.pluralCategory(n) !== intl.pluralCategory(n)) differ.push(`plural(${n})`);
    }
    expect(differ).toEqual([]);
  });
});
