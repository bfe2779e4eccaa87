import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/server/options';
import { normaliseDisplayName } from '../../src/server/security/names';
import { JOIN_CODE_ALPHABET, hashSecret, newJoinCode, newSecret, secretMatches } from '../../src/server/security/secrets';
import { DB_FILE, openDatabase } from '../../src/server/store/db';
import { SCHEMA_VERSION } from '../../src/server/store/migrations';
import { tempDir } from './helpers';

describe('the data file', () => {
  it('is created on first start at the latest schema version, and reopened without change', () => {
    const dir = tempDir();
    try {
      const first = openDatabase(join(dir, 'nested'));
      expect(first.migrated).toEqual({ from: 0, to: SCHEMA_VERSION });
      expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
      first.db.close();
      const again = openDatabase(join(dir, 'nested'));
      expect(again.migrated).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
      again.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file written by a newer server', () => {
    const dir = tempDir();
    try {
      const db = new Database(join(dir, DB_FILE));
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      expect(() => openDatabase(dir)).toThrow(/newer than this server/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('secrets and names', () => {
  it('makes join codes from the unambiguous alphabet and keys of 256 bits, stored hashed', () => {
    for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{7}$`));
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILOUV]/);
    const key = newSecret();
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(hashSecret(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches(key, hashSecret(key))).toBe(true);
    expect(secretMatches(`${key}x`, hashSecret(key))).toBe(false);
    expect(secretMatches(undefined, hashSecret(key))).toBe(false);
  });

  it('normalises display names to NFC without control or direction characters, 1 to 40 characters', () => {
    expect(normaliseDisplayName('  A\u0301na  ')).toEqual({ ok: true, text: '\u00c1na' });
    expect(normaliseDisplayName('\u202Eevil\u202C \u2067x\u2069')).toEqual({ ok: true, text: 'evil x' });
    expect(normaliseDisplayName('\uFEFFZero\u200Bwidth')).toEqual({ ok: true, text: 'Zerowidth' });
    expect(normaliseDisplayName('😀'.repeat(40)).ok).toBe(true);
    expect(normaliseDisplayName('😀'.repeat(41)).ok).toBe(false);
    expect(normaliseDisplayName('\u0000\u001b[31m').ok).toBe(true);
    expect(normaliseDisplayName('\u0000\u0007').ok).toBe(false);
  });
});

describe('command-line options', () => {
  it('has defaults, help, and clear errors', () => {
    const ok = parseOptions(['--port', '9000', '--data', 'd'], {});
    expect(ok).toMatchObject({ help: false, options: { port: 9000, host: '0.0.0.0' } });
    expect(parseOptions(['--help'], {})).toEqual({ help: true });
    expect(parseOptions(['--port', 'eighty'], {})).toMatchObject({ error: expect.stringContaining('--port') });
    expect(parseOptions(['--bogus'], {})).toMatchObject({ error: expect.stringContaining('bogus') });
    expect(parseOptions(['--allow-origin', 'https://x.org/path'], {})).toMatchObject({ error: expect.stringContaining('origin') });
  });
});
