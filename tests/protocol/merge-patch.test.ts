import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch, jsonEqual, mergePatch, type Json } from '../../src/protocol';

/** JSON as it travels: what JSON.stringify and JSON.parse leave of a value (no -0, no undefined). */
const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as Json);

/** True when `v` has a null as the value of an object key (outside arrays, which are sent whole). */
function holdsObjectNull(v: Json): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).some((x) => x === null || holdsObjectNull(x));
}

describe('JSON merge patch (RFC 7396)', () => {
  it('applies the examples of RFC 7396 appendix A', () => {
    const cases: [Json, Json, Json][] = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [['a', 'b'], ['c', 'd'], ['c', 'd']],
      [{ a: 'b' }, ['c'], ['c']],
      [{ a: 'foo' }, null, null],
      [{ a: 'foo' }, 'bar', 'bar'],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: 'b', c: null }, { a: 'b' }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [target, patch, result] of cases) expect(applyMergePatch(target, patch)).toEqual(result);
  });

  it('does not change the target or the patch', () => {
    const target: Json = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const patch: Json = { a: { b: null, e: 2 }, d: null };
    const before = JSON.stringify([target, patch]);
    expect(applyMergePatch(target, patch)).toEqual({ a: { c: [1, 2], e: 2 } });
    expect(JSON.stringify([target, patch])).toBe(before);
  });

  it('builds the smallest patch key by key: removed keys as null, arrays whole, nothing for what is equal', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 3 } })).toEqual({});
    expect(mergePatch({ a: 1, b: 2 }, { a: 1 })).toEqual({ b: null });
    expect(mergePatch({ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } })).toEqual({ a: { c: 3 } });
    expect(mergePatch({ list: [1, 2, 3] }, { list: [1, 2, 4] })).toEqual({ list: [1, 2, 4] });
    expect(mergePatch({ a: 'x' }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
    expect(mergePatch([1], { b: 1 })).toEqual({ b: 1 });
    expect(mergePatch({ a: 1 }, 'text')).toBe('text');
    expect(mergePatch({ a: 1 }, null)).toBeNull(); // a patch that is null replaces the whole document with null
  });

  it('keeps nulls inside arrays: an array is sent whole, nulls and all', () => {
    const patch = mergePatch({ a: [1, 2] }, { a: [1, null] });
    expect(patch).toEqual({ a: [1, null] });
    expect(applyMergePatch({ a: [1, 2] }, patch!)).toEqual({ a: [1, null] });
  });

  it('says there is no patch when a key must become null: in a merge patch null means "remove"', () => {
    expect(mergePatch({ a: 1 }, { a: null })).toBeUndefined();
    expect(mergePatch({}, { a: null })).toBeUndefined();
    expect(mergePatch({ a: { b: 1 } }, { a: { b: null } })).toBeUndefined();
    // An object over a non-object starts from {}, so its nulls would be lost too.
    expect(mergePatch({ a: 1 }, { a: { b: null } })).toBeUndefined();
    // A null that was already there is no change.
    expect(mergePatch({ a: null, b: 1 }, { a: null, b: 2 })).toEqual({ b: 2 });
  });

  it('handles a "__proto__" key as data', () => {
    const from = JSON.parse('{"__proto__":{"a":1},"b":1}') as Json;
    const to = JSON.parse('{"__proto__":{"a":2}}') as Json;
    const patch = mergePatch(from, to)!;
    expect(JSON.stringify(patch)).toBe('{"b":null,"__proto__":{"a":2}}');
    const result = applyMergePatch(from, JSON.parse(JSON.stringify(patch)) as Json);
    expect(jsonEqual(result, to)).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('property: applying mergePatch(a, b) to a gives b, for random JSON values', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const patch = mergePatch(a, b);
        if (patch === undefined) {
          expect(holdsObjectNull(b)).toBe(true);
          return;
        }
        // The patch as a program receives it: through JSON text.
        const sent = JSON.parse(JSON.stringify(patch)) as Json;
        expect(jsonEqual(applyMergePatch(a, sent), b)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: when b has no null under a key, a patch always exists', () => {
    const noObjectNull = json.filter((v) => !holdsObjectNull(v));
    fc.assert(
      fc.property(json, noObjectNull, (a, b) => {
        const patch = mergePatch(a, b);
        expect(patch).not.toBeUndefined();
        expect(jsonEqual(applyMergePatch(a, patch!), b)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: jsonEqual agrees with comparing JSON text of key-sorted values', () => {
    const canon = (v: Json): string =>
      JSON.stringify(v, (_k, x: unknown) =>
        x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0))) : x,
      );
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(jsonEqual(a, b)).toBe(canon(a) === canon(b));
        expect(jsonEqual(a, a)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
