import { describe, expect, it } from 'vitest';
import { GOAL_MET_SHARE, productGoalVerdict } from '../../src/assessment/product-goal-verdict';

const goal = 'Half of weekday morning orders come through the app within three months';

describe('the Product Goal verdict on the debrief', () => {
  it('is met from half of the points released toward it, and not met below', () => {
    expect(GOAL_MET_SHARE).toBe(0.5);
    expect(productGoalVerdict({ goal, measurable: true, released: 29, total: 58 })).toMatchObject({ kind: 'met', headline: 'Product Goal met', share: 0.5 });
    const missed = productGoalVerdict({ goal, measurable: true, released: 16, total: 58 });
    expect(missed).toMatchObject({ kind: 'notMet', headline: 'Product Goal not met' });
    expect(missed.detail).toBe(`"${goal}": 16 of 58 points of work reached users and moved it (28%; it counts as met from 50%).`);
  });

  it('says nobody can tell for a goal without a measure, and that no goal was chosen', () => {
    expect(productGoalVerdict({ goal: 'Be the best café in town', measurable: false, released: 40, total: 40 })).toMatchObject({ kind: 'unknown', share: null });
    expect(productGoalVerdict(null).kind).toBe('none');
    expect(productGoalVerdict({ goal, measurable: true, released: 0, total: 0 }).kind).toBe('notMet');
  });

  it('writes counts for people', () => {
    expect(productGoalVerdict({ goal, measurable: true, released: 1, total: 1 }).detail).toContain('1 of 1 point of work');
  });
});
