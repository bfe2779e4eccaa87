import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { verifyReplay } from '../../src/engine';
import { findScenario } from '../../src/scenario/fs';
import { api, createClass, joinClass, Learner, startTestServer, tempDir, type Json, type TestServer } from './helpers';

/** The facilitator's drill-down endpoint: GET /api/classes/:id/learners/:learner/runs. */
describe("a learner's run for the facilitator", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Plays `n` listed choices (the k-th offered one, cycling) and returns their labels. */
  async function playListed(l: Learner, n: number, k = 0): Promise<string[]> {
    const labels: string[] = [];
    for (let i = 0; i < n; i++) {
      const offered = l.step().actions as unknown as Json[];
      const pick = offered[(k + i) % offered.length]!;
      const reply = await l.act({ id: pick.id });
      expect(reply.type).toBe('ack');
      labels.push(pick.label);
    }
    return labels;
  }

  it("answers the learner's replay log and choices in words, which verify against what they played", async () => {
    const cls = await createClass(server.url, { seedPolicy: 'learner' });
    const ada = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Ada')).token, 'Ada').connect();
    const grace = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Grace')).token, 'Grace').connect();
    const adaLabels = await playListed(ada, 6);
    await playListed(grace, 3, 1);
    const adaId = ada.welcome!.learnerId as string;

    const r = await api(server.url, 'GET', `/api/classes/${cls.id}/learners/${adaId}/runs`, { key: cls.key });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json.learner).toEqual({ id: adaId, name: 'Ada', removed: false, done: false });
    expect(r.json.viewer).toBe(false);
    expect(r.json.runs).toHaveLength(1);
    const run = r.json.runs[0] as Json;
    expect(run.scenarioId).toBe('corner-cafe');
    expect(run.choices.map((c: Json) => c.label)).toEqual(adaLabels);
    expect(run.choices.map((c: Json) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of run.choices as Json[]) expect(Number.isNaN(Date.parse(c.at))).toBe(false);
    expect(run.choices[0].phase).toMatch(/^briefing/);

    // The replay re-plays to the same end, and holds Ada's six actions, not Grace's three.
    const found = await findScenario('corner-cafe');
    if (!found.ok) throw new Error('corner-cafe is missing');
    const verified = verifyReplay(run.replay, found.scenario, found.hash);
    expect(verified.ok).toBe(true);
    expect(run.replay.actions).toHaveLength(6);

    // Once the class has ended, the export holds the same actions and the same seed.
    await api(server.url, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    const exported = await api(server.url, 'GET', `/api/classes/${cls.id}/export.json`, { key: cls.key });
    const adaRun = (exported.json.learners as Json[]).find((l) => l.id === adaId)!.runs[0];
    expect(run.replay.actions).toEqual(adaRun.actions.map((a: Json) => a.action));
    expect(run.replay.seed).toBe(adaRun.seed);
    expect(run.replay.finalHash).toBe(adaRun.stateHash);
    ada.close();
    grace.close();
  });

  it('needs the key, and says clearly when the learner is not in the class', async () => {
    const cls = await createClass(server.url);
    const other = await createClass(server.url);
    const lin = await joinClass(server.url, cls.code, 'Lin');
    const stranger = await joinClass(server.url, other.code, 'Sam');
    const path = (learner: string) => `/api/classes/${cls.id}/learners/${learner}/runs`;

    const none = await api(server.url, 'GET', path(lin.learnerId));
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('keyRequired');
    const wrong = await api(server.url, 'GET', path(lin.learnerId), { key: other.key });
    expect(wrong.status).toBe(403);
    expect(wrong.text).not.toContain('Lin');

    const unknown = await api(server.url, 'GET', path('nobody-here'), { key: cls.key });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: { code: 'unknownLearner', message: 'no learner with this id in this class' } });
    // A learner of another class is not in this one.
    const elsewhere = await api(server.url, 'GET', path(stranger.learnerId), { key: cls.key });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json.error.code).toBe('unknownLearner');
    const odd = await api(server.url, 'GET', path('..%2Fkey'), { key: cls.key });
    expect(odd.status).toBe(404);
    expect(odd.json.error.code).toBe('notFound');

    // A learner who has not played yet has an empty run; a removed learner can still be looked at.
    const empty = await api(server.url, 'GET', path(lin.learnerId), { key: cls.key });
    expect(empty.json.runs[0].choices).toEqual([]);
    expect(empty.json.runs[0].replay.actions).toEqual([]);
    await api(server.url, 'POST', `/api/classes/${cls.id}/learners/${lin.learnerId}/remove`, { key: cls.key });
    const removed = await api(server.url, 'GET', path(lin.learnerId), { key: cls.key });
    expect(removed.status).toBe(200);
    expect(removed.json.learner.removed).toBe(true);
  });

  it('gives the read-only link the choices, and the replay (which holds the seed) only once the class has ended', async () => {
    const created = await api(server.url, 'POST', '/api/classes', { body: { content: { kind: 'scenario', id: 'corner-cafe' } } });
    const { class: info, key, viewKey } = created.json as { class: Json; key: string; viewKey: string };
    const l = await new Learner(server.url, (await joinClass(server.url, info.code, 'Ada')).token).connect();
    const labels = await playListed(l, 3);
    const path = `/api/classes/${info.id}/learners/${l.welcome!.learnerId}/runs`;
    const watching = await api(server.url, 'GET', path, { key: viewKey });
    expect(watching.status).toBe(200);
    expect(watching.json.runs[0].choices.map((c: Json) => c.label)).toEqual(labels);
    expect(watching.json.runs[0].replay).toBeNull();
    const facilitating = await api(server.url, 'GET', path, { key });
    const seed = facilitating.json.runs[0].replay.seed as string;
    expect(watching.text).not.toContain(seed);
    await api(server.url, 'POST', `/api/classes/${info.id}/end`, { key });
    const after = await api(server.url, 'GET', path, { key: viewKey });
    expect(after.json.runs[0].replay.seed).toBe(seed);
    l.close();
  });

  it("is built in slices: a whole run's words never hold up other learners' acks", async () => {
    // A turn at every step, so the count of turns says how finely the work is cut on any machine.
    const sliced = await startTestServer({ sliceMs: 0 });
    try {
      const cls = await createClass(sliced.url);
      const l = await new Learner(sliced.url, (await joinClass(sliced.url, cls.code, 'Ada')).token).connect();
      const { accepted } = await l.play(POLICIES.random!('drill'));
      expect(l.observation!.done).toBe(true);
      let turns = 0;
      let counting = true;
      const tick = () => {
        turns++;
        if (counting) setImmediate(tick);
      };
      setImmediate(tick);
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const t = performance.now();
      const r = await api(sliced.url, 'GET', `/api/classes/${cls.id}/learners/${l.welcome!.learnerId}/runs`, { key: cls.key });
      const ms = performance.now() - t;
      loop.disable();
      counting = false;
      expect(r.status).toBe(200);
      expect(r.json.runs[0].choices).toHaveLength(accepted.length);
      expect(r.json.learner.done).toBe(true);
      // Figures for the note.
      console.log(JSON.stringify({ steps: accepted.length, ms: Math.round(ms), bytes: r.text.length, turns, maxLoopBlockMs: Math.round(loop.max / 1e6) }));
      expect(turns).toBeGreaterThanOrEqual(accepted.length);
      l.close();
    } finally {
      await sliced.stop();
    }
  });

  it('says that the game is served, for the dashboard to offer the replay viewer', async () => {
    // Any directory with an index.html counts as the built game.
    const dist = tempDir('sprintwise-fake-dist-');
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>game</title>');
    const withGame = await startTestServer({ distDir: dist });
    try {
      const cls = await createClass(withGame.url);
      const lin = await joinClass(withGame.url, cls.code, 'Lin');
      const r = await api(withGame.url, 'GET', `/api/classes/${cls.id}/learners/${lin.learnerId}/runs`, { key: cls.key });
      expect(r.json.viewer).toBe(true);
    } finally {
      await withGame.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
