import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/model/words';
import * as words from '../../src/words';

/*
 * The engine writes counts without Intl (its text is hashed into state); the shells use Intl with
 * the fixed locale 'en'. Both must write the same words, or the log and the screens would disagree.
 */

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

  it('the engine and Intl agree on every sample', () => {
    const differ: string[] = [];
    for (const n of SAMPLES)
      for (const digits of [0, 1, 2]) {
        if (engine.number(n, digits) !== words.number(n, digits)) differ.push(`number(${n}, ${digits}): ${engine.number(n, digits)} vs ${words.number(n, digits)}`);
      }
    for (const n of SAMPLES) {
      if (engine.count(n, 'point') !== words.count(n, 'point')) differ.push(`count(${n}): ${engine.count(n, 'point')} vs ${words.count(n, 'point')}`);
      if (engine.percent(n / 100) !== words.percent(n / 100)) differ.push(`percent(${n / 100})`);
      if (engine.pluralCategory(n) !== words.pluralCategory(n)) differ.push(`plural(${n})`);
    }
    expect(differ).toEqual([]);
  });
});
