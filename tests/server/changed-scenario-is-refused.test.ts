import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, createClass, joinClass, Learner, Socket, startTestServer, tempDir, wsUrl } from './helpers';

describe('a class whose scenario file changed while the server was down', () => {
  it('is refused with the reason rather than re-simulated differently', async () => {
    const dataDir = tempDir();
    const scenarios = tempDir();
    const file = join(scenarios, 'cafe-x.yaml');
    const source = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'corner-cafe.yaml'), 'utf8').replace(/^id: .*$/m, 'id: cafe-x').replace(/^campaign: .*$/m, '');
    writeFileSync(file, source);
    try {
      const first = await startTestServer({ dataDir, scenarioDir: scenarios });
      const cls = await createClass(first.url, { content: { kind: 'scenario', id: 'cafe-x' } });
      const j = await joinClass(first.url, cls.code, 'Olga');
      const l = await new Learner(first.url, j.token).connect();
      expect((await l.act({ id: l.observation!.actions[0].id })).type).toBe('ack');
      l.close();
      await first.close();

      writeFileSync(file, source.replace('capacity: 20', 'capacity: 21'));
      const second = await startTestServer({ dataDir, scenarioDir: scenarios });
      const dash = await api(second.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
      expect(dash.status).toBe(409);
      expect(dash.json.error.message).toContain('changed since the class started');
      const s = new Socket(wsUrl(second.url, '/ws/learner'));
      await s.opened;
      s.send({ type: 'hello', token: j.token });
      expect((await s.next()).code).toBe('unavailable');
      expect((await s.waitClosed()).code).toBe(1011);
      expect(second.logger.lines.some((x) => x.event === 'classUnavailable')).toBe(true);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(scenarios, { recursive: true, force: true });
    }
  });
});
