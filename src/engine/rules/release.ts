import type { Rule } from './context';
import { judge, say } from './context';
import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import { valueAvailable } from '../report';
import { release } from './review';
import { round2 } from './formulas';

/**
 * MoSCoW for this release: Musts should be the most valuable per point and fit well within
 * what the team delivered (about 60%), so Shoulds and Coulds leave room; Won'ts the least valuable.
 */
export function moscowScore(state: GameState): { score: number; tagged: number } {
  const items = Object.values(state.items).filter((i) => i.status !== 'split');
  const tagged = items.filter((i) => i.moscow !== null);
  if (tagged.length === 0) return { score: 0, tagged: 0 };
  const density = (i: (typeof items)[number]) => i.truth.value / i.truth.effort;
  const ranked = [...items].sort((a, b) => density(b) - density(a) || (a.id < b.id ? -1 : 1));
  const third = Math.max(1, Math.floor(ranked.length / 3));
  const top = new Set(ranked.slice(0, third).map((i) => i.id));
  const bottom = new Set(ranked.slice(-third).map((i) => i.id));
  let consistent = 0;
  for (const i of tagged) {
    // A fixed date is a legal or contractual Must, whatever its value per point.
    if (i.moscow === 'must') consistent += top.has(i.id) || i.truth.costOfDelay === 'fixedDate' ? 1 : bottom.has(i.id) ? 0 : 0.5;
    else if (i.moscow === 'wont') consistent += bottom.has(i.id) ? 1 : top.has(i.id) ? 0 : 0.5;
    else consistent += (top.has(i.id) && i.moscow === 'could') || bottom.has(i.id) ? 0.5 : 1;
  }
  // Without a single Must or Won't, nothing was actually decided about the release's scope.
  const decided = tagged.some((i) => i.moscow === 'must' || i.moscow === 'wont');
  const delivered = state.sprints.reduce((a, s) => a + s.velocity, 0);
  const mustLoad = tagged.filter((i) => i.moscow === 'must').reduce((a, i) => a + i.estimate, 0);
  const overloaded = delivered > 0 && mustLoad > 0.6 * delivered;
  return { score: round2((consistent / tagged.length) * (overloaded ? 0.5 : 1) * (decided ? 1 : 0.4)), tagged: tagged.length };
}

/** End-of-run judgements of results rather than single choices: did the ordering maximise value? */
function judgeOutcomes(draft: Draft<GameState>, scenario: Scenario): void {
  const moscow = moscowScore(draft);
  judge(draft, {
    goalId: 'D3.2.2',
    score: moscow.score,
    decisionId: 'release-moscow',
    rationale:
      moscow.tagged === 0
        ? 'No item was categorised for the release, so nobody knew what was a Must and what could wait.'
        : moscow.score >= 0.8
          ? 'The Musts were the most valuable items and left room in the release; the Won\u2019ts were rightly let go.'
          : 'Some Musts were low-value or too many for the release, or valuable items were marked Won\u2019t.',
  });
  const available = valueAvailable(scenario);
  const share = available > 0 ? Math.min(1, draft.valueRealised / available) : 0;
  judge(draft, {
    goalId: 'D1.2.1',
    score: round2(share),
    decisionId: 'outcome-value',
    rationale: `You realised ${Math.round(share * 100)}% of the value a well-informed ordering could have delivered with the same effort.`,
  });
  // Were the most-used features the ones delivered first?
  const released = Object.values(draft.items).filter((i) => i.releasedInSprint !== null && i.acceptedInSprint !== null);
  if (released.length >= 2) {
    // Use per point of effort: the most valuable delivery is the one that bought the most use per point.
    const use = (id: string) => (draft.releases.find((r) => r.featureUse[id] !== undefined)?.featureUse[id] ?? 0) / Math.max(0.5, draft.items[id]!.truth.effort);
    const byUse = [...released].sort((a, b) => use(b.id) - use(a.id) || (a.id < b.id ? -1 : 1));
    const byDelivery = [...released].sort((a, b) => a.acceptedInSprint! - b.acceptedInSprint! || (a.id < b.id ? -1 : 1));
    const half = Math.ceil(released.length / 2);
    const early = new Set(byDelivery.slice(0, half).map((i) => i.id));
    const hits = byUse.slice(0, half).filter((i) => early.has(i.id)).length;
    judge(draft, {
      goalId: 'D6.3.3',
      score: round2(hits / half),
      decisionId: 'outcome-metrics',
      rationale:
        hits === half
          ? 'The features users used most were the ones you delivered first: the ordering tracked real value.'
          : 'Some of the most-used features came late: usage data should feed back into the order.',
    });
  }
}

export const decideRelease: Rule<'decideRelease'> = {
  apply(draft, a, ctx) {
    const accepted = Object.values(draft.items).filter((i) => i.status === 'accepted');
    const ship = a.decision === 'ship';
    judge(draft, {
      goalId: 'D6.1.1',
      score: accepted.length === 0 ? (ship ? 0.2 : 1) : ship ? 1 : 0.2,
      decisionId: 'release',
      rationale:
        accepted.length === 0
          ? 'There was nothing Done to release.'
          : ship
            ? 'Releasing the Done Increment puts value in users\u2019 hands and starts real feedback.'
            : 'Holding back a Done Increment delays both value and the feedback that steers the next Product Goal.',
    });
    draft.released = ship;
    if (ship && accepted.some((i) => i.releasedInSprint === null)) {
      release(draft, draft.sprint, ctx.scenario);
      say(draft, `Released. Adoption ${draft.metrics!.adoption}%, satisfaction ${draft.metrics!.satisfaction}/100.`);
    } else if (!ship) {
      say(draft, 'The last Increment was not released.');
    }
    judgeOutcomes(draft, ctx.scenario);
  },
};
