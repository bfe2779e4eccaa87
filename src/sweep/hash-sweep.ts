import { playToEnd, POLICIES } from '../bots';
import { createSession, hashValue, type Scenario } from '../engine';
import { formatProblem } from '../scenario';
import { loadScenarioDir } from '../scenario/fs';

/*
 * The behaviour guard for refactors of the engine: every shipped scenario played to the end by
 * every bot over many seeds, each run's final state hash recorded. A refactor that is meant to
 * change nothing must reproduce every hash; a change of behaviour regenerates the record in a
 * commit of its own.
 */

export interface SweepScenario {
  scenario: Scenario;
  hash: string;
}

export interface SweepResult {
  /** "scenario/bot" → the final state hash of each seed's run, seeds 1..n in order. */
  readonly runs: Record<string, string[]>;
  /** "scenario/bot" → one digest over all of that combination's final hashes. */
  readonly digests: Record<string, string>;
  readonly actions: number;
}

/** Every scenario in scenarios/ (campaigns are made of them), in file order. */
export async function shippedScenarios(): Promise<SweepScenario[]> {
  const loaded = await loadScenarioDir();
  if (loaded.problems.length) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenarios.map((s) => ({ scenario: s.scenario, hash: s.hash }));
}

export function seedsUpTo(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** Plays every scenario × bot × seed and records the final hashes. `onRun` reports progress. */
export function hashSweep(scenarios: readonly SweepScenario[], seeds: readonly string[], onRun?: (done: number, total: number) => void): SweepResult {
  const runs: Record<string, string[]> = {};
  const digests: Record<string, string> = {};
  const bots = Object.keys(POLICIES).sort();
  const total = scenarios.length * bots.length * seeds.length;
  let done = 0;
  let actions = 0;
  for (const { scenario, hash } of scenarios) {
    for (const bot of bots) {
      const key = `${scenario.id}/${bot}`;
      const hashes: string[] = [];
      for (const seed of seeds) {
        const session = createSession(scenario, seed, hash);
        playToEnd(session, POLICIES[bot]!(seed));
        hashes.push(session.stateHash());
        actions += session.step;
        onRun?.(++done, total);
      }
      runs[key] = hashes;
      digests[key] = hashValue(hashes);
    }
  }
  return { runs, digests, actions };
}

/** The combinations and seeds where `got` differs from `want`: "scenario/bot seed N". */
export function sweepDifferences(want: Record<string, readonly string[]>, got: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const key of Object.keys({ ...want, ...got }).sort()) {
    const a = want[key] ?? [];
    const b = got[key] ?? [];
    if (a.length !== b.length) out.push(`${key}: ${a.length} seeds recorded, ${b.length} played`);
    else for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(`${key} seed ${i + 1}`);
  }
  return out;
}
