import { describe, expect, it } from 'vitest';
import { closest, describeFound } from '../../src/scenario/describe';
import { capProblems, formatPath, formatProblem, type Problem } from '../../src/scenario/problem';
import { loadScenarioText } from '../../src/scenario/load';
import { fixtureText } from './helpers';

describe('problem text', () => {
  it('has the promised shape: file:line:column path: expected ..., found ...', () => {
    const text = fixtureText('valid/minimal.yaml').replace('effort: 3', 'effort: -2');
    const result = loadScenarioText(text, 'scenarios/x.yaml');
    expect(!result.ok && result.problems.map(formatProblem)).toEqual(['scenarios/x.yaml:38:15 backlog[0].truth.effort: expected a number greater than 0 and at most 1000, found -2']);
  });

  it('writes paths as an author reads them', () => {
    expect(formatPath(['backlog', 3, 'truth', 'effort'])).toBe('backlog[3].truth.effort');
    expect(formatPath(['team', 'odd key'])).toBe('team["odd key"]');
    expect(formatPath([])).toBe('');
    expect(formatPath(['$schema'])).toBe('$schema');
  });

  it('says what was found in the words of the format', () => {
    expect(describeFound(false, undefined, 'yaml')).toBe('nothing (the field is missing)');
    expect(describeFound(true, null, 'yaml')).toBe('an empty value');
    expect(describeFound(true, null, 'json')).toBe('null');
    expect(describeFound(true, [1], 'yaml')).toBe('a list of 1 entry');
    expect(describeFound(true, [], 'json')).toBe('an array of 0 entries');
    expect(describeFound(true, { a: 1 }, 'json')).toBe('an object');
    expect(describeFound(true, 'x'.repeat(100), 'yaml')).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeFound(true, -Infinity, 'yaml')).toBe('-infinity');
    expect(describeFound(true, Number.NaN, 'yaml')).toBe('not-a-number');
  });

  it('suggests the key that was probably meant, and only then', () => {
    expect(closest('truht', ['value', 'truth'])).toBe('truth');
    expect(closest('moral', ['morale', 'techDebt'])).toBe('morale');
    expect(closest('Effort', ['effort'])).toBe('effort');
    expect(closest('author', ['id', 'title', 'summary'])).toBeUndefined();
  });

  it('keeps the first problems by position and counts the rest', () => {
    const p = (line: number): Problem => ({ file: 'f', line, column: 1, path: '', message: `m${line}` });
    const capped = capProblems([p(5), p(1), p(3)], 2, 10);
    expect(capped.map((x) => x.message)).toEqual(['m1', 'm3', '8 more problems not shown; fix the ones above first']);
  });
});
