import { beforeAll, expect, it } from 'vitest';
import { POLICIES, playToEnd, PolicyError } from '../../src/bots';
import { decisionPoints } from '../../src/content/coverage';
import { createSession, type Scenario } from '../../src/engine';
import { formatProblem, type LoadedCampaign, type LoadedScenario } from '../../src/scenario';
import { DEFAULT_SCENARIO_DIR, loadScenarioDir } from '../../src/scenario/fs';

/**
 * Seeds every bot plays on every shipped scenario: 100. `SPRINTWISE_CONTENT_SEEDS=20` makes a
 * quicker local run while writing content; the full suite runs with the default.
 */
export const PLAY_SEEDS = seedCount(process.env.SPRINTWISE_CONTENT_SEEDS, 100);

function seedCount(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) throw new Error(`SPRINTWISE_CONTENT_SEEDS: expected a whole number from 1, found "${value}"`);
  return Number(value);
}

export interface Shipped {
  scenarios: LoadedScenario[];
  campaigns: LoadedCampaign[];
}

/** Everything in scenarios/, loaded by the one loader; fails loudly if any file has a problem. */
export async function shipped(): Promise<Shipped> {
  const all = await loadScenarioDir(DEFAULT_SCENARIO_DIR);
  if (all.problems.length) throw new Error(all.problems.map(formatProblem).join('\n'));
  return { scenarios: all.scenarios, campaigns: all.campaigns };
}

/** The scenarios of one campaign, in playing order. */
export async function campaignScenarios(campaignId: string): Promise<LoadedScenario[]> {
  const { scenarios, campaigns } = await shipped();
  const campaign = campaigns.find((c) => c.campaign.id === campaignId);
  if (!campaign) throw new Error(`no campaign ${campaignId}`);
  return campaign.campaign.scenarios.map((id) => scenarios.find((s) => s.scenario.id === id)!);
}

/**
 * One test per bot: every seed from 1 to PLAY_SEEDS plays the scenario to the end. Afterwards,
 * every goal the scenario targets must have been judged in at least one of those runs.
 */
export function playsToTheEnd(load: () => Promise<LoadedScenario>): void {
  let scenario: Scenario;
  let hash: string;
  const judged = new Set<string>();
  beforeAll(async () => {
    ({ scenario, hash } = await load());
  });
  for (const [name, factory] of Object.entries(POLICIES)) {
    it(`plays to the end with the ${name} bot over ${PLAY_SEEDS} seeds`, () => {
      const failures: string[] = [];
      for (let n = 1; n <= PLAY_SEEDS; n++) {
        const seed = String(n);
        const session = createSession(scenario, seed, hash);
        try {
          playToEnd(session, factory(seed));
        } catch (e) {
          if (!(e instanceof PolicyError)) throw e;
          failures.push(`seed ${seed}: ${e.message}`);
          continue;
        }
        expect(session.state.phase).toBe('debrief');
        expect(session.state.sprints).toHaveLength(scenario.sprints);
        for (const goalId of decisionPoints(session.state.evidence).keys()) judged.add(goalId);
      }
      expect(failures).toEqual([]);
    });
  }
  it('judges every goal it targets in some run', () => {
    expect(scenario.targets.filter((g) => !judged.has(g))).toEqual([]);
  });
}
