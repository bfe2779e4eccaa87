import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { createClass, joinClass, Learner, startTestServer, type Json, type TestServer } from './helpers';

describe('sequence numbers at the edge', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('seq 2147483647 does not lock a learner out; a jump too far is refused and the learner goes on', async () => {
    const cls = await createClass(server.url);
    const j = await joinClass(server.url, cls.code, 'Edge');
    const l = await new Learner(server.url, j.token).connect();
    const policy = POLICIES.first!('edge');
    expect((await l.act(policy.choose(l.step()) as Json, 2147483647)).type).toBe('ack');
    l.seq = 2147483647;
    // The next actions are accepted: seq 2147483648 and up.
    expect(await l.act(policy.choose(l.step()) as Json)).toMatchObject({ type: 'ack', seq: 2147483648 });
    // A reconnect says where to go on from.
    l.close();
    const again = await new Learner(server.url, j.token).connect();
    expect(again.welcome!.lastSeq).toBe(2147483648);
    expect((await again.act(policy.choose(again.step()) as Json)).type).toBe('ack');
    // A jump of more than 2^31 is refused, and says where to number from.
    const far = await again.act(policy.choose(again.step()) as Json, again.seq + 2 ** 31 + 1);
    expect(far).toMatchObject({ type: 'error', code: 'seqTooFar' });
    expect(far.message).toContain(`from ${again.seq + 1}`);
    expect((await again.act(policy.choose(again.step()) as Json)).type).toBe('ack');
    again.close();
  });
});
