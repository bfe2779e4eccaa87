import type { Rule } from './context';
import { judge, say } from './context';
import { judgeForecasts } from './review';
import { round2 } from './formulas';

export const decideRelease: Rule<'decideRelease'> = {
  apply(draft, a) {
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
    // The release comes after the last Sprint: forecasts about it are due now.
    judgeForecasts(draft, draft.sprint + 1);
    if (ship) {
      const clean = accepted.filter((i) => i.meetsDoD !== false).length / Math.max(1, accepted.length);
      draft.metrics = {
        adoption: round2(Math.min(100, draft.valueRealised / 4)),
        satisfaction: round2(40 + 55 * clean),
        revenue: round2(draft.valueRealised * 120),
      };
      say(draft, `Released. Adoption ${draft.metrics.adoption}%, satisfaction ${draft.metrics.satisfaction}/100.`);
    } else {
      say(draft, 'The Increment was not released.');
    }
  },
};
