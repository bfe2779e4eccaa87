import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine';
import { agentSession, expectedObservation, sessionAfter, sim, starter } from './helpers';

const SEED = '4';
const ARGS = ['agent', '--scenario', 'corner-cafe', '--seed', SEED];
const MiB = 1024 * 1024;

// A good line to send after a bad one, and what the agent must answer to it.
const { scenario, hash } = await starter();
const after = await sessionAfter(SEED, 1);
const GOOD = JSON.stringify({ id: after.ids[0] });
const NEXT = expectedObservation(after.session);
const FIRST = expectedObservation(createSession(scenario, SEED, hash));

function parseLines(stdout: string): Record<string, any>[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);
}

/** What the engine itself answers to `input` at the start: the agent must pass it on unchanged. */
function engineError(input: unknown): { type: 'error'; code: string; message: string } {
  const r = createSession(scenario, SEED, hash).dispatch(input);
  if (r.ok) throw new Error(`the engine accepted ${JSON.stringify(input)}`);
  return { type: 'error', code: r.error.code, message: r.error.message };
}

describe('agent: bad lines get an error naming the problem, and the session goes on', () => {
  it.each([
    ['not JSON', 'choose the first goal', 'notJson', 'not JSON'],
    ['truncated JSON', '{"id": "startSprints"', 'notJson', 'not JSON'],
    ['an object with neither id nor type', '{"action":"startSprints"}', 'noAction', 'neither "id"'],
  ])('%s (answered by the CLI)', async (_name, line, code, mentions) => {
    const out = await sim(ARGS, { stdin: `${line}\n${GOOD}\n` });
    expect(out.code).toBe(3); // input ended before the scenario was over
    const [first, error, again, next, ...rest] = parseLines(out.stdout);
    expect(first).toEqual(FIRST);
    expect(error).toMatchObject({ type: 'error', code });
    expect(error!.message).toContain(mentions);
    expect(again).toEqual(FIRST);
    expect(next).toEqual(NEXT);
    expect(rest).toEqual([]);
  });

  it.each([
    ['an array', [{ id: 'x' }], 'an array'],
    ['a string', 'startSprints', 'a string'],
    ['null', null, 'null'],
    ['a number', 42, 'a number'],
    ['an unknown id', { id: 'winTheGame' }, 'winTheGame'],
    ['an id of the wrong type', { id: 5 }, 'id'],
    ['an id with an extra key', { id: 'x', please: true }, 'please'],
    ['an unknown action type', { type: 'winTheGame' }, 'type'],
    ['a parameter of the wrong type', { type: 'chooseProductGoal', goalId: 7 }, 'goalId'],
    ['a missing parameter', { type: 'moveItem', itemId: 'x' }, 'toIndex'],
    ['a parameter out of range', { type: 'moveItem', itemId: 'x', toIndex: -1 }, 'toIndex'],
    ['an extra parameter', { type: 'startSprints', turbo: true }, 'turbo'],
    ['an action not allowed now', { type: 'nextDay' }, 'nextDay'],
  ])('%s (answered by the engine, passed on as is)', async (_name, input, mentions) => {
    const out = await sim(ARGS, { stdin: `${JSON.stringify(input)}\n${GOOD}\n` });
    const [first, error, again, next, ...rest] = parseLines(out.stdout);
    expect(first).toEqual(FIRST);
    expect(error).toEqual(engineError(input));
    expect(error!.message).toContain(mentions);
    expect(again).toEqual(FIRST);
    expect(next).toEqual(NEXT);
    expect(rest).toEqual([]);
  });

  it('ignores blank and whitespace-only lines, and accepts CRLF line ends', async () => {
    const out = await sim(ARGS, { stdin: `\n   \n\t\r\n${GOOD}\r\n\n` });
    expect(parseLines(out.stdout)).toEqual([FIRST, NEXT]);
  });

  it('takes a last line that has no newline', async () => {
    const out = await sim(ARGS, { stdin: GOOD });
    expect(parseLines(out.stdout)).toEqual([FIRST, NEXT]);
  });

  it('skips a line over 1 MiB with one error, even when it arrives in many chunks, and goes on', async () => {
    const huge = `{"id":"${'x'.repeat(2 * MiB)}"}\n`;
    const chunks = [];
    for (let i = 0; i < huge.length; i += 64 * 1024) chunks.push(huge.slice(i, i + 64 * 1024));
    const out = await sim(ARGS, { stdin: [...chunks, `${GOOD}\n`] });
    const lines = parseLines(out.stdout);
    expect(lines.map((l) => l.type)).toEqual(['observation', 'error', 'observation', 'observation']);
    expect(lines[1]).toMatchObject({ type: 'error', code: 'lineTooLong' });
    expect(lines[1]!.message).toContain(`${MiB} bytes`);
    expect(lines[2]).toEqual(FIRST);
    expect(lines[3]).toEqual(NEXT);
    expect(out.stdout.length).toBeLessThan(200_000);
  });

  it('accepts a line of exactly 1 MiB (and answers it as the JSON it is)', async () => {
    const line = GOOD + ' '.repeat(MiB - GOOD.length);
    const out = await sim(ARGS, { stdin: `${line}\n` });
    expect(parseLines(out.stdout)).toEqual([FIRST, NEXT]);
  });

  it('keeps error lines short when the input echoes a huge key', async () => {
    const out = await sim(ARGS, { stdin: `{"type":"startSprints","${'k'.repeat(100_000)}":1}\n` });
    const lines = out.stdout.split('\n');
    expect(JSON.parse(lines[1]!)).toMatchObject({ type: 'error', code: 'malformed' });
    expect(lines[1]!.length).toBeLessThan(1000);
  });

  it('answers invalid UTF-8 with an error', async () => {
    const out = await sim(ARGS, { stdin: [Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a])] });
    expect(parseLines(out.stdout)[1]).toMatchObject({ type: 'error', code: 'notUtf8' });
  });

  it('goes on after many bad lines in a row, in order, one answer per line', async () => {
    const agent = agentSession(ARGS.slice(1));
    expect(await agent.next()).toEqual(FIRST);
    for (const bad of ['nope', '[]', '{"id":"nope"}', '{}', '{"type":"endReview"}', '{"id":"x","type":"nextDay"}']) {
      agent.send(bad);
      expect((await agent.next()).type).toBe('error');
      expect(await agent.next()).toEqual(FIRST);
    }
    agent.send(GOOD);
    expect(await agent.next()).toEqual(NEXT);
    agent.end();
    expect(await agent.exit).toBe(3);
    expect(await agent.rest()).toEqual([]);
  });

  it('refuses bad usage before writing anything on stdout', async () => {
    for (const args of [
      ['agent', '--scenario', 'corner-cafe'],
      ['agent', '--seed', '1'],
      ['agent', '--scenario', 'no-such-scenario', '--seed', '1'],
      ['agent', '--scenario', 'corner-cafe', '--seed', 'two words'],
      ['agent', '--scenario', 'corner-cafe', '--seed', '1', '--turbo'],
    ]) {
      const out = await sim(args);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^sim: agent: /);
      expect(out.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
