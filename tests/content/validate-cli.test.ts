import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sim, spawnSim } from '../cli/helpers';

/** `file:line:column path: expected ..., found ...`, the format every problem line keeps. */
const PROBLEM = /^(?<file>[^:]+):(?<line>\d+):(?<column>\d+) (?<path>\S+): expected .+, found .+$/;

const CAFE = readFileSync(join(ROOT, 'scenarios', 'corner-cafe.yaml'), 'utf8');

/** 1-based number of the first line containing `text`. */
function lineOf(source: string, text: string): number {
  const i = source.split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line contains ${text}`);
  return i + 1;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sim validate', () => {
  it('passes every shipped file (the default is scenarios/) with exit 0', async () => {
    const out = await sim(['validate']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^\d+ files valid: 9 scenarios, 3 campaigns\n$/);
    const named = await sim(['validate', 'scenarios/corner-cafe.yaml', 'scenarios/first-steps.campaign.yaml']);
    expect(named.code).toBe(0);
    expect(named.stdout).toBe('2 files valid: 1 scenario, 1 campaign\n');
  });

  it('prints one positioned line per problem in a broken file and exits 1', async () => {
    const broken = CAFE.replace('truth: { value: 60, effort: 8,', 'truth: { value: 60, effort: -8,')
      .replace('requestedBy: marketing\n    truth: { value: 15', 'requestedBy: marketeer\n    truth: { value: 15')
      .replace('daysPerSprint: 5', 'daysPerSprint: 5\nauthor: me')
      .replace('campaign: first-steps\n', '');
    const file = join(dir, 'broken-cafe.yaml');
    writeFileSync(file, broken);
    const out = await sim(['validate', file]);
    expect(out.code).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(2); // the schema stops at shape problems; references are checked once the shape is right
    for (const l of lines) expect(l).toMatch(PROBLEM);
    const found = lines.map((l) => l.match(PROBLEM)!.groups!);
    expect(found.map((g) => [g.file, Number(g.line), g.path])).toEqual([
      [file, lineOf(broken, 'author: me'), 'author'],
      [file, lineOf(broken, 'effort: -8'), 'backlog[0].truth.effort'],
    ]);
    expect(lines[1]).toContain('expected a number greater than 0 and at most 1000, found -8');
    expect(out.stderr).toBe('sim: validate: 2 problems in 1 of 1 file\n');

    // With the shape fixed, the dangling reference is reported where it is.
    writeFileSync(file, broken.replace('effort: -8', 'effort: 8').replace('\nauthor: me', ''));
    const again = await sim(['validate', file]);
    expect(again.code).toBe(1);
    const fixed = readFileSync(file, 'utf8');
    expect(again.stdout).toBe(
      `${file}:${lineOf(fixed, 'requestedBy: marketeer')}:18 backlog[2].requestedBy: expected the id of a stakeholder (one of "owner", "marketing", "barista", "health"), found "marketeer"\n`,
    );
  });

  it('checks campaign references against the other files in the same directory', async () => {
    const sub = mkdtempSync(join(dir, 'pair-'));
    writeFileSync(join(sub, 'corner-cafe.yaml'), CAFE);
    writeFileSync(join(sub, 'first-steps.campaign.yaml'), 'kind: campaign\nid: first-steps\ntitle: First steps\ndescription: A start.\nscenarios: [corner-cafe, missing-one]\n');
    const campaign = await sim(['validate', join(sub, 'first-steps.campaign.yaml')]);
    expect(campaign.code).toBe(1);
    expect(campaign.stdout).toBe(`${join(sub, 'first-steps.campaign.yaml')}:5:26 scenarios[1]: expected a scenario id (one of "corner-cafe"), found "missing-one"\n`);
    // The scenario itself is fine: its campaign exists and lists it. The problem is the campaign's.
    const scenario = await sim(['validate', join(sub, 'corner-cafe.yaml')]);
    expect(scenario.code).toBe(0);
    // A directory argument checks every data file in it.
    const both = await sim(['validate', sub]);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe(campaign.stdout);
    expect(both.stderr).toBe('sim: validate: 1 problem in 1 of 2 files\n');
    // A scenario whose campaign does not list it is caught from the scenario's side.
    writeFileSync(join(sub, 'first-steps.campaign.yaml'), 'kind: campaign\nid: first-steps\ntitle: First steps\ndescription: A start.\nscenarios: [other]\n');
    writeFileSync(join(sub, 'other.yaml'), CAFE.replace('id: corner-cafe', 'id: other'));
    const orphan = await sim(['validate', join(sub, 'corner-cafe.yaml')]);
    expect(orphan.code).toBe(1);
    expect(orphan.stdout).toBe(`${join(sub, 'corner-cafe.yaml')}:5:11 campaign: expected a campaign that lists this scenario, found "first-steps", whose scenarios do not include "corner-cafe"\n`);
  });

  it('reports a file it cannot read as a problem, exit 1', async () => {
    const out = await sim(['validate', join(dir, 'nope.yaml')]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(`${join(dir, 'nope.yaml')}:1:1 cannot read the file: no such file\n`);
  });

  it('has --help, and refuses unknown options with exit 2', async () => {
    const help = await sim(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: sim validate');
    const bad = await sim(['validate', '--strict']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^sim: validate: /);
  });

  it('works the same from the real command line', async () => {
    const ok = await spawnSim(['validate', 'scenarios']);
    expect(ok.code).toBe(0);
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, CAFE.replace('campaign: first-steps\n', '').replace('  capacity: 20', '  capacty: 20'));
    const bad = await spawnSim(['validate', file]);
    expect(bad.code).toBe(1);
    for (const l of bad.stdout.trimEnd().split('\n')) expect(l).toMatch(PROBLEM);
    expect(bad.stdout).toContain(`${file}:${lineOf(CAFE, 'capacity: 20') - 1}:3 team.capacty: expected one of the keys`);
  });
});
