import { beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, playToEnd } from '../../src/bots';
import { createSession, type Scenario } from '../../src/engine';
import { formatProblem } from '../../src/scenario/load';
import { loadScenarioDir } from '../../src/scenario/fs';
import { BOT_NAMES } from './starter';

/*
 * Every scenario in scenarios/ is played to the end by every bot on a few seeds: new content
 * (an event, a question, a part-2 mechanic) must never leave a bot stuck or make it send a refused
 * action. The full validity verdict over many seeds is `sim validity`, too slow for a unit test.
 */

let shipped: { scenario: Scenario; hash: string }[] = [];
let problems: string[] = [];
beforeAll(async () => {
  const all = await loadScenarioDir();
  problems = all.problems.map(formatProblem);
  shipped = all.scenarios.map((s) => ({ scenario: s.scenario, hash: s.hash }));
});

const SEEDS = ['1', '2'];

describe('every shipped scenario', () => {
  it('loads, and there is more than the starter', () => {
    expect(problems).toEqual([]);
    expect(shipped.map((s) => s.scenario.id)).toContain('corner-cafe');
  });

  it.each(BOT_NAMES)('is played to the end by %s without a refused action', (name) => {
    for (const { scenario, hash } of shipped)
      for (const seed of SEEDS) {
        const session = createSession(scenario, seed, hash);
        playToEnd(session, POLICIES[name]!(seed));
        expect(session.report().outcomes.sprintsPlayed, `${scenario.id} seed ${seed}`).toBe(scenario.sprints);
      }
  });
});
