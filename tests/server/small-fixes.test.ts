import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { api, createClass, joinClass, Learner, startTestServer, tempDir, type Json } from './helpers';

describe('small things a facilitator noticed', () => {
  it('"waiting for release" survives a restart, and goes with the next release', async () => {
    const dataDir = tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const cls = await createClass(first.url, { pacing: 'lockstep' });
      const j = await joinClass(first.url, cls.code, 'Wendy');
      const l = await new Learner(first.url, j.token).connect();
      const policy = POLICIES.first!('w');
      let reply: Json;
      do reply = await l.act(policy.choose(l.step()) as Json);
      while (reply.type === 'ack');
      expect(reply.code).toBe('waitForRelease');
      const before = await api(first.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
      expect(before.json.learners[0].waiting).toBe(true);
      l.close();
      await first.close();

      const second = await startTestServer({ dataDir });
      const after = await api(second.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
      expect(after.json.learners[0].waiting).toBe(true);
      await api(second.url, 'POST', `/api/classes/${cls.id}/release`, { key: cls.key });
      expect((await api(second.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key })).json.learners[0].waiting).toBe(false);
      await second.close();
      // Released since: not waiting after another restart either.
      const third = await startTestServer({ dataDir });
      expect((await api(third.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key })).json.learners[0].waiting).toBe(false);
      await third.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('the "class ready" page sends learners to the game with the code when the game is served', async () => {
    const dist = tempDir('sprintwise-dist-');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sprintwise</title>');
    const withGame = await startTestServer({ distDir: dist });
    const withoutGame = await startTestServer();
    try {
      const a = await api(withGame.url, 'POST', '/api/classes', { body: { content: { kind: 'scenario', id: 'corner-cafe' } } });
      expect(a.json.joinUrl).toBe(`/?join=${a.json.class.code}`);
      const b = await api(withoutGame.url, 'POST', '/api/classes', { body: { content: { kind: 'scenario', id: 'corner-cafe' } } });
      expect(b.json.joinUrl).toBe(`/learn#code=${b.json.class.code}`);
      // The page shows the answer's link, not a fixed "/learn".
      const page = readFileSync(new URL('../../src/server/public/facilitator.js', import.meta.url), 'utf8');
      expect(page).toContain('new URL(data.joinUrl, location.href)');
      expect(page).not.toContain("new URL('/learn'");
    } finally {
      await withGame.stop();
      await withoutGame.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
