import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_PROBLEMS } from '../../src/scenario/limits';
import { formatProblem, loadFileText } from '../../src/scenario/load';
import { fixtureText, wellFormed } from './helpers';

/*
 * Files built to hurt a parser: each must come back as a clear problem (never a hang, a crash or
 * an out-of-memory abort; several of these did one of those before the limits existed). Sizes are
 * close to the 1 MiB limit, where each case is at its worst.
 */
const MiB = MAX_FILE_BYTES;
const fill = (unit: string, budget = MiB - 64) => unit.repeat(Math.floor(budget / unit.length));
const lines = (make: (i: number) => string) => {
  let s = '';
  for (let i = 0; s.length < MiB - 64; i++) s += make(i);
  return s;
};

const CASES: [string, string, () => string, string][] = [
  ['a megabyte of [', 'x.yaml', () => fill('['), 'nested too deeply'],
  ['a megabyte of { in JSON', 'x.json', () => `${fill('{"a":', MiB - 64 - MiB / 6)}1${'}'.repeat(Math.floor((MiB - 64 - MiB / 6) / 5))}`, 'nested too deeply'],
  ['nested block sequences on one line', 'x.yaml', () => `${fill('- ')}1`, 'nested too deeply'],
  ['an indentation staircase', 'x.yaml', () => Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n').slice(0, MiB - 64), 'nested too deeply'],
  ['a flat list of half a million numbers', 'x.json', () => `[${fill('1,')}1]`, 'too many values'],
  ['a hundred thousand keys', 'x.yaml', () => lines((i) => `k${i}: 1\n`), 'too many values'],
  ['a list of empty objects', 'x.yaml', () => `kind: scenario\nbacklog: [${fill('{},')}{}]`, 'too many values'],
  ['closing brackets only', 'x.yaml', () => fill(']}'), 'no open bracket'],
  ['quotes only', 'x.yaml', () => fill('"'), 'too many values'],
  ['compact mappings', 'x.yaml', () => fill('a: '), 'nested too deeply'],
  ['an anchor per line and an alias per line', 'x.yaml', () => lines((i) => `- &a${i} x\n- *a${i}\n`), 'too many aliases'],
  ['a billion laughs', 'x.yaml', () => fixtureText('broken/limit-alias-bomb.yaml'), 'aliases expand too much'],
  ['a self-referencing anchor', 'x.yaml', () => 'a: &a [*a]\n', 'nested too deeply'],
  ['one huge key', 'x.yaml', () => `${fill('k')}: 1\n`, 'YAML syntax error'],
  ['one huge quoted key in JSON', 'x.json', () => `{"kind": "scenario", "${fill('k')}": 1}`, 'found the unknown key "kkkk'],
  ['a thousand unknown keys', 'x.json', () => `{"kind": "scenario", ${Array.from({ length: 1000 }, (_, i) => `"k${i}":1`).join(',')}}`, 'more problems not shown'],
];

describe('hostile files', () => {
  it.each(CASES)('%s: a clear problem', (_name, fileName, make, message) => {
    const result = loadFileText(make(), fileName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    for (const p of result.problems) expect(wellFormed(p), formatProblem(p)).toBe(true);
    expect(result.problems.map((p) => p.message).join('\n')).toContain(message);
  });
});

describe('limits sit where they say', () => {
  // The top-level mapping is level 1, so `extra` holds n - 1 levels of lists.
  const nested = (n: number) => `${fixtureText('valid/minimal.yaml')}\nextra: ${'['.repeat(n - 1)}1${']'.repeat(n - 1)}\n`;

  it(`nesting ${MAX_DEPTH} levels is not "too deep"; ${MAX_DEPTH + 1} is`, () => {
    const atLimit = loadFileText(nested(MAX_DEPTH), 'x.yaml');
    expect(!atLimit.ok && atLimit.problems.map((p) => p.message).join()).not.toContain('too deep');
    const over = loadFileText(nested(MAX_DEPTH + 1), 'x.yaml');
    expect(!over.ok && over.problems[0]?.message).toContain('nested too deeply');
  });

  it(`${MAX_ALIASES} aliases are allowed; ${MAX_ALIASES + 1} are not`, () => {
    const aliases = (n: number) => `${fixtureText('valid/minimal.yaml')}\nbase: &b 1\nextra: [${Array(n).fill('*b').join(', ')}]\n`;
    const atLimit = loadFileText(aliases(MAX_ALIASES), 'x.yaml');
    expect(!atLimit.ok && atLimit.problems.map((p) => p.message).join()).not.toContain('aliases');
    const over = loadFileText(aliases(MAX_ALIASES + 1), 'x.yaml');
    expect(!over.ok && over.problems[0]?.message).toContain('too many aliases');
  });

  it('a minified JSON scenario is not mistaken for deep nesting', () => {
    const minified = JSON.stringify(JSON.parse(fixtureText('valid/minimal.json')));
    const result = loadFileText(minified, 'x.json');
    expect(result.ok).toBe(true);
  });
});
