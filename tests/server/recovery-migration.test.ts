import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine';
import { hashSecret, newSecret } from '../../src/server/security/secrets';
import { DB_FILE } from '../../src/server/store/db';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { api, startTestServer, tempDir, type TestServer } from './helpers';

/** A data file as a version 3 server left it: one live class, made before recovery codes. */
function versionThreeFile(dataDir: string, key: string): void {
  const db = new Database(join(dataDir, DB_FILE));
  for (const m of MIGRATIONS.filter((m) => m.version <= 3)) db.exec(m.sql);
  db.pragma('user_version = 3');
  db.prepare(
    `INSERT INTO classes (id, code, key_hash, title, content_kind, content_id, scenarios, seed_policy, class_seed, pacing, engine_version, created_at)
     VALUES ('c_old', 'ABCDEFG', ?, 'Old class', 'scenario', 'corner-cafe', ?, 'class', 'aa', 'free', ?, '2026-01-01T00:00:00Z')`,
  ).run(hashSecret(key), '[]', ENGINE_VERSION);
  db.close();
}

describe('migration 4 (recovery codes and read-only links) on a version 3 file', () => {
  const key = newSecret();
  let server: TestServer;
  beforeAll(async () => {
    const dataDir = tempDir();
    versionThreeFile(dataDir, key);
    server = await startTestServer({ dataDir });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('adds the columns, empty, and the old class still opens with its key', async () => {
    const columns = (server.ctx.store.db.prepare('PRAGMA table_info(classes)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['recovery_hash', 'view_key_hash']));
    expect(server.ctx.store.classById('c_old')).toMatchObject({ recoveryHash: null, viewKeyHash: null });
    expect((await api(server.url, 'GET', '/api/classes/c_old', { key })).status).toBe(200);
  });

  it('says a class from before has no recovery code, and lets its facilitator make a read-only link', async () => {
    const r = await api(server.url, 'POST', '/api/recover', { body: { code: 'ABCDEFG', recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA' } });
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'noRecoveryCode' });
    expect(r.json.error.message).toContain('created before recovery codes existed');
    const view = await api(server.url, 'POST', '/api/classes/c_old/view-link', { key });
    expect(view.status).toBe(200);
    expect((await api(server.url, 'GET', '/api/classes/c_old', { key: view.json.viewKey })).status).toBe(200);
  });
});
