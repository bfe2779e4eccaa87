/**
 * The engine's behaviour guard, in full: every shipped scenario × every bot × N seeds (300 by
 * default), final state hashes compared with the record in tests/fixtures/hash-sweep/. The unit
 * suite checks the first 12 seeds of each (tests/engine/hash-sweep.test.ts); this is the sweep a
 * refactor of the engine runs before it is committed.
 *
 *   npx tsx scripts/hash-sweep.ts [--seeds 300] [--write]
 *
 * --write records the hashes (after a deliberate change of behaviour, in a commit of its own).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../src/engine';
import { hashSweep, seedsUpTo, shippedScenarios, sweepDifferences } from '../src/sweep/hash-sweep';

const ROOT = join(import.meta.dirname, '..');
const RECORDS = join(ROOT, 'tests', 'fixtures', 'hash-sweep');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--seeds');
  const n = at >= 0 ? Number(args[at + 1]) : 300;
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--seeds: expected a whole number of seeds from 1 up, found ${args[at + 1] ?? '(nothing)'}`);
    return 2;
  }
  const write = args.includes('--write');
  const file = join(RECORDS, n === 12 ? 'seeds-12.json' : `digests-${n}.json`);
  const started = performance.now();
  const result = hashSweep(await shippedScenarios(), seedsUpTo(n), (done, total) => {
    if (done % 500 === 0 || done === total) process.stderr.write(`\r${done} of ${total} runs`);
  });
  process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  console.log(`${Object.keys(result.digests).length} scenario × bot combinations × ${n} seeds: ${result.actions} actions in ${seconds.toFixed(1)} s`);
  // 12 seeds keep every run's hash (the unit test names the seed that changed); more keep one digest per combination.
  const record = n === 12 ? { engineVersion: ENGINE_VERSION, seeds: n, runs: result.runs } : { engineVersion: ENGINE_VERSION, seeds: n, digests: result.digests };
  if (write) {
    mkdirSync(RECORDS, { recursive: true });
    writeFileSync(file, `${JSON.stringify(record, null, 1)}\n`);
    console.log(`recorded in ${file}`);
    return 0;
  }
  if (!existsSync(file)) {
    console.error(`no record for ${n} seeds in ${file}: run with --write to make one`);
    return 1;
  }
  const want = JSON.parse(readFileSync(file, 'utf8')) as { runs?: Record<string, string[]>; digests?: Record<string, string> };
  const diffs = want.runs
    ? sweepDifferences(want.runs, result.runs)
    : Object.keys({ ...want.digests, ...result.digests })
        .sort()
        .filter((k) => want.digests?.[k] !== result.digests[k]);
  if (diffs.length === 0) {
    console.log('every final state hash matches the record');
    return 0;
  }
  console.error(`${diffs.length} differ from the record:\n  ${diffs.slice(0, 40).join('\n  ')}`);
  return 1;
}

process.exitCode = await main();
