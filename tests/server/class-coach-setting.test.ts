import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS } from '../../src/server/store/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { api, createClass, Dashboard, joinClass, Learner, startTestServer, tempDir, type Json, type TestServer } from './helpers';

/** Answers the open question with its first listed answer: a judged action in the café's briefing. */
function firstAnswer(l: Learner): Json {
  const a = (l.observation!.actions as Json[]).find((x) => x.type === 'answerQuestion');
  if (!a) throw new Error('no question open');
  return { id: a.id };
}

describe("the class's coach setting", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('is on by default: learners are told so and get their judgements with each ack', async () => {
    const cls = await createClass(server.url);
    expect(cls.info.coach).toBe(true);
    const l = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Ann')).token).connect();
    expect(l.welcome!.class.coach).toBe(true);
    const ack = await l.act(firstAnswer(l));
    expect(ack.type).toBe('ack');
    expect(ack.evidence.length).toBeGreaterThan(0);
    expect(ack.evidence[0]).toMatchObject({ decisionId: expect.stringMatching(/^question-/), score: expect.any(Number), rationale: expect.any(String) });
    l.close();
  });

  it('set off at creation, is assessment mode: no judgements go to learners', async () => {
    const cls = await createClass(server.url, { coach: false });
    expect(cls.info.coach).toBe(false);
    const l = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Bo')).token).connect();
    expect(l.welcome!.class.coach).toBe(false);
    const ack = await l.act(firstAnswer(l));
    expect(ack).toEqual({ type: 'ack', seq: 1, step: 0 });
    // The judgement is still made and counted for the class, only not shown to the learner.
    const snapshot = await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    expect(snapshot.json.class.coach).toBe(false);
    l.close();
  });

  it('sends consequences with the ack even in assessment mode: what changed is not a verdict', async () => {
    const cls = await createClass(server.url, { coach: false });
    const l = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Cy')).token).connect();
    const policy = POLICIES.random!('coach-effects');
    const acks: Json[] = [];
    // Until something changed trust, morale, debt, value or the goal (a random player may stay long in the briefing).
    while (acks.length < 400 && !l.observation!.done && !acks.some((a) => Array.isArray(a.effects) && a.effects.length)) acks.push(await l.act(policy.choose(l.step()) as Json));
    expect(acks.every((a) => a.type === 'ack' && a.evidence === undefined)).toBe(true);
    const effects = acks.flatMap((a) => (Array.isArray(a.effects) ? a.effects : []));
    expect(effects.length).toBeGreaterThan(0);
    for (const e of effects) {
      expect(['trust', 'morale', 'debt', 'value', 'goal']).toContain(e.kind);
      expect(typeof e.delta).toBe('number');
      expect(e.cause).toMatch(/^[A-Z"]/);
    }
    l.close();
  });

  it('sends evidence and effects with the first ack only: a resend after a lost ack gets a bare duplicate ack', async () => {
    const cls = await createClass(server.url);
    const l = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Di')).token).connect();
    const action = firstAnswer(l);
    const first = await l.act(action);
    expect(first.evidence.length).toBeGreaterThan(0);
    // The game then marks the Sprint's report card as partial (docs/classroom-protocol.md, "Effects are sent once").
    expect(await l.act(action, first.seq)).toEqual({ type: 'ack', seq: first.seq, step: first.step, duplicate: true });
    l.close();
  });

  it('can be switched by the facilitator while the class runs; learners and the dashboard hear of it at once', async () => {
    const cls = await createClass(server.url, { coach: false });
    const dash = await new Dashboard(server.url, cls.id, cls.key).connect();
    const l = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Cy')).token).connect();
    const on = await api(server.url, 'POST', `/api/classes/${cls.id}/coach-on`, { key: cls.key });
    expect(on.status).toBe(200);
    expect(on.json.class.coach).toBe(true);
    expect((await l.socket.next((m) => m.type === 'class')).class.coach).toBe(true);
    await dash.socket.next((m) => m.type === 'class' && m.class.coach === true);
    expect((await l.act(firstAnswer(l))).evidence.length).toBeGreaterThan(0);

    const off = await api(server.url, 'POST', `/api/classes/${cls.id}/coach-off`, { key: cls.key });
    expect(off.json.class.coach).toBe(false);
    expect((await l.socket.next((m) => m.type === 'class')).class.coach).toBe(false);
    const question = (l.observation!.actions as Json[]).find((x) => x.type === 'answerQuestion');
    const next = await l.act(question ? { id: question.id } : { id: (l.observation!.actions as Json[])[0]!.id });
    expect(next.type).toBe('ack');
    expect(next.evidence).toBeUndefined();
    l.close();
    dash.close();
  });

  it('needs the facilitator key and refuses a non-boolean at creation', async () => {
    const cls = await createClass(server.url, { coach: false });
    expect((await api(server.url, 'POST', `/api/classes/${cls.id}/coach-on`, { key: 'x'.repeat(43) })).status).toBe(403);
    expect((await api(server.url, 'POST', '/api/classes', { body: { content: { kind: 'scenario', id: 'corner-cafe' }, coach: 'yes' } })).status).toBe(400);
  });

  it('is kept across a restart', async () => {
    const dataDir = tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const cls = await createClass(first.url);
      await api(first.url, 'POST', `/api/classes/${cls.id}/coach-off`, { key: cls.key });
      await first.close();
      const second = await startTestServer({ dataDir });
      const snapshot = await api(second.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
      expect(snapshot.json.class.coach).toBe(false);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is on for a class stored before the setting existed', () => {
    const db = new Database(':memory:');
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.prepare(
      "INSERT INTO classes (id, code, key_hash, title, content_kind, content_id, scenarios, seed_policy, class_seed, pacing, engine_version, created_at) VALUES ('c1', 'ABCDEFG', 'h', 'Old', 'scenario', 'corner-cafe', '[]', 'class', 's', 'free', '1.0.0', '2026-01-01T00:00:00Z')",
    ).run();
    expect(migrate(db)).toEqual({ from: 1, to: MIGRATIONS.at(-1)!.version });
    expect(db.prepare('SELECT coach FROM classes').get()).toEqual({ coach: 1 });
    db.close();
  });
});
