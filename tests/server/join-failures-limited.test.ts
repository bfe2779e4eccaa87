import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createClass, startTestServer, type TestServer } from './helpers';

describe('failed joins', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ joinFailuresPerMinute: 5 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('count toward the limit whatever the reason (ended, locked), and an ended class is not loaded to refuse', async () => {
    const base = server.url;
    const ended = await createClass(base);
    const locked = await createClass(base);
    await api(base, 'POST', `/api/classes/${ended.id}/end`, { key: ended.key });
    await api(base, 'POST', `/api/classes/${locked.id}/lock`, { key: locked.key });
    // A restart would load no ended class; here the ended class is dropped from memory by hand.
    (server.ctx.registry as unknown as { rooms: Map<string, unknown> }).rooms.delete(ended.id);

    const statuses: number[] = [];
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await api(base, 'POST', '/api/join', { body: { code: i % 2 ? locked.code : ended.code, name: `L${i}` } });
      statuses.push(r.status);
      codes.push(r.json.error?.code);
    }
    expect(statuses).toEqual([409, 409, 409, 409, 409, 429, 429, 429]);
    expect(codes.slice(0, 5)).toEqual(['ended', 'locked', 'ended', 'locked', 'ended']);
    expect(server.ctx.registry.loaded(ended.id)).toBe(false);
  });
});
