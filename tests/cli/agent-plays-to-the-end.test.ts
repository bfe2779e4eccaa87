import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createSession, verifyReplay } from '../../src/engine';
import { agentSession, expectedObservation, ROOT, sessionAfter, spawnSim, starter } from './helpers';

const { scenario, hash } = await starter();

describe('agent: a program plays a whole session over JSON Lines', () => {
  it('reads observations, picks listed actions, and ends with a result whose replay verifies', async () => {
    const agent = agentSession(['--scenario', 'corner-cafe', '--seed', '17']);
    const pick = seedrandom('agent-test');
    let observations = 0;
    let result: Record<string, any> | null = null;
    for (let guard = 0; guard < 5000 && !result; guard++) {
      const m = await agent.next();
      if (m.type === 'result') result = m;
      else {
        expect(m.type).toBe('observation');
        expect(m.done).toBe(false);
        expect(typeof m.phase).toBe('string');
        expect(m.observation.phase).toBe(m.phase);
        expect(m.actions.length).toBeGreaterThan(0);
        for (const a of m.actions) {
          expect(Object.keys(a).sort()).toEqual(a.cost === undefined ? ['id', 'label', 'params', 'type'] : ['cost', 'id', 'label', 'params', 'type']);
        }
        observations++;
        const chosen = m.actions[Math.floor(pick() * m.actions.length)];
        agent.send(JSON.stringify({ id: chosen.id }));
      }
    }
    expect(await agent.exit).toBe(0);
    expect(await agent.rest()).toEqual([]);
    expect(agent.stderr.text).toBe('');
    expect(result).not.toBeNull();
    expect(result!.report.done).toBe(true);
    expect(result!.report.phase).toBe('debrief');
    expect(result!.replay.actions).toHaveLength(observations);
    expect(result!.stateHash).toBe(result!.replay.finalHash);
    expect(result!.replay.seed).toBe('17');
    const verified = verifyReplay(result!.replay, scenario, hash);
    expect(verified).toMatchObject({ ok: true, steps: observations, finalHash: result!.stateHash });
  });

  it('accepts a full action object in place of an id, including one no listing enumerates', async () => {
    const seed = '3';
    const agent = agentSession(['--scenario', 'corner-cafe', '--seed', seed]);
    const twin = createSession(scenario, seed, hash);
    let m = await agent.next();
    // Every listed action, sent as a full object ({type, ...params}), does what its id does.
    for (let i = 0; i < 200 && !m.actions.some((a: { type: string }) => a.type === 'orderBacklog'); i++) {
      const a = m.actions[0] as { id: string; type: string; params: object };
      agent.send(JSON.stringify({ type: a.type, ...a.params }));
      expect(twin.dispatch({ id: a.id }).ok).toBe(true);
      m = await agent.next();
      expect(m).toEqual(expectedObservation(twin));
    }
    // A whole new order: no listing could enumerate every one of them.
    const reversed = m.observation.backlog.map((i: { id: string }) => i.id).reverse();
    const action = { type: 'orderBacklog', itemIds: reversed };
    agent.send(JSON.stringify(action));
    const accepted = twin.dispatch(action);
    m = await agent.next();
    expect(m).toEqual(accepted.ok ? expectedObservation(twin) : expect.objectContaining({ type: 'error' }));
    agent.end();
    expect(await agent.exit).toBe(3);
  });

  it('works as a real child process, played interactively to the end', async () => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', 'agent', '--scenario', 'corner-cafe', '--seed', '9'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const types: string[] = [];
    let result: Record<string, any> | null = null;
    for await (const line of createInterface({ input: child.stdout })) {
      const m = JSON.parse(line) as Record<string, any>;
      types.push(m.type);
      if (m.type === 'observation') child.stdin.write(`${JSON.stringify({ id: m.actions[0].id })}\n`);
      else if (m.type === 'result') result = m;
    }
    // stdin is still open: the CLI must exit on its own once the result is written.
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(types.at(-1)).toBe('result');
    expect(types.filter((t) => t !== 'observation')).toEqual(['result']);
    expect(result!.replay.actions).toHaveLength(types.length - 1);
    expect(verifyReplay(result!.replay, scenario, hash).ok).toBe(true);
  });

  it('as a child process, exits 3 when stdin ends early, writing nothing more on stdout', async () => {
    const { session, ids } = await sessionAfter('9', 3);
    const input = [JSON.stringify({ id: ids[0] }), '', ...ids.slice(1).map((id) => JSON.stringify({ id }))];
    const out = await spawnSim(['agent', '--scenario', 'corner-cafe', '--seed', '9'], `${input.join('\n')}\n`);
    expect(out.code).toBe(3);
    const lines = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => l.type)).toEqual(['observation', 'observation', 'observation', 'observation']);
    expect(lines.at(-1)).toEqual(expectedObservation(session));
    expect(out.stderr).toBe(`sim: agent: input ended at step 3 (phase ${session.observe().phase}) before the scenario was over\n`);
  });
});
