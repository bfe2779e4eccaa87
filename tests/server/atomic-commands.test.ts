import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createClass, Dashboard, joinClass, startTestServer, type TestServer } from './helpers';

/** Makes the store's audit insert fail like a full disk, for the length of `f`. */
async function withFailingAudit<T>(server: TestServer, f: () => Promise<T>): Promise<T> {
  const store = server.ctx.store;
  const audit = store.audit.bind(store);
  store.audit = () => {
    throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  };
  try {
    return await f();
  } finally {
    store.audit = audit;
  }
}

describe('facilitator commands when storage fails', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('change nothing, say "storage", and keep the database, the audit and the dashboard in agreement', async () => {
    const base = server.url;
    const cls = await createClass(base, { pacing: 'lockstep' });
    const ada = await joinClass(base, cls.code, 'Ada');
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    const store = server.ctx.store;
    const ops = ['pause', 'lock', 'release', 'coach-off', 'end', `learners/${ada.learnerId}/remove`];
    await withFailingAudit(server, async () => {
      for (const op of ops) {
        const r = await api(base, 'POST', `/api/classes/${cls.id}/${op}`, { key: cls.key });
        expect(r.status, op).toBe(503);
        expect(r.json.error.code, op).toBe('storage');
        expect(r.json.error.message, op).toMatch(/storage/);
      }
      const inject = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass' } });
      expect(inject.status).toBe(503);
      expect(inject.json.error.code).toBe('storage');
      const health = await api(base, 'GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.json).toMatchObject({ ok: false, storage: { ok: false } });
    });
    // The database: nothing changed; the audit: only the creation.
    const row = store.classById(cls.id)!;
    expect(row).toMatchObject({ paused: false, locked: false, released: 0, coach: true, status: 'live' });
    expect(store.learnersOf(cls.id)[0]!.removedAt).toBeNull();
    expect(store.injectionsOf(cls.id)).toEqual([]);
    expect(store.auditOf(cls.id).map((a) => a.op)).toEqual(['create']);
    // The dashboard: no class message was sent, and a fresh snapshot agrees.
    expect(dash.socket.received.filter((m) => m.type === 'class' || m.type === 'injected')).toEqual([]);
    const snap = await api(base, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    expect(snap.json.class).toMatchObject({ paused: false, locked: false, status: 'live', coach: true, learners: 1 });
    expect(snap.json.learners[0].removed).toBe(false);

    // Once the disk is fixed, the same command works, and all three agree again.
    const ok = await api(base, 'POST', `/api/classes/${cls.id}/pause`, { key: cls.key });
    expect(ok.status).toBe(200);
    expect(store.classById(cls.id)!.paused).toBe(true);
    expect(store.auditOf(cls.id).map((a) => a.op)).toEqual(['create', 'pause']);
    expect((await dash.socket.next((m) => m.type === 'class')).class.paused).toBe(true);
    expect((await api(base, 'GET', '/api/health')).json).toMatchObject({ ok: true });
    dash.close();
  });
});
