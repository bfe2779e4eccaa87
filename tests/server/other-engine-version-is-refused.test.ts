import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine';
import { DB_FILE } from '../../src/server/store/db';
import { api, createClass, joinClass, Learner, Socket, startTestServer, tempDir, wsUrl } from './helpers';

describe('a class recorded by another engine version', () => {
  it('is refused with the replay verifier’s reason, not re-simulated into other results, and its data is kept', async () => {
    const dataDir = tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const cls = await createClass(first.url, { content: { kind: 'scenario', id: 'corner-cafe' } });
      const j = await joinClass(first.url, cls.code, 'Olga');
      const l = await new Learner(first.url, j.token).connect();
      expect((await l.act({ id: l.observation!.actions[0].id })).type).toBe('ack');
      l.close();
      await first.close();

      // As if the class had been started by a server whose engine's minor version differs.
      const [major, minor] = ENGINE_VERSION.split('.').map(Number);
      const other = `${major}.${minor! + 1}.0`;
      const db = new Database(join(dataDir, DB_FILE));
      db.prepare('UPDATE classes SET engine_version = ? WHERE id = ?').run(other, cls.id);
      db.close();

      const second = await startTestServer({ dataDir });
      const dash = await api(second.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
      expect(dash.status).toBe(409);
      expect(dash.json.error.message).toContain(`recorded with engine version ${other}; this is ${ENGINE_VERSION}, which does not promise the same results`);
      const s = new Socket(wsUrl(second.url, '/ws/learner'));
      await s.opened;
      s.send({ type: 'hello', token: j.token });
      expect((await s.next()).code).toBe('unavailable');
      expect((await s.waitClosed()).code).toBe(1011);
      await second.close();

      // Nothing was lost: the learner's action is still stored.
      const check = new Database(join(dataDir, DB_FILE), { readonly: true });
      expect((check.prepare('SELECT COUNT(*) AS n FROM actions').get() as { n: number }).n).toBe(1);
      check.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
