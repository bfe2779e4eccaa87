import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { COMMANDS } from '../../src/cli/run';
import { OUTCOME_KEYS, summarise } from '../../src/cli/stats';
import { expectCleanError, ROOT, sim, spawnSim } from './helpers';

describe('batch', () => {
  it('prints mean, sd, min and max of every numeric outcome, and runs/s', async () => {
    const out = await sim(['batch', '--scenario', 'corner-cafe', '--seeds', '1..12', '--policy', 'random']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(out.stdout).toMatch(/^outcome\s+n\s+mean\s+sd\s+min\s+max$/m);
    for (const key of OUTCOME_KEYS) expect(out.stdout).toMatch(new RegExp(`^${key}\\s+\\d+\\s+-?[\\d.]+`, 'm'));
    expect(out.stdout).toMatch(/12 runs in [\d.]+ s: [\d.]+ runs\/s/);
  });

  it('--json gives the same figures as one run at a time through play', async () => {
    const out = await sim(['batch', '--scenario', 'corner-cafe', '--seeds', '3..6', '--policy', 'random', '--json']);
    expect(out.code).toBe(0);
    const summary = JSON.parse(out.stdout) as Record<string, any>;
    expect(summary).toMatchObject({ scenarioId: 'corner-cafe', policy: 'random', seeds: { from: 3, to: 6 }, runs: 4, completed: 4, failures: [] });
    expect(summary.runsPerSecond).toBeGreaterThan(0);
    const values: number[] = [];
    for (const seed of ['3', '4', '5', '6']) {
      const one = await sim(['play', '--scenario', 'corner-cafe', '--seed', seed, '--policy', 'random', '--json']);
      values.push((JSON.parse(one.stdout) as Record<string, any>).report.outcomes.valuePercent as number);
    }
    expect(summary.outcomes.valuePercent).toEqual({ ...summarise(values) });
    expect(summary.outcomes.valuePercent.min).toBe(Math.min(...values));
  });

  it('draws a progress bar on stderr only when it is a terminal', async () => {
    const out = await sim(['batch', '--scenario', 'corner-cafe', '--seeds', '1..3', '--policy', 'random'], { tty: true });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('3/3');
    expect(out.stdout).not.toContain('3/3');
  });

  it.each([
    ['1..0', 'empty'],
    ['a..b', 'expected a range'],
    ['-3..4', 'expected a range'],
    ['1..2000000', 'more than'],
  ])('refuses --seeds %s', async (seeds, says) => {
    const out = await sim(['batch', '--scenario', 'corner-cafe', `--seeds=${seeds}`, '--policy', 'random']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(says);
    expectCleanError(out.stderr);
  });
});

describe('summarise', () => {
  it('gives the sample standard deviation', () => {
    expect(summarise([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, sd: Math.sqrt(32 / 7), min: 2, max: 9 });
    expect(summarise([3])).toEqual({ n: 1, mean: 3, sd: 0, min: 3, max: 3 });
    expect(summarise([])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null });
  });
});

describe('list', () => {
  it('--json parses and lists the starter scenario and its campaign', async () => {
    const out = await sim(['list', '--json']);
    expect(out.code).toBe(0);
    const list = JSON.parse(out.stdout) as { scenarios: Record<string, unknown>[]; campaigns: { id: string; scenarios: string[] }[]; problems: string[] };
    const cafe = list.scenarios.find((s) => s.id === 'corner-cafe');
    expect(cafe).toMatchObject({ id: 'corner-cafe', campaign: 'first-steps', file: join('scenarios', 'corner-cafe.yaml') });
    expect(typeof cafe!.title).toBe('string');
    expect(cafe!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(list.campaigns.find((c) => c.id === 'first-steps')?.scenarios).toContain('corner-cafe');
    expect(list.problems).toEqual([]);
  });

  it('names the files that do not load, on stderr, and still lists the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-list-'));
    try {
      writeFileSync(join(dir, 'minimal.yaml'), readFileSync(join(ROOT, 'tests/fixtures/scenarios/valid/minimal.yaml')));
      writeFileSync(join(dir, 'broken.yaml'), 'kind: scenario\nid: broken\n');
      const out = await sim(['list', '--json'], { env: { SPRINTWISE_SCENARIOS: dir } });
      expect(out.code).toBe(0);
      const list = JSON.parse(out.stdout) as { scenarios: { id: string }[]; problems: string[] };
      expect(list.scenarios.map((s) => s.id)).toEqual(['minimal']);
      expect(list.problems.length).toBeGreaterThan(0);
      expect(list.problems[0]).toContain('broken.yaml');
      expect(out.stderr).toContain('broken.yaml');
      const missing = await sim(['play', '--scenario', 'broken', '--seed', '1', '--policy', 'random'], { env: { SPRINTWISE_SCENARIOS: dir } });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no scenario "broken"');
      expect(missing.stderr).toContain('broken.yaml'); // the file that was probably meant
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a readable table, as a real child process', async () => {
    const out = await spawnSim(['list']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Scenarios:\n/);
    expect(out.stdout).toMatch(/\n {2}corner-cafe /);
  });
});

describe('play', () => {
  it('prints the outcomes of a run, the same for the same seed', async () => {
    const a = await sim(['play', '--scenario', 'corner-cafe', '--seed', '8', '--policy', 'random']);
    const b = await sim(['play', '--scenario', 'corner-cafe', '--seed', '8', '--policy', 'random']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^ {2}value realised\s+[\d.]+ of [\d.]+ available \([\d.]+%\)$/m);
    expect(a.stdout).toMatch(/^state hash [0-9a-f]{64}$/m);
  });

  it('plays a scenario file given by path', async () => {
    const out = await sim(['play', '--scenario', 'tests/fixtures/scenarios/valid/minimal.yaml', '--seed', '1', '--policy', 'random', '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ scenarioId: 'minimal', done: true });
  });

  it('fails cleanly when the replay cannot be written', async () => {
    const out = await sim(['play', '--scenario', 'corner-cafe', '--seed', '1', '--policy', 'random', '--out', 'no/such/dir/r.json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('cannot write the replay');
    expectCleanError(out.stderr);
  });
});

describe('usage', () => {
  it('has --help on the top level and on every command', async () => {
    for (const args of [['--help'], ['help'], ...COMMANDS.map((c) => [c.name, '--help']), ...COMMANDS.map((c) => ['help', c.name])]) {
      const out = await sim(args);
      expect(out.code, args.join(' ')).toBe(0);
      expect(out.stdout, args.join(' ')).toMatch(/^Usage: sim /);
    }
  });

  it('lists every policy in POLICIES in the help of play and batch', async () => {
    for (const command of ['play', 'batch']) {
      const out = await sim([command, '--help']);
      for (const name of Object.keys(POLICIES)) expect(out.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    }
  });

  it.each([
    [[], 'Usage: sim'],
    [['fly'], 'unknown command "fly"'],
    [['play', '--scenario', 'corner-cafe', '--seed', '1'], '--policy <name> is required'],
    [['play', '--scenario', 'corner-cafe', '--seed', '1', '--policy', 'genius'], 'no policy "genius" (known: '],
    [['play', '--scenario', 'corner-cafe', '--seed', '1', '--policy', 'random', '--speed', '9'], "Unknown option '--speed'"],
    [['play', '--scenario', 'corner-cafe', '--seed'], '--seed'],
    [['play', '--scenario', 'atlantis', '--seed', '1', '--policy', 'random'], 'no scenario "atlantis"'],
    [['play', '--scenario', 'missing.yaml', '--seed', '1', '--policy', 'random'], 'missing.yaml'],
    [['list', 'extra'], "Unexpected argument 'extra'"],
    [['help', 'fly'], 'no command "fly"'],
  ])('sim %j exits 2 with a message', async (args, says) => {
    const out = await sim(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(says);
    expect(out.stderr).not.toMatch(/^\s+at /m);
  });

  it('never prints a stack trace for bad input, as a real child process', async () => {
    const out = await spawnSim(['play', '--scenario', 'corner-cafe', '--seed', '1', '--policy', 'nope']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^sim: play: --policy: no policy "nope"/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});
