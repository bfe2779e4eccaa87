import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import { personaQuality } from './product';

/**
 * The persona built at the briefing decides whom the PO interviews later: one drawn from research
 * finds the people the product is for, who can speak to more of the backlog; one made of
 * stereotypes and guesses, or none, sends the PO to whoever is around.
 */
export function interviewReach(state: GameState, scenario: Scenario): { reach: number; note: string | null } {
  if (!scenario.personaSnippets?.length) return { reach: 2, note: null };
  const q = personaQuality(state, scenario);
  if (q >= 0.75)
    return { reach: 3, note: 'You recruited people who match your persona\u2019s goals and pains: they were the users the product is for, and settled more of the backlog.' };
  if (q < 0.5)
    return {
      reach: 1,
      note: 'With no persona drawn from research, you interviewed whoever was around: they could speak to little of the backlog.',
    };
  return { reach: 2, note: null };
}
