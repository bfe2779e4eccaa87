import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSweep, seedsUpTo, shippedScenarios, sweepDifferences } from '../../src/sweep/hash-sweep';

/*
 * The behaviour guard for engine refactors: final state hashes of every shipped scenario × every
 * bot, first seeds, as recorded by `npx tsx scripts/hash-sweep.ts --seeds 12 --write`. A change
 * meant to alter behaviour re-records them in a commit of its own; anything else must match.
 * The full guard (300 seeds) is the script without --write.
 */
const SEEDS = 6;
const record = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'hash-sweep', 'seeds-12.json'), 'utf8')) as { runs: Record<string, string[]> };

describe('the engine behaviour guard', () => {
  it(`reproduces the recorded final hash of every shipped scenario × bot on seeds 1-${SEEDS}`, async () => {
    const { runs } = hashSweep(await shippedScenarios(), seedsUpTo(SEEDS));
    const want = Object.fromEntries(Object.entries(record.runs).map(([k, v]) => [k, v.slice(0, SEEDS)]));
    expect(Object.keys(runs).length).toBe(45);
    expect(sweepDifferences(want, runs)).toEqual([]);
  });

  it('names the combination and seed that differ', () => {
    expect(sweepDifferences({ 'a/x': ['1', '2'], 'b/y': ['3'] }, { 'a/x': ['1', '9'], 'b/y': [] })).toEqual(['a/x seed 2', 'b/y: 1 seeds recorded, 0 played']);
  });
});
