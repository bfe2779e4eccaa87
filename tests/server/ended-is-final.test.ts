import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createClass, joinClass, startTestServer, type TestServer } from './helpers';

describe('an ended class is final', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses remove, lock, unlock, pause and release after the end with 409 ended; results and audit stay', async () => {
    const base = server.url;
    const cls = await createClass(base, { pacing: 'lockstep' });
    const ada = await joinClass(base, cls.code, 'Ada');
    await joinClass(base, cls.code, 'Bo');
    expect((await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key })).status).toBe(200);
    const before = await api(base, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    for (const op of [`learners/${ada.learnerId}/remove`, 'lock', 'unlock', 'pause', 'resume', 'release', 'coach-off']) {
      const r = await api(base, 'POST', `/api/classes/${cls.id}/${op}`, { key: cls.key });
      expect(r.status, op).toBe(409);
      expect(r.json.error.code, op).toBe('ended');
      expect(r.json.error.message, op).toMatch(/ended.*final/);
    }
    const after = await api(base, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    expect(after.json.class.learners).toBe(2);
    expect(after.json.learners.map((l: { removed: boolean }) => l.removed)).toEqual([false, false]);
    expect(after.json.results).toEqual(before.json.results);
    expect(server.ctx.store.auditOf(cls.id).map((a) => a.op)).toEqual(['create', 'end']);
  });
});
