import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayLog } from '../../src/engine';
import { expectCleanError, ROOT, sim, spawnSim } from './helpers';

let dir: string;
let base: ReplayLog;
const H = 'a'.repeat(64);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sim-replay-'));
  const out = await sim(['play', '--scenario', 'corner-cafe', '--seed', '21', '--policy', 'random', '--out', join(dir, 'base.json')]);
  expect(out.code).toBe(0);
  base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as ReplayLog;
  expect(base.checkpoints.length).toBeGreaterThanOrEqual(2);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer | object): string {
  const path = join(dir, `case-${n++}.json`);
  writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return path;
}

function edited(edit: (r: ReplayLog & Record<string, unknown>) => void): string {
  const copy = structuredClone(base) as ReplayLog & Record<string, unknown>;
  edit(copy);
  return file(copy);
}

async function verify(path: string, ...extra: string[]) {
  return sim(['replay', 'verify', path, ...extra]);
}

describe('replay verify', () => {
  it('passes a replay written by play --out, as real child processes (exit 0, steps and hash)', async () => {
    const path = join(dir, 'spawned.json');
    const played = await spawnSim(['play', '--scenario', 'corner-cafe', '--seed', '5', '--policy', 'random', '--out', path]);
    expect(played.code).toBe(0);
    const hash = /state hash ([0-9a-f]{64})/.exec(played.stdout)?.[1];
    expect(hash).toBeDefined();
    const out = await spawnSim(['replay', 'verify', path]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const steps = (JSON.parse(readFileSync(path, 'utf8')) as ReplayLog).actions.length;
    expect(out.stdout).toContain(`${steps} steps, final hash ${hash}`);
  });

  it('passes the untouched replay in-process, and says so in JSON with --json', async () => {
    const out = await verify(join(dir, 'base.json'), '--json');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, steps: base.actions.length, finalHash: base.finalHash, scenarioId: 'corner-cafe', seed: '21' });
  });
});

describe('replay verify: tampered replays do not verify (exit 1), naming the step', () => {
  it('an action changed to another legal-looking choice: diverges at the first checkpoint after it', async () => {
    const at = base.actions.findIndex((a) => a.type === 'chooseProductGoal');
    expect(at).toBeGreaterThanOrEqual(0);
    const path = edited((r) => {
      const a = r.actions[at] as { type: 'chooseProductGoal'; goalId: string };
      a.goalId = a.goalId === 'best-app' ? 'many-features' : 'best-app';
    });
    const out = await verify(path);
    expect(out.code).toBe(1);
    const checkpoint = base.checkpoints.find((c) => c.step > at)!;
    expect(out.stderr).toContain(`diverged at step ${checkpoint.step}`);
    expectCleanError(out.stderr);
  });

  it('an action changed to one that is refused there: names that step', async () => {
    const path = edited((r) => {
      r.actions[2] = { type: 'finishScenario' };
    });
    const out = await verify(path);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('step 3 (finishScenario) was refused');
  });

  it('an action removed: the checkpoints no longer fit the actions', async () => {
    const path = edited((r) => {
      r.actions.splice(3, 1);
    });
    const out = await verify(path, '--json');
    expect(out.code).toBe(1);
    const last = base.checkpoints.at(-1)!.step;
    expect(out.stderr).toContain(`checkpoints: step ${last} is out of order or past the last action (${base.actions.length - 1})`);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: false, kind: 'inconsistent' });
  });

  it('the last action removed with its checkpoint: diverges at the new last step', async () => {
    const path = edited((r) => {
      r.actions.pop();
      r.checkpoints = r.checkpoints.filter((c) => c.step <= r.actions.length);
    });
    const out = await verify(path);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`diverged at step ${base.actions.length - 1}`);
  });

  it('an extra action after the end: refused at that step', async () => {
    const path = edited((r) => {
      r.actions.push({ type: 'nextDay' });
    });
    const out = await verify(path, '--json');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: false, kind: 'diverged', step: base.actions.length + 1 });
    expect(out.stderr).toContain(`step ${base.actions.length + 1} (nextDay) was refused`);
  });

  it('a checkpoint hash edited: names the checkpoint step', async () => {
    const path = edited((r) => {
      r.checkpoints[1]!.hash = H;
    });
    const out = await verify(path);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`diverged at step ${base.checkpoints[1]!.step}`);
  });

  it('finalHash edited: names the last step', async () => {
    const path = edited((r) => {
      r.finalHash = H;
    });
    const out = await verify(path);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`diverged at step ${base.actions.length}`);
    expect(out.stderr).toContain('final hash');
  });

  it('a wrong scenarioHash: the scenario has changed since', async () => {
    const out = await verify(edited((r) => void (r.scenarioHash = H)), '--json');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: false, kind: 'otherScenario' });
    expect(out.stderr).toContain('has changed since the replay was recorded');
  });

  it('another scenarioId that no file provides', async () => {
    const out = await verify(edited((r) => void (r.scenarioId = 'moon-base')));
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('"moon-base"');
    expectCleanError(out.stderr);
  });

  it('verified against another scenario with --scenario', async () => {
    const out = await verify(join(dir, 'base.json'), '--scenario', 'tests/fixtures/scenarios/valid/minimal.yaml');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('the replay is of scenario "corner-cafe", not "minimal"');
  });

  it('engineVersion 9.0.0', async () => {
    const out = await verify(edited((r) => void (r.engineVersion = '9.0.0')));
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('engine version 9.0.0');
  });

  it('checkpoints out of order', async () => {
    const out = await verify(edited((r) => void r.checkpoints.reverse()));
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('checkpoints: step');
  });
});

