/**
 * Part of `npm run bench`, run by scripts/bench.ts in a Node started with --expose-gc and a large
 * young generation: the heap growth over one random game of each of two scenarios, per action.
 */
import { createSession } from '../src/engine';
import { POLICIES } from '../src/bots';
import { findScenario } from '../src/scenario/fs';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const parts: string[] = [];
for (const id of ['corner-cafe', 'platform-exit']) {
  const found = await findScenario(id);
  if (!found.ok) continue;
  // Warm up, so compiled code and caches are not counted.
  for (let seed = 100; seed < 110; seed++) {
    const s = createSession(found.scenario, seed, found.hash);
    const p = POLICIES.random!(String(seed));
    while (!s.done) s.dispatch(p.choose(s.observe()));
  }
  const perAction: number[] = [];
  for (let seed = 1; seed <= 5; seed++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const s = createSession(found.scenario, seed, found.hash);
    const p = POLICIES.random!(String(seed));
    while (!s.done) s.dispatch(p.choose(s.observe()));
    perAction.push((process.memoryUsage().heapUsed - before) / s.step);
  }
  perAction.sort((a, b) => a - b);
  parts.push(`${id} ${Math.round(perAction[2]! / 1024)} KB`);
}
console.log(`allocated per action (random play, heap growth with no collection, median of 5 games): ${parts.join(', ')}`);
