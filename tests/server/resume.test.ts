import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { migrate } from '../../src/server/store/migrations';
import { api, createClass, joinClass, Learner, Socket, startTestServer, tempDir, wsUrl, type TestServer } from './helpers';

/** A learner's move to another device with a one-time resume code (POST /api/learner/resume-code, POST /api/resume). */
const codeFor = (base: string, token: string) => api(base, 'POST', '/api/learner/resume-code', { key: token });
const resume = (base: string, code: string) => api(base, 'POST', '/api/resume', { body: { code } });

describe('resume codes', () => {
  let server: TestServer;
  let now = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    server = await startTestServer({ clock: () => now, joinFailuresPerMinute: 1000 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('move a learner to another device: same game, same step, and the old device is signed out', async () => {
    const cls = await createClass(server.url);
    const joined = await joinClass(server.url, cls.code, 'Ada');
    const old = await new Learner(server.url, joined.token).connect();
    await old.play(POLICIES.first!('move'), { stopAfter: 6 });
    const before = old.observation;

    const issued = await codeFor(server.url, joined.token);
    expect(issued.status).toBe(201);
    expect(issued.json.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(issued.json.hours).toBe(24);
    expect(Date.parse(issued.json.expiresAt) - now.getTime()).toBe(24 * 3_600_000);

    // Typed in lower case with a space instead of the dash: still the code.
    const moved = await resume(server.url, issued.json.code.toLowerCase().replace('-', ' '));
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ learnerId: joined.learnerId, name: 'Ada', class: { title: expect.any(String) } });
    expect(moved.json.token).not.toBe(joined.token);

    // The old device hears why and is closed; its token opens nothing any more.
    expect((await old.socket.waitClosed()).code).toBe(4011);
    expect(old.socket.find((m) => m.type === 'error' && m.code === 'moved')).toBeTruthy();
    const stale = new Socket(wsUrl(server.url, '/ws/learner'));
    await stale.opened;
    stale.send({ type: 'hello', token: joined.token });
    expect((await stale.waitClosed()).code).toBe(4003);

    const fresh = await new Learner(server.url, moved.json.token).connect();
    expect(fresh.welcome!.lastSeq).toBe(6);
    expect(fresh.observation).toEqual(before);
    const next = await fresh.act(POLICIES.first!('move').choose(fresh.step()) as Record<string, unknown>, 7);
    expect(next).toMatchObject({ type: 'ack', step: 6 });
    fresh.close();

    // The audit trail says a learner moved (and never stores the code).
    const exported = await api(server.url, 'GET', `/api/classes/${cls.id}/export.json`, { key: cls.key });
    expect(exported.json.audit.map((a: { op: string }) => a.op)).toContain('learnerMoved');
    expect(exported.text).not.toContain(issued.json.code.replace('-', ''));
  });

  it('refuse a used, replaced, mistyped, malformed or expired code, each with its reason', async () => {
    const cls = await createClass(server.url);
    const { token } = await joinClass(server.url, cls.code, 'Grace');
    const first = (await codeFor(server.url, token)).json.code as string;
    const second = (await codeFor(server.url, token)).json.code as string;
    // A new code replaces the old one.
    expect((await resume(server.url, first)).json.error.code).toBe('unknownResumeCode');
    const used = await resume(server.url, second);
    expect(used.status).toBe(200);
    const again = await resume(server.url, second);
    expect(again.status).toBe(404);
    expect(again.json.error).toEqual({ code: 'unknownResumeCode', message: expect.stringContaining('already used') });

    const bad = await resume(server.url, 'ABC-12');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('a resume code is 10 letters and digits, like ABCDE-FGHJK (found 5 characters)');
    expect((await resume(server.url, 'AAAAA-AAAAA')).status).toBe(404);

    const late = (await codeFor(server.url, used.json.token)).json.code as string;
    now = new Date(now.getTime() + 25 * 3_600_000);
    const expired = await resume(server.url, late);
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe('resumeCodeExpired');
    // Expired codes are spent: a second try is simply unknown.
    expect((await resume(server.url, late)).status).toBe(404);
  });

  it('need a valid token to ask for a code, and are refused to a removed learner', async () => {
    const cls = await createClass(server.url);
    const { token, learnerId } = await joinClass(server.url, cls.code, 'Kai');
    expect((await api(server.url, 'POST', '/api/learner/resume-code')).status).toBe(401);
    expect((await codeFor(server.url, 'x'.repeat(43))).status).toBe(403);
    const code = (await codeFor(server.url, token)).json.code as string;
    expect((await api(server.url, 'POST', `/api/classes/${cls.id}/learners/${learnerId}/remove`, { key: cls.key })).status).toBe(200);
    expect((await codeFor(server.url, token)).json.error.code).toBe('removed');
    const r = await resume(server.url, code);
    expect(r.status).toBe(409);
    expect(r.json.error).toEqual({ code: 'removed', message: 'the facilitator removed you from this class' });
  });
});

describe('resume code attempts', () => {
  it('are rate-limited with failed joins, per address', async () => {
    const server = await startTestServer({ joinFailuresPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await resume(server.url, 'AAAAA-AAAAA')).status).toBe(404);
      const limited = await resume(server.url, 'AAAAA-AAAAA');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // The same budget as joining: a join with a wrong code is now refused too.
      expect((await api(server.url, 'POST', '/api/join', { body: { code: 'AAAAAAA', name: 'x' } })).status).toBe(429);
    } finally {
      await server.stop();
    }
  });

  it('work after a server restart', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const cls = await createClass(first.url);
    const { token, learnerId } = await joinClass(first.url, cls.code, 'Lin');
    const code = (await codeFor(first.url, token)).json.code as string;
    await first.close();
    const second = await startTestServer({ dataDir });
    try {
      const r = await resume(second.url, code);
      expect(r.status).toBe(200);
      expect(r.json.learnerId).toBe(learnerId);
      await new Learner(second.url, r.json.token).connect();
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('migration 5', () => {
  it('adds the resume columns to a version 3 file', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    const { MIGRATIONS } = await import('../../src/server/store/migrations');
    for (const m of MIGRATIONS.filter((m) => m.version <= 3)) db.exec(m.sql);
    db.pragma('user_version = 3');
    migrate(db);
    const columns = (db.prepare('PRAGMA table_info(learners)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['resume_hash', 'resume_expires_at']));
    db.close();
  });
});
