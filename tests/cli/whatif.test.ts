import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayLog } from '../../src/engine';
import { whatIf } from '../../src/whatif/rollouts';
import { expectCleanError, sim, starter } from './helpers';

let dir: string;
let path: string;
let text: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sim-whatif-'));
  path = join(dir, 'run.json');
  // The "yes" bot's run: it has costly decisions with other options listed where they were chosen.
  const out = await sim(['play', '--scenario', 'corner-cafe', '--seed', '8', '--policy', 'yes', '--out', path]);
  expect(out.code).toBe(0);
  text = readFileSync(path, 'utf8');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sim whatif', () => {
  it('prints the same figures as the module, as JSON, and leaves the replay file as it was', async () => {
    const out = await sim(['whatif', path, '--rollouts', '2', '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const printed = JSON.parse(out.stdout) as ReturnType<typeof whatIf> & { file: string };
    const { scenario, hash } = await starter();
    const direct = whatIf(scenario, hash, JSON.parse(text) as ReplayLog, { rollouts: 2 });
    expect(printed).toEqual({ file: path, ...direct });
    expect(printed.rolloutsPerAlternative).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(text);
    // Twice, the same: the rollouts are seeded from the replay's seed.
    expect((await sim(['whatif', path, '--rollouts', '2', '--json'])).stdout).toBe(out.stdout);
  });

  it('prints each decision, the choice taken, its own play-on and the alternatives with their bands', async () => {
    const out = await sim(['whatif', path, '--rollouts', '3']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^What if: .*3 rollouts per option, played on by the principled bot\n/);
    expect(out.stdout).toMatch(/Your run's end: value [\d.]+, Product Goal /);
    expect(out.stdout).toMatch(/\n\d\. .+\n {3}You chose: .+\n/);
    expect(out.stdout).toMatch(/your choice, played on by the bot: value [\d.]+ \[[\d.]+\.\.[\d.]+\], Product Goal .+, trust [\d.]+ \[/);
    expect(out.stdout).toMatch(/ {5}".+": value [\d.]+ \[[\d.]+\.\.[\d.]+\]/);
  });

  it('names the flag, what it expects and what it found for a bad --rollouts', async () => {
    for (const bad of ['0', '-3', 'ten', '2.5', '1001']) {
      const out = await sim(['whatif', path, `--rollouts=${bad}`]);
      expect(out.code).toBe(2);
      expectCleanError(out.stderr);
      expect(out.stderr).toContain(`sim: whatif: --rollouts: expected a whole number from 1 to 1000, found "${bad}"`);
    }
  });

  it('names the file and what is wrong with it for a missing, non-JSON, non-replay or diverging file', async () => {
    const missing = await sim(['whatif', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`sim: whatif: ${join(dir, 'nope.json')}: cannot read the file: no such file`);

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, 'hello');
    const a = await sim(['whatif', notJson]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`sim: whatif: ${notJson}: the file is not JSON`);

    const notReplay = join(dir, 'object.json');
    writeFileSync(notReplay, '{"hello": 1}');
    const b = await sim(['whatif', notReplay]);
    expect(b.code).toBe(2);
    expectCleanError(b.stderr);
    expect(b.stderr).toContain(`sim: whatif: ${notReplay}: expected a replay file`);

    const changed = JSON.parse(text) as ReplayLog;
    changed.finalHash = 'a'.repeat(64);
    const diverged = join(dir, 'changed.json');
    writeFileSync(diverged, JSON.stringify(changed));
    const c = await sim(['whatif', diverged]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(`sim: whatif: ${diverged}: does not verify`);

    const usage = await sim(['whatif']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('sim: whatif: expected a replay file: "sim whatif <replay.json>"');
  });

  it('has help, and is listed in the top-level help', async () => {
    const help = await sim(['whatif', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sim whatif <replay\.json> \[--rollouts N\]/);
    expect((await sim(['--help'])).stdout).toMatch(/\n {2}whatif +what the other options/);
  });
});
