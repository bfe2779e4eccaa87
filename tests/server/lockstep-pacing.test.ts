import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { api, createClass, Dashboard, joinClass, Learner, startTestServer, type Json, type TestServer } from './helpers';

/** Plays with the `first` bot until the server says to wait for the next release, or the end. */
async function playUntilBlocked(l: Learner): Promise<'blocked' | 'done'> {
  const policy = POLICIES.first!('x');
  while (!l.observation!.done) {
    const reply = await l.act(policy.choose(l.step()) as Json);
    if (reply.type === 'error') {
      expect(reply.code).toBe('waitForRelease');
      return 'blocked';
    }
  }
  return 'done';
}

describe('lock-step pacing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('keeps every learner within the released phase until the facilitator releases the next', async () => {
    const base = server.url;
    const cls = await createClass(base, { pacing: 'lockstep' });
    const op = (name: string) => api(base, 'POST', `/api/classes/${cls.id}/${name}`, { key: cls.key });
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    const info = dash.snapshot!.dashboard.class;
    expect(info.released).toEqual({ index: 0, label: 'Briefing' });
    const stages: number = info.stages;

    const learners = await Promise.all(['Ann', 'Bo'].map(async (n) => new Learner(base, (await joinClass(base, cls.code, n)).token, n).connect()));
    expect(learners[0]!.welcome!.class.pacing).toBe('lockstep');

    let released = 0;
    for (;;) {
      const outcomes = await Promise.all(learners.map(playUntilBlocked));
      if (outcomes.every((o) => o === 'done')) break;
      expect(outcomes).toEqual(['blocked', 'blocked']);
      // The refused action was undone: the learner's game is exactly where it was.
      const l = learners[0]!;
      l.socket.send({ type: 'sync' });
      const again = await l.socket.next((m) => m.type === 'observation');
      expect(again).toEqual(l.observation);

      await dash.until((m) => [...m.values()].every((s) => s.waiting && s.stage === released));
      if (released === 3) {
        // Pausing stops everyone, whatever the pacing.
        expect((await op('pause')).json.class.paused).toBe(true);
        const refused = await l.act({ id: l.observation!.actions[0].id });
        expect(refused.code).toBe('paused');
        expect((await op('resume')).json.class.paused).toBe(false);
      }
      const r = await op('release');
      expect(r.status).toBe(200);
      released = r.json.class.released.index;
      for (const x of learners) expect((await x.socket.next((m) => m.type === 'class' && m.class.released.index === released)).class.pacing).toBe('lockstep');
    }

    // Every stage had to be released, the last one being the debrief.
    expect(released).toBe(stages - 1);
    expect(dash.learners.size).toBe(2);
    await dash.until((m) => [...m.values()].every((s) => s.done && s.stage === stages - 1));
    const beyond = await op('release');
    expect(beyond.status).toBe(409);
    expect(beyond.json.error.code).toBe('allReleased');
    for (const l of learners) l.close();
    dash.close();
  });

  it('refuses to release anything in a free-paced class', async () => {
    const cls = await createClass(server.url, { pacing: 'free' });
    const r = await api(server.url, 'POST', `/api/classes/${cls.id}/release`, { key: cls.key });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('notLockstep');
  });
});
