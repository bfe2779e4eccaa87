import { describe, expect, it } from 'vitest';
import { GOALS } from '../../src/assessment/catalogue';
import { goalIdea } from '../../src/assessment/goal-ideas';

describe('the idea behind each learning goal', () => {
  it('exists for every one of the 65 goals, as one short sentence', () => {
    expect(GOALS).toHaveLength(65);
    for (const goal of GOALS) {
      const idea = goalIdea(goal.id);
      expect(idea, goal.id).toBeTypeOf('string');
      expect(idea!.length, goal.id).toBeLessThanOrEqual(200);
      expect(idea, goal.id).toMatch(/^[A-Z].*\.$/);
      // One sentence: no full stop followed by another sentence.
      expect(idea!.slice(0, -1), goal.id).not.toMatch(/\.\s+[A-Z]/);
    }
  });

  it('is not given for an id outside the catalogue', () => {
    expect(goalIdea('D8.1.1')).toBeUndefined();
  });

  it('keeps the 2020 Scrum Guide: the Definition of Ready is optional, the Review a working session', () => {
    expect(goalIdea('D7.1.1')).toMatch(/not part of the Scrum Guide/);
    expect(goalIdea('D5.2.3')).toMatch(/working session/);
    expect(goalIdea('D7.2.1')).toMatch(/whole Scrum Team/);
  });
});
