import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { verifyReplay } from '../../src/engine';
import { findScenario } from '../../src/scenario/fs';
import { SEED_HIDDEN } from '../../src/server/classroom/summary';
import { api, createClass, Dashboard, deepStrings, joinClass, Learner, startTestServer, type Json, type TestServer } from './helpers';

// Keys of the engine's hidden state: none may ever reach a learner.
const HIDDEN_KEYS = ['truth', 'hiddenRework', 'remaining', 'sprintCapacity', 'rng', 'velocitySpread', 'influence', 'interest'];

describe('a facilitator and four learners play a whole class over the sockets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('shows live progress and results, debriefs, and exports exactly what was played', async () => {
    const base = server.url;
    const cls = await createClass(base, { seedPolicy: 'learner', title: 'Tuesday CSPO' });
    expect(cls.code).toMatch(/^[A-Z2-9]{7}$/);
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    expect(dash.snapshot!.dashboard.class.title).toBe('Tuesday CSPO');

    const names = ['Ada', 'Grace', 'Linus', 'Margaret'];
    const learners = await Promise.all(names.map(async (n) => new Learner(base, (await joinClass(base, cls.code, n)).token, n).connect()));
    await dash.until((m) => m.size === 4 && [...m.values()].every((l) => l.connected));

    const policies = names.map((_, i) => POLICIES[i % 2 ? 'random' : 'first']!(`bot-${i}`));
    const played = await Promise.all(learners.map((l, i) => l.play(policies[i]!)));
    for (const [i, l] of learners.entries()) {
      const finished = l.socket.find((m) => m.type === 'finished')!;
      // Finishing early must not reveal the seed: others are still playing the same world.
      expect(finished.report.seed).toBe(SEED_HIDDEN);
      expect(finished.debrief.seed).toBe(SEED_HIDDEN);
      expect(played[i]!.accepted.length).toBeGreaterThan(20);
    }

    await dash.until((m) => [...m.values()].every((l) => l.done && l.steps === played[names.indexOf(l.name)]!.accepted.length));
    const results = await dash.socket.next((m) => m.type === 'results' && m.results.learners === 4 && m.results.domains.some((d: Json) => d.mean !== null));
    const goal = results.results.goals.find((g: Json) => g.counts.notSeen < 4)!;
    expect(goal.counts.shown + goal.counts.partly + goal.counts.missed + goal.counts.notSeen).toBe(4);

    const debrief = await api(base, 'GET', `/api/classes/${cls.id}/debrief`, { key: cls.key });
    expect(debrief.status).toBe(200);
    expect(debrief.json.finished).toBe(4);
    expect(debrief.json.decisions.length).toBeGreaterThan(5);
    for (const d of debrief.json.decisions as Json[]) {
      expect(d.choices.reduce((a: number, c: Json) => a + c.count, 0)).toBe(d.learners);
      expect(d.scoreBands.reduce((a: number, b: Json) => a + b.count, 0)).toBe(d.learners);
      expect(d.goals.length).toBeGreaterThan(0);
      expect(d.prompts.length).toBeGreaterThan(0);
      // Read aloud in the room: goals by their titles, never by curriculum code.
      for (const p of d.prompts as string[]) expect(p).not.toMatch(/\bD\d\.\d\.\d\b/);
    }
    expect(debrief.json.outcomes.find((o: Json) => o.key === 'valuePercent').n).toBe(4);
    expect(debrief.json.learnerDebriefs.map((l: Json) => l.name).sort()).toEqual([...names].sort());

    const ended = await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    expect(ended.json.class.status).toBe('ended');
    const { scenario, hash } = (await findScenario('corner-cafe')) as Extract<Awaited<ReturnType<typeof findScenario>>, { ok: true }>;
    const exported = await api(base, 'GET', `/api/classes/${cls.id}/export.json`, { key: cls.key });
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const csv = await api(base, 'GET', `/api/classes/${cls.id}/export.csv`, { key: cls.key });
    const rows = csv.text.trim().split('\r\n');
    expect(rows).toHaveLength(5);

    for (const [i, l] of learners.entries()) {
      const result = await l.socket.next((m) => m.type === 'result');
      const replay = result.replay;
      expect(replay.actions).toHaveLength(played[i]!.accepted.length);
      const verified = verifyReplay(replay, scenario, hash);
      expect(verified.ok).toBe(true);

      // Before the class ended, nothing this learner received held the seed or hidden state.
      const before = l.socket.received.slice(0, l.socket.received.indexOf(result));
      const strings = new Set(deepStrings(before));
      expect(strings.has(replay.seed)).toBe(false);
      expect([...strings].some((s) => s.includes(replay.seed))).toBe(false);
      for (const k of HIDDEN_KEYS) expect(strings.has(k)).toBe(false);

      const row = exported.json.learners.find((x: Json) => x.name === l.name);
      const run = row.runs[0];
      expect(run.actions.map((a: Json) => a.action)).toEqual(replay.actions);
      expect(run.actions.map((a: Json) => a.seq)).toEqual(replay.actions.map((_: unknown, k: number) => k + 1));
      expect(run.replay).toEqual(replay);
      expect(run.stateHash).toBe(result.stateHash);
      expect(run.seed).toBe(replay.seed);
      expect(run.outcomes).toEqual(result.report.outcomes);
      const csvRow = rows.find((r) => r.includes(row.id))!.split(',');
      const header = rows[0]!.split(',');
      expect(csvRow[header.indexOf('steps')]).toBe(String(played[i]!.accepted.length));
      expect(csvRow[header.indexOf('seed')]).toBe(replay.seed);
    }
    // Per-learner seeds: different worlds.
    expect(new Set(exported.json.learners.map((x: Json) => x.runs[0].seed)).size).toBe(4);
    for (const l of learners) l.close();
    dash.close();
  });
});
