import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LINK_BASE } from '../../src/cli/commands/replay';
import { verifyReplay, type ReplayLog } from '../../src/engine';
import { MAX_LINK_LENGTH, readLink, serializeReplay } from '../../src/replay';
import { expectCleanError, sim, spawnSim } from '../cli/helpers';
import { longReplay, played, starter } from './helpers';

const cafe = starter();
let dir: string;
let file: string;
let replay: ReplayLog;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-replay-link-'));
  replay = played('random', '31', cafe).replay;
  file = join(dir, 'run.json');
  writeFileSync(file, serializeReplay(replay));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('sim replay --help', () => {
  it.each([
    [['replay', '--help'], 'Usage: sim replay <verify|link|branch>'],
    [['replay', 'verify', '--help'], 'Usage: sim replay verify <file>'],
    [['replay', 'link', '--help'], 'Usage: sim replay link <file> [--base <url>]'],
    [['replay', 'branch', '--help'], 'Usage: sim replay branch <file> --at <step> --out <file>'],
    [['help', 'replay'], 'Usage: sim replay <verify|link|branch>'],
  ])('%j prints its usage', async (args, usage) => {
    const out = await sim(args);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith(usage)).toBe(true);
  });
});

describe('sim replay link', () => {
  it('prints a link that carries the verified replay, for the given base', async () => {
    const out = await sim(['replay', 'link', file, '--base', 'https://sprintwise.example/play/']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const url = out.stdout.trim();
    expect(out.stdout).toBe(`${url}\n`);
    expect(url.startsWith('https://sprintwise.example/play/#replay=')).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(await readLink(url)).toEqual({ kind: 'replay', replay, migratedFrom: null });
  });

  it('uses the local game address by default, as a real child process', async () => {
    const out = await spawnSim(['replay', 'link', file]);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith(`${DEFAULT_LINK_BASE}#replay=`)).toBe(true);
  });

  it('says a replay is too large for a link (exit 1) and points to the file', async () => {
    const big = write('big.json', serializeReplay(longReplay(cafe, 1000)));
    const out = await sim(['replay', 'link', big]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('too large for a link');
    expect(out.stderr).toContain('share the replay as a file');
    expectCleanError(out.stderr);
  });

  it('refuses a replay that does not verify (exit 1) and a malformed one (exit 2), printing no link', async () => {
    const tampered = write('tampered.json', serializeReplay({ ...replay, finalHash: '0'.repeat(64) }));
    const diverged = await sim(['replay', 'link', tampered]);
    expect(diverged.code).toBe(1);
    expect(diverged.stdout).toBe('');
    expect(diverged.stderr).toContain(`does not verify (diverged at step ${replay.actions.length})`);
    const malformed = await sim(['replay', 'link', write('bad.json', JSON.stringify({ ...replay, seed: 3 }))]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('seed');
    expectCleanError(malformed.stderr);
  });

  it.each([['ftp://x.example/'], ['not a url'], ['example.org/play']])('refuses the base %s (exit 2)', async (base) => {
    const out = await sim(['replay', 'link', file, '--base', base]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--base');
    expectCleanError(out.stderr);
  });
});

describe('sim replay branch', () => {
  it('writes the first --at steps as a replay that verifies on its own; the input is unchanged', async () => {
    const before = readFileSync(file, 'utf8');
    const out = join(dir, 'branch.json');
    const result = await sim(['replay', 'branch', file, '--at', '40', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const branch = JSON.parse(readFileSync(out, 'utf8')) as ReplayLog;
    expect(branch.actions).toEqual(replay.actions.slice(0, 40));
    expect(result.stdout).toContain(`wrote ${out}: the first 40 of ${replay.actions.length} steps`);
    expect(result.stdout).toContain(`state hash ${branch.finalHash}`);
    expect(readFileSync(out, 'utf8')).toBe(serializeReplay(branch));
    expect(verifyReplay(branch, cafe.scenario, cafe.hash)).toMatchObject({ ok: true, steps: 40 });
    expect(readFileSync(file, 'utf8')).toBe(before);
    const verified = await sim(['replay', 'verify', out]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('40 steps');
  });

  it('--at 0 is a fresh start with the same seed; --at the length is the whole run', async () => {
    for (const at of [0, replay.actions.length]) {
      const out = join(dir, `at-${at}.json`);
      expect((await sim(['replay', 'branch', file, '--at', String(at), '--out', out])).code).toBe(0);
      const branch = JSON.parse(readFileSync(out, 'utf8')) as ReplayLog;
      expect(branch.actions.length).toBe(at);
      expect(branch.seed).toBe(replay.seed);
      if (at === replay.actions.length) expect(branch.finalHash).toBe(replay.finalHash);
    }
  });

  it.each<[string, string[], string]>([
    ['no --at', ['--out', 'x.json'], '--at <step> is required'],
    ['no --out', ['--at', '3'], '--out <file> is required'],
    ['--at not a number', ['--at', 'three', '--out', 'x.json'], 'expected a whole number'],
    ['--at negative', ['--at', '-1', '--out', 'x.json'], '--at'],
    ['--at past the end', ['--at', '100000', '--out', 'x.json'], 'past the end'],
    ['--out the input file', ['--at', '3', '--out', 'RUN'], '--out names the input file'],
    ['an unknown option', ['--at', '3', '--out', 'x.json', '--force'], '--force'],
  ])('%s: exit 2 with a clean message, nothing written', async (_name, extra, message) => {
    const out = await sim(['replay', 'branch', file, ...extra.map((a) => (a === 'RUN' ? file : a))], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
    expectCleanError(out.stderr);
  });

  it('refuses a replay that does not verify (exit 1) and writes nothing', async () => {
    const tampered = write('tampered-branch.json', serializeReplay({ ...replay, checkpoints: replay.checkpoints.map((c, i) => (i === 0 ? { ...c, hash: 'f'.repeat(64) } : c)) }));
    const out = join(dir, 'never.json');
    const result = await sim(['replay', 'branch', tampered, '--at', '2', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`diverged at step ${replay.checkpoints[0]!.step}`);
    expect(() => readFileSync(out)).toThrow();
  });

  it('reports a file it cannot write (exit 2)', async () => {
    const result = await sim(['replay', 'branch', file, '--at', '2', '--out', join(dir, 'no-such-dir', 'x.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot write the replay');
    expectCleanError(result.stderr);
  });
});

describe('sim replay: subcommands', () => {
  it.each([[['replay']], [['replay', 'share', 'x.json']], [['replay', '--json', 'verify', 'x.json']], [['replay', 'link']], [['replay', 'link', 'a.json', 'b.json']]])('%j: exit 2', async (args) => {
    const out = await sim(args);
    expect(out.code).toBe(2);
    expectCleanError(out.stderr);
  });
});
