import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatProblem, loadFileText, type LoadFileResult } from '../../src/scenario/load';
import { fixtureText, wellFormed } from './helpers';

/*
 * Whatever comes in, the loader answers with a result, never an exception, and a failed result
 * carries only well-formed problems (a positive position, a one-line message, and no "internal
 * error", which is how a caught loader bug would show).
 */

function answersCleanly(load: () => LoadFileResult): boolean {
  let result: LoadFileResult;
  try {
    result = load();
  } catch (e) {
    throw new Error(`the loader threw: ${String(e)}`);
  }
  if (result.ok) return true;
  const bad = result.problems.filter((p) => !wellFormed(p));
  if (result.problems.length === 0 || bad.length > 0) throw new Error(`bad problems: ${bad.map(formatProblem).join(' | ') || '(none at all)'}`);
  return true;
}

const valid = parse(fixtureText('valid/full.yaml')) as unknown;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Segment = string | number;

/** Every path into a JSON value, the root included. */
function paths(value: unknown, at: Segment[] = []): Segment[][] {
  const out: Segment[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'addKey'; key: string; value: Json };

/** Applies one mutation at one path of a deep copy (a no-op where an earlier step removed the path). */
function mutate(root: unknown, path: Segment[], m: Mutation): unknown {
  const copy = structuredClone(root) as Json;
  if (path.length === 0) return m.kind === 'replace' ? m.value : copy;
  let parent: unknown = copy;
  for (const seg of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return copy;
    parent = (parent as Record<Segment, unknown>)[seg];
  }
  if (parent === null || typeof parent !== 'object') return copy;
  const last = path[path.length - 1] as Segment;
  const container = parent as Record<Segment, unknown>;
  if (m.kind === 'replace') container[last] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else {
    const target = container[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('addKey' as const), key: fc.string({ maxLength: 12 }), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
);

const allPaths = paths(valid);

describe('the loader never throws', () => {
  it('on arbitrary JSON values, as .json and as .yaml', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const json = JSON.stringify(value);
        return answersCleanly(() => loadFileText(json, 'x.json')) && answersCleanly(() => loadFileText(stringify(value), 'x.yaml'));
      }),
      { numRuns: 300 },
    );
  });

  it('on random mutations of a valid scenario', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...allPaths), mutation), { minLength: 1, maxLength: 4 }), fc.boolean(), (steps, asJson) => {
        let value: unknown = valid;
        for (const [path, m] of steps) value = mutate(value, path, m);
        const text = asJson ? JSON.stringify(value, null, 2) : stringify(value);
        return answersCleanly(() => loadFileText(text, asJson ? 'x.json' : 'x.yaml'));
      }),
      { numRuns: 400 },
    );
  });

  it('on random edits to the text of a valid scenario', () => {
    const text = fixtureText('valid/full.yaml');
    const edit = fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 20 }), fc.string({ maxLength: 8, unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let t = text;
        for (const [at, drop, insert] of edits) t = t.slice(0, at) + insert + t.slice(at + drop);
        return answersCleanly(() => loadFileText(t, 'x.yaml'));
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary bytes and strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 200, unit: 'binary' })), fc.constantFrom('x.json', 'x.yaml'), (source, name) =>
        answersCleanly(() => loadFileText(source, name)),
      ),
      { numRuns: 400 },
    );
  });

  it('on YAML made of its own punctuation', () => {
    const piece = fc.constantFrom('[', ']', '{', '}', ',', ':', '- ', '? ', '&a ', '*a ', '!t ', '|', '>', '"', "'", '#', '\n', '  ', '\t', '---\n', 'kind', 'scenario', '1', '<<', '%YAML 1.2\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => answersCleanly(() => loadFileText(parts.join(''), 'x.yaml'))),
      { numRuns: 500 },
    );
  });

  it('reports every schema problem of a mutated scenario at a real place in the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const text = stringify(mutate(valid, path, { kind: 'replace', value: value as Json }));
        const lineCount = text.split('\n').length;
        const result = loadFileText(text, 'x.yaml');
        return result.ok || result.problems.every((p) => p.line <= lineCount);
      }),
      { numRuns: 300 },
    );
  });
});

it('the arbitrary-value test would catch a throwing loader (the harness is not vacuous)', () => {
  expect(() =>
    answersCleanly(() => {
      throw new Error('boom');
    }),
  ).toThrow('the loader threw');
});