describe('replay verify: unreadable or malformed files (exit 2) name the field', () => {
  it.each<[string, () => string, string]>([
    ['seed of the wrong type', () => edited((r) => void ((r as Record<string, unknown>).seed = 5)), 'seed'],
    ['actions not a list', () => edited((r) => void ((r as Record<string, unknown>).actions = 'all of them')), 'actions'],
    ['an action of the wrong type', () => edited((r) => void ((r.actions as unknown[])[3] = { type: 7 })), 'actions.3.type'],
    ['an action with a bad parameter', () => edited((r) => void ((r.actions as unknown[])[0] = { type: 'moveItem', itemId: 'x', toIndex: -1 })), 'actions.0.toIndex'],
    ['a checkpoint hash that is not a hash', () => edited((r) => void (r.checkpoints[0]!.hash = 'abc')), 'checkpoints.0.hash'],
    ['finalHash missing', () => edited((r) => void delete (r as Partial<ReplayLog>).finalHash), 'finalHash'],
    ['seed missing', () => edited((r) => void delete (r as Partial<ReplayLog>).seed), 'seed'],
    ['an unknown key', () => edited((r) => void (r.cheat = true)), 'cheat'],
    ['the wrong format', () => edited((r) => void ((r as Record<string, unknown>).format = 'savegame')), 'format'],
    ['engineVersion not a version', () => edited((r) => void (r.engineVersion = 'latest')), 'engineVersion'],
    ['a JSON array', () => file('[]'), '(replay)'],
    ['not JSON', () => file('{"format": "sprintwise-replay",'), 'is not JSON'],
    ['an empty file', () => file(''), 'is empty'],
    ['only whitespace', () => file('  \n\n'), 'is empty'],
    ['not UTF-8', () => file(Buffer.from([0x7b, 0xff, 0x7d])), 'UTF-8'],
    ['a missing file', () => join(dir, 'nope.json'), 'no such file'],
    ['a directory', () => dir, 'directory'],
  ])('%s', async (_name, make, names) => {
    const path = make();
    const out = await verify(path);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(names);
    expectCleanError(out.stderr);
  });

  it('refuses a file over 16 MiB without reading it', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '{');
    truncateSync(path, 16 * 1024 * 1024 + 1);
    const out = await verify(path);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('too large');
    expect(out.stderr).toContain('16 MiB');
  });

  it('needs the verify subcommand and one file', async () => {
    for (const args of [['replay'], ['replay', 'check', 'x.json'], ['replay', 'verify'], ['replay', 'verify', 'a.json', 'b.json']]) {
      const out = await sim(args, { cwd: ROOT });
      expect(out.code, args.join(' ')).toBe(2);
      expectCleanError(out.stderr);
    }
  });
});
