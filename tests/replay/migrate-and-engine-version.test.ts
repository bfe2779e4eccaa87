import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, REPLAY_FORMAT_VERSION, engineCompatible, verifyReplay } from '../../src/engine';
import { REPLAY_MIGRATIONS, migrateReplay, migrateWith, parseReplayFile, serializeReplay, verifyReplayFile, type ReplayMigration } from '../../src/replay';
import { played, starter } from './helpers';

const cafe = starter();
const { replay } = played('random', '77', cafe);
const [major, minor, patch] = ENGINE_VERSION.split('.').map(Number) as [number, number, number];

describe('old engine versions', () => {
  it.each([`${major}.${minor + 1}.0`, `${major + 1}.${minor}.${patch}`, ...(minor > 0 ? [`${major}.${minor - 1}.9`] : []), ...(major > 0 ? [`${major - 1}.${minor}.0`] : [])])(
    'a replay recorded with engine %s (another major.minor) is refused with "recorded with engine version"',
    (version) => {
      const verdict = verifyReplay({ ...replay, engineVersion: version }, cafe.scenario, cafe.hash);
      expect(verdict).toMatchObject({ ok: false, kind: 'engineVersion', message: expect.stringContaining(`recorded with engine version ${version}`) });
      expect(verifyReplayFile(serializeReplay({ ...replay, engineVersion: version }), () => cafe)).toMatchObject({ ok: false, kind: 'engineVersion' });
    },
  );

  it('another patch version of the same major.minor re-simulates and verifies', () => {
    const version = `${major}.${minor}.${patch + 5}`;
    expect(engineCompatible(version)).toBe(true);
    expect(verifyReplay({ ...replay, engineVersion: version }, cafe.scenario, cafe.hash)).toMatchObject({ ok: true, finalHash: replay.finalHash });
  });
});

describe('format migrations', () => {
  it('version 1 is current: replays pass through untouched, nothing migrated', () => {
    expect(REPLAY_FORMAT_VERSION).toBe(1);
    const migrated = migrateReplay(replay);
    expect(migrated).toEqual({ ok: true, value: replay, migratedFrom: null });
    expect(migrated.ok && migrated.value).toBe(replay);
  });

  it('every older version has its migration (a bump of REPLAY_FORMAT_VERSION without one fails here)', () => {
    for (let v = 1; v < REPLAY_FORMAT_VERSION; v++) expect(Object.hasOwn(REPLAY_MIGRATIONS, v), `a migration from version ${v}`).toBe(true);
    for (const key of Object.keys(REPLAY_MIGRATIONS)) expect(Number(key)).toBeLessThan(REPLAY_FORMAT_VERSION);
  });

  // The hook with a made-up future: version 2 renames `seed` to `runSeed`, version 3 adds `notes`.
  const toV2: ReplayMigration = (r) => {
    const { seed, ...rest } = r;
    return { ...rest, runSeed: seed };
  };
  const toV3: ReplayMigration = (r) => ({ ...r, notes: [] });
  const table = { 1: toV2, 2: toV3 };

  it('runs each migration in turn from the version found to the current one, and says where it came from', () => {
    const v1 = JSON.parse(JSON.stringify(replay)) as Record<string, unknown>;
    const migrated = migrateWith(v1, table, 3);
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    expect(migrated.migratedFrom).toBe(1);
    const { seed, ...rest } = v1;
    expect(migrated.value).toEqual({ ...rest, formatVersion: 3, runSeed: seed, notes: [] });
    expect(migrateWith({ ...v1, formatVersion: 2 }, table, 3)).toMatchObject({ ok: true, migratedFrom: 2, value: { formatVersion: 3, notes: [] } });
  });

  it('never changes its input', () => {
    const v1 = JSON.parse(JSON.stringify(replay)) as Record<string, unknown>;
    const before = JSON.stringify(v1);
    const mutating: ReplayMigration = (r) => {
      (r.actions as unknown[]).length = 0;
      r.seed = 'changed';
      return r;
    };
    expect(migrateWith(v1, { 1: mutating }, 2)).toMatchObject({ ok: true, value: { seed: 'changed', actions: [] } });
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('refuses versions it cannot read: newer, never written, or a migration that fails', () => {
    const v1 = JSON.parse(JSON.stringify(replay)) as Record<string, unknown>;
    expect(migrateWith({ ...v1, formatVersion: 4 }, table, 3)).toMatchObject({ ok: false, kind: 'unsupportedVersion', message: expect.stringContaining('newer Sprintwise') });
    expect(migrateWith({ ...v1, formatVersion: 0 }, table, 3)).toMatchObject({ ok: false, kind: 'unsupportedVersion', message: expect.stringContaining('formatVersion 0') });
    expect(migrateWith(v1, { 1: toV2 }, 3)).toMatchObject({ ok: false, kind: 'unsupportedVersion' });
    const broken: ReplayMigration = () => {
      throw new Error('no actions to upgrade');
    };
    expect(migrateWith(v1, { 1: broken }, 2)).toMatchObject({ ok: false, kind: 'malformed', message: expect.stringContaining('no actions to upgrade') });
  });

  it('leaves what is not recognisably a replay to the schema check, which names the field', () => {
    for (const value of [null, 7, 'text', [], { format: 'savegame', formatVersion: 1 }, { ...replay, formatVersion: '1' }, { ...replay, formatVersion: 1.5 }])
      expect(migrateWith(value, table, 3)).toEqual({ ok: true, value, migratedFrom: null });
    expect(parseReplayFile(JSON.stringify({ ...replay, formatVersion: 1.5 }))).toMatchObject({ ok: false, kind: 'malformed', message: expect.stringContaining('formatVersion') });
  });
});
