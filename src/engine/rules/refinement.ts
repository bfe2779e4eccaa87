import type { Rule } from './context';
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

export const endRefinement: Rule<'endRefinement'> = {
  apply(draft, _a, ctx) {
    // The Developers spend what is left of the refinement time on the top of the backlog.
    let left = refinementBudget(draft) - draft.refinementUsed;
    for (const id of draft.backlogOrder) {
      const item = draft.items[id]!;
      if (item.refined) continue;
      const cost = refinementCost(item.estimate);
      if (cost > left) break;
      left -= cost;
      refine(draft, id, ctx.rng.normal('estimates'));
    }
    // Facilitation: did refinement prepare what the next Sprint will most likely take?
    const forecast = developersForecast(ctx.base);
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
        decisionId: `refinement-s${draft.sprint}`,
        rationale:
          share >= 0.99
            ? 'Everything the Developers are likely to take next was understood and sized before Sprint Planning.'
            : `Only ${prepared} of the ${considered} items likely to be taken next were refined; the rest arrive unclear.`,
      });
    }
    const score = refinementShareScore(draft.refinementShare);
    judge(draft, {
      goalId: 'D3.3.1',
      score,
      decisionId: `refinement-s${draft.sprint}`,
      rationale:
        score === 1
          ? 'About 5-10% of capacity on refinement keeps items ready without starving delivery.'
          : draft.refinementShare < 5
            ? 'With almost no refinement, unclear items surprise the Developers mid-Sprint.'
            : 'Spending this much capacity on refinement leaves too little for delivering the Increment.',
    });
    draft.sprints.push({
      number: draft.sprint,
      goalKind: null,
      goalText: '',
      goalItemId: null,
      forecast: 0,
      committed: [],
      stretch: false,
      velocity: 0,
      goalMet: null,
      forecastAnswered: false,
      clarifications: 0,
      reviewFormat: null,
      released: false,
      reflections: [],
      progressSharing: null,
      burndown: [],
    });
    say(draft, `Sprint ${draft.sprint} Planning: propose the value this Sprint can deliver.`);
  },
};
