import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeText } from '../../src/rubric';
import { expectCleanError, sim, spawnSim } from './helpers';

describe('judge-text', () => {
  it('prints the score and what to improve, quoting the text', async () => {
    const out = await sim(['judge-text', '--format', 'story', '--text', 'As a regular, I want a quick way to reorder my usual, so that I am served sooner.']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^Score: 0\.\d\d \(\d of 7 criteria met\)$/m);
    expect(out.stdout).toMatch(/^To improve:\n {2}unambiguous: "quick" is vague/m);
    expect(out.stdout).toMatch(/^Met:$/m);
  });

  it('--json gives the same judgement as the rubric, with the scenario as context', async () => {
    const text = 'As a resident, I want a text message when my claim moves on, so that I know without phoning.';
    const out = await sim(['judge-text', '--format', 'story', '--scenario', 'council-fewer-calls', '--text', text, '--json']);
    expect(out.code).toBe(0);
    const j = JSON.parse(out.stdout) as { format: string; scenarioId: string; score: number; findings: { criterion: string; ok: boolean; message: string }[] };
    expect(j).toMatchObject({ format: 'story', scenarioId: 'council-fewer-calls' });
    expect(j.findings.find((f) => f.criterion === 'unique')).toMatchObject({ ok: false });
    expect(j.findings.find((f) => f.criterion === 'unique')!.message).toContain('Text me when my claim moves on');
    const without = judgeText('story', text);
    expect(without.findings.some((f) => f.criterion === 'unique')).toBe(false);
  });

  it('reads criteria from a file and refuses a Given-When with no Then, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-judge-'));
    try {
      const file = join(dir, 'criteria.feature');
      writeFileSync(file, 'Given I have 9 stamps\nWhen I buy a coffee\n');
      const out = await sim(['judge-text', '--format', 'criteria', '--file', file]);
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(/given when then: .*has no Then/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('judges a Sprint Goal against the scenario\'s Product Goal', async () => {
    const out = await sim(['judge-text', '--format', 'sprintGoal', '--scenario', 'corner-cafe', '--text', 'Finish items 4, 7 and 9', '--json']);
    expect(out.code).toBe(0);
    const j = JSON.parse(out.stdout) as { findings: { criterion: string; ok: boolean }[] };
    expect(j.findings.map((f) => f.criterion)).toContain('linked to the product goal');
    expect(j.findings.find((f) => f.criterion === 'outcome')?.ok).toBe(false);
  });

  it.each([
    [['judge-text', '--text', 'x'], '--format <format> is required'],
    [['judge-text', '--format', 'poem', '--text', 'x'], '--format: expected one of story, criteria, productGoal, sprintGoal, split, found "poem"'],
    [['judge-text', '--format', 'story'], 'the text is required'],
    [['judge-text', '--format', 'story', '--text', 'x', '--file', 'y'], 'not both'],
    [['judge-text', '--format', 'story', '--file', 'no/such/file.txt'], '--file: cannot read "no/such/file.txt": expected a readable text file, but there is no such file'],
    [['judge-text', '--format', 'story', '--file', 'tests'], 'it is a directory'],
    [['judge-text', '--format', 'story', '--text', 'x', '--scenario', 'atlantis'], 'no scenario "atlantis"'],
    [['judge-text', '--format', 'story', '--text', 'x', '--colour'], "Unknown option '--colour'"],
  ])('sim %j exits 2 with a clear message', async (args, says) => {
    const out = await sim(args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(says);
    expectCleanError(out.stderr);
  });

  it('works as a real child process', async () => {
    const out = await spawnSim(['judge-text', '--format', 'productGoal', '--text', 'Within two quarters, cut calls asking where my claim is by 40%']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Score: 1\.00 \(4 of 4 criteria met\)/);
  });
});
