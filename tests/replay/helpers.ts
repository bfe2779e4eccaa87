import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession, type ReplayLog, type Scenario, type Session } from '../../src/engine';
import { formatProblem, loadScenarioText } from '../../src/scenario';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CORPUS_DIR = join(ROOT, 'tests', 'fixtures', 'replays');

export interface Loaded {
  scenario: Scenario;
  hash: string;
}

function load(path: string, name: string): Loaded {
  const loaded = loadScenarioText(readFileSync(path), name);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return { scenario: loaded.scenario, hash: loaded.hash };
}

/** The shipped starter scenario, through the one loader. */
export function starter(): Loaded {
  return load(join(ROOT, 'scenarios', 'corner-cafe.yaml'), 'corner-cafe.yaml');
}

/** The corpus's own copy of the starter scenario (tests/fixtures/replays/corner-cafe.yaml). */
export function corpusScenario(): Loaded {
  return load(join(CORPUS_DIR, 'corner-cafe.yaml'), 'corner-cafe.yaml');
}

/** A finished run of a built-in bot. */
export function played(policy: string, seed: string, { scenario, hash }: Loaded = starter()): { session: Session; replay: ReplayLog } {
  const session = createSession(scenario, seed, hash);
  playToEnd(session, POLICIES[policy]!(seed));
  return { session, replay: session.replayLog() };
}

/** A replay that verifies but is long and hard to compress: `orders` random backlog orders before the first Sprint. */
export function longReplay({ scenario, hash }: Loaded, orders: number): ReplayLog {
  const session = createSession(scenario, 'long', hash);
  const take = (type: string) => {
    const found = session.observe().actions.find((a) => a.type === type);
    if (!found) return false;
    const r = session.dispatch({ id: found.id });
    if (!r.ok) throw new Error(r.error.message);
    return true;
  };
  // Backlog refinement before Sprint 1: the briefing, once the Product Goal is chosen.
  for (let guard = 0; session.observe().phase !== 'briefing.ready'; guard++) {
    if (guard > 100) throw new Error('did not reach the end of the briefing');
    if (!take('answerQuestion') && !take('chooseProductGoal')) throw new Error(`stuck in ${session.observe().phase}`);
  }
  while (take('answerQuestion'));
  const ids = session.observe().observation.backlog.map((i) => i.id);
  let x = 12345;
  // A small linear congruential generator: enough to make orders that do not compress.
  for (let i = 0; i < orders; i++) {
    const order = [...ids];
    for (let j = order.length - 1; j > 0; j--) {
      x = (x * 48271) % 2147483647;
      const k = x % (j + 1);
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    const r = session.dispatch({ type: 'orderBacklog', itemIds: order });
    if (!r.ok) throw new Error(r.error.message);
  }
  return session.replayLog();
}
