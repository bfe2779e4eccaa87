import type { GameState } from '../model/state';
import type { Rule } from './context';
import { judge, say } from './context';
import { clamp } from './execution';
import { requiredReflections } from './reflection';
import { PO_TIME_PER_SPRINT } from '../model/initial';
import { openSprint } from './planning';

/** Whether an improvement fits the team's situation: invest in quality when it hurts, not by habit. */
export function improvementScore(state: GameState, improvement: 'strengthenDoD' | 'payDownDebt' | 'keepAsIs'): number {
  const { techDebt, dodStrength } = state.team;
  const needDebt = techDebt >= 30;
  const needDoD = dodStrength < 2;
  switch (improvement) {
    case 'payDownDebt':
      return needDebt ? 1 : techDebt >= 15 ? 0.6 : 0.3;
    case 'strengthenDoD':
      return needDoD ? 1 : dodStrength < 3 && !needDebt ? 0.6 : 0.3;
    case 'keepAsIs':
      return needDebt || needDoD ? 0.1 : 0.8;
  }
}

export const chooseImprovement: Rule<'chooseImprovement'> = {
  check(s) {
    const open = requiredReflections(s);
    return open.length ? { code: 'notAllowedNow', message: `reflect on the Sprint first: ${open.join(', ')}` } : null;
  },
  apply(draft, a, ctx) {
    const score = improvementScore(draft, a.improvement);
    const rationale =
      score >= 0.8
        ? 'The improvement matched what was holding the product back.'
        : 'Another improvement would have done more for long-run value here (debt and a weak Definition of Done compound).';
    judge(draft, { goalId: 'D1.2.3', score, decisionId: `retro-s${draft.sprint}`, rationale });
    const dod = improvementScore(draft, 'strengthenDoD') >= 0.99 ? (a.improvement === 'strengthenDoD' ? 1 : 0.2) : a.improvement === 'strengthenDoD' ? 0.5 : 1;
    judge(draft, {
      goalId: 'D6.2.3',
      score: dod,
      decisionId: `retro-s${draft.sprint}`,
      rationale:
        dod >= 0.99
          ? 'The Definition of Done was treated as the lever on predictability it is: strengthened when weak, kept when sound.'
          : 'A weak Definition of Done keeps velocity looking high while quality and predictability suffer.',
    });
    if (a.improvement === 'strengthenDoD') {
      if (draft.team.dodStrength < 3) {
        draft.team.dodStrength += 1;
        draft.team.dodChangedInSprint = draft.sprint;
      }
      say(draft, 'The Scrum Team strengthened the Definition of Done: expect a slower Sprint, then steadier ones.');
    } else if (a.improvement === 'payDownDebt') {
      draft.team.techDebt = clamp(draft.team.techDebt - 15);
      draft.team.debtWorkNextSprint = 0.15;
      say(draft, 'The Developers will spend part of the next Sprint paying down technical debt.');
    } else {
      say(draft, 'The Scrum Team keeps its way of working as it is.');
    }
    if (draft.sprint < ctx.scenario.sprints) {
      draft.sprint += 1;
      draft.day = 0;
      draft.refinementUsed = 0;
      draft.poTime = PO_TIME_PER_SPRINT;
      openSprint(draft);
      say(draft, `Sprint ${draft.sprint} begins with Sprint Planning.`);
      ctx.emit('sys.nextSprint');
    } else {
      say(draft, 'The last Sprint is over. Release any Done work that has not reached users, then see how you did.');
      ctx.emit('sys.lastSprintDone');
    }
  },
};
