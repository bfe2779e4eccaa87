import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { POLICIES, type Policy } from '../../src/bots';
import { verifyReplay } from '../../src/engine';
import { findScenario } from '../../src/scenario/fs';
import { api, createClass, Dashboard, joinClass, Learner, tempDir, type Json } from './helpers';
import { spawnServer, type ServerProcess } from './process';

async function playUntil(l: Learner, policy: Policy, stop: (phase: string) => boolean): Promise<void> {
  while (!l.observation!.done && !stop(l.observation!.phase as string)) {
    const reply = await l.act(policy.choose(l.step()) as Json);
    if (reply.type !== 'ack') throw new Error(`refused: ${reply.code} ${reply.message}`);
  }
}

describe('killing the server after an injection', () => {
  const dataDir = tempDir();
  let proc: ServerProcess | null = null;
  afterAll(async () => {
    await proc?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: applied injections come back exactly, pending ones are still delivered', async () => {
    proc = await spawnServer(['--port', '0', '--data', dataDir, '--message-rate', '1000']);
    const first = proc;
    const cls = await createClass(first.url);
    const joined = await Promise.all(['Xia', 'Yan'].map((n) => joinClass(first.url, cls.code, n)));
    const [x, y] = await Promise.all(joined.map((j) => new Learner(first.url, j.token).connect()));
    await playUntil(x!, POLICIES.first!('x'), (p) => p === 'sprint.execution.working');
    await playUntil(y!, POLICIES.first!('y'), (p) => p === 'sprint.planning.proposing');

    const r = await api(first.url, 'POST', `/api/classes/${cls.id}/inject`, { key: cls.key, body: { cardId: 'bypass' } });
    expect(r.status).toBe(200);
    expect((await x!.socket.next((m) => m.type === 'eventInjected')).status).toBe('applied');
    const xBefore = await x!.socket.next((m) => m.type === 'observation');
    expect(xBefore.observation.pendingEvent.id).toBe('bypass');
    const yBefore = y!.observation;
    await first.kill();

    proc = await spawnServer(['--port', String(first.port), '--data', dataDir, '--message-rate', '1000']);
    const base = proc.url;
    const [x2, y2] = await Promise.all(joined.map((j) => new Learner(base, j.token).connect()));
    // The same observations to the byte; client sequence numbers are untouched by the injection.
    expect(x2!.observation).toEqual(xBefore);
    expect(y2!.observation).toEqual(yBefore);
    expect(x2!.welcome!.lastSeq).toBe(x!.seq);
    expect(y2!.welcome!.lastSeq).toBe(y!.seq);
    expect(x2!.socket.find((m) => m.type === 'eventInjected')).toMatchObject({ cardId: 'bypass', status: 'applied' });
    expect(y2!.socket.find((m) => m.type === 'eventInjected')).toMatchObject({ cardId: 'bypass', status: 'queued' });
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    expect(dash.snapshot!.dashboard.injections).toEqual([expect.objectContaining({ cardId: 'bypass', applied: 1, pending: 1, skipped: 0, status: 'delivering' })]);

    // Yan, after the restart, enters execution and gets the card.
    await playUntil(y2!, POLICIES.first!('y'), (p) => p.startsWith('sprint.execution'));
    expect(y2!.observation!.phase).toBe('sprint.execution.deciding');
    expect(y2!.observation!.observation.pendingEvent.id).toBe('bypass');

    await Promise.all([x2!, y2!].map((l, i) => l.play(POLICIES.first!(`end-${i}`))));
    await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    const found = await findScenario('corner-cafe');
    if (!found.ok) throw new Error('corner-cafe missing');
    for (const l of [x2!, y2!]) {
      const result = await l.socket.next((m) => m.type === 'result');
      expect(result.replay.actions.filter((a: Json) => a.type === 'injectEvent')).toEqual([{ type: 'injectEvent', cardId: 'bypass' }]);
      expect(verifyReplay(result.replay, found.scenario, found.hash).ok).toBe(true);
    }
    const exported = await api(base, 'GET', `/api/classes/${cls.id}/export.json`, { key: cls.key });
    expect(exported.json.injections[0]).toMatchObject({ applied: 2, pending: 0, status: 'delivered' });
    for (const l of [x2!, y2!]) l.close();
    dash.close();
  });
});
