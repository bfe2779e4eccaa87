import type { Draft } from 'immer';
import type { GameState } from '../model/state';
import type { RuleContext } from './context';
import { judge, say } from './context';
import { refine, refinementBudget, refinementCost } from './backlog';
import { developersForecast } from './planning';

/** How close a refinement share is to the 5-10% that keeps planning short and estimates sound. */
export function refinementShareScore(percent: number): number {
  if (percent >= 5 && percent <= 10) return 1;
  if (percent === 20) return 0.4;
  if (percent === 0) return 0;
  return 0.2;
}

/**
 * Refinement is ongoing: the Developers spend the refinement time agreed with the PO during the
 * Sprint (or before the first one). When that time runs out, before Sprint Planning of
 * `nextSprint`, they spend what is left on the top of the Product Backlog, and the rules judge
 * whether it prepared what that Sprint will most likely take.
 */
export function closeRefinementWindow(draft: Draft<GameState>, ctx: RuleContext, nextSprint: number): void {
  let left = refinementBudget(draft) - draft.refinementUsed;
  let refined = 0;
  for (const id of draft.backlogOrder) {
    const item = draft.items[id]!;
    if (item.refined) continue;
    const cost = refinementCost(item.estimate);
    if (cost > left) break;
    left -= cost;
    refine(draft, id, ctx.rng.normal('estimates'));
    refined++;
  }
  draft.refinementUsed = refinementBudget(draft);
  if (refined) say(draft, `The Developers used the rest of their refinement time on the top of the Product Backlog: ${refined} more ${refined === 1 ? 'item is' : 'items are'} refined.`);
  const forecast = developersForecast(draft as GameState);
  let points = 0;
  let prepared = 0;
  let considered = 0;
  for (const id of draft.backlogOrder) {
    if (points >= forecast) break;
    const item = draft.items[id]!;
    points += item.estimate;
    considered++;
    if (item.refined) prepared++;
  }
  if (considered > 0) {
    const share = prepared / considered;
    judge(draft, {
      goalId: 'D3.3.2',
      score: share,
      decisionId: `refinement-s${nextSprint}`,
      rationale:
        share >= 0.99
          ? `Everything the Developers are likely to take in Sprint ${nextSprint} was understood and sized before its Sprint Planning.`
          : `Only ${prepared} of the ${considered} items likely to be taken in Sprint ${nextSprint} were refined; the rest arrive at Sprint Planning unclear.`,
    });
  }
  const score = refinementShareScore(draft.refinementShare);
  judge(draft, {
    goalId: 'D3.3.1',
    score,
    decisionId: `refinement-s${nextSprint}`,
    rationale:
      score === 1
        ? `${draft.refinementShare}% of the Developers' capacity for refinement kept items ready without starving delivery.`
        : draft.refinementShare < 5
          ? `With ${draft.refinementShare}% of capacity for refinement, unclear items surprise the Developers mid-Sprint.`
          : `${draft.refinementShare}% of capacity for refinement leaves too little for delivering the Increment.`,
  });
}
