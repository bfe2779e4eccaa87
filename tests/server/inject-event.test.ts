import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createClass, Dashboard, joinClass, Learner, startTestServer, type TestServer } from './helpers';

/*
 * The engine cannot force an event card yet, so an injection is queued: recorded, listed on the
 * dashboard, announced to every learner with status "queued". When the engine gains an
 * injection API (docs/facilitator.md, "Injecting an event"), delivery joins this test.
 */
describe('injecting an event card', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reaches every learner, connected now or later, and the dashboard', async () => {
    const base = server.url;
    const cls = await createClass(base);
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    const learners = await Promise.all(['A', 'B', 'C'].map(async (n) => new Learner(base, (await joinClass(base, cls.code, n)).token, n).connect()));

    const r = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass' } });
    expect(r.status).toBe(200);
    expect(r.json.injection).toMatchObject({ cardId: 'bypass', scenarioId: 'corner-cafe', title: 'Going around the Product Owner', status: 'queued' });

    for (const l of learners) {
      const notice = await l.socket.next((m) => m.type === 'eventInjected');
      expect(notice).toMatchObject({ cardId: 'bypass', title: 'Going around the Product Owner', status: 'queued' });
    }
    expect((await dash.socket.next((m) => m.type === 'injected')).injection.cardId).toBe('bypass');

    const late = await new Learner(base, (await joinClass(base, cls.code, 'Late')).token).connect();
    expect(late.socket.find((m) => m.type === 'eventInjected')?.cardId).toBe('bypass');

    const snapshot = await api(base, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    expect(snapshot.json.injections.map((i: { cardId: string }) => i.cardId)).toEqual(['bypass']);

    for (const l of [...learners, late]) l.close();
    dash.close();
  });

  it('refuses cards that are not in the deck, and injections into an ended class', async () => {
    const base = server.url;
    const cls = await createClass(base);
    const unknown = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'meteor-strike' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('unknownCard');
    expect(unknown.json.error.message).toContain('bypass');
    const otherScenario = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass', scenarioId: 'nope' } });
    expect(otherScenario.status).toBe(400);
    await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    const ended = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass' } });
    expect(ended.status).toBe(409);
  });
});
