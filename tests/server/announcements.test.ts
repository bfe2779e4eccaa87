import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOUNCEMENT_MAX, ANNOUNCEMENTS_PER_MINUTE } from '../../src/server/classroom/notes';
import { api, createClass, joinClass, Learner, startTestServer, tempDir, type Json, type TestServer } from './helpers';

const announcements = (l: Learner) => l.socket.received.filter((m) => m.type === 'announcement');

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('announcements and suggested stage times', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reach every connected learner, not a removed one, and come again after a reconnect', async () => {
    const cls = await createClass(server.url);
    const a = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Ada')).token).connect();
    const bJoin = await joinClass(server.url, cls.code, 'Bo');
    const b = await new Learner(server.url, bJoin.token).connect();
    const c = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Cy')).token).connect();
    expect((await api(server.url, 'POST', `/api/classes/${cls.id}/learners/${bJoin.learnerId}/remove`, { key: cls.key })).status).toBe(200);

    const r = await api(server.url, 'POST', `/api/classes/${cls.id}/announce`, { key: cls.key, body: { text: '  Ten minutes left\nfor planning  ' } });
    expect(r.status).toBe(200);
    expect(r.json.announcement.text).toBe('Ten minutes left for planning');
    expect(r.json.reached).toBe(2);
    await until(() => announcements(a).length === 1 && announcements(c).length === 1);
    expect(announcements(a)[0]).toEqual({ type: 'announcement', text: 'Ten minutes left for planning', at: r.json.announcement.at });
    expect(announcements(b)).toEqual([]);

    // The latest one only, right after the welcome and the observation.
    await api(server.url, 'POST', `/api/classes/${cls.id}/announce`, { key: cls.key, body: { text: 'Second one' } });
    a.close();
    const again = await new Learner(server.url, a.token).connect();
    await until(() => announcements(again).length === 1);
    expect(announcements(again)[0]!.text).toBe('Second one');
    again.close();
    c.close();
  });

  it('are limited in length, emptiness, shape and rate, and refused once the class has ended', async () => {
    const cls = await createClass(server.url);
    const post = (body: Json) => api(server.url, 'POST', `/api/classes/${cls.id}/announce`, { key: cls.key, body });
    expect((await post({ text: 'x'.repeat(ANNOUNCEMENT_MAX + 1) })).json.error.message).toBe(`the announcement is too long: at most ${ANNOUNCEMENT_MAX} characters, found ${ANNOUNCEMENT_MAX + 1}`);
    expect((await post({ text: ' \u200b\n ' })).status).toBe(400);
    expect((await post({ text: 'hi', to: 'everyone' })).status).toBe(400);
    expect((await api(server.url, 'POST', `/api/classes/${cls.id}/announce`, { body: { text: 'no key' } })).status).toBe(401);
    expect((await api(server.url, 'POST', `/api/classes/${cls.id}/announce`, { key: 'x'.repeat(43), body: { text: 'wrong key' } })).status).toBe(403);
    for (let i = 0; i < ANNOUNCEMENTS_PER_MINUTE; i++) expect((await post({ text: `message ${i + 1}` })).status).toBe(200);
    const limited = await post({ text: 'one too many' });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rateLimited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api(server.url, 'GET', `/api/classes/${cls.id}/lobby`, { key: cls.key })).json.announcement.text).toBe(`message ${ANNOUNCEMENTS_PER_MINUTE}`);

    const other = await createClass(server.url);
    await api(server.url, 'POST', `/api/classes/${other.id}/end`, { key: other.key });
    const ended = await api(server.url, 'POST', `/api/classes/${other.id}/announce`, { key: other.key, body: { text: 'too late' } });
    expect([ended.status, ended.json.error.code]).toEqual([409, 'ended']);
  });

  it('a suggested time reaches learners as a countdown with the stage, and can be cleared', async () => {
    const cls = await createClass(server.url, { pacing: 'lockstep' });
    const l = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Tim')).token).connect();
    const timer = (minutes: unknown) => api(server.url, 'POST', `/api/classes/${cls.id}/timer`, { key: cls.key, body: { minutes } });
    for (const bad of [0, 121, 1.5, '5']) expect((await timer(bad)).status).toBe(400);
    const set = await timer(5);
    expect(set.status).toBe(200);
    expect(set.json.timer).toMatchObject({ minutes: 5, label: 'Briefing' });
    const m = await l.socket.next((x) => x.type === 'timer');
    expect(m.timer.label).toBe('Briefing');
    expect(m.timer.secondsLeft).toBeGreaterThan(295);
    expect(m.timer.secondsLeft).toBeLessThanOrEqual(300);
    // Nothing is enforced: the learner still acts.
    expect((await l.act({ id: l.observation!.actions[0].id })).type).toBe('ack');
    l.close();
    const back = await new Learner(server.url, l.token).connect();
    await until(() => back.socket.received.some((x) => x.type === 'timer'));
    expect((await timer(null)).json.timer).toBeNull();
    await until(() => back.socket.received.some((x) => x.type === 'timer' && x.timer === null));
    back.close();
  });

  it('the latest announcement and timer survive a restart', async () => {
    const dataDir = tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const cls = await createClass(first.url);
      const j = await joinClass(first.url, cls.code, 'Rae');
      await api(first.url, 'POST', `/api/classes/${cls.id}/announce`, { key: cls.key, body: { text: 'Kept across restarts' } });
      await api(first.url, 'POST', `/api/classes/${cls.id}/timer`, { key: cls.key, body: { minutes: 30 } });
      await first.close();
      const second = await startTestServer({ dataDir });
      const l = await new Learner(second.url, j.token).connect();
      await until(() => l.socket.received.some((x) => x.type === 'timer'));
      expect(announcements(l).map((x) => x.text)).toEqual(['Kept across restarts']);
      l.close();
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
