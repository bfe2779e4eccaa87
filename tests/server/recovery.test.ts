import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createClass, joinClass, Socket, startTestServer, wsUrl, type Json, type TestServer } from './helpers';

async function create(base: string): Promise<Json> {
  const r = await api(base, 'POST', '/api/classes', { body: { content: { kind: 'scenario', id: 'corner-cafe' }, pacing: 'lockstep' } });
  expect(r.status).toBe(201);
  return r.json;
}

async function dashboardSocket(base: string, classId: string, key: string): Promise<Socket> {
  const s = new Socket(wsUrl(base, '/ws/facilitator'));
  await s.opened;
  s.send({ type: 'auth', classId, key });
  await s.next((m) => m.type === 'dashboard');
  return s;
}

describe('getting back into a class with the recovery code', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ recoveryFailuresPerHour: 4 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('hands out a new key and recovery code, and the old ones stop working', async () => {
    const base = server.url;
    const created = await create(base);
    const id = created.class.id as string;
    expect(created.recoveryCode).toMatch(/^([A-Z2-9]{5}-){3}[A-Z2-9]{5}$/);
    const oldSocket = await dashboardSocket(base, id, created.key);

    // Typed from paper: lower case, spaces instead of dashes, join code with a dash.
    const typed = (created.recoveryCode as string).toLowerCase().replaceAll('-', ' ');
    const r = await api(base, 'POST', '/api/recover', { body: { code: `${created.class.code.slice(0, 3)}-${created.class.code.slice(3)}`, recoveryCode: typed } });
    expect(r.status).toBe(200);
    expect(r.json.class).toMatchObject({ id, code: created.class.code, status: 'live' });
    expect(r.json.key).not.toBe(created.key);
    expect(r.json.recoveryCode).not.toBe(created.recoveryCode);
    expect(r.json.facilitatorUrl).toBe(`/facilitator/class#class=${id}&key=${r.json.key}`);

    expect((await api(base, 'GET', `/api/classes/${id}`, { key: r.json.key })).status).toBe(200);
    const old = await api(base, 'GET', `/api/classes/${id}`, { key: created.key });
    expect(old.status).toBe(403);
    // The dashboard open with the old key is told why and closed.
    expect((await oldSocket.next((m) => m.type === 'error')).code).toBe('keyReplaced');
    expect((await oldSocket.waitClosed()).code).toBe(4003);
    // The used recovery code is spent; the new one works.
    expect((await api(base, 'POST', '/api/recover', { body: { code: created.class.code, recoveryCode: created.recoveryCode } })).status).toBe(403);
    const again = await api(base, 'POST', '/api/recover', { body: { code: created.class.code, recoveryCode: r.json.recoveryCode } });
    expect(again.status).toBe(200);

    const audit = server.ctx.store.auditOf(id).map((a) => a.op);
    expect(audit.filter((op) => op === 'recover')).toHaveLength(2);
    expect(audit).toContain('recoverRefused');
  });

  it('works for an ended class, so its debrief and export can be reached', async () => {
    const created = await create(server.url);
    await api(server.url, 'POST', `/api/classes/${created.class.id}/end`, { key: created.key });
    const r = await api(server.url, 'POST', '/api/recover', { body: { code: created.class.code, recoveryCode: created.recoveryCode } });
    expect(r.status).toBe(200);
    expect(r.json.class.status).toBe('ended');
    expect((await api(server.url, 'GET', `/api/classes/${created.class.id}/export.csv`, { key: r.json.key })).status).toBe(200);
  });

  it('answers a malformed body with what was expected', async () => {
    const r = await api(server.url, 'POST', '/api/recover', { body: { code: 'ABCDEFG' } });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('recoveryCode');
  });
});

describe('failed recoveries', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ recoveryFailuresPerHour: 3 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('are refused, audited on the class, counted per address and then answered 429 even for the right codes', async () => {
    const base = server.url;
    const created = await create(base);
    const attempts = [
      { code: created.class.code, recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD' },
      { code: 'ZZZZZZZ', recoveryCode: created.recoveryCode },
      { code: created.class.code, recoveryCode: 'x' },
      { code: created.class.code, recoveryCode: created.recoveryCode },
    ];
    const answers: Json[] = [];
    for (const body of attempts) answers.push(await api(base, 'POST', '/api/recover', { body }));
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 429]);
    expect(answers[0]!.json.error.code).toBe('recoveryRefused');
    expect(answers[0]!.json.error.message).toContain('recovery code is wrong');
    expect(answers[3]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(server.ctx.store.auditOf(created.class.id).filter((a) => a.op === 'recoverRefused')).toHaveLength(2);
    // Nothing changed: the original key still opens the class.
    expect((await api(base, 'GET', `/api/classes/${created.class.id}`, { key: created.key })).status).toBe(200);
  });
});

