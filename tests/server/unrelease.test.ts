import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { api, createClass, Dashboard, joinClass, Learner, startTestServer, type Json, type TestServer } from './helpers';

/** Withdrawing a lock-step stage released by mistake: only while nobody has entered it. */
describe('un-releasing a stage', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  const post = (id: string, key: string, op: string) => api(server.url, 'POST', `/api/classes/${id}/${op}`, { key });

  /** Plays until the learner's game is past the briefing (in Sprint 1 Planning). */
  async function enterPlanning(l: Learner): Promise<void> {
    const policy = POLICIES.first!('unrelease');
    while (String(l.observation!.phase).startsWith('briefing')) {
      const reply = await l.act(policy.choose(l.step()) as Json);
      if (reply.type !== 'ack') throw new Error(`refused: ${reply.code}`);
    }
  }

  it('withdraws the last release while nobody has entered it: stored, audited, and everyone told', async () => {
    const cls = await createClass(server.url, { pacing: 'lockstep' });
    const ada = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Ada')).token).connect();
    const dash = await new Dashboard(server.url, cls.id, cls.key).connect();
    expect((await post(cls.id, cls.key, 'release')).json.class.released.index).toBe(1);
    await ada.socket.next((m) => m.type === 'class' && m.class.released.index === 1);

    const r = await post(cls.id, cls.key, 'unrelease');
    expect(r.status).toBe(200);
    expect(r.json.class.released).toEqual({ index: 0, label: 'Briefing' });
    expect(r.json.class.next.label).toBe('Sprint 1 · Sprint Planning');
    expect(server.ctx.store.classById(cls.id)!.released).toBe(0);
    expect(server.ctx.store.auditOf(cls.id).map((a) => [a.op, a.detail])).toEqual([
      ['create', expect.anything()],
      ['release', { index: 1, label: 'Sprint 1 · Sprint Planning' }],
      ['unrelease', { index: 1, label: 'Sprint 1 · Sprint Planning' }],
    ]);
    expect((await ada.socket.next((m) => m.type === 'class')).class.released.index).toBe(0);
    expect((await dash.socket.next((m) => m.type === 'class' && m.class.released.index === 0)).class.next.index).toBe(1);

    // The learner can no longer leave the briefing.
    await expect(enterPlanning(ada)).rejects.toThrow('refused: waitForRelease');
    ada.close();
    dash.close();
  });

  it('is refused, naming who, once a learner has entered the stage; nothing changes', async () => {
    const cls = await createClass(server.url, { pacing: 'lockstep' });
    const ada = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Ada')).token).connect();
    await joinClass(server.url, cls.code, 'Grace');
    await post(cls.id, cls.key, 'release');
    await enterPlanning(ada);
    const r = await post(cls.id, cls.key, 'unrelease');
    expect(r.status).toBe(409);
    expect(r.json.error).toEqual({ code: 'stageEntered', message: '"Sprint 1 · Sprint Planning" cannot be withdrawn: Ada has already entered it' });
    expect(server.ctx.store.classById(cls.id)!.released).toBe(1);
    expect(server.ctx.store.auditOf(cls.id).map((a) => a.op)).toEqual(['create', 'release']);
    ada.close();
  });

  it('explains why when there is nothing to withdraw', async () => {
    const free = await createClass(server.url);
    expect((await post(free.id, free.key, 'unrelease')).json.error.code).toBe('notLockstep');
    const lock = await createClass(server.url, { pacing: 'lockstep' });
    const none = await post(lock.id, lock.key, 'unrelease');
    expect(none.status).toBe(409);
    expect(none.json.error).toEqual({ code: 'nothingReleased', message: 'no stage has been released yet: "Briefing" is always open' });
    await post(lock.id, lock.key, 'release');
    await post(lock.id, lock.key, 'end');
    expect((await post(lock.id, lock.key, 'unrelease')).json.error.code).toBe('ended');
  });

  it('changes nothing and says "storage" when the audit row cannot be written', async () => {
    const cls = await createClass(server.url, { pacing: 'lockstep' });
    await post(cls.id, cls.key, 'release');
    const store = server.ctx.store;
    const audit = store.audit.bind(store);
    store.audit = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    try {
      const r = await post(cls.id, cls.key, 'unrelease');
      expect(r.status).toBe(503);
      expect(r.json.error.code).toBe('storage');
    } finally {
      store.audit = audit;
    }
    expect(store.classById(cls.id)!.released).toBe(1);
    expect((await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key })).json.class.released.index).toBe(1);
  });
});
