import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { verifyReplay } from '../../src/engine';
import { findScenario } from '../../src/scenario/fs';
import { api, createClass, Dashboard, joinClass, Learner, tempDir, type Json } from './helpers';
import { spawnServer, type ServerProcess } from './process';

describe('killing the server mid-class', () => {
  const dataDir = tempDir();
  let proc: ServerProcess | null = null;
  afterAll(async () => {
    await proc?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged action, and every learner resumes where they were', async () => {
    proc = await spawnServer(['--port', '0', '--data', dataDir, '--message-rate', '1000']);
    const first = proc;
    const cls = await createClass(first.url, { pacing: 'free' });
    const joined = await Promise.all(['Ines', 'Jon', 'Kai'].map((n) => joinClass(first.url, cls.code, n)));
    const policies = joined.map((_, i) => POLICIES.random!(`restart-${i}`));
    const before: Learner[] = [];
    for (const [i, j] of joined.entries()) {
      const l = await new Learner(first.url, j.token).connect();
      await l.play(policies[i]!, { stopAfter: 15 + i });
      before.push(l);
    }
    // Ines sends one more action and the server dies before (or just after) storing it.
    const inFlight = POLICIES.first!('x').choose(before[0]!.step()) as Json;
    before[0]!.socket.send({ type: 'action', seq: 16, action: inFlight });
    await first.kill();

    proc = await spawnServer(['--port', String(first.port), '--data', dataDir, '--message-rate', '1000']);
    const base = proc.url;
    expect(base).toBe(first.url);
    const after = await Promise.all(joined.map((j) => new Learner(base, j.token).connect()));

    // Jon and Kai: the same state, to the byte, and the server knows their last action.
    for (const i of [1, 2]) {
      expect(after[i]!.welcome!.lastSeq).toBe(15 + i);
      expect(after[i]!.observation).toEqual(before[i]!.observation);
    }
    // Ines resends what was never acknowledged; it counts exactly once either way.
    const lastSeq = after[0]!.welcome!.lastSeq as number;
    expect([15, 16]).toContain(lastSeq);
    const resent = await after[0]!.act(inFlight, 16);
    expect(resent.type).toBe('ack');
    expect(resent.step).toBe(15);
    expect(Boolean(resent.duplicate)).toBe(lastSeq === 16);
    if (resent.duplicate) {
      after[0]!.socket.send({ type: 'sync' });
      after[0]!.observation = await after[0]!.socket.next((m) => m.type === 'observation');
    }
    after[0]!.seq = 16;

    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    expect([...dash.learners.values()].map((l) => l.steps).sort()).toEqual([16, 16, 17]);

    // The class goes on: new joins work and everyone finishes.
    const late = await new Learner(base, (await joinClass(base, cls.code, 'Late')).token).connect();
    await Promise.all([...after.map((l, i) => l.play(policies[i]!)), late.play(POLICIES.first!('late'))]);
    await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    const found = await findScenario('corner-cafe');
    if (!found.ok) throw new Error('corner-cafe missing');
    for (const l of after) {
      const result = await l.socket.next((m) => m.type === 'result');
      expect(result.replay.actions.length).toBe(l.seq);
      expect(verifyReplay(result.replay, found.scenario, found.hash).ok).toBe(true);
    }
    const exported = await api(base, 'GET', `/api/classes/${cls.id}/export.json`, { key: cls.key });
    const ines = exported.json.learners.find((x: Json) => x.name === 'Ines');
    // Sequence numbers 1..n, each once: nothing lost, nothing doubled.
    expect(ines.runs[0].actions.map((a: Json) => a.seq)).toEqual(Array.from({ length: after[0]!.seq }, (_, k) => k + 1));
    for (const l of [...after, late]) l.close();
    dash.close();
  });
});
