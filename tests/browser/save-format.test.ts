import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSave, readSaveText, SAVE_FORMAT, SAVE_VERSION } from '../../src/game/save/format';
import { lastPlayed, listSaves, readSave, removeSave, writeSave } from '../../src/game/save/storage';

// The save envelope and its storage are engine-free, so they run here in Node; a Map stands in
// for the browser's localStorage.
const replay = {
  format: 'sprintwise-replay',
  formatVersion: 1,
  engineVersion: '0.1.0',
  scenarioId: 'corner-cafe',
  scenarioHash: 'a'.repeat(64),
  seed: 'seed-1',
  actions: [{ type: 'startSprints' }],
  checkpoints: [],
  finalHash: 'b'.repeat(64),
};

const v1 = {
  format: SAVE_FORMAT,
  version: 1,
  savedAt: '2025-01-01T10:00:00.000Z',
  summary: { scenarioTitle: 'Corner Café', phase: 'sprint.planning.proposing', sprint: 1, sprints: 3, day: 0, step: 7, done: false },
  replay,
};

/** Version 2 added `branch`: where a branch run came from (null for an ordinary run). */
const v2 = { ...v1, version: 2, branch: null };
const original = { ...replay, seed: 'original-1', actions: [{ type: 'startSprints' }, { type: 'nextDay' }] };
const v2Branch = { ...v2, branch: { step: 1, from: original } };

describe('save format version 1', () => {
  it('lifts a version 1 save to version 2 as an ordinary run (no branch)', () => {
    const result = migrateSave(structuredClone(v1));
    expect(result).toEqual({ ok: true, from: 1, save: v2 });
  });

  it('keeps a version 1 save whose summary is damaged, without the summary', () => {
    const result = migrateSave({ ...structuredClone(v1), summary: { phase: 3 } });
    expect(result.ok && result.save.summary).toBe(null);
    expect(result.ok && result.save.replay).toEqual(replay);
  });

  it('refuses a version 1 save without a usable replay, naming the field', () => {
    const result = migrateSave({ ...structuredClone(v1), replay: { ...replay, actions: 'none' } });
    expect(result).toEqual({ ok: false, message: 'replay.actions: expected a list of actions, found "none"' });
  });
});

describe('save format version 2', () => {
  it('is the current version', () => {
    expect(SAVE_VERSION).toBe(2);
  });

  it('reads a version 2 save unchanged', () => {
    expect(migrateSave(structuredClone(v2))).toEqual({ ok: true, from: 2, save: v2 });
  });

  it('reads a branch save with where it came from', () => {
    expect(migrateSave(structuredClone(v2Branch))).toEqual({ ok: true, from: 2, save: v2Branch });
  });

  it.each([
    ['a step past the original', { step: 3, from: original }],
    ['a negative step', { step: -1, from: original }],
    ['no original replay', { step: 1 }],
    ['an original that is not a replay', { step: 1, from: { format: 'other' } }],
    ['not an object', 'yes'],
  ])('keeps a branch save whose origin is damaged (%s), without the origin', (_name, branch) => {
    const result = migrateSave({ ...structuredClone(v2), branch });
    expect(result).toEqual({ ok: true, from: 2, save: v2 });
  });

  it('refuses a version 2 save without a usable replay, naming the field', () => {
    const result = migrateSave({ ...structuredClone(v2Branch), replay: { ...replay, seed: 7 } });
    expect(result).toEqual({ ok: false, message: 'replay.seed: expected a string, found a number' });
  });
});

describe('inputs that are not a current save', () => {
  it('wraps a bare replay log (what the CLI writes) in a save', () => {
    const result = migrateSave(structuredClone(replay));
    expect(result).toMatchObject({ ok: true, from: 'replay', save: { format: SAVE_FORMAT, version: SAVE_VERSION, summary: null, replay, branch: null } });
  });

  it('refuses a save from a newer game with a message that says so', () => {
    const result = migrateSave({ ...structuredClone(v1), version: SAVE_VERSION + 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/newer version of Sprintwise .*update the game/);
  });

  it.each([
    ['not JSON', '{"format": "sprintwise-save", "vers', /not valid JSON/],
    ['an array', '[1, 2]', /found an array/],
    ['another format', '{"format": "something-else"}', /format: expected "sprintwise-save"/],
    ['no version', '{"format": "sprintwise-save"}', /version: expected a save version from 1/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const result = readSaveText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('save storage', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    const storage = {
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      clear: () => store.clear(),
    };
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('lists a corrupt save beside a good one, so the good one stays usable', () => {
    expect(writeSave(structuredClone(v1) as never)).toEqual({ ok: true });
    store.set('sprintwise.save.other', '{"format": "sprintwise-save", "version": 1, "replay": {"form');
    const saves = listSaves();
    expect(saves.map((s) => [s.scenarioId, s.status])).toEqual([
      ['corner-cafe', 'ok'],
      ['other', 'corrupt'],
    ]);
    expect(readSave('corner-cafe')).toMatchObject({ status: 'ok', save: { replay: { seed: 'seed-1' } } });
  });

  it('flags a save filed under the wrong scenario', () => {
    store.set('sprintwise.save.elsewhere', JSON.stringify(v1));
    expect(readSave('elsewhere')).toMatchObject({ status: 'corrupt', message: expect.stringContaining('holds a run of "corner-cafe"') });
  });

  it('keeps a branch beside the scenario’s own save, and the last-played pointer follows the slot', () => {
    expect(writeSave(structuredClone(v2) as never)).toEqual({ ok: true });
    expect(lastPlayed()).toMatchObject({ scenarioId: 'corner-cafe', slot: 'main', status: 'ok' });
    const main = store.get('sprintwise.save.corner-cafe');

    expect(writeSave(structuredClone(v2Branch) as never, 'branch')).toEqual({ ok: true });
    expect(store.get('sprintwise.save.corner-cafe')).toBe(main);
    expect(readSave('corner-cafe', 'branch')).toMatchObject({ slot: 'branch', status: 'ok', save: { branch: { step: 1, from: { seed: 'original-1' } } } });
    expect(lastPlayed()).toMatchObject({ scenarioId: 'corner-cafe', slot: 'branch' });
    // Branches are listed apart: the map's list of runs is unchanged by them.
    expect(listSaves().map((s) => [s.scenarioId, s.slot])).toEqual([['corner-cafe', 'main']]);
    expect(listSaves('branch').map((s) => [s.scenarioId, s.slot])).toEqual([['corner-cafe', 'branch']]);

    removeSave('corner-cafe', 'branch');
    expect(readSave('corner-cafe', 'branch')).toBe(null);
    expect(readSave('corner-cafe')).toMatchObject({ status: 'ok', slot: 'main' });
    expect(lastPlayed()).toBe(null);
  });

  it('flags a corrupt branch without touching the scenario’s own save', () => {
    expect(writeSave(structuredClone(v2) as never)).toEqual({ ok: true });
    store.set('sprintwise.branch.corner-cafe', '{"format":"sprintwise-save","version":2,"replay":{"form');
    expect(readSave('corner-cafe', 'branch')).toMatchObject({ status: 'corrupt', slot: 'branch', message: expect.stringContaining('not valid JSON') });
    expect(readSave('corner-cafe')).toMatchObject({ status: 'ok' });
  });

  it('reports a full storage instead of throwing', () => {
    (globalThis.localStorage as { setItem: unknown }).setItem = () => {
      throw new Error('quota');
    };
    const result = writeSave(structuredClone(v1) as never);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Could not save your progress.*Export your save/);
  });
});
