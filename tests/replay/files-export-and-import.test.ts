import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REPLAY_BYTES } from '../../src/cli/replay-file';
import { verifyReplay, type ReplayLog } from '../../src/engine';
import { MAX_REPLAY_FILE_BYTES, parseReplayFile, replayFileName, serializeReplay, verifyReplayFile, verifyReplayValue } from '../../src/replay';
import { played, starter } from './helpers';

const cafe = starter();
const { replay } = played('principled', '11', cafe);
const byId = (id: string) => (id === cafe.scenario.id ? cafe : null);

/** The same replay with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reversedKeys((value as Record<string, unknown>)[k])]));
}

describe('export: serializeReplay', () => {
  it('reads back to an equal replay that still verifies', () => {
    const text = serializeReplay(replay);
    const parsed = parseReplayFile(text);
    expect(parsed).toEqual({ ok: true, replay, migratedFrom: null });
    expect(verifyReplay(JSON.parse(text), cafe.scenario, cafe.hash)).toMatchObject({ ok: true, finalHash: replay.finalHash });
  });

  it('is stable: key order in the input does not change the text', () => {
    const shuffled = reversedKeys(replay) as ReplayLog;
    expect(Object.keys(shuffled)[0]).toBe('finalHash');
    expect(serializeReplay(shuffled)).toBe(serializeReplay(replay));
  });

  it('is pretty: fields in the documented order, one action and one checkpoint per line, a final newline', () => {
    const lines = serializeReplay(replay).split('\n');
    expect(lines[1]).toBe('  "format": "sprintwise-replay",');
    expect(lines.filter((l) => l.startsWith('    {"type":')).length).toBe(replay.actions.length);
    expect(lines.filter((l) => l.startsWith('    {"step":')).length).toBe(replay.checkpoints.length);
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('}');
    const keys = Object.keys(JSON.parse(lines.join('\n')) as object);
    expect(keys).toEqual(['format', 'formatVersion', 'engineVersion', 'scenarioId', 'scenarioHash', 'seed', 'actions', 'checkpoints', 'finalHash']);
  });

  it('writes empty lists as []', () => {
    const fresh = { ...replay, actions: [], checkpoints: [] };
    expect(serializeReplay(fresh)).toContain('"actions": [],\n  "checkpoints": [],');
    expect(parseReplayFile(serializeReplay(fresh))).toMatchObject({ ok: true });
  });

  it('names files after the scenario, seed and length', () => {
    expect(replayFileName(replay)).toBe(`corner-cafe-seed-11-${replay.actions.length}-steps.replay.json`);
    expect(replayFileName({ ...replay, seed: 'a/b c' })).toMatch(/^corner-cafe-seed-a-b-c-\d+-steps\.replay\.json$/);
  });
});

describe('import: parseReplayFile and verifyReplayFile', () => {
  it('takes text or bytes, with or without a byte order mark', () => {
    const text = serializeReplay(replay);
    for (const source of [text, `\uFEFF${text}`, new TextEncoder().encode(text), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])])
      expect(verifyReplayFile(source, byId)).toMatchObject({ ok: true, steps: replay.actions.length, finalHash: replay.finalHash });
  });

  it('uses the CLI limit of 16 MiB', () => {
    expect(MAX_REPLAY_FILE_BYTES).toBe(MAX_REPLAY_BYTES);
    expect(MAX_REPLAY_FILE_BYTES).toBe(16 * 1024 * 1024);
  });

  it.each<[string, string, string, string]>([
    ['not JSON', '{"format": "sprintwise-replay",', 'notJson', 'the file is not JSON'],
    ['empty', '', 'empty', 'the file is empty'],
    ['a number', '42', 'malformed', '(replay)'],
    ['null', 'null', 'malformed', '(replay)'],
    ['seed of the wrong type', JSON.stringify({ ...replay, seed: 42 }), 'malformed', 'seed'],
    ['a checkpoint without its hash', JSON.stringify({ ...replay, checkpoints: [{ step: 1 }] }), 'malformed', 'checkpoints.0.hash'],
    ['an action with a bad parameter', JSON.stringify({ ...replay, actions: [{ type: 'moveItem', itemId: 'x', toIndex: -1 }] }), 'malformed', 'actions.0.toIndex'],
    ['a newer format version', JSON.stringify({ ...replay, formatVersion: 2 }), 'unsupportedVersion', 'newer Sprintwise'],
    ['a format version that is not a number', JSON.stringify({ ...replay, formatVersion: '1' }), 'malformed', 'formatVersion'],
  ])('%s: kind %s, message names %s', (_name, text, kind, names) => {
    const parsed = parseReplayFile(text);
    expect(parsed).toMatchObject({ ok: false, kind });
    expect(parsed.ok || parsed.message).toContain(names);
  });

  it('a replay of a scenario the resolver does not know: unknownScenario, naming it', () => {
    const verdict = verifyReplayFile(serializeReplay({ ...replay, scenarioId: 'moon-base' }), byId);
    expect(verdict).toMatchObject({ ok: false, kind: 'unknownScenario', message: expect.stringContaining('"moon-base"') });
  });

  it('a replay whose checkpoints do not fit its actions: inconsistent (the engine calls it malformed)', () => {
    const verdict = verifyReplayValue({ ...replay, checkpoints: [...replay.checkpoints].reverse() }, byId);
    expect(verdict).toMatchObject({ ok: false, kind: 'inconsistent', message: expect.stringContaining('checkpoints: step') });
  });

  it('never throws, whatever the text or bytes', () => {
    const valid = serializeReplay(replay);
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ ...replay, actions: [v] })),
      fc.tuple(fc.nat(valid.length), fc.nat(valid.length)).map(([a, b]) => valid.slice(0, Math.min(a, b)) + valid.slice(Math.max(a, b))),
      fc.tuple(fc.nat(valid.length - 1), fc.string({ maxLength: 3 })).map(([at, s]) => valid.slice(0, at) + s + valid.slice(at + 1)),
    );
    fc.assert(
      fc.property(fc.oneof(text, fc.uint8Array({ maxLength: 300 })), (source) => {
        const verdict = verifyReplayFile(source, byId);
        expect(typeof verdict.ok).toBe('boolean');
        if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });
});
