import { describe } from 'vitest';
import { campaignScenarios, playsToTheEnd } from './helpers';

// One file per campaign, so the test runner can play campaigns in parallel.
const CAMPAIGN = 'public-service';

for (const [i, id] of (await campaignScenarios(CAMPAIGN)).map((s) => s.scenario.id).entries()) {
  describe(`${CAMPAIGN} #${i + 1}: ${id}`, () => {
    playsToTheEnd(async () => (await campaignScenarios(CAMPAIGN)).find((s) => s.scenario.id === id)!);
  });
}
