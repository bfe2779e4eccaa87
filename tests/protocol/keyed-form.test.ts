import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch, createObservationDecoder, createObservationEncoder, jsonEqual, keyedForm, mergePatch, readKeyedForm, type Json, type ObservationMessage } from '../../src/protocol';

/** Random JSON biased towards what observations hold: lists of objects with ids, lists of lines, nulls, `@` keys. */
const { value } = fc.letrec<{ value: Json; object: Json; list: Json; idList: Json; lines: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<Json>(null, true, false, 0, 1, -2.5, '', 'a', 'b', '@null'),
    tie('object'),
    tie('list'),
    tie('idList'),
    tie('lines'),
  ),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'id', '@order', '@slots', '@null', '@@x', '__proto__'), tie('value'), { maxKeys: 4 }) as fc.Arbitrary<Json>,
  list: fc.array(tie('value'), { maxLength: 3 }),
  idList: fc.uniqueArray(fc.record({ id: fc.constantFrom('p', 'q', 'r', 's'), v: tie('value') }), { selector: (e) => e.id, maxLength: 4 }) as fc.Arbitrary<Json>,
  lines: fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 5 }),
}));
const sent = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;

describe('the keyed form of observations', () => {
  it('writes lists of id objects and of lines as slots and an order, nulls as a marker, and @ keys escaped', () => {
    const doc: Json = { list: [{ id: 'b', n: 1 }, { id: 'a', n: null }], lines: ['x', 'y', 'x'], nums: [1, null], '@k': 1, empty: [] };
    const keyed = keyedForm(doc);
    expect(keyed).toEqual({
      list: { '@order': [0, 1], '@slots': { 0: { id: 'b', n: 1 }, 1: { id: 'a', n: { '@null': true } } } },
      lines: { '@order': [0, 1, 2], '@slots': { 0: 'x', 1: 'y', 2: 'x' } },
      nums: [1, { '@null': true }],
      '@@k': 1,
      empty: [],
    });
    expect(readKeyedForm(keyed)).toEqual(doc);
  });

  it('says a change with a small patch: moved and new elements by slot, a value that becomes null as the marker', () => {
    const before = keyedForm({ list: [{ id: 'a', n: 1 }, { id: 'b', n: 2 }], goal: 'ship', log: ['one', 'two'] });
    const after = keyedForm({ list: [{ id: 'c', n: 3 }, { id: 'b', n: 2 }], goal: null, log: ['two', 'three'] }, before);
    const patch = mergePatch(before, after);
    expect(patch).toEqual({
      list: { '@order': [2, 1], '@slots': { 2: { id: 'c', n: 3 } } },
      goal: { '@null': true },
      log: { '@order': [1, 2], '@slots': { 2: 'three' } },
    });
    // A slot that left the order stays: the element costs only its slot number when it comes back.
    const back = keyedForm({ list: [{ id: 'a', n: 1 }, { id: 'b', n: 2 }], goal: null, log: ['two', 'three'] }, after);
    expect(mergePatch(after, back)).toEqual({ list: { '@order': [0, 1] } });
  });

  it('turns a value into null and back, and an object into null and back', () => {
    const docs: Json[] = [{ e: { title: 'Outage', options: [1] } }, { e: null }, { e: 'text' }, { e: null }, { e: { title: null } }, {}];
    let state = keyedForm(docs[0]!);
    let client = sent(state);
    for (const doc of docs.slice(1)) {
      const next = keyedForm(doc, state);
      const patch = mergePatch(state, next);
      expect(patch).not.toBeUndefined();
      client = applyMergePatch(client, sent(patch!));
      expect(readKeyedForm(client)).toEqual(doc);
      state = next;
    }
  });

  it('property: reading the keyed form gives the value back', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonEqual(readKeyedForm(sent(keyedForm(v))), v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: over a run of values, a client that applies each patch to its state reads every value', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 6 }), (values) => {
        let state = keyedForm(values[0]!);
        let client = keyedForm(sent(values[0]!));
        for (const v of values.slice(1)) {
          const next = keyedForm(v, state);
          const patch = mergePatch(state, next);
          // The keyed form has no null under a key, so a merge patch always exists.
          expect(patch).not.toBeUndefined();
          client = applyMergePatch(client, sent(patch!));
          expect(jsonEqual(client, next)).toBe(true);
          expect(jsonEqual(readKeyedForm(client), v)).toBe(true);
          state = next;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('observation lines: encoder and decoder', () => {
  // Labels long enough that a delta is shorter than the whole observation.
  const label = (id: string) => `${id}: ${'a long label that a person would read '.repeat(3)}`;
  const obs = (phase: string, pending: Json, actions: string[]): ObservationMessage =>
    ({ type: 'observation', phase, observation: { phase, pendingEvent: pending, log: [phase] }, actions: actions.map((id) => ({ id, type: 't', label: label(id), params: {} })), done: false }) as unknown as ObservationMessage;

  it('full: every line whole, exactly as before', () => {
    const encode = createObservationEncoder('full');
    const m = obs('a', null, ['x']);
    expect(encode(m)).toBe(JSON.stringify(m));
  });

  it('delta: the first line whole with form "full", then patches the decoder turns back into each observation', () => {
    const encode = createObservationEncoder('delta');
    const decode = createObservationDecoder();
    const run = [obs('a', null, ['x', 'y']), obs('b', { title: 'Outage' }, ['x', 'y', 'z']), obs('b', { title: 'Outage' }, ['x', 'y', 'z']), obs('c', null, ['z'])];
    const lines = run.map((m) => JSON.parse(encode(m)) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: 'observation', form: 'full', phase: 'a' });
    expect(lines.slice(1).map((l) => l.form)).toEqual(['delta', 'delta', 'delta']);
    expect(lines[2]).toEqual({ type: 'observation', form: 'delta', patch: {} });
    lines.forEach((l, i) => expect(decode(l as never)).toEqual(run[i]));
  });

  it('delta: a line whole again when a delta would be longer, and the deltas after it build on it', () => {
    const encode = createObservationEncoder('delta');
    const decode = createObservationDecoder();
    const tiny = (n: number): ObservationMessage => ({ type: 'observation', phase: 'p', observation: { n }, actions: [], done: false }) as unknown as ObservationMessage;
    const run = [obs('a', null, ['x', 'y']), tiny(1), tiny(2), obs('b', null, ['x', 'y'])];
    const lines = run.map((m) => JSON.parse(encode(m)) as Record<string, unknown>);
    expect(lines.map((l) => l.form)).toEqual(['full', 'full', 'delta', 'full']);
    lines.forEach((l, i) => expect(decode(l as never)).toEqual(run[i]));
  });

  it('delta: a decoder refuses a delta before any whole observation', () => {
    expect(() => createObservationDecoder()({ type: 'observation', form: 'delta', patch: {} })).toThrow(/before any whole/);
  });
});
