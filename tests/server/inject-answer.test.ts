import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { api, createClass, Dashboard, joinClass, Learner, startTestServer, type Json, type TestServer } from './helpers';

describe('the answer to an injection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('says what happened, as the dashboard shows it', async () => {
    const base = server.url;
    const cls = await createClass(base);
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    const working = await new Learner(base, (await joinClass(base, cls.code, 'Working')).token).connect();
    const early = await new Learner(base, (await joinClass(base, cls.code, 'Early')).token).connect();
    const policy = POLICIES.first!('w');
    while (working.observation!.phase !== 'sprint.execution.working') expect((await working.act(policy.choose(working.step()) as Json)).type).toBe('ack');

    const r = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass' } });
    expect(r.status).toBe(200);
    const byId = Object.fromEntries((r.json.injection.learners as Json[]).map((l) => [l.learnerId, l]));
    expect(byId[working.welcome!.learnerId]).toMatchObject({ status: 'applied' });
    expect(byId[early.welcome!.learnerId]).toMatchObject({ status: 'pending' });
    expect(r.json.injection).toMatchObject({ applied: 1, pending: 1, skipped: 0 });
    // The dashboard's latest word on it is the same.
    await dash.socket.next((m) => m.type === 'injected' && m.injection.applied === 1);
    const last = [...dash.socket.received].reverse().find((m) => m.type === 'injected')!;
    expect(last.injection).toEqual(r.json.injection);
    for (const s of [working, early, dash]) s.close();
  });
});
