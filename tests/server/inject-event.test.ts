import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, type Policy } from '../../src/bots';
import { verifyReplay } from '../../src/engine';
import { findScenario } from '../../src/scenario/fs';
import { api, createClass, Dashboard, joinClass, Learner, startTestServer, type Json, type TestServer } from './helpers';

const WORKING = 'sprint.execution.working';

/** Plays until the observation's phase satisfies `stop` (checked before each action). */
async function playUntil(l: Learner, policy: Policy, stop: (phase: string) => boolean): Promise<void> {
  while (!l.observation!.done && !stop(l.observation!.phase as string)) {
    const reply = await l.act(policy.choose(l.step()) as Json);
    if (reply.type !== 'ack') throw new Error(`refused: ${reply.code} ${reply.message}`);
  }
}

/** The learner's next `eventInjected` notice and, when it was applied, the observation that follows. */
async function appliedNow(l: Learner): Promise<Json> {
  const notice = await l.socket.next((m) => m.type === 'eventInjected');
  expect(notice).toMatchObject({ cardId: 'bypass', status: 'applied' });
  l.observation = await l.socket.next((m) => m.type === 'observation');
  return notice;
}

function expectBypassPending(l: Learner): void {
  expect(l.observation!.phase).toBe('sprint.execution.deciding');
  expect(l.observation!.observation.pendingEvent.id).toBe('bypass');
}

describe('injecting an event card', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reaches every learner: at once in execution, on entering execution later, skipped when finished; replays verify', async () => {
    const base = server.url;
    const cls = await createClass(base);
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    const names = ['A', 'B', 'C', 'Done'];
    const learners = await Promise.all(names.map(async (n) => new Learner(base, (await joinClass(base, cls.code, n)).token, n).connect()));
    const [a, b, c, done] = learners as [Learner, Learner, Learner, Learner];
    const policy = (n: string) => POLICIES.first!(n);
    // A and B are at the start of Sprint 1's execution; C is still before it; Done has finished.
    await playUntil(a, policy('a'), (p) => p === WORKING);
    await playUntil(b, policy('b'), (p) => p === WORKING);
    await playUntil(c, policy('c'), (p) => p === 'sprint.planning.proposing');
    await done.play(policy('done'));
    expect(done.observation!.done).toBe(true);

    const r = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass' } });
    expect(r.status).toBe(200);
    expect(r.json.injection).toMatchObject({ cardId: 'bypass', scenarioId: 'corner-cafe', title: 'Going around the Product Owner' });
    const injectionId = r.json.injection.id as number;

    for (const l of [a, b]) {
      await appliedNow(l);
      expectBypassPending(l);
    }
    expect(await c.socket.next((m) => m.type === 'eventInjected')).toMatchObject({ cardId: 'bypass', status: 'queued' });
    expect(await done.socket.next((m) => m.type === 'eventInjected')).toMatchObject({ cardId: 'bypass', status: 'skipped', reason: 'finished' });
    await dash.socket.next((m) => m.type === 'injected' && m.injection.applied === 2 && m.injection.pending === 1 && m.injection.skipped === 1);

    // C enters execution: the action is acknowledged, then the card is applied before the observation.
    await playUntil(c, policy('c'), (p) => p.startsWith('sprint.execution'));
    expectBypassPending(c);
    const kinds = c.socket.received.map((m) => (m.type === 'eventInjected' ? `${m.type}:${m.status}` : m.type));
    const ack = kinds.lastIndexOf('ack');
    const notice = kinds.lastIndexOf('eventInjected:applied');
    expect(notice).toBeGreaterThan(ack);
    const last = await dash.socket.next((m) => m.type === 'injected' && m.injection.pending === 0);
    expect(last.injection).toMatchObject({ status: 'delivered', applied: 3, pending: 0, skipped: 1 });

    // A learner cannot inject on their own.
    const forged = await a.act({ type: 'injectEvent', cardId: 'bypass' });
    expect(forged.type).toBe('error');

    // A late joiner is told where the injection stands for them.
    const late = await new Learner(base, (await joinClass(base, cls.code, 'Late')).token).connect();
    expect(late.socket.find((m) => m.type === 'eventInjected')).toMatchObject({ cardId: 'bypass', status: 'queued' });

    await Promise.all([a, b, c, late].map((l, i) => l.play(policy(`end-${i}`))));
    const exported = await api(base, 'GET', `/api/classes/${cls.id}/export.json`, { key: cls.key });
    const stored = (name: string) => exported.json.learners.find((x: Json) => x.name === name).runs[0].actions as Json[];
    for (const n of ['A', 'B', 'C', 'Late']) {
      const inj = stored(n).filter((x) => x.action.type === 'injectEvent');
      expect(inj).toEqual([expect.objectContaining({ seq: -injectionId, action: { type: 'injectEvent', cardId: 'bypass' } })]);
    }
    expect(stored('Done').some((x) => x.action.type === 'injectEvent')).toBe(false);

    await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    const found = await findScenario('corner-cafe');
    if (!found.ok) throw new Error('corner-cafe missing');
    for (const l of [a, b, c, late]) {
      const result = await l.socket.next((m) => m.type === 'result');
      expect(result.replay.actions.filter((x: Json) => x.type === 'injectEvent')).toEqual([{ type: 'injectEvent', cardId: 'bypass' }]);
      expect(verifyReplay(result.replay, found.scenario, found.hash).ok).toBe(true);
    }
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
    const ended = await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    expect(ended.status).toBe(200);
    const refused = await api(base, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass' } });
    expect(refused.status).toBe(409);
  });
});
