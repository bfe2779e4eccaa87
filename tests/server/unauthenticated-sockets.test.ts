import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressGroup } from '../../src/server/security/address-group';
import { MAX_UNAUTHENTICATED_PER_ADDRESS } from '../../src/server/ws/upgrade';
import { createClass, joinClass, Socket, startTestServer, wsUrl, type TestServer } from './helpers';

describe('address groups for limits', () => {
  it('count an IPv6 /64 as one machine, IPv4 and mapped IPv4 by address', () => {
    expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(addressGroup('10.0.0.7')).toBe('10.0.0.7');
  });
});

describe('sockets that never say hello', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it(`are capped at ${MAX_UNAUTHENTICATED_PER_ADDRESS} per address; authenticated ones do not count`, async () => {
    const cls = await createClass(server.url);
    const j = await joinClass(server.url, cls.code, 'Real');
    const idle: Socket[] = [];
    for (let i = 0; i < MAX_UNAUTHENTICATED_PER_ADDRESS - 1; i++) idle.push(new Socket(wsUrl(server.url, '/ws/learner')));
    await Promise.all(idle.map((s) => s.opened));
    // The last free place goes to a real learner, who then says hello: their socket stops counting.
    const real = new Socket(wsUrl(server.url, '/ws/learner'));
    await real.opened;
    real.send({ type: 'hello', token: j.token });
    await real.next((m) => m.type === 'welcome');
    const one = new Socket(wsUrl(server.url, '/ws/learner'));
    await one.opened;
    const refused = new Socket(wsUrl(server.url, '/ws/facilitator'));
    await expect(refused.opened).rejects.toThrow(/429/);
    expect(server.logger.lines.some((l) => l.event === 'upgradeTooManyPending')).toBe(true);
    // A closed one frees its place.
    one.close();
    await one.waitClosed();
    await new Promise((r) => setTimeout(r, 100));
    const again = new Socket(wsUrl(server.url, '/ws/learner'));
    await again.opened;
    for (const s of [...idle, real, again]) s.close();
  }, 30_000);
});
