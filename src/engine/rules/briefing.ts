import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import type { Rule } from './context';
import { forgetJudgement, judge, say, unknownId } from './context';
import { adjustEveryonesTrust, adjustMorale } from './effects';
import { personaQuality, visionQuality } from './product';
import { openSprint } from './planning';
import { closeRefinementWindow } from './refinement';
import { judgeBriefingGoals } from './goals-in-the-world';

export const chooseProductGoal: Rule<'chooseProductGoal'> = {
  check: (_s, a, scenario) => (scenario.productGoals.some((g) => g.id === a.goalId) ? null : unknownId('Product Goal option', a.goalId)),
  apply(draft, a, ctx) {
    const goal = ctx.scenario.productGoals.find((g) => g.id === a.goalId)!;
    draft.productGoalId = goal.id;
    draft.writtenProductGoal = null;
    const { measurable, servesVision } = goal.truth;
    const score = measurable && servesVision ? 1 : measurable || servesVision ? 0.4 : 0;
    const chosen = `"${goal.text}"`;
    const rationale =
      score === 1
        ? `${chosen} can be measured and serves the vision ("${ctx.scenario.product.vision}"): it gives every Sprint a target.`
        : !measurable
          ? `${chosen} names no measure, so nobody can tell whether the product is getting closer to it.`
          : `${chosen} is measurable but does not move the product towards its vision ("${ctx.scenario.product.vision}").`;
    forgetJudgement(draft, 'productGoal');
    judge(draft, { goalId: 'D2.2.2', score, decisionId: 'productGoal', rationale });
    judge(draft, { goalId: 'D2.2.1', score, weight: 0.5, decisionId: 'productGoal', rationale });
    say(draft, `Product Goal: ${goal.text}`);
    ctx.emit('sys.goalChosen');
  },
};

/** The vision the player put together, quoted: the evidence its judgement reads. */
function visionWords(state: GameState, scenario: Scenario): string {
  const parts = state.vision.fragments.map((id) => scenario.visionFragments?.find((f) => f.id === id)?.text).filter(Boolean);
  return parts.length ? `Your vision read: "${parts.join(' ')}".` : `You put none of the ${scenario.visionFragments?.length ?? 0} fragments on offer into the vision.`;
}

function personaWords(state: GameState, scenario: Scenario): string {
  const parts = state.persona.map((id) => scenario.personaSnippets?.find((p) => p.id === id)?.text).filter(Boolean);
  return parts.length ? `Your persona: "${parts.join('; ')}".` : `Your persona used none of the ${scenario.personaSnippets?.length ?? 0} research notes on offer.`;
}

export const startSprints: Rule<'startSprints'> = {
  apply(draft, _a, ctx) {
    const scenario = ctx.scenario;
    if (scenario.visionFragments?.length) {
      const q = visionQuality(ctx.base, scenario);
      judge(draft, {
        goalId: 'D2.1.2',
        score: ctx.base.vision.technique ? q : 0,
        decisionId: 'vision',
        rationale: `${visionWords(ctx.base, scenario)} ${
          q >= 0.99
            ? 'It names the customer, the need and what sets the product apart: it can guide every later choice.'
            : 'It misses who it is for, what they need or why this product, or it is padded with features and slogans.'
        }`,
      });
      // A shared, complete vision gives the team and stakeholders something to steer by.
      const why = q >= 0.99 ? 'A complete product vision gives everyone something to steer by' : 'A partial product vision gives everyone a little to steer by';
      adjustMorale(draft, 6 * q, why);
      adjustEveryonesTrust(draft, 3 * q, why);
    }
    if (scenario.personaSnippets?.length) {
      const q = personaQuality(ctx.base, scenario);
      judge(draft, {
        goalId: 'D4.1.2',
        score: q,
        decisionId: 'persona',
        rationale: `${personaWords(ctx.base, scenario)} ${
          q >= 0.99
            ? 'It rests on goals, pains, behaviour and context seen in research.'
            : 'It leaves out what research showed, or leans on stereotypes and guesses.'
        }`,
      });
    }
    judgeBriefingGoals(draft, ctx);
    if (!ctx.base.roadmap.format)
      judge(draft, { goalId: 'D2.3.2', score: 0, decisionId: 'roadmap', rationale: `Sprint 1 started and stakeholders had no roadmap at all: nobody knew where the product was heading over the ${scenario.sprints} Sprints.` });
    // What the Developers prepared with the PO before the first Sprint is judged as it closes.
    closeRefinementWindow(draft, ctx, 1);
    draft.refinementUsed = 0;
    draft.sprint = 1;
    draft.day = 0;
    openSprint(draft);
    say(draft, 'Sprint 1 begins with Sprint Planning: propose why this Sprint matters, and craft the Sprint Goal with the Developers.');
  },
};
