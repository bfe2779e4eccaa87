import type { Rule } from './context';
import { forgetJudgement, judge, say, unknownId } from './context';

export const chooseProductGoal: Rule<'chooseProductGoal'> = {
  check: (_s, a, scenario) => (scenario.productGoals.some((g) => g.id === a.goalId) ? null : unknownId('Product Goal option', a.goalId)),
  apply(draft, a, ctx) {
    const goal = ctx.scenario.productGoals.find((g) => g.id === a.goalId)!;
    draft.productGoalId = goal.id;
    const { measurable, servesVision } = goal.truth;
    const score = measurable && servesVision ? 1 : measurable || servesVision ? 0.4 : 0;
    const rationale =
      score === 1
        ? 'A Product Goal that can be measured and serves the vision gives every Sprint a target.'
        : !measurable
          ? 'This goal cannot be measured, so nobody can tell whether the product is getting closer to it.'
          : 'This goal is measurable but does not move the product towards its vision.';
    forgetJudgement(draft, 'productGoal');
    judge(draft, { goalId: 'D2.2.2', score, decisionId: 'productGoal', rationale });
    judge(draft, { goalId: 'D2.2.1', score, weight: 0.5, decisionId: 'productGoal', rationale });
    say(draft, `Product Goal: ${goal.text}`);
    ctx.emit('sys.goalChosen');
  },
};

export const startSprints: Rule<'startSprints'> = {
  apply(draft) {
    draft.sprint = 1;
    draft.day = 0;
    say(draft, 'Sprint 1 begins with Product Backlog refinement.');
  },
};
