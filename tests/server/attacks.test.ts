import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createClass, joinClass, Learner, Socket, startTestServer, wsUrl, type Json, type TestServer } from './helpers';

describe('facilitator operations without the key', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses every operation with a missing or wrong key, logs it, and changes nothing', async () => {
    const cls = await createClass(server.url);
    const other = await createClass(server.url);
    const learner = await joinClass(server.url, cls.code, 'Target');
    const ops: [string, string, unknown?][] = [
      ['GET', ''],
      ['POST', '/pause'],
      ['POST', '/resume'],
      ['POST', '/release'],
      ['POST', '/lock'],
      ['POST', '/unlock'],
      ['POST', '/inject', { cardId: 'bypass' }],
      ['POST', `/learners/${learner.learnerId}/remove`],
      ['GET', '/debrief'],
      ['GET', '/export.json'],
      ['GET', '/export.csv'],
      ['POST', '/end'],
    ];
    const wrongKeys = [other.key, `${cls.key.slice(0, -1)}${cls.key.endsWith('A') ? 'B' : 'A'}`, learner.token, 'x'.repeat(43)];
    for (const [method, path, body] of ops) {
      const url = `/api/classes/${cls.id}${path}`;
      const missing = await api(server.url, method, url, { body });
      expect(missing.status, `${method} ${path} without a key`).toBe(401);
      expect(missing.json.error.code).toBe('keyRequired');
      for (const key of wrongKeys) {
        const wrong = await api(server.url, method, url, { body, key });
        expect(wrong.status, `${method} ${path} with a wrong key`).toBe(403);
        expect(wrong.text).not.toContain('Target');
      }
      const malformedHeader = await api(server.url, method, url, { body, headers: { Authorization: `Basic ${cls.key}` } });
      expect(malformedHeader.status).toBe(401);
    }
    // An unknown class looks exactly like a wrong key.
    const ghost = await api(server.url, 'POST', '/api/classes/c_doesnotexist/pause', { key: cls.key });
    expect(ghost.status).toBe(403);

    const dash = await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    expect(dash.json.class).toMatchObject({ status: 'live', paused: false, locked: false });
    expect(dash.json.learners[0].removed).toBe(false);
    expect(dash.json.injections).toEqual([]);
    expect(server.logger.lines.filter((l) => l.event === 'facilitatorAuthFailed').length).toBeGreaterThanOrEqual(ops.length * wrongKeys.length);
    expect(JSON.stringify(server.logger.lines)).not.toContain(cls.key);

    // The dashboard socket: a wrong key gets an error and the door.
    const s = new Socket(wsUrl(server.url, '/ws/facilitator'));
    await s.opened;
    s.send({ type: 'auth', classId: cls.id, key: other.key });
    expect((await s.next()).code).toBe('forbidden');
    expect((await s.waitClosed()).code).toBe(4003);
  });

  it('refuses a WebSocket from another site\'s page', async () => {
    const evil = new Socket(wsUrl(server.url, '/ws/learner'), { headers: { Origin: 'https://evil.example' } });
    await expect(evil.opened).rejects.toThrow(/403/);
    const same = new Socket(wsUrl(server.url, '/ws/learner'), { headers: { Origin: server.url } });
    await same.opened;
    same.close();
    expect(server.logger.lines.some((l) => l.event === 'upgradeOriginRefused')).toBe(true);
  });
});

describe('join-code guessing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ joinFailuresPerMinute: 5 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('hits the rate limit after a few wrong codes, even for the right code', async () => {
    const cls = await createClass(server.url);
    const guesses = ['AAAAAAA', 'BBBBBBB', '2345678', 'not a code', 'ZZZZZZZ'];
    for (const code of guesses) {
      const r = await api(server.url, 'POST', '/api/join', { body: { code, name: 'Guesser' } });
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('unknownCode');
    }
    const limited = await api(server.url, 'POST', '/api/join', { body: { code: 'CCCCCCC', name: 'Guesser' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await api(server.url, 'POST', '/api/join', { body: { code: cls.code, name: 'Guesser' } });
    expect(right.status).toBe(429);
    expect(server.logger.lines.filter((l) => l.event === 'joinUnknownCode')).toHaveLength(5);
    expect(server.logger.lines.some((l) => l.event === 'joinRateLimited')).toBe(true);
  });
});

