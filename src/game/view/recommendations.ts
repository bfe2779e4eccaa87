/**
 * Which scenarios the player can open now, and the next-scenario recommendation limited to them:
 * a recommendation is a button, so it must never name a scenario the campaign map shows locked.
 * Pure, so the rule is tested without a browser.
 */
import { recommendNext, type KnowledgeMap, type Recommendation, type ScenarioInfo } from '../../assessment';

/** What the lock rule needs: every scenario id and each campaign's scenarios in order. */
export interface CampaignOrder {
  readonly scenarioIds: readonly string[];
  readonly campaigns: readonly (readonly string[])[];
}

/**
 * The campaign map's lock rule (src/game/scenes/CampaignMap.ts): a scenario is open when it is
 * outside every campaign, first in a campaign, after a finished scenario, or already started or
 * finished itself. A scenario in several campaigns is open when any of them opens it.
 */
export function openableScenarios(order: CampaignOrder, completed: readonly string[], started: readonly string[] = []): string[] {
  const done = new Set(completed);
  const begun = new Set(started);
  const inCampaign = new Set(order.campaigns.flat());
  const open = (id: string) => {
    if (!inCampaign.has(id) || done.has(id) || begun.has(id)) return true;
    return order.campaigns.some((c) => {
      const i = c.indexOf(id);
      return i === 0 || (i > 0 && done.has(c[i - 1]!));
    });
  };
  return order.scenarioIds.filter(open);
}

/** The best next scenario among those the player can open, or null when none can be opened. */
export function recommendOpenable(map: KnowledgeMap, scenarios: readonly ScenarioInfo[], openable: readonly string[], completed?: readonly string[]): Recommendation | null {
  const open = new Set(openable);
  return recommendNext(
    map,
    scenarios.filter((s) => open.has(s.id)),
    completed,
  );
}
