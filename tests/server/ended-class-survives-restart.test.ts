import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { api, createClass, joinClass, Learner, startTestServer, tempDir } from './helpers';

describe('an ended class', () => {
  it('stays readable after a restart: debrief, export and each learner\'s results', async () => {
    const dataDir = tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const cls = await createClass(first.url);
      const j = await joinClass(first.url, cls.code, 'Nora');
      const l = await new Learner(first.url, j.token).connect();
      const { accepted } = await l.play(POLICIES.first!('n'));
      await api(first.url, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
      l.close();
      await first.close();

      const second = await startTestServer({ dataDir });
      const debrief = await api(second.url, 'GET', `/api/classes/${cls.id}/debrief`, { key: cls.key });
      expect(debrief.status).toBe(200);
      expect(debrief.json.class.status).toBe('ended');
      expect(debrief.json.finished).toBe(1);
      const exported = await api(second.url, 'GET', `/api/classes/${cls.id}/export.json`, { key: cls.key });
      expect(exported.json.learners[0].runs[0].replay.actions).toHaveLength(accepted.length);
      const back = await new Learner(second.url, j.token).connect();
      const result = await back.socket.next((m) => m.type === 'result');
      expect(result.replay.actions).toHaveLength(accepted.length);
      expect((await back.act({ id: 'anything' })).code).toBe('ended');
      expect((await api(second.url, 'POST', '/api/join', { body: { code: cls.code, name: 'Late' } })).status).toBe(409);
      back.close();
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