describe('hostile input', () => {
  let server: TestServer;
  let cls: Awaited<ReturnType<typeof createClass>>;
  beforeAll(async () => {
    server = await startTestServer();
    cls = await createClass(server.url);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('cleans display names, refuses impossible ones, and never interprets them', async () => {
    const name = async (raw: string) => api(server.url, 'POST', '/api/join', { body: { code: cls.code.toLowerCase(), name: raw } });
    const html = '<img src=x onerror=alert(1)>';
    expect((await name(html)).json.name).toBe(html);
    expect((await name('  Eve\u202Elive\u2066\u0007\u200B  ')).json.name).toBe('Evelive');
    expect((await name('Zoe\nLine\tTab')).json.name).toBe('Zoe Line Tab');
    expect((await name('Jose\u0301')).json.name).toBe('Jos\u00e9');
    for (const bad of ['', '   ', '\u202E\u2066\u0000', 'x'.repeat(41), 'y'.repeat(10_000)]) {
      const r = await name(bad);
      expect(r.status, JSON.stringify(bad.slice(0, 20))).toBe(400);
    }
    const dash = await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    // Stored as plain text; the JSON API is no HTML context, and the pages render with textContent.
    expect(dash.json.learners.map((l: Json) => l.name)).toContain(html);
    const csv = await api(server.url, 'GET', `/api/classes/${cls.id}/export.csv`, { key: cls.key });
    expect(csv.text).toContain(html);
    const formula = await name('=HYPERLINK("http://x")');
    expect(formula.status).toBe(201);
    const csv2 = await api(server.url, 'GET', `/api/classes/${cls.id}/export.csv`, { key: cls.key });
    expect(csv2.text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('answers oversized and malformed HTTP bodies with an error', async () => {
    const big = await api(server.url, 'POST', '/api/join', { raw: JSON.stringify({ code: cls.code, name: 'x'.repeat(20_000) }) });
    expect(big.status).toBe(413);
    const notJson = await api(server.url, 'POST', '/api/join', { raw: '{"code":' });
    expect(notJson.status).toBe(400);
    const form = await api(server.url, 'POST', '/api/classes', { raw: 'content=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const extra = await api(server.url, 'POST', '/api/join', { body: { code: cls.code, name: 'A', admin: true } });
    expect(extra.status).toBe(400);
    const wrongType = await api(server.url, 'POST', '/api/classes', { body: { content: { kind: 'scenario', id: 42 } } });
    expect(wrongType.status).toBe(400);
    const unknown = await api(server.url, 'POST', '/api/classes', { body: { content: { kind: 'campaign', id: '../../etc/passwd' } } });
    expect(unknown.status).toBe(400);
    expect((await api(server.url, 'GET', '/classroom/..%2f..%2fserver.ts')).status).toBeGreaterThanOrEqual(400);
    expect((await api(server.url, 'GET', '/api/health')).json.ok).toBe(true);
  });

  it('answers oversized, malformed and out-of-order socket messages with an error and stays up', async () => {
    const l = await new Learner(server.url, (await joinClass(server.url, cls.code, 'Mallory')).token).connect();
    const s = l.socket;
    const errorFor = async (payload: string | Buffer) => {
      s.ws.send(payload);
      return s.next((m) => m.type === 'error');
    };
    expect((await errorFor(JSON.stringify({ type: 'sync', pad: 'x'.repeat(20_000) }))).code).toBe('tooLarge');
    expect((await errorFor('{not json')).code).toBe('notJson');
    expect((await errorFor('null')).code).toBe('malformed');
    expect((await errorFor(JSON.stringify({ type: 'teleport' }))).code).toBe('malformed');
    expect((await errorFor(JSON.stringify({ type: 'action', seq: -1, action: { id: 'x' } }))).code).toBe('malformed');
    expect((await errorFor(JSON.stringify({ type: 'action', seq: 1.5, action: { id: 'x' } }))).code).toBe('malformed');
    expect((await errorFor(JSON.stringify({ type: 'action', seq: 1, action: 'startSprints' }))).code).toBe('malformed');
    expect((await errorFor(Buffer.from([1, 2, 3]))).code).toBe('binary');
    expect((await errorFor(JSON.stringify({ type: 'hello', token: l.token }))).code).toBe('alreadyHello');
    const engineRefusal = await l.act({ type: 'orderBacklog', itemIds: ['nope'] });
    expect(engineRefusal.type).toBe('error');
    expect((await l.act({ id: 'no-such-action' })).code).toBe('unknownActionId');

    // Still the same game, still answering.
    const ok = await l.act({ id: l.observation!.actions[0].id });
    expect(ok.type).toBe('ack');
    expect((await l.act({ id: l.observation!.actions[0].id }, ok.seq)).duplicate).toBe(true);
    expect((await l.act({ id: l.observation!.actions[0].id }, 1)).code).toBe('staleSeq');

    // Past the hard limit the socket is closed (1009); the server carries on.
    s.ws.send('x'.repeat(100_000));
    expect((await s.waitClosed()).code).toBe(1009);
    const again = await new Learner(server.url, l.token).connect();
    expect(again.welcome!.lastSeq).toBe(ok.seq);
    again.close();
    expect(server.logger.lines.filter((x) => x.event === 'socketMessageRefused').length).toBeGreaterThanOrEqual(9);

    const early = new Socket(wsUrl(server.url, '/ws/learner'));
    await early.opened;
    early.send({ type: 'action', seq: 1, action: { id: 'startSprints' } });
    expect((await early.next()).code).toBe('helloFirst');
    early.send({ type: 'hello', token: 'z'.repeat(43) });
    expect((await early.next()).code).toBe('forbidden');
    expect((await early.waitClosed()).code).toBe(4003);
  });

  it('keeps each learner to their own game', async () => {
    const a = await joinClass(server.url, cls.code, 'Alice');
    const b = await joinClass(server.url, cls.code, 'Bob');
    const alice = await new Learner(server.url, a.token).connect();
    const bob = await new Learner(server.url, b.token).connect();

    // No message can name another learner: an extra key makes it malformed.
    alice.socket.send({ type: 'action', seq: 1, action: { id: alice.observation!.actions[0].id }, learnerId: b.learnerId });
    expect((await alice.socket.next((m) => m.type === 'error')).code).toBe('malformed');
    alice.socket.send({ type: 'hello', token: b.token });
    expect((await alice.socket.next((m) => m.type === 'error')).code).toBe('alreadyHello');
    // A learner id is not a token.
    const impostor = new Socket(wsUrl(server.url, '/ws/learner'));
    await impostor.opened;
    impostor.send({ type: 'hello', token: `${b.learnerId}${'0'.repeat(20)}` });
    expect((await impostor.next()).code).toBe('forbidden');

    for (let i = 0; i < 3; i++) expect((await alice.act({ id: alice.observation!.actions[0].id })).type).toBe('ack');
    const dash = await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: cls.key });
    const steps = Object.fromEntries(dash.json.learners.map((l: Json) => [l.name, l.steps]));
    expect(steps.Alice).toBe(3);
    expect(steps.Bob).toBe(0);
    // Bob's socket saw nothing of Alice's game.
    expect(bob.socket.received.some((m) => m.type === 'ack')).toBe(false);
    expect(JSON.stringify(bob.socket.received)).not.toContain('Alice');
    // A learner's token opens no facilitator door.
    expect((await api(server.url, 'GET', `/api/classes/${cls.id}`, { key: a.token })).status).toBe(403);
    alice.close();
    bob.close();
  });

  it('removes a learner: their socket is closed and their token no longer works', async () => {
    const v = await joinClass(server.url, cls.code, 'Victor');
    const victor = await new Learner(server.url, v.token).connect();
    const r = await api(server.url, 'POST', `/api/classes/${cls.id}/learners/${v.learnerId}/remove`, { key: cls.key });
    expect(r.status).toBe(200);
    expect((await victor.socket.next((m) => m.type === 'removed')).message).toContain('removed');
    expect((await victor.socket.waitClosed()).code).toBe(4010);
    const back = new Socket(wsUrl(server.url, '/ws/learner'));
    await back.opened;
    back.send({ type: 'hello', token: v.token });
    expect((await back.next()).type).toBe('removed');
    expect((await api(server.url, 'POST', `/api/classes/${cls.id}/learners/l_nobody/remove`, { key: cls.key })).status).toBe(404);
  });

  it('closes the class to new learners when locked', async () => {
    const c = await createClass(server.url);
    await api(server.url, 'POST', `/api/classes/${c.id}/lock`, { key: c.key });
    const r = await api(server.url, 'POST', '/api/join', { body: { code: c.code, name: 'Too late' } });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('locked');
    await api(server.url, 'POST', `/api/classes/${c.id}/unlock`, { key: c.key });
    expect((await api(server.url, 'POST', '/api/join', { body: { code: c.code, name: 'In time' } })).status).toBe(201);
  });
});
