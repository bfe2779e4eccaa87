import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, judgeText, MAX_LENGTH, type Context, type Format } from '../../src/rubric';
import { loadCorpus } from './corpus';

const corpus = loadCorpus();
const format = fc.constantFrom<Format>(...FORMATS);
const anyText = (max: number) => fc.oneof(fc.string({ unit: 'binary', maxLength: max }), fc.string({ unit: 'grapheme', maxLength: Math.min(max, 400) }));

/** Gherkin-looking noise: keywords, tables, doc strings, tags and comments in any order. */
const gherkinish = fc
  .array(
    fc.oneof(
      fc.constantFrom('Given ', 'When ', 'Then ', 'And ', 'But ', '* ', 'Feature:', 'Scenario:', 'Scenario Outline:', 'Examples:', 'Background:', 'Rule:', '| a | b |', '"""', '```', '@tag ', '# language: xx', '# comment', '\n', '\n\n', ', when ', ', then ', 'given', 'THEN'),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const context: fc.Arbitrary<Context> = fc.record(
  {
    existing: fc.array(anyText(200), { maxLength: 4 }),
    productGoal: anyText(400),
    original: anyText(300),
    productTerms: fc.array(anyText(40), { maxLength: 5 }),
  },
  { requiredKeys: [] },
);

function wellShaped(j: ReturnType<typeof judgeText>): void {
  expect(j.score).toBeGreaterThanOrEqual(0);
  expect(j.score).toBeLessThanOrEqual(1);
  expect(j.findings.length).toBeGreaterThan(0);
  for (const f of j.findings) {
    expect(typeof f.ok).toBe('boolean');
    expect(f.message.length).toBeGreaterThan(0);
    // For people: no camelCase ids or leaked values outside the quotes of the learner's own text.
    const own = f.message.replace(/"[\s\S]*"/, '').replace(/"[\s\S]*$/, '');
    expect(own).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b|undefined|NaN|\[object/);
  }
}

describe('the rubric on any input', () => {
  it('never throws on arbitrary Unicode up to the length limit, and gives a score in 0..1', () => {
    fc.assert(
      fc.property(format, anyText(4000), context, (f, text, ctx) => {
        wellShaped(judgeText(f, text.slice(0, MAX_LENGTH[f] + 50), ctx));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on Gherkin-looking noise', () => {
    fc.assert(
      fc.property(gherkinish, (text) => {
        wellShaped(judgeText('criteria', text));
      }),
      { numRuns: 400 },
    );
  });

  it('answers a bad format or context from a program with a finding, not an exception', () => {
    const j = judgeText('poem' as Format, 'As a regular, I want stamps, so that coffee is free.', { existing: 'nope' } as unknown as Context);
    expect(j.score).toBe(0);
    expect(j.findings[0]!.message).toContain('"poem"');
    wellShaped(judgeText('story', 42 as unknown as string, null as unknown as Context));
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(format, fc.oneof(anyText(600), gherkinish, fc.constantFrom(...corpus.map((i) => i.text))), context, (f, text, ctx) => {
        expect(judgeText(f, text, ctx)).toEqual(judgeText(f, text, ctx));
      }),
      { numRuns: 200 },
    );
  });
});

/** Spacing that keeps the meaning: more spaces or tabs where there was a space, indents, blank lines, padding. */
function respace(text: string, seed: number[]): string {
  let i = 0;
  const pick = () => seed[i++ % seed.length]!;
  const lines = text.split('\n').map((line) => {
    const spaced = line.replace(/ /g, () => [' ', '  ', '\t', ' \u00a0', '   '][pick() % 5]!);
    return `${['', '  ', '\t', '    '][pick() % 4]}${spaced}${['', ' ', '\t'][pick() % 3]}`;
  });
  return `${['', '\n', ' \n'][pick() % 3]}${lines.join(['\n', '\n\n', '\n \n'][pick() % 3])}${['', '\n', '  '][pick() % 3]}`;
}

/** Letter case changed: all upper, all lower, or letter by letter (where the change can be undone). */
function recase(text: string, mode: number, seed: number[]): string {
  if (mode === 0) return text.toUpperCase();
  if (mode === 1) return text.toLowerCase();
  let i = 0;
  return [...text]
    .map((ch) => {
      const flip = (seed[i++ % seed.length]! & 1) === 1;
      const other = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
      return flip && other.length === ch.length && other.toLowerCase() === ch.toLowerCase() ? other : ch;
    })
    .join('');
}

describe('the rubric on the corpus, respaced and recased', () => {
  const item = fc.constantFrom(...corpus);
  const seed = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 30 });

  it('gives the same verdicts after whitespace changes that keep the meaning', () => {
    fc.assert(
      fc.property(item, seed, (it, s) => {
        const a = judgeText(it.format, it.text, it.context);
        const b = judgeText(it.format, respace(it.text, s), it.context);
        expect(b.score).toBe(a.score);
        expect(b.findings.map((f) => [f.criterion, f.ok])).toEqual(a.findings.map((f) => [f.criterion, f.ok]));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same verdicts after letter-case changes', () => {
    fc.assert(
      fc.property(item, fc.nat({ max: 2 }), seed, (it, mode, s) => {
        const a = judgeText(it.format, it.text, it.context);
        const b = judgeText(it.format, recase(it.text, mode, s), it.context);
        expect(b.score).toBe(a.score);
        expect(b.findings.map((f) => [f.criterion, f.ok])).toEqual(a.findings.map((f) => [f.criterion, f.ok]));
      }),
      { numRuns: 400 },
    );
  });

  it('scores every corpus text the same in upper and lower case, with every line re-indented', () => {
    for (const it of corpus) {
      const a = judgeText(it.format, it.text, it.context).score;
      expect(judgeText(it.format, it.text.toUpperCase(), it.context).score, it.text).toBe(a);
      expect(judgeText(it.format, it.text.toLowerCase(), it.context).score, it.text).toBe(a);
      expect(judgeText(it.format, respace(it.text, [1, 2, 3]), it.context).score, it.text).toBe(a);
    }
  });
});