describe('the read-only co-facilitator link', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reads the dashboard, lobby and debrief; every command answers 403 and changes nothing', async () => {
    const base = server.url;
    const created = await create(base);
    const id = created.class.id as string;
    const view = created.viewKey as string;
    expect(created.viewUrl).toBe(`/facilitator/class#class=${id}&view=${view}`);
    const learner = await joinClass(base, created.class.code, 'Ana');

    for (const path of ['', '/lobby', '/debrief', `/learners/${learner.learnerId}/runs`]) {
      expect((await api(base, 'GET', `/api/classes/${id}${path}`, { key: view })).status, path).toBe(200);
    }
    const socket = await dashboardSocket(base, id, view);
    socket.close();

    const commands: [string, string, Json?][] = [
      ...['pause', 'resume', 'lock', 'unlock', 'release', 'unrelease', 'end', 'coach-on', 'coach-off', 'view-link'].map((op): [string, string] => ['POST', `/${op}`]),
      ['POST', '/inject', { cardId: 'x' }],
      ['POST', `/learners/${learner.learnerId}/remove`],
      ['POST', '/announce', { text: 'hello' }],
      ['POST', '/timer', { minutes: 5 }],
      ['GET', '/export.json'],
      ['GET', '/export.csv'],
    ];
    for (const [method, path, body] of commands) {
      const r = await api(base, method, `/api/classes/${id}${path}`, { key: view, ...(body ? { body } : {}) });
      expect(r.status, path).toBe(403);
      expect(r.json.error.code, path).toBe('readOnly');
      expect(r.json.error.message, path).toMatch(/^this is the read-only co-facilitator link: .* cannot [a-z]/);
    }
    const after = (await api(base, 'GET', `/api/classes/${id}`, { key: created.key })).json;
    expect(after.class).toMatchObject({ status: 'live', paused: false, locked: false });
    expect(after.learners.filter((l: Json) => !l.removed)).toHaveLength(1);
  });

  it('is replaced by a new one from the facilitator, which ends the old one', async () => {
    const base = server.url;
    const created = await create(base);
    const id = created.class.id as string;
    const oldViewer = await dashboardSocket(base, id, created.viewKey);
    const facilitator = await dashboardSocket(base, id, created.key);
    const r = await api(base, 'POST', `/api/classes/${id}/view-link`, { key: created.key });
    expect(r.status).toBe(200);
    expect(r.json.viewUrl).toBe(`/facilitator/class#class=${id}&view=${r.json.viewKey}`);
    expect((await api(base, 'GET', `/api/classes/${id}`, { key: created.viewKey })).status).toBe(403);
    expect((await api(base, 'GET', `/api/classes/${id}`, { key: r.json.viewKey })).status).toBe(200);
    expect((await oldViewer.waitClosed()).code).toBe(4003);
    // The facilitator's own dashboard stays open.
    facilitator.send({ type: 'sync' });
    await facilitator.next((m) => m.type === 'dashboard');
    expect(facilitator.closed).toBeNull();
    facilitator.close();
    expect(server.ctx.store.auditOf(id).map((a) => a.op)).toContain('viewLink');
  });

  it('gives no access to another class', async () => {
    const a = await create(server.url);
    const b = await createClass(server.url);
    expect((await api(server.url, 'GET', `/api/classes/${b.id}`, { key: a.viewKey })).status).toBe(403);
  });
});

describe('secrets', () => {
  it('never reach the log: keys, view keys and recovery codes, in any form', async () => {
    const server = await startTestServer({ recoveryFailuresPerHour: 50 });
    try {
      const base = server.url;
      const created = await create(base);
      const id = created.class.id as string;
      await api(base, 'POST', '/api/recover', { body: { code: created.class.code, recoveryCode: 'WRONG-WRONG-WRONG-WRONG' } });
      const r = await api(base, 'POST', '/api/recover', { body: { code: created.class.code, recoveryCode: created.recoveryCode } });
      const view = await api(base, 'POST', `/api/classes/${id}/view-link`, { key: r.json.key });
      await api(base, 'POST', `/api/classes/${id}/pause`, { key: view.json.viewKey });
      await api(base, 'GET', `/api/classes/${id}`, { key: created.key });
      const s = new Socket(wsUrl(base, '/ws/facilitator'));
      await s.opened;
      s.send({ type: 'auth', classId: id, key: created.key });
      await s.waitClosed();

      const log = JSON.stringify(server.logger.lines);
      expect(server.logger.lines.map((l) => l.event)).toEqual(expect.arrayContaining(['recoveryFailed', 'facilitatorRecovered', 'viewKeyRefused', 'facilitatorAuthFailed']));
      const secrets = [created.key, created.viewKey, r.json.key, view.json.viewKey, created.recoveryCode, r.json.recoveryCode];
      for (const secret of secrets.flatMap((x: string) => [x, x.replaceAll('-', '')])) expect(log).not.toContain(secret);
      expect(log).not.toContain('WRONG');
      // The database holds only hashes.
      const row = server.ctx.store.db.prepare('SELECT * FROM classes WHERE id = ?').get(id) as Json;
      for (const secret of secrets) expect(JSON.stringify(row)).not.toContain(secret.replaceAll('-', ''));
    } finally {
      await server.stop();
    }
  });
});
