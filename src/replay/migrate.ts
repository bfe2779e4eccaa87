import { REPLAY_FORMAT, REPLAY_FORMAT_VERSION } from '../engine';

/**
 * Turns a replay of format version `v` into version `v + 1`. It receives a private copy (it may
 * change it in place or return a new object) and need not set `formatVersion`: the runner does.
 */
export type ReplayMigration = (replay: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they read. Version 1 is current, so the table is empty. When
 * the format changes: bump REPLAY_FORMAT_VERSION in src/engine/replay-format.ts and add the entry
 * for the old version here (tests/replay/migrate.test.ts checks that none is missing).
 */
export const REPLAY_MIGRATIONS: Readonly<Record<number, ReplayMigration>> = {};

export type MigrateResult =
  /** `migratedFrom`: the older format version the value was upgraded from; null when nothing was done. */
  | { ok: true; value: unknown; migratedFrom: number | null }
  | { ok: false; kind: 'unsupportedVersion' | 'malformed'; message: string };

/**
 * Brings a replay read from a file or a link up to the current format version. Values that are
 * not recognisably a replay pass through unchanged, so that the engine's `parseReplay` names what
 * is wrong in one voice. Never throws.
 */
export function migrateReplay(value: unknown): MigrateResult {
  return migrateWith(value, REPLAY_MIGRATIONS, REPLAY_FORMAT_VERSION);
}

/** `migrateReplay` over any table and current version: the hook itself, testable with a made-up v2. */
export function migrateWith(value: unknown, table: Readonly<Record<number, ReplayMigration>>, current: number): MigrateResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: true, value, migratedFrom: null };
  const record = value as Record<string, unknown>;
  const version = record.formatVersion;
  if (record.format !== REPLAY_FORMAT || typeof version !== 'number' || !Number.isSafeInteger(version)) return { ok: true, value, migratedFrom: null };
  if (version === current) return { ok: true, value, migratedFrom: null };
  if (version > current)
    return {
      ok: false,
      kind: 'unsupportedVersion',
      message: `formatVersion ${version}: this replay was written by a newer Sprintwise (this one reads format versions up to ${current}); update Sprintwise to open it`,
    };
  let out: Record<string, unknown>;
  try {
    out = structuredClone(record);
  } catch {
    return { ok: false, kind: 'malformed', message: 'the replay holds values that are not plain data' };
  }
  for (let v = version; v < current; v++) {
    const migration = Object.hasOwn(table, v) ? table[v] : undefined;
    if (!migration)
      return { ok: false, kind: 'unsupportedVersion', message: `formatVersion ${version}: no version of Sprintwise wrote this replay format (known versions: 1 to ${current})` };
    try {
      out = { ...migration(out), formatVersion: v + 1 };
    } catch (e) {
      return { ok: false, kind: 'malformed', message: `formatVersion ${v}: the replay could not be upgraded to version ${v + 1}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, value: out, migratedFrom: version };
}
